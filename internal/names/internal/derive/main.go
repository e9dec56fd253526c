// Command derive writes internal/names/data/countries.csv from the
// country-codes data package (github.com/datasets/country-codes,
// data/country-codes.csv, ODC-PDDL-1.0). It is run by hand when the data
// package is updated, never at build or run time:
//
//	go run ./internal/names/internal/derive country-codes.csv internal/names/data
//
// It writes countries.csv and languages.csv there.
//
// It keeps only what opkit uses: the UNTERM short and formal names in the
// five UN languages the package carries for opkit's languages (Portuguese
// has no UNTERM column; package names takes it from CLDR), the article
// UNTERM writes after a short name ("Grèce (la)"), the UN statistics
// division's M49 name (another spelling the scrubber must know), the
// capital, the continent and the country's own languages.
package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// cldrLangs are the languages whose CLDR names the table keeps for every
// country: opkit's six. The country's own languages are added per row.
var cldrLangs = []string{"en", "fr", "es", "pt", "ru", "ar"}

// The UN languages of the data package that opkit writes in.
var langs = []struct{ code, column, m49 string }{
	{"en", "English", "official_name_en"},
	{"fr", "French", "official_name_fr"},
	{"es", "Spanish", "official_name_es"},
	{"ru", "Russian", "official_name_ru"},
	{"ar", "Arabic", "official_name_ar"},
}

// gaps are UNTERM rows the data package's latest version (commit caa72d1,
// May 2026) leaves empty although the UN has them: Türkiye (the UN's name
// since June 2022; the Russian and Arabic names did not change) and Côte
// d'Ivoire, copied from the UN Terminology Database (unterm.un.org). Each
// value is short|formal, in the order of langs. also holds former or
// common spellings the scrubber must recognise.
var gaps = map[string]struct {
	names [5][2]string
	also  []string
}{
	"TR": {
		names: [5][2]string{
			{"Türkiye", "the Republic of Türkiye"},
			{"Türkiye (la)", "la République de Türkiye"},
			{"Türkiye", "la República de Türkiye"},
			{"Турция", "Турецкая Республика"},
			{"تركيا", "جمهورية تركيا"},
		},
		also: []string{"Turkey", "Turquie", "Turquía", "the Republic of Turkey", "la République turque", "la República de Turquía"},
	},
	"CI": {
		names: [5][2]string{
			{"Côte d'Ivoire", "the Republic of Côte d'Ivoire"},
			{"Côte d'Ivoire (la)", "la République de Côte d'Ivoire"},
			{"Côte d'Ivoire", "la República de Côte d'Ivoire"},
			{"Кот-д'Ивуар", "Республика Кот-д'Ивуар"},
			{"كوت ديفوار", "جمهورية كوت ديفوار"},
		},
		also: []string{"Ivory Coast", "Côte-d'Ivoire", "Costa de Marfil", "Costa do Marfim"},
	},
}

// article is UNTERM's trailing "(the)", "(la)", "(l')"...; the asterisk
// marks a non-member State.
var article = regexp.MustCompile(`\s*\((the|le|la|l'|les|el|los|las)\)$`)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: derive country-codes.csv OUTDIR")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(in, dir string) error {
	src, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	var countries, languages strings.Builder
	if err := derive(strings.NewReader(string(src)), &countries); err != nil {
		return err
	}
	if err := deriveLanguages(strings.NewReader(string(src)), &languages); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "countries.csv"), []byte(countries.String()), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "languages.csv"), []byte(languages.String()), 0o644)
}

// languageAlso are other names of a language that a partner may write and
// that name the country as surely ("Farsi" for Persian).
var languageAlso = map[string][]string{
	"fa": {"Farsi"},
	"zh": {"Mandarin"},
	"lo": {"Laotian"},
}

// deriveLanguages writes the CLDR names, in opkit's six languages and in
// itself, of every language the countries list: a language is often a
// demonym ("Vietnamese"), so the scrubber removes them with the country's
// other names.
func deriveLanguages(r io.Reader, w io.Writer) error {
	rows, err := csv.NewReader(r).ReadAll()
	if err != nil {
		return err
	}
	col := -1
	for i, h := range rows[0] {
		if h == "Languages" {
			col = i
		}
	}
	set := map[string]bool{}
	for _, l := range cldrLangs {
		set[l] = true
	}
	for _, row := range rows[1:] {
		for _, t := range strings.Split(row[col], ",") {
			tag, err := language.Parse(strings.TrimSpace(t))
			if err != nil {
				continue
			}
			base, conf := tag.Base()
			if conf == language.No || len(base.String()) != 2 {
				continue
			}
			set[base.String()] = true
		}
	}
	codes := make([]string, 0, len(set))
	for c := range set {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	cw := csv.NewWriter(w)
	cw.Write(append(append([]string{"code"}, cldrLangs...), "self", "also"))
	for _, c := range codes {
		tag := language.MustParse(c)
		rec := []string{c}
		for _, l := range cldrLangs {
			rec = append(rec, display.Languages(language.MustParse(l)).Name(tag))
		}
		rec = append(rec, display.Self.Name(tag), strings.Join(languageAlso[c], "|"))
		if rec[1] == "" {
			continue // CLDR does not know it: nothing to gain
		}
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}

func derive(r io.Reader, w io.Writer) error {
	rows, err := csv.NewReader(r).ReadAll()
	if err != nil {
		return err
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	get := func(row []string, name string) string {
		i, ok := col[name]
		if !ok {
			panic("no column " + name)
		}
		return strings.TrimSpace(row[i])
	}
	header := []string{"code", "continent", "capital", "languages"}
	for _, l := range langs {
		header = append(header, l.code+"_short", l.code+"_formal", l.code+"_article", l.code+"_m49")
	}
	header = append(header, "also")
	for _, l := range cldrLangs {
		header = append(header, "cldr_"+l)
	}
	header = append(header, "cldr_own")
	var out [][]string
	for _, row := range rows[1:] {
		code := get(row, "ISO3166-1-Alpha-2")
		if len(code) != 2 {
			continue
		}
		rec := []string{code, strings.ToLower(get(row, "Region Name")), get(row, "Capital"), get(row, "Languages")}
		gap, hasGap := gaps[code]
		for i, l := range langs {
			short := get(row, "UNTERM "+l.column+" Short")
			formal := get(row, "UNTERM "+l.column+" Formal")
			if short == "" && hasGap {
				short, formal = gap.names[i][0], gap.names[i][1]
			}
			short = strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(short, "*")), " ")
			formal = strings.TrimSpace(strings.TrimSuffix(formal, "*"))
			art := ""
			if m := article.FindStringSubmatch(short); m != nil {
				art = m[1]
				short = short[:len(short)-len(m[0])]
			}
			m49 := get(row, l.m49)
			if m49 == short {
				m49 = "" // most are; the table stays readable
			}
			rec = append(rec, short, formal, art, m49)
		}
		rec = append(rec, strings.Join(gap.also, "|"))
		region := language.MustParseRegion(code)
		seen := map[string]bool{}
		for _, l := range cldrLangs {
			n := display.Regions(language.MustParse(l)).Name(region)
			seen[n] = true
			rec = append(rec, n)
		}
		// The names a country gives itself, in each of its languages
		// ("Україна", "Ελλάδα"), so that no script is left unscrubbed.
		var own []string
		for _, t := range strings.Split(get(row, "Languages"), ",") {
			tag, err := language.Parse(strings.TrimSpace(t))
			if err != nil {
				continue
			}
			namer := display.Regions(tag)
			if namer == nil {
				continue
			}
			if n := namer.Name(region); n != "" && !seen[n] {
				seen[n] = true
				own = append(own, n)
			}
		}
		rec = append(rec, strings.Join(own, "|"))
		out = append(out, rec)
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	cw := csv.NewWriter(w)
	cw.Write(header)
	cw.WriteAll(out)
	return cw.Error()
}
