package report

import (
	"testing"

	"opkit/internal/model"
	"opkit/internal/outcome"
)

func TestNeutralise(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1":                   "'=1+1",
		"+33 1 23":               "'+33 1 23",
		"-2":                     "'-2",
		"@SUM(A1)":               "'@SUM(A1)",
		"\tx":                    "'\tx",
		"plain":                  "plain",
		"":                       "",
		"a=b":                    "a=b",
		"returns/x=y":            "returns/x=y",
		"a;=HYPERLINK(1)":        "a;'=HYPERLINK(1)",
		"a, -1; @x":              "a,' -1;' @x",
		"x;\"=cmd\"":             "x;'\"=cmd\"",
		"line\n+1":               "line\n'+1",
		"\r=x":                   "'\r'=x",
		"ok; fine, really":       "ok; fine, really",
		"2027-09-01; it was -ok": "2027-09-01; it was -ok",
	} {
		if got := neutralise(in); got != want {
			t.Errorf("neutralise(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAnonymousName(t *testing.T) {
	for _, tc := range []struct{ lang, region, want string }{
		{"en", "africa", "A country in Africa"},
		{"fr", "africa", "Un pays d'Afrique"},
		{"es", "europe", "Un país de Europa"},
		{"en", "asia-pacific", "A country in Asia and the Pacific"},
		{"en", "oceania", "A country in Oceania"},
		{"en", "polynesia", "A country in the region “polynesia”"},
		{"es", "", "Un país"},
	} {
		if got := anonymousName(tc.lang, tc.region); got != tc.want {
			t.Errorf("anonymousName(%s, %q) = %q, want %q", tc.lang, tc.region, got, tc.want)
		}
	}
}

func TestSharing(t *testing.T) {
	pub := &model.Country{Visibility: model.VisibilityPublic}
	low := &model.Country{Visibility: model.VisibilityLowProfile}
	v := func(text string, coded bool) *model.Outcome {
		return &model.Outcome{Scalars: map[string]model.Value{outcome.Sharing: {Text: text, Coded: coded}}}
	}
	for _, tc := range []struct {
		c    *model.Country
		o    *model.Outcome
		want Sharing
	}{
		{pub, v(outcome.SharingPublic, true), Public},
		{low, v(outcome.SharingPublic, true), Anonymised},
		{pub, v(outcome.SharingAnonymised, true), Anonymised},
		{low, v(outcome.SharingCoalitionOnly, true), CoalitionOnly},
		{pub, v("share with everyone", false), CoalitionOnly},
		{pub, v("", false), CoalitionOnly},
	} {
		if got := sharingOf(tc.c, tc.o); got != tc.want {
			t.Errorf("sharingOf(%s, %+v) = %d, want %d", tc.c.Visibility, tc.o.Scalars, got, tc.want)
		}
	}
}

func TestFontSafe(t *testing.T) {
	d := &Data{Campaign: &model.Campaign{Name: model.OneText("Campaign 🚀")}, Opportunities: []Item{{Text: "Good news 👍, Việt Nam, Ελλάδα, Україна"}},
		Countries: []Page{{Name: "X", Partners: []string{"A 😀 B"}}}}
	camp := d.Campaign
	fontSafe(d)
	if got := d.Opportunities[0].Text; got != "Good news ?, Việt Nam, Ελλάδα, Україна" {
		t.Errorf("text = %q", got)
	}
	if got := d.Countries[0].Partners[0]; got != "A ? B" {
		t.Errorf("partner = %q", got)
	}
	if d.Campaign.Name.In("en") != "Campaign ?" || camp.Name.In("en") != "Campaign 🚀" {
		t.Errorf("campaign %q, original %q: the workspace's campaign must stay untouched", d.Campaign.Name, camp.Name)
	}
}
