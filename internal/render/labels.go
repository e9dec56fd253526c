package render

import (
	"fmt"
	"strings"
	"time"

	"opkit/internal/i18n"
	"opkit/internal/model"
	"opkit/internal/names"
	"opkit/internal/triage"
)

// The words Go itself has to produce in each pack language — month names,
// the names of rights and of the closed vocabularies, document titles and
// the default agenda — live in the catalogue (internal/i18n/catalog/LANG.toml)
// beside every other language's. Everything else a reader sees is in the
// templates, where staff can edit it.

// Term returns the text of key in lang (English for a language opkit does
// not write), or the key itself when there is no such term, so a gap is
// visible on the page rather than an empty string.
func Term(lang, key string) string { return i18n.T(lang, key) }

// label turns a code of one of the model's closed vocabularies into words.
// It switches on the Go type so templates need one function for all of them.
func label(lang string, v any) (string, error) {
	var key string
	switch x := v.(type) {
	case model.Right:
		key = "right." + string(x)
	case model.Stance:
		key = "stance." + string(x)
	case model.Visibility:
		key = "visibility." + string(x)
	case model.Phase:
		key = "phase." + string(x)
	case model.Format:
		key = "format." + string(x)
	case model.AuthorityStatus:
		key = "authority." + string(x)
	case model.Confidentiality:
		key = "confidentiality." + string(x)
	case model.MechanismKind:
		key = "mechanism." + string(x)
	case model.Effectiveness:
		key = "effective." + string(x)
	case model.ICESCRStatus:
		key = "icescr." + string(x)
	case model.Region:
		return names.Region(string(x), lang), nil
	case model.OPStatus:
		key = "op." + string(x)
	case model.Declaration:
		key = "declaration." + string(x)
	case model.ConstitutionESCR:
		key = "constitution." + string(x)
	case triage.Kind:
		key = "kind." + string(x)
	case Edition:
		key = "edition." + string(x)
	case string:
		key = x
	default:
		return "", fmt.Errorf("label: no words for a value of type %T", v)
	}
	return Term(lang, key), nil
}

// FormatDate writes a civil date as a reader of lang expects it:
// "5 August 2027", "5 août 2027" (and "1er août"), "5 de agosto de 2027",
// "5 августа 2027 г.".
func FormatDate(lang string, d model.Date) string {
	if d.IsZero() {
		return Term(lang, "date.unset")
	}
	if d.Month < time.January || d.Month > time.December {
		return d.String()
	}
	return i18n.Date(lang, d.Year, d.Month, d.Day)
}

// FormatDayMonth is the date without the year ("24 September").
func FormatDayMonth(lang string, d model.Date) string {
	if d.IsZero() {
		return Term(lang, "date.unset")
	}
	if d.Month < time.January || d.Month > time.December {
		return d.String()
	}
	return i18n.DayMonth(lang, d.Day, d.Month)
}

// FormatLongDate adds the weekday: "Thursday 5 August 2027",
// "jeudi 5 août 2027", "quinta-feira, 5 de agosto de 2027".
func FormatLongDate(lang string, d model.Date) string {
	if d.IsZero() {
		return Term(lang, "date.unset")
	}
	if d.Month < time.January || d.Month > time.December {
		return d.String()
	}
	return i18n.LongDate(lang, d.Year, d.Month, d.Day)
}

// FormatArticle names the Covenant article(s) of a right: "Art. 11",
// "Arts. 13–14"; covenant adds the treaty ("ICESCR Art. 11").
func FormatArticle(lang string, r model.Right, covenant bool) string {
	a := r.Article()
	if a == "" {
		return ""
	}
	many := strings.Contains(a, "-")
	if many {
		a = joinArticles(lang, a)
	}
	switch {
	case covenant && many:
		return fmt.Sprintf(Term(lang, "article.covenantN"), a)
	case covenant:
		return fmt.Sprintf(Term(lang, "article.covenant1"), a)
	case many:
		return fmt.Sprintf(Term(lang, "article.many"), a)
	}
	return fmt.Sprintf(Term(lang, "article.one"), a)
}

// joinArticles turns "13-14" into "13–14" (en) or "13 et 14" / "13 y 14":
// model.Rights only ever pairs two neighbouring articles.
func joinArticles(lang, a string) string {
	first, second, ok := strings.Cut(a, "-")
	switch {
	case !ok:
		return a
	case i18n.Lang(lang) == "en":
		return first + "–" + second
	}
	return first + Term(lang, "list.and-join") + second
}

// JoinList joins items as prose: "a, b and c", "a, b et c", "a, b y c".
func JoinList(lang string, items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	// An item with a comma of its own ("protection of the family, mothers
	// and children") would blur the list, so such lists use semicolons.
	and := Term(lang, "list.and-join")
	for _, it := range items {
		if strings.Contains(it, ",") || strings.Contains(it, "،") {
			semi := Term(lang, "punct.semicolon")
			return strings.Join(items[:len(items)-1], semi) + semi + strings.TrimLeft(and, " ") + items[len(items)-1]
		}
	}
	return strings.Join(items[:len(items)-1], Term(lang, "list.comma")) + and + items[len(items)-1]
}
