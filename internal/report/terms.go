package report

import (
	"unicode"
	"unicode/utf8"

	"opkit/internal/intake"
	"opkit/internal/model"
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

	// The stance of a country file, as the report's "before the event".
	tStance = map[model.Stance]L{
		model.StanceCommitted: {En: "Committed to sign", Fr: "Engagé à signer", Es: "Comprometido a firmar"},
		model.StanceLeaning:   {En: "Leaning toward signing", Fr: "Enclin à signer", Es: "Inclinado a firmar"},
		model.StanceUndecided: {En: "Undecided", Fr: "Indécis", Es: "Indeciso"},
		model.StanceOpposed:   {En: "Opposed", Fr: "Opposé", Es: "En contra"},
		model.StanceUnknown:   {En: "Not known", Fr: "Inconnue", Es: "Desconocida"},
	}

	tStatusLabel = map[intake.Status]L{
		intake.Accepted:   {En: "accepted", Fr: "accepté", Es: "aceptado"},
		intake.Rejected:   {En: "rejected", Fr: "rejeté", Es: "rechazado"},
		intake.Superseded: {En: "superseded", Fr: "remplacé", Es: "sustituido"},
		intake.Duplicate:  {En: "duplicate", Fr: "doublon", Es: "duplicado"},
		intake.Skipped:    {En: "skipped (folder)", Fr: "ignoré (dossier)", Es: "omitido (carpeta)"},
	}

	tAsOf             = L{En: "as of %s", Fr: "situation au %s", Es: "situación al %s"}
	tACountry         = L{En: "a country", Fr: "un pays", Es: "un país"}
	tACountryInQuoted = L{En: "a country in the region “%s”", Fr: "un pays de la région « %s »", Es: "un país de la región «%s»"}
)

func capFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
