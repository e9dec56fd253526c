package outcome

import (
	"fmt"
	"strings"
)

// sheetTitles localises the sheet names partners see. The reader never
// depends on them; only the diagnostics show them.
var sheetTitles = map[string]L{
	SheetInstructions: "outcome.sheet.instructions",
	SheetEvent:        "outcome.sheet.event",
	SheetLists:        "outcome.sheet.lists",
	SheetMeta:         "outcome.sheet.meta",
}

// SheetName returns the sheet's name in a workbook written in lang. Table
// sheets are named after the table's title.
func SheetName(key, lang string) string {
	if t, ok := sheetTitles[key]; ok {
		return t.In(lang)
	}
	if t := TableByName(key); t != nil {
		return t.Title.In(lang)
	}
	return key
}

// Interface texts of the workbook.
var (
	txtTitle         = L("outcome.outcome-national-event-s")
	txtFill          = L("outcome.fill-yellow-cells-fields-marked")
	txtTableFill     = L("outcome.write-one-item-per-row")
	txtInvalidChoice = L("outcome.please-choose-value-from-list")
	txtInvalidDate   = L("outcome.please-enter-date-between-2000")
	txtInvalidInt    = L("outcome.please-enter-whole-number-between")
	txtInvalidLen    = L("outcome.please-keep-this-at-most")
	txtInvalidEmail  = L("outcome.please-enter-mail-address-name")
	txtCaseOther     = L("outcome.this-case-not-briefing-keep")
	txtErrorTitle    = L("outcome.check-value")
	txtDocTitle      = L("outcome.outcome-workbook-s")
	txtSubject       = L("outcome.optional-protocol-icescr-outcome-national")
	txtPackID        = L("outcome.workbook-reference-s-template-s")
)

// instructions returns the paragraphs of the instructions sheet.
func instructions(lang, country, coalition, contact string) []string {
	tables := make([]string, len(Tables))
	for i, t := range Tables {
		tables[i] = fmt.Sprintf(L("outcome.instr.quote").In(lang), t.Title.In(lang))
	}
	// The sharing choices are named as the drop-down shows them.
	sharing := func(code string) string { return OptionLabel(FieldByName(Sharing).Options, code, lang) }
	f := func(key string, args ...any) string { return fmt.Sprintf(L("outcome.instr."+key).In(lang), args...) }
	p := []string{
		f("intro", country, coalition),
		f("1", SheetName(SheetEvent, lang)),
		f("2"),
		f("3", strings.Join(tables, L("outcome.instr.list-sep").In(lang))),
		f("4", sharing(SharingPublic), sharing(SharingCoalitionOnly), sharing(SharingAnonymised)),
		f("5"),
	}
	if contact != "" {
		p = append(p, f("6", contact))
	}
	return p
}
