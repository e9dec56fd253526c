package report

import (
	"strings"

	"opkit/internal/model"
	"opkit/internal/names"
)

// anonymousName is how a country that must not be named appears: "A
// country in Africa", in lang. No region gives "A country"; an unknown one
// is quoted.
func anonymousName(lang, code string) string {
	code = strings.TrimSpace(code)
	if p, ok := names.CountryIn(code, lang); ok {
		return capFirst(p)
	}
	if code == "" {
		return capFirst(tACountry.In(lang))
	}
	return capFirst(strings.Replace(tACountryInQuoted.In(lang), "%s", code, 1))
}

// reportRegions decides the region each country is shown under: its own
// when the campaign has three countries or more in it, else its continent,
// since "a country in the Middle East and North Africa" among two is
// nearly a name. small lists the regions that fell back, for the warning.
func reportRegions(ws *model.Workspace) (shown map[string]string, small map[string]bool) {
	n := map[string]int{}
	for i := range ws.Countries {
		n[string(ws.Countries[i].Region)]++
	}
	shown, small = map[string]string{}, map[string]bool{}
	for i := range ws.Countries {
		c := &ws.Countries[i]
		k := string(c.Region)
		if n[k] < 3 {
			small[k] = true
			if cont := names.Continent(c.Code); cont != "" {
				k = cont
			}
		}
		shown[c.Code] = k
	}
	return shown, small
}

// regionOrder is the order of the table of positions by region: SPEC.md's
// regions, then the continents small regions fall back to.
var regionOrder = append(append([]string{}, names.RegionCodes...), names.ContinentCodes...)
