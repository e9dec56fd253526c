package questionnaire_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"testing/fstest"

	"opkit/examples"
	"opkit/internal/model"
	"opkit/internal/outcome"
	"opkit/internal/questionnaire"
	"opkit/internal/workspace"
)

// demo loads the embedded demo workspace.
func demo(t *testing.T) (*model.Workspace, []byte) {
	t.Helper()
	sub, err := fs.Sub(examples.Demo, "demo")
	if err != nil {
		t.Fatal(err)
	}
	ws, ds := workspace.Load(sub, "demo")
	if ds.HasErrors() {
		t.Fatalf("demo: %v", ds)
	}
	camp, err := fs.ReadFile(sub, "campaign.toml")
	if err != nil {
		t.Fatal(err)
	}
	return ws, camp
}

// comparable drops what the loader records about where a value stood.
func comparable(c model.Country) model.Country {
	c.File, c.Texts = "", nil
	return c
}

// TestRoundTripModel: every demo country written to a questionnaire and
// imported unchanged gives the same country as its file.
func TestRoundTripModel(t *testing.T) {
	ws, camp := demo(t)
	for _, c := range ws.Countries {
		t.Run(c.Code, func(t *testing.T) {
			data, err := questionnaire.Write(c.Code, c.Language, &c, questionnaire.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if os.Getenv("KEEP") != "" {
				os.WriteFile(filepath.Join(os.TempDir(), c.Code+"-q.xlsx"), data, 0o644)
			}
			im, ds, err := questionnaire.Import("q.xlsx", data, outcome.Limits{}, camp)
			if err != nil {
				t.Fatal(err)
			}
			if ds.HasErrors() {
				t.Fatalf("import: %v\n%s", ds, im.TOML)
			}
			got, lds := workspace.Load(fstest.MapFS{"campaign.toml": {Data: camp}, im.File(): {Data: im.TOML}}, "")
			if lds.HasErrors() || len(got.Countries) != 1 {
				t.Fatalf("load: %v\n%s", lds, im.TOML)
			}
			if a, b := comparable(got.Countries[0]), comparable(c); !reflect.DeepEqual(a, b) {
				t.Errorf("round trip differs:\n got %+v\nwant %+v\n%s", a, b, im.TOML)
			}
		})
	}
}
