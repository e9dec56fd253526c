package report

import (
	"unicode"
	"unicode/utf8"

	"opkit/internal/i18n"
	"opkit/internal/intake"
	"opkit/internal/model"
)

// The words Go itself writes into the report and the workbook — sheet and
// column names, the anonymous name of a country, chart bars for answers
// outside the lists — are keys of the catalogue (internal/i18n/catalog,
// "report.*"), in every language opkit writes. The prose of the PDF is in
// templates/LANG/report.md.tmpl.

// L is a text of the catalogue, named by its key ("report.overview").
type L string

// In is the text in lang (English for a language opkit does not write).
func (l L) In(lang string) string { return i18n.T(lang, string(l)) }

var (
	tOverview      = L("report.overview")
	tReturns       = L("report.returns")
	tIntake        = L("report.intake")
	tAwaited       = L("report.awaited")
	tCountry       = L("report.country")
	tCode          = L("report.code")
	tRegion        = L("report.region")
	tVisibility    = L("report.visibility")
	tFile          = L("report.file")
	tSHA           = L("report.sha")
	tStatus        = L("report.status")
	tReasons       = L("report.reasons")
	tWarnings      = L("report.warnings")
	tTemplate      = L("report.template")
	tPackID        = L("report.pack-id")
	tNotAccepted   = L("report.not-accepted")
	tCaseTitle     = L("report.case-title")
	tConfidential  = L("report.confidentiality")
	tFigure        = L("report.figure")
	tNumber        = L("report.number")
	tOtherAnswer   = L("report.other-answer")
	tNotStated     = L("report.not-stated")
	tTypeNotGiven  = L("report.type-not-given")
	tReportTitle   = L("report.title")
	tConsolidated  = L("report.consolidated")
	tCountriesWS   = L("report.countries-ws")
	tFilesReceived = L("report.files-received")
	tAcceptedN     = L("report.accepted-n")
	tRejectedN     = L("report.rejected-n")
	tSupersededN   = L("report.superseded-n")
	tDuplicateN    = L("report.duplicate-n")
	tAwaitedN      = L("report.awaited-n")
	tHeldN         = L("report.held-n")
	tPostponedN    = L("report.postponed-n")
	tNotHeldN      = L("report.not-held-n")
	tAuthoritiesN  = L("report.authorities-n")
	tParticipantsN = L("report.participants-n")
	tOrgsN         = L("report.orgs-n")
	tPublicN       = L("report.public-n")
	tAnonN         = L("report.anon-n")
	tCoalitionN    = L("report.coalition-n")

	// The stance of a country file, as the report's "before the event".
	tStance = map[model.Stance]L{
		model.StanceCommitted: "report.stance.committed",
		model.StanceLeaning:   "report.stance.leaning",
		model.StanceUndecided: "report.stance.undecided",
		model.StanceOpposed:   "report.stance.opposed",
		model.StanceUnknown:   "report.stance.unknown",
	}

	tStatusLabel = map[intake.Status]L{
		intake.Accepted:   "report.intake-status.accepted",
		intake.Rejected:   "report.intake-status.rejected",
		intake.Superseded: "report.intake-status.superseded",
		intake.Duplicate:  "report.intake-status.duplicate",
		intake.Skipped:    "report.intake-status.skipped",
	}

	tAsOf             = L("report.as-of")
	tACountry         = L("report.a-country")
	tACountryInQuoted = L("report.country-in-region")
)

func capFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
