package pack

import (
	"context"
	"fmt"
	"testing"

	"opkit/internal/model"
	"opkit/internal/pdf"
	"opkit/internal/render"
)

// BenchmarkBriefing measures one participants' briefing, template to PDF
// bytes (report ms/op). Target: under 40 ms on one core.
func BenchmarkBriefing(b *testing.B) {
	ws := demo(b)
	c := ws.Country("UA")
	eng := render.NewEngine(nil)
	meta := briefingMeta(ws, c, c.Language, render.Participants, stamp)
	pages := 0
	for b.Loop() {
		doc, err := eng.Render(c.Language, "briefing", render.BriefingData(ws, c, render.Participants), meta)
		if err != nil {
			b.Fatal(err)
		}
		out, err := pdf.Render(doc, pdf.Options{PageSize: "A4"})
		if err != nil {
			b.Fatal(err)
		}
		pages = len(out)
	}
	b.ReportMetric(float64(pages)/1024, "KiB/pdf")
}

// generated makes n countries by cycling through the demo's, each with its
// own code and name, so the benchmark covers every language and shape.
func generated(ws *model.Workspace, n int) *model.Workspace {
	out := &model.Workspace{Campaign: ws.Campaign}
	for i := range n {
		c := ws.Countries[i%len(ws.Countries)]
		c.Code = fmt.Sprintf("%c%c", 'A'+i/26%26, 'A'+i%26)
		c.Name = fmt.Sprintf("%s %d", c.Name, i)
		c.File = fmt.Sprintf("countries/%s.toml", c.Code)
		out.Countries = append(out.Countries, c)
	}
	return out
}

// BenchmarkBuild200 builds 200 full packs (briefings, agenda, workbook,
// written to disk) in parallel. Target: under 5 s on two cores.
func BenchmarkBuild200(b *testing.B) {
	ws := generated(demo(b), 200)
	eng := render.NewEngine(nil)
	for b.Loop() {
		dir := b.TempDir()
		if _, err := BuildAll(context.Background(), ws, allCountries(ws), eng, Options{OutDir: dir, Stamp: stamp}, nil); err != nil {
			b.Fatal(err)
		}
	}
}
