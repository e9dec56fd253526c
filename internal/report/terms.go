package report

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"opkit/internal/intake"
	"opkit/internal/outcome"
)

// The words Go itself writes into the report and the workbook: sheet and
// column names, the anonymous name of a country, chart bars for answers
// outside the lists. The prose of the PDF is in templates/LANG/report.md.tmpl.

// L is a text in every language, the same side-by-side shape the outcome
// workbook's labels use.
type L = outcome.L

var (
	tOverview      = L{En: "Overview", Fr: "Vue d'ensemble", Es: "Resumen"}
	tReturns       = L{En: "Returns", Fr: "Retours", Es: "Respuestas"}
	tIntake        = L{En: "Intake log", Fr: "Journal de réception", Es: "Registro de recepción"}
	tAwaited       = L{En: "Awaited", Fr: "En attente", Es: "Pendientes"}
	tCountry       = L{En: "Country", Fr: "Pays", Es: "País"}
	tCode          = L{En: "Code", Fr: "Code", Es: "Código"}
	tRegion        = L{En: "Region", Fr: "Région", Es: "Región"}
	tVisibility    = L{En: "Visibility", Fr: "Visibilité", Es: "Visibilidad"}
	tFile          = L{En: "File", Fr: "Fichier", Es: "Archivo"}
	tSHA           = L{En: "SHA-256", Fr: "SHA-256", Es: "SHA-256"}
	tStatus        = L{En: "Status", Fr: "Statut", Es: "Estado"}
	tReasons       = L{En: "Reasons", Fr: "Motifs", Es: "Motivos"}
	tWarnings      = L{En: "Warnings", Fr: "Avertissements", Es: "Advertencias"}
	tTemplate      = L{En: "Template version", Fr: "Version du modèle", Es: "Versión de la plantilla"}
	tPackID        = L{En: "Pack id", Fr: "Identifiant du dossier", Es: "Identificador del dosier"}
	tNotAccepted   = L{En: "Files received, not accepted", Fr: "Fichiers reçus, non acceptés", Es: "Archivos recibidos, no aceptados"}
	tCaseTitle     = L{En: "Case title (briefing)", Fr: "Titre du cas (dossier)", Es: "Título del caso (dosier)"}
	tConfidential  = L{En: "Confidentiality", Fr: "Confidentialité", Es: "Confidencialidad"}
	tFigure        = L{En: "Figure", Fr: "Indicateur", Es: "Indicador"}
	tNumber        = L{En: "Number", Fr: "Nombre", Es: "Número"}
	tOtherAnswer   = L{En: "Other answer", Fr: "Autre réponse", Es: "Otra respuesta"}
	tNotStated     = L{En: "Not stated", Fr: "Non indiqué", Es: "No indicado"}
	tTypeNotGiven  = L{En: "Type not given", Fr: "Type non précisé", Es: "Tipo no indicado"}
	tReportTitle   = L{En: "Report for New York", Fr: "Rapport pour New York", Es: "Informe para Nueva York"}
	tConsolidated  = L{En: "Consolidated outcomes", Fr: "Résultats consolidés", Es: "Resultados consolidados"}
	tCountriesWS   = L{En: "Countries in the campaign", Fr: "Pays de la campagne", Es: "Países de la campaña"}
	tFilesReceived = L{En: "Files received", Fr: "Fichiers reçus", Es: "Archivos recibidos"}
	tAcceptedN     = L{En: "Returns accepted", Fr: "Retours acceptés", Es: "Respuestas aceptadas"}
	tRejectedN     = L{En: "Files rejected", Fr: "Fichiers rejetés", Es: "Archivos rechazados"}
	tSupersededN   = L{En: "Returns superseded", Fr: "Retours remplacés", Es: "Respuestas sustituidas"}
	tDuplicateN    = L{En: "Duplicate files", Fr: "Fichiers en double", Es: "Archivos duplicados"}
	tAwaitedN      = L{En: "Countries awaited", Fr: "Pays en attente", Es: "Países pendientes"}
	tHeldN         = L{En: "Events held", Fr: "Événements tenus", Es: "Eventos celebrados"}
	tPostponedN    = L{En: "Events postponed", Fr: "Événements reportés", Es: "Eventos aplazados"}
	tNotHeldN      = L{En: "Events not held", Fr: "Événements non tenus", Es: "Eventos no celebrados"}
	tAuthoritiesN  = L{En: "Events with a national authority", Fr: "Événements avec une autorité nationale", Es: "Eventos con una autoridad nacional"}
	tParticipantsN = L{En: "Participants (total)", Fr: "Participants (total)", Es: "Participantes (total)"}
	tOrgsN         = L{En: "Organisations represented (total)", Fr: "Organisations représentées (total)", Es: "Organizaciones representadas (total)"}
	tPublicN       = L{En: "Returns shared publicly", Fr: "Retours publics", Es: "Respuestas públicas"}
	tAnonN         = L{En: "Returns shared anonymously", Fr: "Retours anonymisés", Es: "Respuestas anonimizadas"}
	tCoalitionN    = L{En: "Returns for the Coalition only", Fr: "Retours réservés à la Coalition", Es: "Respuestas solo para la Coalición"}

	tStatusLabel = map[intake.Status]L{
		intake.Accepted:   {En: "accepted", Fr: "accepté", Es: "aceptado"},
		intake.Rejected:   {En: "rejected", Fr: "rejeté", Es: "rechazado"},
		intake.Superseded: {En: "superseded", Fr: "remplacé", Es: "sustituido"},
		intake.Duplicate:  {En: "duplicate", Fr: "doublon", Es: "duplicado"},
		intake.Skipped:    {En: "skipped (folder)", Fr: "ignoré (dossier)", Es: "omitido (carpeta)"},
	}
)

// regionPhrase is "a country in REGION" for the regions campaigns name;
// French and Spanish need the right preposition and article, so whole
// phrases are listed. Keys are compared folded.
var regionPhrase = map[string]L{
	"africa":                          {En: "a country in Africa", Fr: "un pays d'Afrique", Es: "un país de África"},
	"americas":                        {En: "a country in the Americas", Fr: "un pays des Amériques", Es: "un país de las Américas"},
	"the americas":                    {En: "a country in the Americas", Fr: "un pays des Amériques", Es: "un país de las Américas"},
	"asia":                            {En: "a country in Asia", Fr: "un pays d'Asie", Es: "un país de Asia"},
	"asia-pacific":                    {En: "a country in Asia and the Pacific", Fr: "un pays d'Asie-Pacifique", Es: "un país de Asia y el Pacífico"},
	"asia pacific":                    {En: "a country in Asia and the Pacific", Fr: "un pays d'Asie-Pacifique", Es: "un país de Asia y el Pacífico"},
	"asia and the pacific":            {En: "a country in Asia and the Pacific", Fr: "un pays d'Asie-Pacifique", Es: "un país de Asia y el Pacífico"},
	"europe":                          {En: "a country in Europe", Fr: "un pays d'Europe", Es: "un país de Europa"},
	"eastern europe":                  {En: "a country in Eastern Europe", Fr: "un pays d'Europe de l'Est", Es: "un país de Europa del Este"},
	"western europe":                  {En: "a country in Western Europe", Fr: "un pays d'Europe de l'Ouest", Es: "un país de Europa Occidental"},
	"latin america":                   {En: "a country in Latin America", Fr: "un pays d'Amérique latine", Es: "un país de América Latina"},
	"latin america and the caribbean": {En: "a country in Latin America and the Caribbean", Fr: "un pays d'Amérique latine et des Caraïbes", Es: "un país de América Latina y el Caribe"},
	"caribbean":                       {En: "a country in the Caribbean", Fr: "un pays des Caraïbes", Es: "un país del Caribe"},
	"north america":                   {En: "a country in North America", Fr: "un pays d'Amérique du Nord", Es: "un país de América del Norte"},
	"middle east":                     {En: "a country in the Middle East", Fr: "un pays du Moyen-Orient", Es: "un país de Oriente Medio"},
	"europe-central-asia":             {En: "a country in Europe and Central Asia", Fr: "un pays d'Europe et d'Asie centrale", Es: "un país de Europa y Asia Central"},
	"middle-east-north-africa":        {En: "a country in the Middle East and North Africa", Fr: "un pays du Moyen-Orient et d'Afrique du Nord", Es: "un país de Oriente Medio y el Norte de África"},
	"middle east and north africa":    {En: "a country in the Middle East and North Africa", Fr: "un pays du Moyen-Orient et d'Afrique du Nord", Es: "un país de Oriente Medio y el Norte de África"},
	"mena":                            {En: "a country in the Middle East and North Africa", Fr: "un pays du Moyen-Orient et d'Afrique du Nord", Es: "un país de Oriente Medio y el Norte de África"},
	"pacific":                         {En: "a country in the Pacific", Fr: "un pays du Pacifique", Es: "un país del Pacífico"},
	"central asia":                    {En: "a country in Central Asia", Fr: "un pays d'Asie centrale", Es: "un país de Asia Central"},
	"arab region":                     {En: "a country in the Arab region", Fr: "un pays de la région arabe", Es: "un país de la región árabe"},
}

// anonymousName is how a country that must not be named appears: "A country
// in Africa". An unknown or empty region is quoted as written, or left out.
func anonymousName(lang, region string) string {
	key := strings.ToLower(strings.Join(strings.Fields(region), " "))
	if p, ok := regionPhrase[key]; ok {
		return capFirst(p.In(lang))
	}
	if key == "" {
		return capFirst(L{En: "a country", Fr: "un pays", Es: "un país"}.In(lang))
	}
	return capFirst(strings.Replace(L{En: "a country in the region “%s”", Fr: "un pays de la région « %s »", Es: "un país de la región «%s»"}.In(lang), "%s", region, 1))
}

func capFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
