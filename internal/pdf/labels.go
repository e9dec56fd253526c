package pdf

import (
	"fmt"
	"time"
)

// labels are the few words the layout itself prints.
type labels struct {
	contents string
	pageOf   func(x, y int) string
	months   [12]string
	lang     string
}

var allLabels = map[string]labels{
	"en": {
		contents: "Contents",
		pageOf:   func(x, y int) string { return fmt.Sprintf("Page %d of %d", x, y) },
		months:   [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		lang:     "en",
	},
	"fr": {
		contents: "Sommaire",
		pageOf:   func(x, y int) string { return fmt.Sprintf("Page %d sur %d", x, y) },
		months:   [12]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."},
		lang:     "fr",
	},
	"es": {
		contents: "Índice",
		pageOf:   func(x, y int) string { return fmt.Sprintf("Página %d de %d", x, y) },
		months:   [12]string{"ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sept.", "oct.", "nov.", "dic."},
		lang:     "es",
	},
}

func labelsFor(lang string) labels {
	if l, ok := allLabels[lang]; ok {
		return l
	}
	return allLabels["en"]
}

// month is an axis label: the month, with the year on January and on the
// first tick.
func (l labels) month(t time.Time) string {
	m := l.months[t.Month()-1]
	if t.Month() == time.January {
		return fmt.Sprintf("%s %d", m, t.Year())
	}
	return m
}

func (l labels) shortDate(t time.Time) string {
	return fmt.Sprintf("%d %s", t.Day(), l.months[t.Month()-1])
}
