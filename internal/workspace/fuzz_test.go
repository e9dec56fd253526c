package workspace

import (
	"testing"
	"testing/fstest"
)

// FuzzLoad: no input file, however broken, makes Load panic, and every
// diagnostic of a country file has a position inside the file.
func FuzzLoad(f *testing.F) {
	f.Add(baseCountry)
	f.Add(string(Starter()["countries/gh.toml"]))
	f.Add("[a]\nb.c = 1\n[a.b]\n[[a.b]]\nx = [1, [2, {y = 3}]]\n")
	f.Add("a = {b = 1}\na.c = 2\n[a]\n[[x]]\n[x]\n")
	f.Add("[[cases]\nid = \"c1\"\n[cases.x]\n'q' = \"\"\"\nmulti\n\"\"\"\n")
	f.Fuzz(func(t *testing.T, src string) {
		m := fstest.MapFS{
			"campaign.toml":     {Data: []byte(src)},
			"countries/gh.toml": {Data: []byte(src)},
		}
		_, l := Load(m, ".")
		lines := 1
		for i := 0; i < len(src); i++ {
			if src[i] == '\n' {
				lines++
			}
		}
		for _, d := range l {
			if d.File == "countries/gh.toml" && (d.Line < 1 || d.Line > lines || d.Col < 1) {
				t.Errorf("diagnostic out of the file: %v", d)
			}
		}
	})
}
