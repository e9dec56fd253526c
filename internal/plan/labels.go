package plan

import (
	"fmt"
	"slices"
	"strings"

	"opkit/internal/i18n"
)

// The words of the plan live in the catalogue (internal/i18n/catalog), as
// "plan.CODE". Codes stay in the Plan; words are looked up only when the
// plan is written, so the workbook and the PDF of one plan always agree and
// a test can check codes, not prose. Entries with %s take arguments (dates,
// language lists, member names).

// LabelLang is the label language used for a campaign language: the
// language itself when opkit writes it, English otherwise.
func LabelLang(lang string) string { return i18n.Lang(lang) }

// Label gives the words for a code in a language, filling %s with args. The
// triage's words ("kind.*", "kindshort.*", "aim.*", "reason.*") are the
// catalogue's own groups, shared with the organisers' briefing, so the plan
// and the briefings say the same thing; an aim starts a table cell, so it
// gets a capital. An unknown
// code comes back as itself so that a missing entry shows in the output
// instead of vanishing; a test keeps the table complete.
func Label(lang, code string, args ...any) string {
	s, ok := i18n.Lookup(lang, "plan."+code)
	if !ok && triageWords(code) {
		s, ok = i18n.Lookup(lang, code)
		if ok && strings.HasPrefix(code, "aim.") {
			r := []rune(s)
			s = strings.ToUpper(string(r[:1])) + string(r[1:])
		}
	}
	if !ok {
		return code
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

func triageWords(code string) bool {
	for _, g := range []string{"kind.", "kindshort.", "aim.", "reason."} {
		if strings.HasPrefix(code, g) {
			return true
		}
	}
	return false
}

// labelCodes lists the plan's codes in a language, sorted; tests compare
// them.
func labelCodes(lang string) []string {
	var out []string
	for _, k := range i18n.Keys(lang) {
		if c, ok := strings.CutPrefix(k, "plan."); ok {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out
}
