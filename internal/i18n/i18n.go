package i18n

import (
	"embed"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pelletier/go-toml/v2"
)

// Languages are the languages opkit writes documents in, in the order
// documents and tests list them. Each has catalog/LANG.toml and a folder
// of templates.
var Languages = []string{"en", "fr", "es", "pt", "ru", "ar"}

// Fallback is the language a language outside Languages gets.
const Fallback = "en"

//go:embed catalog/*.toml
var files embed.FS

var (
	once     sync.Once
	catalogs map[string]map[string]string
	loadErr  error
)

func load() {
	catalogs = map[string]map[string]string{}
	for _, l := range Languages {
		m, err := parse(l)
		if err != nil {
			loadErr = err
			return
		}
		catalogs[l] = m
	}
}

func parse(lang string) (map[string]string, error) {
	src, err := files.ReadFile("catalog/" + lang + ".toml")
	if err != nil {
		return nil, fmt.Errorf("i18n: no catalogue for %q: %w", lang, err)
	}
	var tree map[string]any
	if err := toml.Unmarshal(src, &tree); err != nil {
		return nil, fmt.Errorf("i18n: catalog/%s.toml: %w", lang, err)
	}
	out := map[string]string{}
	if err := flatten("", tree, out); err != nil {
		return nil, fmt.Errorf("i18n: catalog/%s.toml: %w", lang, err)
	}
	return out, nil
}

func flatten(prefix string, tree map[string]any, out map[string]string) error {
	for k, v := range tree {
		key := k
		if prefix != "" {
			key = prefix + "." + k
		}
		switch x := v.(type) {
		case string:
			out[key] = x
		case map[string]any:
			if err := flatten(key, x, out); err != nil {
				return err
			}
		default:
			return fmt.Errorf("%s: a catalogue value is a string, not %T", key, v)
		}
	}
	return nil
}

func catalog(lang string) map[string]string {
	once.Do(load)
	if loadErr != nil {
		panic(loadErr) // embedded files: caught by the package's tests
	}
	return catalogs[Lang(lang)]
}

// Lang is lang when opkit writes it, else Fallback: the one fallback rule.
func Lang(lang string) string {
	if slices.Contains(Languages, lang) {
		return lang
	}
	return Fallback
}

// Supported reports whether opkit writes documents in lang.
func Supported(lang string) bool { return slices.Contains(Languages, lang) }

// Lookup is the text of key in lang (Fallback for an unsupported
// language), and whether the catalogue has it.
func Lookup(lang, key string) (string, bool) {
	s, ok := catalog(lang)[key]
	return s, ok
}

// T is the text of key in lang; a key no catalogue has comes back as
// itself, so a gap is visible rather than blank.
func T(lang, key string) string {
	if s, ok := Lookup(lang, key); ok {
		return s
	}
	return key
}

// Tf is T with fmt verbs filled in: Tf("fr", "pdf.page-of", 2, 9).
func Tf(lang, key string, args ...any) string {
	return fmt.Sprintf(T(lang, key), args...)
}

// Keys lists the keys of lang's catalogue, sorted.
func Keys(lang string) []string {
	m := catalog(lang)
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Direction is "rtl" for a language written right to left (Arabic), else
// "ltr".
func Direction(lang string) string { return T(lang, "language.direction") }

// RTL reports whether lang is written right to left.
func RTL(lang string) bool { return Direction(lang) == "rtl" }

// Name is the language's name in itself ("Português", "العربية").
func Name(lang string) string { return T(lang, "language.name") }

// Month is the month's name standing alone ("August", "август").
func Month(lang string, m time.Month) string { return T(lang, "month."+strconv.Itoa(int(m))) }

// MonthOf is the month's name inside a date: the genitive in Russian
// ("5 августа"), the same word elsewhere.
func MonthOf(lang string, m time.Month) string { return T(lang, "month-of."+strconv.Itoa(int(m))) }

// MonthShort is the abbreviated name for chart axes ("Aug", "août",
// "авг.").
func MonthShort(lang string, m time.Month) string {
	return T(lang, "month-short."+strconv.Itoa(int(m)))
}

// Weekday is the day's name ("Thursday", "quinta-feira", "الخميس").
func Weekday(lang string, d time.Weekday) string {
	return T(lang, "weekday."+strconv.Itoa(int(d)))
}

// DayMonth writes a day of a month as lang's readers expect: "5 August",
// "1er août", "5 de agosto", "5 августа", "5 أغسطس".
func DayMonth(lang string, day int, m time.Month) string {
	return fill(lang, T(lang, "date.day-month"), day, m, 0)
}

// Date writes a civil date: "5 August 2027", "5 de agosto de 2027",
// "5 августа 2027 г.".
func Date(lang string, year int, m time.Month, day int) string {
	return fill(lang, T(lang, "date.full"), day, m, year)
}

// ShortDate is a compact date for charts and tables: "5 Aug", "5 авг.".
func ShortDate(lang string, day int, m time.Month) string {
	return fill(lang, T(lang, "date.short"), day, m, 0)
}

// LongDate adds the weekday: "Thursday 5 August 2027", "quinta-feira,
// 5 de agosto de 2027".
func LongDate(lang string, year int, m time.Month, day int) string {
	return fill(lang, T(lang, "date.long"), day, m, year)
}

// fill replaces the placeholders of a date pattern: {d} the day (the
// catalogue's date.first-day on the 1st, for the French "1er"), {m} the
// month inside a date, {ms} its short form, {y} the year, {w} the weekday,
// {date} the language's full date.
func fill(lang, pattern string, day int, m time.Month, year int) string {
	pattern = strings.ReplaceAll(pattern, "{date}", T(lang, "date.full"))
	d := strconv.Itoa(day)
	if day == 1 {
		d = T(lang, "date.first-day")
	}
	w := ""
	if strings.Contains(pattern, "{w}") {
		w = Weekday(lang, time.Date(year, m, day, 12, 0, 0, 0, time.UTC).Weekday())
	}
	return strings.NewReplacer(
		"{d}", d, "{ms}", MonthShortOf(lang, m), "{m}", MonthOf(lang, m),
		"{y}", strconv.Itoa(year), "{w}", w,
	).Replace(pattern)
}

// MonthShortOf is the abbreviated month inside a short date ("5 мая").
func MonthShortOf(lang string, m time.Month) string {
	return T(lang, "month-short-of."+strconv.Itoa(int(m)))
}
