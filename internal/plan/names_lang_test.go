package plan

import (
	"io/fs"
	"strings"
	"testing"
	"time"

	"opkit/examples"
	"opkit/internal/names"
	"opkit/internal/render"
	"opkit/internal/workspace"
)

// TestPlanNamesCountriesInItsLanguage: the coordination plan names every
// country in the campaign's language from its code, never in the
// partner's own spelling or in another language: a French plan says
// "Grèce", an English one "Greece", never the demo partners' "Ελλάδα" or
// "Україна".
func TestPlanNamesCountriesInItsLanguage(t *testing.T) {
	stamp := time.Date(2027, 9, 1, 0, 0, 0, 0, time.UTC)
	for _, lang := range []string{"en", "fr", "es", "pt", "ru"} {
		sub, err := fs.Sub(examples.Demo, "demo")
		if err != nil {
			t.Fatal(err)
		}
		ws, diags := workspace.Load(sub, ".")
		if ws == nil || diags.HasErrors() {
			t.Fatalf("demo: %v", diags)
		}
		ws.Campaign.Language = lang
		doc, err := Document(Make(ws), render.NewEngine(nil), stamp)
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		src := string(doc.Source)
		for _, c := range ws.Countries {
			want := render.EscapeInline(names.Country(c.Code, lang))
			if !strings.Contains(src, want) {
				t.Errorf("%s plan: no %q for %s", lang, want, c.Code)
			}
			for _, other := range []string{"en", "fr", "ru"} {
				if n := names.Country(c.Code, other); other != lang && n != names.Country(c.Code, lang) && strings.Contains(src, render.EscapeInline(n)) {
					t.Errorf("%s plan names %s in %s: %q", lang, c.Code, other, n)
				}
			}
			if c.Name != "" && !strings.Contains(names.Country(c.Code, lang), c.Name) && strings.Contains(src, c.Name) {
				t.Errorf("%s plan uses the partner's own spelling %q", lang, c.Name)
			}
		}
	}
}
