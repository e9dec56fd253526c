package plan

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"opkit/internal/names"
	"opkit/internal/render"
	"opkit/internal/testtool"
)

func TestWritePDFAndWorkbook(t *testing.T) {
	pdftotext := testtool.Need(t, "pdftotext")
	qpdf := testtool.Need(t, "qpdf")
	eng := render.NewEngine(nil)
	tests := []struct {
		lang string
		want []string
	}{
		{"en", []string{"Coordination plan", "STAFF ONLY", "Summary", "Calendar of events", "Argentina", "Bolivia", "Ghana", "Mali", "Nepal",
			"Ana Pérez", "Kofi Mensah", "Rights Watch | Africa", "No member speaks ne.", "A public forum is planned although the partner needs a low profile.",
			"Event window", "Signature", "Requests left uncovered"}},
		{"fr", []string{"Plan de coordination", "USAGE INTERNE", "Calendrier des événements", "Argentine", "Ana Pérez", "Aucun membre ne parle ne.", "Demandes non couvertes"}},
		{"es", []string{"Plan de coordinación", "USO INTERNO", "Calendario de eventos", "Argentina", "Kofi Mensah", "Ningún miembro habla ne.", "Solicitudes sin cubrir"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			ws := demoWorkspace()
			ws.Campaign.Language = tt.lang
			dir := t.TempDir()
			opt := Options{PageSize: "A4", Stamp: stamp}
			if err := Write(Make(ws), ws, eng, dir, opt); err != nil {
				t.Fatal(err)
			}
			pdfPath := filepath.Join(dir, "plan", "coordination.pdf")
			first, err := os.ReadFile(pdfPath)
			if err != nil {
				t.Fatal(err)
			}
			firstX, err := os.ReadFile(filepath.Join(dir, "plan", "coordination.xlsx"))
			if err != nil {
				t.Fatal(err)
			}
			// Same inputs, same bytes.
			if err := Write(Make(ws), ws, eng, dir, opt); err != nil {
				t.Fatal(err)
			}
			second, _ := os.ReadFile(pdfPath)
			secondX, _ := os.ReadFile(filepath.Join(dir, "plan", "coordination.xlsx"))
			if !bytes.Equal(first, second) || !bytes.Equal(firstX, secondX) {
				t.Error("two writes of one plan differ")
			}
			out, err := exec.Command(pdftotext, "-layout", pdfPath, "-").CombinedOutput()
			if err != nil {
				t.Fatalf("pdftotext: %v\n%s", err, out)
			}
			text := strings.Join(strings.Fields(string(out)), " ")
			for _, s := range tt.want {
				if !strings.Contains(text, s) {
					t.Errorf("PDF text lacks %q", s)
				}
			}
			if out, err := exec.Command(qpdf, "--check", pdfPath).CombinedOutput(); err != nil {
				t.Errorf("qpdf --check: %v\n%s", err, out)
			}
			entries, _ := os.ReadDir(filepath.Join(dir, "plan"))
			if len(entries) != 2 {
				t.Errorf("plan/ holds %d entries, want the two files (no temporary left)", len(entries))
			}
		})
	}
}

// TestWriteTemplateError leaves nothing behind when the workspace's
// template is broken, and names the template.
func TestWriteTemplateError(t *testing.T) {
	eng := render.NewEngine(fstest.MapFS{"en/coordination.md.tmpl": {Data: []byte("# Plan\n\n{{.NoSuchField}}\n")}})
	ws := demoWorkspace()
	dir := t.TempDir()
	err := Write(Make(ws), ws, eng, dir, Options{PageSize: "A4", Stamp: stamp})
	if err == nil || !strings.Contains(err.Error(), "templates/en/coordination.md.tmpl:3") {
		t.Fatalf("error %v, want one naming templates/en/coordination.md.tmpl:3", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "plan")); !os.IsNotExist(err) {
		t.Errorf("plan/ written despite the error")
	}
}

// TestWriteBigPlan renders a whole campaign: 200 countries on the timeline
// and in the tables.
func TestWriteBigPlan(t *testing.T) {
	pdftotext := testtool.Need(t, "pdftotext")
	ws := bigWorkspace(200, 30)
	dir := t.TempDir()
	p := Make(ws)
	if err := Write(p, ws, render.NewEngine(nil), dir, Options{PageSize: "Letter", Stamp: stamp}); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, filepath.Join(dir, "plan", "coordination.pdf"), "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	text := string(out)
	// The plan names countries from their codes, in its language.
	for _, c := range []string{names.Country("AA", "en"), names.Country("HR", "en"), p.Member(p.Assignments[len(p.Assignments)-1].Member).Name} {
		if !strings.Contains(text, c) {
			t.Errorf("PDF text lacks %q", c)
		}
	}
}
