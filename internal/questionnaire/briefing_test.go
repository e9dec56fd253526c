package questionnaire_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"opkit/internal/model"
	"opkit/internal/outcome"
	"opkit/internal/pack"
	"opkit/internal/questionnaire"
	"opkit/internal/render"
	"opkit/internal/testtool"
	"opkit/internal/workspace"
)

// TestSameBriefing is the staff loop end to end for every demo country:
// questionnaire -> import into an empty workspace -> pack. The briefings
// (both editions) and the agenda read the same, word for word, as those
// built from the original country file.
func TestSameBriefing(t *testing.T) {
	testtool.Need(t, "pdftotext")
	ws, camp := demo(t)
	eng := render.NewEngine(nil)
	for i := range ws.Countries {
		c := &ws.Countries[i]
		t.Run(c.Code, func(t *testing.T) {
			data, err := questionnaire.Write(c.Code, c.Language, c, questionnaire.Options{})
			if err != nil {
				t.Fatal(err)
			}
			im, ds, err := questionnaire.Import("q.xlsx", data, outcome.Limits{}, camp)
			if err != nil || ds.HasErrors() {
				t.Fatalf("import: %v %v", err, ds)
			}
			// An empty workspace: the campaign and the imported file only.
			dir := t.TempDir()
			os.MkdirAll(filepath.Join(dir, "countries"), 0o755)
			os.WriteFile(filepath.Join(dir, "campaign.toml"), camp, 0o644)
			os.WriteFile(filepath.Join(dir, im.File()), im.TOML, 0o644)
			imported, lds := workspace.LoadDir(dir)
			if lds.HasErrors() {
				t.Fatalf("the imported file does not pass check: %v", lds)
			}
			one := *ws
			one.Countries = []model.Country{*c}
			a := build(t, &one, &one.Countries[0], eng)
			b := build(t, imported, &imported.Countries[0], eng)
			for name, want := range a {
				if got := b[name]; got != want {
					t.Errorf("%s differs after the round trip:\n%s", name, firstDiff(want, got))
				}
			}
			if _, ok := a[strings.ToLower(c.Code)+"-briefing.pdf"]; !ok || len(a) != len(b) {
				t.Errorf("documents compared: %d and %d, the briefing among them: %v", len(a), len(b), ok)
			}
		})
	}
}

// build makes a pack and returns the text of each of its PDFs.
func build(t *testing.T, ws *model.Workspace, c *model.Country, eng *render.Engine) map[string]string {
	t.Helper()
	res, err := pack.Build(ws, c, eng, pack.Options{OutDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range res.Files {
		if !strings.HasSuffix(f, ".pdf") {
			continue
		}
		txt, err := exec.Command("pdftotext", "-enc", "UTF-8", f, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", f, err)
		}
		out[filepath.Base(f)] = string(txt)
	}
	return out
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n want %s\n  got %s", i+1, al[i], bl[i])
		}
	}
	return "lengths differ"
}
