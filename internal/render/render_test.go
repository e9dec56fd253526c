package render

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden executes every built-in template of every language on the
// fixture and compares the Markdown with testdata/*.golden.md.
func TestGolden(t *testing.T) {
	ws := fixture()
	eng := NewEngine(nil)
	for i := range ws.Countries {
		c := &ws.Countries[i]
		cases := []struct {
			name string
			tmpl string
			data any
		}{
			{"briefing-participants", "briefing", BriefingData(ws, c, Participants)},
			{"briefing-organisers", "briefing", BriefingData(ws, c, Organisers)},
			{"agenda", "agenda", AgendaData(ws, c)},
		}
		for _, tc := range cases {
			name := c.Language + "-" + tc.name
			t.Run(name, func(t *testing.T) {
				got, err := eng.Execute(c.Language, tc.tmpl, tc.data)
				if err != nil {
					t.Fatal(err)
				}
				path := filepath.Join("testdata", name+".golden.md")
				if *update {
					if err := os.MkdirAll("testdata", 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test -update)", err)
				}
				if string(got) != string(want) {
					t.Errorf("%s differs from the golden file; run go test -update and review the diff", name)
				}
			})
		}
	}
}
