package plan

import (
	"fmt"
	"slices"

	"opkit/internal/render"
)

// labels holds the words of the plan per language. Codes stay in the Plan;
// words are looked up only when the plan is written, so the workbook and
// the PDF of one plan always agree and a test can check codes, not prose.
// Entries with %s take arguments (dates, language lists, member names).
var labels = map[string]map[string]string{
	"en": {

		"kindshort.short-meeting":          "Short meeting",
		"kindshort.public-event":           "Public event",
		"kindshort.substantive-discussion": "Substantive discussion",
		"kindshort.closed-meeting":         "Closed meeting",

		"reason.stance-committed":   "the government has committed to sign",
		"reason.stance-leaning":     "the government leans toward signing",
		"reason.stance-undecided":   "the government is undecided",
		"reason.stance-opposed":     "the government opposes signing",
		"reason.stance-unknown":     "the government's intention is unknown",
		"reason.low-profile":        "the partner needs a low profile",
		"reason.phase-ratification": "the work is toward ratification",

		"stance.committed": "Committed",
		"stance.leaning":   "Leaning",
		"stance.undecided": "Undecided",
		"stance.opposed":   "Opposed",
		"stance.unknown":   "Unknown",

		"visibility.public":      "Public",
		"visibility.low-profile": "Low profile",

		"phase.signature":    "Signature",
		"phase.ratification": "Ratification",

		"format.public-forum":   "Public forum",
		"format.roundtable":     "Roundtable",
		"format.closed-meeting": "Closed meeting",
		"format.none":           "None",

		"date.none":            "No date",
		"date.in-window":       "In the window",
		"date.before-window":   "Before the window",
		"date.after-window":    "After the window",
		"date.after-signature": "After the signature date",

		"authority.confirmed": "Confirmed",
		"authority.invited":   "Invited",
		"authority.declined":  "Declined",
		"authority.none":      "None invited",

		"pack.complete":  "Complete",
		"pack.missing":   "Missing: %s",
		"part.situation": "situation",
		"part.cases":     "cases",
		"part.remedies":  "remedies",
		"part.politics":  "politics",

		"severity.warning": "Warning",
		"severity.note":    "Note",

		"check.date-missing":              "The event has no date.",
		"check.date-before-window":        "The event (%s) is before the campaign window (%s to %s).",
		"check.date-after-window":         "The event (%s) is after the campaign window (%s to %s).",
		"check.date-after-signature":      "A signature-phase event (%s) falls after the signature date (%s).",
		"check.authority-none":            "No national authority is invited.",
		"check.authority-declined":        "Every national authority invited has declined.",
		"check.authority-invited":         "The national authority has not confirmed yet.",
		"check.format-public-low-profile": "A public forum is planned although the partner needs a low profile.",
		"check.format-closed-public":      "A closed meeting is planned where a public event would have more impact.",
		"check.event-missing":             "The triage calls for an event but none is planned.",
		"check.event-optional":            "The government has committed to sign: a short meeting is enough.",
		"check.sc-no-event":               "A Steering Committee member is requested but no event is planned.",
		"check.pack-incomplete":           "Pack inputs missing: %s.",

		"gap.no-date":             "The event has no date.",
		"gap.no-language":         "No member speaks %s.",
		"gap.no-availability":     "No member who speaks the language is available on %s.",
		"gap.at-capacity":         "Every member able to go has reached their maximum number of events (%s).",
		"gap.busy-nearby":         "Every member able to go has another event within a day (%s).",
		"gap.at-capacity-or-busy": "Every member able to go is at their maximum or has another event within a day (%s).",

		"search.exact":   "The assignment covers the most requests possible.",
		"search.bounded": "The search was bounded on this large instance: the assignment is the best found, not proven maximal.",

		"timeline.events":    "%d events",
		"timeline.window":    "Event window",
		"timeline.signature": "Signature",

		"yes": "Yes",
		"no":  "No",

		"sheet.summary":     "Summary",
		"sheet.countries":   "Countries",
		"sheet.checks":      "Checks",
		"sheet.assignments": "SC assignments",
		"sheet.gaps":        "SC gaps",
		"sheet.members":     "SC members",

		"col.item":         "Item",
		"col.count":        "Count",
		"col.code":         "Code",
		"col.country":      "Country",
		"col.region":       "Region",
		"col.stance":       "Stance",
		"col.visibility":   "Visibility",
		"col.phase":        "Phase",
		"col.triage":       "Triage",
		"col.reason":       "Reason",
		"col.aim":          "Aim",
		"col.event-needed": "Event needed",
		"col.date":         "Event date",
		"col.date-status":  "Date vs window",
		"col.format":       "Format",
		"col.city":         "City",
		"col.authority":    "Authority",
		"col.pack":         "Pack",
		"col.sc-request":   "SC requested",
		"col.sc-member":    "SC member",
		"col.checks":       "Checks",
		"col.severity":     "Severity",
		"col.message":      "Message",
		"col.languages":    "Languages",
		"col.member-id":    "Member ID",
		"col.member":       "Member",
		"col.organisation": "Organisation",
		"col.same-region":  "Same region",
		"col.max-events":   "Max events",
		"col.assigned":     "Assigned",
		"col.countries":    "Countries",
		"col.able":         "Able members",

		"sum.countries": "Countries",
		"sum.events":    "Events planned",
		"sum.requests":  "SC requests",
		"sum.covered":   "Requests covered",
		"sum.uncovered": "Requests uncovered",
		"sum.warnings":  "Warnings",
		"sep.reasons":   "; ",
		"doc.title":     "Coordination plan",
		"doc.marking":   "STAFF ONLY",
		"sum.triage":    "Triage: %s",
	},
	"fr": {

		"kindshort.short-meeting":          "Réunion courte",
		"kindshort.public-event":           "Événement public",
		"kindshort.substantive-discussion": "Discussion de fond",
		"kindshort.closed-meeting":         "Réunion à huis clos",

		"reason.stance-committed":   "le gouvernement s'est engagé à signer",
		"reason.stance-leaning":     "le gouvernement penche pour la signature",
		"reason.stance-undecided":   "le gouvernement est indécis",
		"reason.stance-opposed":     "le gouvernement s'oppose à la signature",
		"reason.stance-unknown":     "l'intention du gouvernement est inconnue",
		"reason.low-profile":        "le partenaire doit rester discret",
		"reason.phase-ratification": "le travail vise la ratification",

		"stance.committed": "Engagé",
		"stance.leaning":   "Favorable",
		"stance.undecided": "Indécis",
		"stance.opposed":   "Opposé",
		"stance.unknown":   "Inconnue",

		"visibility.public":      "Publique",
		"visibility.low-profile": "Discrète",

		"phase.signature":    "Signature",
		"phase.ratification": "Ratification",

		"format.public-forum":   "Forum public",
		"format.roundtable":     "Table ronde",
		"format.closed-meeting": "Réunion à huis clos",
		"format.none":           "Aucun",

		"date.none":            "Pas de date",
		"date.in-window":       "Dans la période",
		"date.before-window":   "Avant la période",
		"date.after-window":    "Après la période",
		"date.after-signature": "Après la date de signature",

		"authority.confirmed": "Confirmée",
		"authority.invited":   "Invitée",
		"authority.declined":  "A décliné",
		"authority.none":      "Aucune invitée",

		"pack.complete":  "Complet",
		"pack.missing":   "Manque : %s",
		"part.situation": "situation",
		"part.cases":     "cas",
		"part.remedies":  "recours",
		"part.politics":  "contexte politique",

		"severity.warning": "Avertissement",
		"severity.note":    "Remarque",

		"check.date-missing":              "L'événement n'a pas de date.",
		"check.date-before-window":        "L'événement (%s) a lieu avant la période de la campagne (du %s au %s).",
		"check.date-after-window":         "L'événement (%s) a lieu après la période de la campagne (du %s au %s).",
		"check.date-after-signature":      "Un événement de la phase de signature (%s) tombe après la date de signature (%s).",
		"check.authority-none":            "Aucune autorité nationale n'est invitée.",
		"check.authority-declined":        "Toutes les autorités nationales invitées ont décliné.",
		"check.authority-invited":         "L'autorité nationale n'a pas encore confirmé.",
		"check.format-public-low-profile": "Un forum public est prévu alors que le partenaire doit rester discret.",
		"check.format-closed-public":      "Une réunion à huis clos est prévue là où un événement public aurait plus d'impact.",
		"check.event-missing":             "Le triage appelle un événement, mais aucun n'est prévu.",
		"check.event-optional":            "Le gouvernement s'est engagé à signer : une courte réunion suffit.",
		"check.sc-no-event":               "Un membre du Comité de pilotage est demandé, mais aucun événement n'est prévu.",
		"check.pack-incomplete":           "Éléments du dossier manquants : %s.",

		"gap.no-date":             "L'événement n'a pas de date.",
		"gap.no-language":         "Aucun membre ne parle %s.",
		"gap.no-availability":     "Aucun membre parlant la langue n'est disponible le %s.",
		"gap.at-capacity":         "Tous les membres en mesure d'y aller ont atteint leur nombre maximal d'événements (%s).",
		"gap.busy-nearby":         "Tous les membres en mesure d'y aller ont un autre événement à un jour près (%s).",
		"gap.at-capacity-or-busy": "Tous les membres en mesure d'y aller sont à leur maximum ou ont un autre événement à un jour près (%s).",

		"search.exact":   "L'affectation couvre le plus grand nombre possible de demandes.",
		"search.bounded": "La recherche a été limitée sur ce très grand cas : l'affectation est la meilleure trouvée, sans preuve qu'elle soit maximale.",

		"timeline.events":    "%d événements",
		"timeline.window":    "Période des événements",
		"timeline.signature": "Signature",

		"yes": "Oui",
		"no":  "Non",

		"sheet.summary":     "Résumé",
		"sheet.countries":   "Pays",
		"sheet.checks":      "Vérifications",
		"sheet.assignments": "Affectations CP",
		"sheet.gaps":        "Demandes non couvertes",
		"sheet.members":     "Membres CP",

		"col.item":         "Élément",
		"col.count":        "Nombre",
		"col.code":         "Code",
		"col.country":      "Pays",
		"col.region":       "Région",
		"col.stance":       "Position",
		"col.visibility":   "Visibilité",
		"col.phase":        "Phase",
		"col.triage":       "Triage",
		"col.reason":       "Raison",
		"col.aim":          "Objectif",
		"col.event-needed": "Événement nécessaire",
		"col.date":         "Date de l'événement",
		"col.date-status":  "Date et période",
		"col.format":       "Format",
		"col.city":         "Ville",
		"col.authority":    "Autorité",
		"col.pack":         "Dossier",
		"col.sc-request":   "Membre du CP demandé",
		"col.sc-member":    "Membre du CP",
		"col.checks":       "Vérifications",
		"col.severity":     "Gravité",
		"col.message":      "Message",
		"col.languages":    "Langues",
		"col.member-id":    "Identifiant",
		"col.member":       "Membre",
		"col.organisation": "Organisation",
		"col.same-region":  "Même région",
		"col.max-events":   "Événements max.",
		"col.assigned":     "Affectés",
		"col.countries":    "Pays",
		"col.able":         "Membres en mesure d'y aller",

		"sum.countries": "Pays",
		"sum.events":    "Événements prévus",
		"sum.requests":  "Demandes de membre du CP",
		"sum.covered":   "Demandes couvertes",
		"sum.uncovered": "Demandes non couvertes",
		"sum.warnings":  "Avertissements",
		"sep.reasons":   " ; ",
		"doc.title":     "Plan de coordination",
		"doc.marking":   "USAGE INTERNE",
		"sum.triage":    "Triage : %s",
	},
	"es": {

		"kindshort.short-meeting":          "Reunión breve",
		"kindshort.public-event":           "Evento público",
		"kindshort.substantive-discussion": "Debate sustantivo",
		"kindshort.closed-meeting":         "Reunión cerrada",

		"reason.stance-committed":   "el gobierno se ha comprometido a firmar",
		"reason.stance-leaning":     "el gobierno se inclina por firmar",
		"reason.stance-undecided":   "el gobierno está indeciso",
		"reason.stance-opposed":     "el gobierno se opone a firmar",
		"reason.stance-unknown":     "se desconoce la intención del gobierno",
		"reason.low-profile":        "la organización socia necesita un perfil bajo",
		"reason.phase-ratification": "el trabajo apunta a la ratificación",

		"stance.committed": "Comprometido",
		"stance.leaning":   "Favorable",
		"stance.undecided": "Indeciso",
		"stance.opposed":   "En contra",
		"stance.unknown":   "Desconocida",

		"visibility.public":      "Pública",
		"visibility.low-profile": "Perfil bajo",

		"phase.signature":    "Firma",
		"phase.ratification": "Ratificación",

		"format.public-forum":   "Foro público",
		"format.roundtable":     "Mesa redonda",
		"format.closed-meeting": "Reunión cerrada",
		"format.none":           "Ninguno",

		"date.none":            "Sin fecha",
		"date.in-window":       "Dentro del periodo",
		"date.before-window":   "Antes del periodo",
		"date.after-window":    "Después del periodo",
		"date.after-signature": "Después de la fecha de firma",

		"authority.confirmed": "Confirmada",
		"authority.invited":   "Invitada",
		"authority.declined":  "Declinó",
		"authority.none":      "Ninguna invitada",

		"pack.complete":  "Completo",
		"pack.missing":   "Falta: %s",
		"part.situation": "situación",
		"part.cases":     "casos",
		"part.remedies":  "recursos",
		"part.politics":  "contexto político",

		"severity.warning": "Advertencia",
		"severity.note":    "Nota",

		"check.date-missing":              "El evento no tiene fecha.",
		"check.date-before-window":        "El evento (%s) es anterior al periodo de la campaña (del %s al %s).",
		"check.date-after-window":         "El evento (%s) es posterior al periodo de la campaña (del %s al %s).",
		"check.date-after-signature":      "Un evento de la fase de firma (%s) cae después de la fecha de firma (%s).",
		"check.authority-none":            "No se ha invitado a ninguna autoridad nacional.",
		"check.authority-declined":        "Todas las autoridades nacionales invitadas han declinado.",
		"check.authority-invited":         "La autoridad nacional aún no ha confirmado.",
		"check.format-public-low-profile": "Se prevé un foro público aunque la organización socia necesita un perfil bajo.",
		"check.format-closed-public":      "Se prevé una reunión cerrada donde un evento público tendría más impacto.",
		"check.event-missing":             "El triaje pide un evento, pero no hay ninguno previsto.",
		"check.event-optional":            "El gobierno se ha comprometido a firmar: basta una reunión breve.",
		"check.sc-no-event":               "Se solicita un miembro del Comité Directivo, pero no hay ningún evento previsto.",
		"check.pack-incomplete":           "Faltan elementos del material: %s.",

		"gap.no-date":             "El evento no tiene fecha.",
		"gap.no-language":         "Ningún miembro habla %s.",
		"gap.no-availability":     "Ningún miembro que hable el idioma está disponible el %s.",
		"gap.at-capacity":         "Todos los miembros que podrían ir han alcanzado su número máximo de eventos (%s).",
		"gap.busy-nearby":         "Todos los miembros que podrían ir tienen otro evento con un día de diferencia (%s).",
		"gap.at-capacity-or-busy": "Todos los miembros que podrían ir están en su máximo o tienen otro evento con un día de diferencia (%s).",

		"search.exact":   "La asignación cubre el mayor número posible de solicitudes.",
		"search.bounded": "La búsqueda se limitó en este caso tan grande: la asignación es la mejor encontrada, sin prueba de que sea máxima.",

		"timeline.events":    "%d eventos",
		"timeline.window":    "Periodo de eventos",
		"timeline.signature": "Firma",

		"yes": "Sí",
		"no":  "No",

		"sheet.summary":     "Resumen",
		"sheet.countries":   "Países",
		"sheet.checks":      "Verificaciones",
		"sheet.assignments": "Asignaciones CD",
		"sheet.gaps":        "Solicitudes sin cubrir",
		"sheet.members":     "Miembros CD",

		"col.item":         "Elemento",
		"col.count":        "Número",
		"col.code":         "Código",
		"col.country":      "País",
		"col.region":       "Región",
		"col.stance":       "Postura",
		"col.visibility":   "Visibilidad",
		"col.phase":        "Fase",
		"col.triage":       "Triaje",
		"col.reason":       "Motivo",
		"col.aim":          "Objetivo",
		"col.event-needed": "Evento necesario",
		"col.date":         "Fecha del evento",
		"col.date-status":  "Fecha y periodo",
		"col.format":       "Formato",
		"col.city":         "Ciudad",
		"col.authority":    "Autoridad",
		"col.pack":         "Material",
		"col.sc-request":   "Miembro del CD solicitado",
		"col.sc-member":    "Miembro del CD",
		"col.checks":       "Verificaciones",
		"col.severity":     "Gravedad",
		"col.message":      "Mensaje",
		"col.languages":    "Idiomas",
		"col.member-id":    "Identificador",
		"col.member":       "Miembro",
		"col.organisation": "Organización",
		"col.same-region":  "Misma región",
		"col.max-events":   "Eventos máx.",
		"col.assigned":     "Asignados",
		"col.countries":    "Países",
		"col.able":         "Miembros que podrían ir",

		"sum.countries": "Países",
		"sum.events":    "Eventos previstos",
		"sum.requests":  "Solicitudes de miembro del CD",
		"sum.covered":   "Solicitudes cubiertas",
		"sum.uncovered": "Solicitudes sin cubrir",
		"sum.warnings":  "Advertencias",
		"sep.reasons":   "; ",
		"doc.title":     "Plan de coordinación",
		"doc.marking":   "USO INTERNO",
		"sum.triage":    "Triaje: %s",
	},
}

// LabelLang is the label language used for a campaign language: the
// language itself when the plan speaks it, English otherwise.
func LabelLang(lang string) string {
	if _, ok := labels[lang]; ok {
		return lang
	}
	return "en"
}

// The long recommendation of each triage kind is the briefing's own
// sentence (render's "kind.*" terms), so the plan and the briefings say the
// same thing.
func init() {
	for lang, words := range labels {
		for _, k := range kinds {
			words["kind."+string(k)] = render.Term(lang, "kind."+string(k))
		}
	}
}

// Label gives the words for a code in a language, filling %s with args. An
// unknown code comes back as itself so that a missing entry shows in the
// output instead of vanishing; a test keeps the table complete.
func Label(lang, code string, args ...any) string {
	s, ok := labels[LabelLang(lang)][code]
	if !ok {
		s, ok = labels["en"][code]
	}
	if !ok {
		return code
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// labelCodes lists the codes of a language, sorted; tests compare them.
func labelCodes(lang string) []string {
	var out []string
	for k := range labels[lang] {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
