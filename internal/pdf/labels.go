package pdf

import (
	"time"

	"opkit/internal/i18n"
)

// labels are the few words the layout itself prints, from the catalogue
// (internal/i18n) in the document's language.
type labels struct {
	contents string
	lang     string
}

func labelsFor(lang string) labels {
	lang = i18n.Lang(lang)
	return labels{contents: i18n.T(lang, "pdf.contents"), lang: lang}
}

func (l labels) pageOf(x, y int) string { return i18n.Tf(l.lang, "pdf.page-of", x, y) }

// month is an axis label: the month, with the year on January and on the
// first tick.
func (l labels) month(t time.Time) string {
	m := i18n.MonthShort(l.lang, t.Month())
	if t.Month() == time.January {
		return m + " " + t.Format("2006")
	}
	return m
}

func (l labels) shortDate(t time.Time) string {
	return i18n.ShortDate(l.lang, t.Day(), t.Month())
}
