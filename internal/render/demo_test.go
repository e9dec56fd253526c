package render

import (
	"io/fs"
	"strings"
	"testing"

	"opkit/examples"
	"opkit/internal/workspace"
)

// TestDemo executes every template on every country of the demo
// workspace, the most realistic input there is.
func TestDemo(t *testing.T) {
	sub, err := fs.Sub(examples.Demo, "demo")
	if err != nil {
		t.Fatal(err)
	}
	ws, diags := workspace.Load(sub, ".")
	if ws == nil || diags.HasErrors() {
		t.Fatalf("demo workspace: %v", diags)
	}
	eng := NewEngine(nil)
	for i := range ws.Countries {
		c := &ws.Countries[i]
		for _, ed := range []Edition{Participants, Organisers} {
			doc, err := eng.Render(c.Language, "briefing", BriefingData(ws, c, ed), Document{})
			if err != nil {
				t.Fatalf("%s %s: %v", c.Code, ed, err)
			}
			src := string(doc.Source)
			if !strings.Contains(src, EscapeInline(c.Name)) {
				t.Errorf("%s %s: no country name", c.Code, ed)
			}
			for _, k := range c.Cases {
				in := strings.Contains(src, EscapeInline(k.Title))
				if want := ed == Organisers || k.Confidentiality != "restricted"; in != want {
					t.Errorf("%s %s: case %q present=%v", c.Code, ed, k.Title, in)
				}
			}
		}
		if _, err := eng.Render(c.Language, "agenda", AgendaData(ws, c), Document{}); err != nil {
			t.Fatalf("%s agenda: %v", c.Code, err)
		}
	}
}
