package questionnaire

import (
	"strconv"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"opkit/internal/i18n"
	"opkit/internal/names"
)

// starterRef marks an English help text that is the comment of opkit init's
// starter file, so that the explanation a partner reads in the workbook and
// the one an organiser reads in TOML have one source.
const starterRef = "@starter"

// word returns the questionnaire's text of key in lang (catalogue group
// "questionnaire").
func word(lang, key string) string { return i18n.T(lang, "questionnaire."+key) }

// instructions are the paragraphs of the Instructions sheet.
func instructions(lang string) []string {
	var out []string
	for i := 1; ; i++ {
		s, ok := i18n.Lookup(lang, "questionnaire.instr."+strconv.Itoa(i))
		if !ok {
			return out
		}
		out = append(out, s)
	}
}

// help is the explanation of a key in lang.
func help(lang, path string) string {
	s := word(lang, "help."+path)
	if s == starterRef {
		return starterHelp()[path]
	}
	return s
}

// optionLabel names a code of a closed list in lang. Languages are named by
// CLDR in the reader's language; the other lists by the words the packs use,
// so that the questionnaire and the briefing say the same.
func optionLabel(lang, group, code string) string {
	switch group {
	case "language":
		tag, err := language.Parse(code)
		if err != nil {
			return code
		}
		name := display.Self.Name(tag)
		if n := display.Tags(language.Make(lang)).Name(tag); n != "" {
			name = n
		}
		return upperFirst(name)
	case "yesno":
		return word(lang, "text."+code)
	case "right":
		return i18n.T(lang, "right."+code)
	case "region":
		return names.Region(code, lang)
	}
	return upperFirst(i18n.T(lang, group+"."+code))
}

func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
