package report

import "opkit/internal/names"

// languageNames gives, for a language partners list for their events, the
// words a text may use for it in any of opkit's languages and in itself
// (names.LanguageNames, from CLDR). A language is often a demonym too
// ("Vietnamese"), so an anonymised return's text loses these words with the
// country's other names: over-redaction costs a word, under-redaction can
// cost a partner's safety.
func languageNames(code string) []string { return names.LanguageNames(code) }
