package clearance

import (
	"net/mail"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"opkit/internal/model"
	"opkit/internal/names"
	"opkit/internal/outcome"
)

// CountryNames returns every known spelling of a country's name, in every
// language and script: package names' (UN short and formal names in the
// six UN languages, former names, the country's own languages) and CLDR's
// in every language x/text knows. Capitals returns its capitals' spellings.
// They are variables so tests can give a small table.
var (
	CountryNames = func(code string) []string { return append(names.All(code), cldrNames(code)...) }
	Capitals     = names.Capitals
)

// cldrNames is the country's name in every language CLDR names it in
// (x/text, compiled in): about 130 languages, every script.
func cldrNames(code string) []string {
	r, err := language.ParseRegion(code)
	if err != nil {
		return nil
	}
	var out []string
	for _, t := range display.Supported.Tags() {
		if nm := display.Regions(t); nm != nil {
			if n := nm.Name(r); n != "" {
				out = append(out, n)
			}
		}
	}
	return out
}

// ForCountry is the scrubber for one country's texts: its names and
// capitals, the spelling of its own file, the event's city and venue,
// partner organisations, contacts and e-mail domains, authorities,
// speakers, case titles and places, what the return says of city,
// authority and submitter, and extra words (the event languages' names,
// which are often demonyms too).
func ForCountry(c *model.Country, o *model.Outcome, extra ...string) *Scrubber {
	var countries, names, people []string
	add := func(ss ...string) {
		for _, s := range ss {
			if strings.TrimSpace(s) == "" {
				continue
			}
			if d := domain(s); d != "" {
				// The domain names the organisation; the part before @
				// ("info", "contact") names no one.
				names = append(names, d)
				continue
			}
			names = append(names, s)
			// "Громадська ініціатива «Соціальні права» — Social Rights
			// Civic Initiative (fictional)": each part names it.
			names = append(names, splitName(s)...)
		}
	}
	person := func(ss ...string) {
		for _, s := range ss {
			people = append(people, s)
			people = append(people, splitName(s)...)
		}
	}
	countries = append(countries, CountryNames(c.Code)...)
	// Capitals and the event city are declined and derived like the
	// country's name ("у Київі", "Kievan"): they match at a word start too.
	countries = append(countries, c.Name, c.Event.City)
	countries = append(countries, Capitals(c.Code)...)
	add(c.Event.Venue)
	for _, p := range c.Partners {
		add(p.Name, p.Email)
		person(p.Contact)
	}
	for _, a := range c.Event.Authorities {
		add(a.Institution)
		person(a.Name)
	}
	for _, s := range c.Event.Sessions {
		person(s.Speaker)
	}
	for _, k := range c.Cases {
		add(k.Title, k.Location)
	}
	if o != nil {
		countries = append(countries, o.Scalar(outcome.CountryName), o.Scalar(outcome.EventCity))
		add(o.Scalar(outcome.AuthorityInstitution),
			o.Scalar(outcome.SubmitterOrganisation), o.Scalar(outcome.SubmitterEmail))
		person(o.Scalar(outcome.AuthorityName), o.Scalar(outcome.SubmittedBy))
	}
	add(extra...)
	return NewScrubber(c.Code, stems(countries), stems(names), stems(people))
}

// stems adds, for each one-word name of six letters or more, the name
// without its last letter, which finds most demonyms and inflections
// ("Ukrain" in "Ukrainian", "Colombi" in "colombiana").
func stems(names []string) []string {
	out := names
	for _, n := range names {
		f := []rune(fold(n).s)
		if len(f) >= 6 && !strings.Contains(string(f), " ") {
			out = append(out, string(f[:len(f)-1]))
		}
	}
	return out
}

func splitName(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune("()/,;«»“”\"—–", r)
	})
	if len(f) < 2 {
		return nil
	}
	return f
}

// domain is the part after @ of an e-mail address in s.
func domain(s string) string {
	if !strings.Contains(s, "@") {
		return ""
	}
	if a, err := mail.ParseAddress(strings.TrimSpace(s)); err == nil {
		s = a.Address
	}
	_, d, _ := strings.Cut(s, "@")
	return strings.TrimSpace(d)
}
