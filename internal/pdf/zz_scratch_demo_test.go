package pdf_test

import (
	"os"
	"testing"
	"time"

	"opkit/internal/pack"
	"opkit/internal/render"
	"opkit/internal/workspace"
)

func TestScratchDemo(t *testing.T) {
	out := os.Getenv("PDFENG_DEMO")
	if out == "" {
		t.Skip()
	}
	ws, diags := workspace.LoadDir("../../examples/demo")
	if ws == nil {
		t.Fatal(diags)
	}
	eng := render.NewEngine(nil)
	for i := range ws.Countries {
		c := &ws.Countries[i]
		res, err := pack.Build(ws, c, eng, pack.Options{OutDir: out, Stamp: time.Date(2027, 9, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Error(err)
			continue
		}
		t.Log(res.Summary())
	}
}
