package names

import (
	"embed"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
	"sync"
)

//go:embed data/*.csv
var data embed.FS

// Languages are the languages names are kept in, opkit's six.
var Languages = []string{"en", "fr", "es", "pt", "ru", "ar"}

// RegionCodes are the campaign regions of SPEC.md, in the order documents
// list them.
var RegionCodes = []string{"africa", "americas", "asia-pacific", "europe-central-asia", "middle-east-north-africa"}

// ContinentCodes are the M49 continents, the less precise naming of a
// region the report falls back on.
var ContinentCodes = []string{"africa", "americas", "asia", "europe", "oceania"}

// unLangs are the languages with UNTERM columns.
var unLangs = []string{"en", "fr", "es", "ru", "ar"}

type country struct {
	continent string
	capitals  []string
	short     map[string]string // by language, the name Country returns
	formal    map[string]string
	article   map[string]string
	other     []string // every further spelling, for All
}

type region struct {
	name, in map[string]string
}

var (
	loadOnce  sync.Once
	countries map[string]*country
	regions   map[string]*region
)

func load() {
	countries = map[string]*country{}
	regions = map[string]*region{}
	rows := readCSV("data/countries.csv")
	head := rows[0]
	for _, row := range rows[1:] {
		f := map[string]string{}
		for i, h := range head {
			f[h] = row[i]
		}
		c := &country{
			continent: f["continent"],
			short:     map[string]string{},
			formal:    map[string]string{},
			article:   map[string]string{},
		}
		if f["capital"] != "" {
			c.capitals = []string{f["capital"]}
		}
		for _, l := range unLangs {
			c.short[l] = f[l+"_short"]
			c.formal[l] = f[l+"_formal"]
			c.article[l] = f[l+"_article"]
			c.other = append(c.other, f[l+"_m49"])
		}
		for _, l := range Languages {
			cldr := f["cldr_"+l]
			c.other = append(c.other, cldr)
			if c.short[l] != "" {
				continue
			}
			// No UN name in this language: the M49 name for the UN
			// languages whose M49 names read well in a sentence, CLDR
			// otherwise (and always for Portuguese).
			if m49 := f[l+"_m49"]; m49 != "" && (l == "en" || l == "fr" || l == "es") {
				c.short[l] = m49
			} else {
				c.short[l] = cldr
			}
		}
		c.other = append(c.other, split(f["also"])...)
		c.other = append(c.other, split(f["cldr_own"])...)
		countries[f["code"]] = c
	}
	for _, row := range readCSV("data/capitals.csv")[1:] {
		if c := countries[row[0]]; c != nil {
			c.capitals = append(c.capitals, split(row[1])...)
		}
	}
	for _, row := range readCSV("data/regions.csv")[1:] {
		r := regions[row[0]]
		if r == nil {
			r = &region{name: map[string]string{}, in: map[string]string{}}
			regions[row[0]] = r
		}
		r.name[row[1]], r.in[row[1]] = row[2], row[3]
	}
}

func readCSV(name string) [][]string {
	f, err := data.Open(name)
	if err != nil {
		panic(err) // embedded: a missing file is a build mistake
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		panic(fmt.Sprintf("names: %s: %v", name, err))
	}
	return rows
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

func lookup(code string) *country {
	loadOnce.Do(load)
	return countries[strings.ToUpper(code)]
}

// lang is the one fallback rule: a language names does not keep is English.
func lang(l string) string {
	if slices.Contains(Languages, l) {
		return l
	}
	return "en"
}

// Known reports whether code is an ISO 3166-1 alpha-2 code the table has.
func Known(code string) bool { return lookup(code) != nil }

// Country is the short name of the country with that code in lang, for
// use in a sentence ("Türkiye", "Côte d'Ivoire", "Вьетнам"). An unknown
// language gets English; an unknown code is returned as it came, upper
// case, so that a gap shows on the page rather than a blank.
func Country(code, l string) string {
	c := lookup(code)
	if c == nil {
		return strings.ToUpper(code)
	}
	return c.short[lang(l)]
}

// Formal is the UN's formal name ("la République socialiste du Viet Nam"),
// or the short name where the UN has none in that language.
func Formal(code, l string) string {
	c := lookup(code)
	if c == nil {
		return strings.ToUpper(code)
	}
	if f := c.formal[lang(l)]; f != "" {
		return f
	}
	return c.short[lang(l)]
}

// Article is the definite article UNTERM gives the short name in lang
// ("la" for Grèce, "l'" for Ukraine, "the" for Russian Federation), or "".
// It is known for the UN languages; Portuguese has none here.
func Article(code, l string) string {
	c := lookup(code)
	if c == nil {
		return ""
	}
	return c.article[lang(l)]
}

// All is every spelling of the country the table knows, in every language
// and script, each once, longest first (so a scrubber replacing them in
// turn removes "République de Côte d'Ivoire" before "Côte d'Ivoire").
// Formal names come with and without their leading article; names with an
// apostrophe come with both ' and ’.
func All(code string) []string {
	c := lookup(code)
	if c == nil {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		s = strings.TrimSpace(s)
		if s == "" || seen[s] {
			return
		}
		seen[s] = true
		out = append(out, s)
	}
	var base []string
	for _, l := range Languages {
		base = append(base, c.short[l], c.formal[l])
		if a := c.article[l]; a != "" && c.short[l] != "" {
			if strings.HasSuffix(a, "'") {
				base = append(base, a+c.short[l])
			} else {
				base = append(base, a+" "+c.short[l])
			}
		}
	}
	base = append(base, c.other...)
	for _, s := range base {
		for _, v := range []string{s, withoutArticle(s)} {
			add(v)
			add(strings.ReplaceAll(v, "'", "’"))
			add(strings.ReplaceAll(v, "’", "'"))
		}
	}
	slices.SortStableFunc(out, func(a, b string) int {
		if la, lb := len([]rune(a)), len([]rune(b)); la != lb {
			return lb - la
		}
		return strings.Compare(a, b)
	})
	return out
}

// withoutArticle drops a formal name's leading article: "the Hellenic
// Republic" -> "Hellenic Republic", "l'État de Palestine" -> "État de
// Palestine".
func withoutArticle(s string) string {
	for _, a := range []string{"the ", "le ", "la ", "les ", "l'", "l’", "el ", "los ", "las "} {
		if strings.HasPrefix(s, a) && len(s) > len(a) {
			return s[len(a):]
		}
	}
	return s
}

// Capitals are the spellings the table knows of the country's capital
// (always the English one; other languages and scripts for the countries
// data/capitals.csv lists).
func Capitals(code string) []string {
	c := lookup(code)
	if c == nil {
		return nil
	}
	return slices.Clone(c.capitals)
}

// Continent is the M49 continent of the country (one of ContinentCodes),
// or "" for a code the table lacks or that has none (Antarctica).
func Continent(code string) string {
	c := lookup(code)
	if c == nil {
		return ""
	}
	return c.continent
}

// Region is the name of a region or continent code (RegionCodes,
// ContinentCodes) in lang: "Asie-Pacifique", "Ближний Восток и Северная
// Африка". An unknown code is returned as it came.
func Region(code, l string) string {
	loadOnce.Do(load)
	if r := regions[code]; r != nil {
		return r.name[lang(l)]
	}
	return code
}

// CountryIn is the phrase that stands for a country the report must not
// name: "a country in Africa", "un pays d'Afrique", "страна Африки"; for
// an unknown region, "" and false.
func CountryIn(code, l string) (string, bool) {
	loadOnce.Do(load)
	if r := regions[code]; r != nil {
		return r.in[lang(l)], true
	}
	return "", false
}

type langNames struct {
	byLang map[string]string
	all    []string
}

var (
	langOnce  sync.Once
	languages map[string]*langNames
)

func loadLanguages() {
	languages = map[string]*langNames{}
	rows := readCSV("data/languages.csv")
	head := rows[0]
	for _, row := range rows[1:] {
		n := &langNames{byLang: map[string]string{}}
		seen := map[string]bool{}
		for i, h := range head[1:] {
			v := row[i+1]
			if slices.Contains(Languages, h) {
				n.byLang[h] = v
			}
			for _, s := range split(v) {
				if !seen[s] {
					seen[s] = true
					n.all = append(n.all, s)
				}
			}
		}
		languages[row[0]] = n
	}
}

// Language is the name of the language with that ISO 639-1 code in lang
// (CLDR): Language("uk", "fr") = "ukrainien". An unknown code comes back
// as it came.
func Language(code, l string) string {
	langOnce.Do(loadLanguages)
	if n := languages[strings.ToLower(code)]; n != nil {
		return n.byLang[lang(l)]
	}
	return code
}

// LanguageNames is every name the table knows for a language: in the six
// languages, in itself ("українська") and common others ("Farsi"). A
// language is often a demonym ("Vietnamese"), so the scrubber removes them
// with a country's other names.
func LanguageNames(code string) []string {
	langOnce.Do(loadLanguages)
	if n := languages[strings.ToLower(code)]; n != nil {
		return slices.Clone(n.all)
	}
	return nil
}
