package render

import (
	"fmt"
	"strings"
	"text/template"
	"time"
	"unicode"
	"unicode/utf8"

	"opkit/internal/model"
)

// funcs returns the template functions for one language. They are bound to
// the language of the template's folder, so a French template writes French
// dates without saying so. The list is documented in doc.go.
func funcs(lang string) template.FuncMap {
	return template.FuncMap{
		// dates and times
		"date": func(v any) (string, error) {
			return withDate(v, func(d model.Date) string { return FormatDate(lang, d) })
		},
		"longdate": func(v any) (string, error) {
			return withDate(v, func(d model.Date) string { return FormatLongDate(lang, d) })
		},
		"daymonth": func(v any) (string, error) {
			return withDate(v, func(d model.Date) string { return FormatDayMonth(lang, d) })
		},
		"year": func(v any) (string, error) {
			return withDate(v, func(d model.Date) string { return fmt.Sprint(d.Year) })
		},
		"clock": func(c model.Clock) string { return c.String() },

		// words for codes
		"label":    func(v any) (string, error) { return label(lang, v) },
		"term":     func(key string) string { return Term(lang, key) },
		"right":    func(r model.Right) string { return Term(lang, "right."+string(r)) },
		"article":  func(r model.Right) string { return FormatArticle(lang, r, false) },
		"covenant": func(r model.Right) string { return FormatArticle(lang, r, true) },
		"rights":   func(rs []model.Right) string { return rightList(lang, rs) },
		// the Protocol's opt-in declarations, "Article 10 (...) and Article 11 (...)"
		"declarations": func(ds []model.Declaration) string { return declarationList(lang, ds) },
		"lang":         func() string { return lang },

		// user text into Markdown
		"md":    func(v any) string { return EscapeInline(str(v)) },
		"text":  func(v any) string { return EscapeBlock(str(v)) },
		"quote": func(v any) string { return EscapeQuote(str(v)) },
		"cell":  func(v any) string { return EscapeCell(str(v)) },
		"list":  func(xs []string) string { return escapedList(lang, xs) },

		// plain helpers
		"join":     strings.Join,
		"prose":    func(xs []string) string { return JoinList(lang, xs) },
		"lower":    strings.ToLower,
		"upper":    strings.ToUpper,
		"capfirst": capFirst,
		"add":      func(a, b int) int { return a + b },
		"sub":      func(a, b int) int { return a - b },
		"plural":   func(n int, one, many string) string { return pick(n == 1, one, many) },
	}
}

func pick(c bool, a, b string) string {
	if c {
		return a
	}
	return b
}

// withDate accepts the date types a template may hold: model.Date (inputs)
// and time.Time (the build stamp).
func withDate(v any, f func(model.Date) string) (string, error) {
	switch d := v.(type) {
	case model.Date:
		return f(d), nil
	case *model.Date:
		if d == nil {
			return f(model.Date{}), nil
		}
		return f(*d), nil
	case time.Time:
		return f(model.DateOf(d.UTC())), nil
	}
	return "", fmt.Errorf("date: %T is not a date", v)
}

// str lets md/text/cell take any value: templates hand them strings, ints
// (participants) and the model's string types alike.
func str(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v)
}

func capFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func rightList(lang string, rs []model.Right) string {
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = strings.ToLower(Term(lang, "right."+string(r)))
	}
	return JoinList(lang, names)
}

func escapedList(lang string, xs []string) string {
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		if x = EscapeInline(x); x != "" {
			out = append(out, x)
		}
	}
	return JoinList(lang, out)
}

func declarationList(lang string, ds []model.Declaration) string {
	words := make([]string, len(ds))
	for i, d := range ds {
		words[i] = Term(lang, "declaration-under."+string(d))
	}
	return JoinList(lang, words)
}
