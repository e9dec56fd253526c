package plan

// The words of the plan's contacts and standing, kept apart from labels.go
// so that they move into the catalogue as one block.
var standingLabels = map[string]map[string]string{
	"en": {
		"sheet.contacts":            "Contacts",
		"sheet.standing":            "Standing",
		"col.partner":               "Partner",
		"col.lead":                  "Lead",
		"col.contact":               "Contact person",
		"col.email":                 "Email",
		"col.pack-built":            "Pack built",
		"col.event-fixed":           "Event fixed",
		"col.authority-confirmed":   "Authority confirmed",
		"col.return-received":       "Return received",
		"col.returns-due":           "Returns due",
		"standing.unchecked":        "not checked",
		"sum.packs-built":           "Packs built",
		"sum.events-fixed":          "Events fixed (date, city, venue)",
		"sum.authorities-confirmed": "Authorities confirmed",
		"sum.returns-received":      "Returns received",
	},
	"fr": {
		"sheet.contacts":            "Contacts",
		"sheet.standing":            "Avancement",
		"col.partner":               "Partenaire",
		"col.lead":                  "Chef de file",
		"col.contact":               "Personne de contact",
		"col.email":                 "Courriel",
		"col.pack-built":            "Dossier produit",
		"col.event-fixed":           "Événement fixé",
		"col.authority-confirmed":   "Autorité confirmée",
		"col.return-received":       "Retour reçu",
		"col.returns-due":           "Retours attendus le",
		"standing.unchecked":        "non vérifié",
		"sum.packs-built":           "Dossiers produits",
		"sum.events-fixed":          "Événements fixés (date, ville, lieu)",
		"sum.authorities-confirmed": "Autorités confirmées",
		"sum.returns-received":      "Retours reçus",
	},
	"es": {
		"sheet.contacts":            "Contactos",
		"sheet.standing":            "Avance",
		"col.partner":               "Organización asociada",
		"col.lead":                  "Coordinadora",
		"col.contact":               "Persona de contacto",
		"col.email":                 "Correo electrónico",
		"col.pack-built":            "Dossier generado",
		"col.event-fixed":           "Evento fijado",
		"col.authority-confirmed":   "Autoridad confirmada",
		"col.return-received":       "Resultados recibidos",
		"col.returns-due":           "Plazo de entrega",
		"standing.unchecked":        "sin verificar",
		"sum.packs-built":           "Dossiers generados",
		"sum.events-fixed":          "Eventos fijados (fecha, ciudad, lugar)",
		"sum.authorities-confirmed": "Autoridades confirmadas",
		"sum.returns-received":      "Resultados recibidos",
	},
}

func init() {
	for lang, m := range standingLabels {
		for k, v := range m {
			labels[lang][k] = v
		}
	}
}
