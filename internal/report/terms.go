package report

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"opkit/internal/outcome"
)

// The words Go itself writes into the report and the workbook: sheet and
// column names, the anonymous name of a country, chart bars for answers
// outside the lists. The prose of the PDF is in templates/LANG/report.md.tmpl.

// L is a text in every language, the same side-by-side shape the outcome
// workbook's labels use.
type L = outcome.L

var (
	tOverview      = L{"Overview", "Vue d'ensemble", "Resumen"}
	tReturns       = L{"Returns", "Retours", "Respuestas"}
	tIntake        = L{"Intake log", "Journal de réception", "Registro de recepción"}
	tAwaited       = L{"Awaited", "En attente", "Pendientes"}
	tCountry       = L{"Country", "Pays", "País"}
	tCode          = L{"Code", "Code", "Código"}
	tRegion        = L{"Region", "Région", "Región"}
	tVisibility    = L{"Visibility", "Visibilité", "Visibilidad"}
	tFile          = L{"File", "Fichier", "Archivo"}
	tSHA           = L{"SHA-256", "SHA-256", "SHA-256"}
	tStatus        = L{"Status", "Statut", "Estado"}
	tReasons       = L{"Reasons", "Motifs", "Motivos"}
	tWarnings      = L{"Warnings", "Avertissements", "Advertencias"}
	tTemplate      = L{"Template version", "Version du modèle", "Versión de la plantilla"}
	tPackID        = L{"Pack id", "Identifiant du dossier", "Identificador del dosier"}
	tNotAccepted   = L{"Files received, not accepted", "Fichiers reçus, non acceptés", "Archivos recibidos, no aceptados"}
	tCaseTitle     = L{"Case title (briefing)", "Titre du cas (dossier)", "Título del caso (dosier)"}
	tConfidential  = L{"Confidentiality", "Confidentialité", "Confidencialidad"}
	tFigure        = L{"Figure", "Indicateur", "Indicador"}
	tNumber        = L{"Number", "Nombre", "Número"}
	tAnswer        = L{"Answer", "Réponse", "Respuesta"}
	tOtherAnswer   = L{"Other answer", "Autre réponse", "Otra respuesta"}
	tNotStated     = L{"Not stated", "Non indiqué", "No indicado"}
	tTypeNotGiven  = L{"Type not given", "Type non précisé", "Tipo no indicado"}
	tReportTitle   = L{"Report for New York", "Rapport pour New York", "Informe para Nueva York"}
	tConsolidated  = L{"Consolidated outcomes", "Résultats consolidés", "Resultados consolidados"}
	tCountriesWS   = L{"Countries in the campaign", "Pays de la campagne", "Países de la campaña"}
	tFilesReceived = L{"Files received", "Fichiers reçus", "Archivos recibidos"}
	tAcceptedN     = L{"Returns accepted", "Retours acceptés", "Respuestas aceptadas"}
	tRejectedN     = L{"Files rejected", "Fichiers rejetés", "Archivos rechazados"}
	tSupersededN   = L{"Returns superseded", "Retours remplacés", "Respuestas sustituidas"}
	tDuplicateN    = L{"Duplicate files", "Fichiers en double", "Archivos duplicados"}
	tAwaitedN      = L{"Countries awaited", "Pays en attente", "Países pendientes"}
	tHeldN         = L{"Events held", "Événements tenus", "Eventos celebrados"}
	tPostponedN    = L{"Events postponed", "Événements reportés", "Eventos aplazados"}
	tNotHeldN      = L{"Events not held", "Événements non tenus", "Eventos no celebrados"}
	tAuthoritiesN  = L{"Events with a national authority", "Événements avec une autorité nationale", "Eventos con una autoridad nacional"}
	tParticipantsN = L{"Participants (total)", "Participants (total)", "Participantes (total)"}
	tOrgsN         = L{"Organisations represented (total)", "Organisations représentées (total)", "Organizaciones representadas (total)"}
	tPublicN       = L{"Returns shared publicly", "Retours publics", "Respuestas públicas"}
	tAnonN         = L{"Returns shared anonymously", "Retours anonymisés", "Respuestas anonimizadas"}
	tCoalitionN    = L{"Returns for the Coalition only", "Retours réservés à la Coalition", "Respuestas solo para la Coalición"}

	tStatusLabel = map[string]L{
		"accepted":   {"accepted", "accepté", "aceptado"},
		"rejected":   {"rejected", "rejeté", "rechazado"},
		"superseded": {"superseded", "remplacé", "sustituido"},
		"duplicate":  {"duplicate", "doublon", "duplicado"},
	}
)

// regionPhrase is "a country in REGION" for the regions campaigns name;
// French and Spanish need the right preposition and article, so whole
// phrases are listed. Keys are compared folded.
var regionPhrase = map[string]L{
	"africa":                          {"a country in Africa", "un pays d'Afrique", "un país de África"},
	"americas":                        {"a country in the Americas", "un pays des Amériques", "un país de las Américas"},
	"the americas":                    {"a country in the Americas", "un pays des Amériques", "un país de las Américas"},
	"asia":                            {"a country in Asia", "un pays d'Asie", "un país de Asia"},
	"asia-pacific":                    {"a country in Asia and the Pacific", "un pays d'Asie-Pacifique", "un país de Asia y el Pacífico"},
	"asia pacific":                    {"a country in Asia and the Pacific", "un pays d'Asie-Pacifique", "un país de Asia y el Pacífico"},
	"asia and the pacific":            {"a country in Asia and the Pacific", "un pays d'Asie-Pacifique", "un país de Asia y el Pacífico"},
	"europe":                          {"a country in Europe", "un pays d'Europe", "un país de Europa"},
	"eastern europe":                  {"a country in Eastern Europe", "un pays d'Europe de l'Est", "un país de Europa del Este"},
	"western europe":                  {"a country in Western Europe", "un pays d'Europe de l'Ouest", "un país de Europa Occidental"},
	"latin america":                   {"a country in Latin America", "un pays d'Amérique latine", "un país de América Latina"},
	"latin america and the caribbean": {"a country in Latin America and the Caribbean", "un pays d'Amérique latine et des Caraïbes", "un país de América Latina y el Caribe"},
	"caribbean":                       {"a country in the Caribbean", "un pays des Caraïbes", "un país del Caribe"},
	"north america":                   {"a country in North America", "un pays d'Amérique du Nord", "un país de América del Norte"},
	"middle east":                     {"a country in the Middle East", "un pays du Moyen-Orient", "un país de Oriente Medio"},
	"middle east and north africa":    {"a country in the Middle East and North Africa", "un pays du Moyen-Orient et d'Afrique du Nord", "un país de Oriente Medio y el Norte de África"},
	"mena":                            {"a country in the Middle East and North Africa", "un pays du Moyen-Orient et d'Afrique du Nord", "un país de Oriente Medio y el Norte de África"},
	"pacific":                         {"a country in the Pacific", "un pays du Pacifique", "un país del Pacífico"},
	"central asia":                    {"a country in Central Asia", "un pays d'Asie centrale", "un país de Asia Central"},
	"arab region":                     {"a country in the Arab region", "un pays de la région arabe", "un país de la región árabe"},
}

// anonymousName is how a country that must not be named appears: "A country
// in Africa". An unknown or empty region is quoted as written, or left out.
func anonymousName(lang, region string) string {
	key := strings.ToLower(strings.Join(strings.Fields(region), " "))
	if p, ok := regionPhrase[key]; ok {
		return capFirst(p.In(lang))
	}
	if key == "" {
		return capFirst(L{"a country", "un pays", "un país"}.In(lang))
	}
	return capFirst(strings.Replace(L{"a country in the region “%s”", "un pays de la région « %s »", "un país de la región «%s»"}.In(lang), "%s", region, 1))
}

func capFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
