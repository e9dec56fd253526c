package pack

import (
	"archive/zip"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"opkit/internal/model"
	"opkit/internal/render"
	"opkit/internal/testtool"
	"opkit/internal/workspace"
)

// arabicWorkspace is testdata/arabic: a campaign whose printed names are
// given in Arabic too and one country written in Arabic (JO): the whole
// pipeline from the country file to a right-to-left pack.
func arabicWorkspace(t *testing.T) (*model.Workspace, *model.Country) {
	t.Helper()
	ws, diags := workspace.Load(os.DirFS(filepath.Join("testdata", "arabic")), "testdata/arabic")
	if ws == nil || diags.HasErrors() {
		t.Fatalf("Arabic workspace: %v", diags)
	}
	return ws, &ws.Countries[0]
}

func TestArabicPack(t *testing.T) {
	testtool.Need(t, "pdftotext")
	testtool.Need(t, "qpdf")
	ws, c := arabicWorkspace(t)
	out := t.TempDir()
	if _, err := BuildAll(context.Background(), ws, []*model.Country{c}, render.NewEngine(nil), Options{OutDir: out, Stamp: stamp}, nil); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(out, "packs", "jo")
	pdfs, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if len(pdfs) < 3 {
		t.Fatalf("Arabic pack has %d PDFs: %v", len(pdfs), pdfs)
	}
	for _, p := range pdfs {
		sh(t, "qpdf", "--check", p)
	}

	text := func(name string) string {
		return testtool.Logical(sh(t, "pdftotext", filepath.Join(dir, name), "-"))
	}
	part := text("jo-briefing.pdf")
	org := part
	if _, err := os.Stat(filepath.Join(dir, "jo-briefing-organisers.pdf")); err == nil {
		org = text("jo-briefing-organisers.pdf")
	}
	for _, want := range []string{"الأردن", "الملتقى الأردني للحقوق الاقتصادية والاجتماعية (خيالي)"} {
		if !strings.Contains(part, want) {
			t.Errorf("participants' briefing lacks %q", want)
		}
	}
	for _, k := range c.Cases {
		title := testtool.Logical(k.Title)
		if !strings.Contains(part, title) {
			t.Errorf("participants' briefing lacks case title %q", title)
		}
		if !strings.Contains(org, title) {
			t.Errorf("organisers' briefing lacks case title %q", title)
		}
	}
	agenda := text("jo-agenda.pdf")
	for _, s := range c.Event.Sessions {
		if want := testtool.Logical(s.Title); !strings.Contains(agenda, want) {
			t.Errorf("agenda lacks session %q", want)
		}
	}
	// No English words of the en templates in the Arabic pack.
	for _, english := range []string{"Contents", "Page ", "Briefing", "Agenda", "Optional Protocol", "Session"} {
		for name, txt := range map[string]string{"briefing": part, "agenda": agenda} {
			if strings.Contains(txt, english) {
				t.Errorf("Arabic %s holds the English %q", name, english)
			}
		}
	}

	// Right-aligned: the lines of a block of text end at one x (ragged
	// left; the first line may carry a bullet or a number further right),
	// paragraphs at the right margin, and no line runs past it.
	right := 595.28 - 22/25.4*72
	aligned, blocks, atMargin := 0, 0, 0
	for _, ends := range blockLineEnds(t, filepath.Join(dir, "jo-briefing.pdf")) {
		lo, hi := ends[len(ends)-1], ends[len(ends)-1]
		for i, x := range ends {
			if i > 0 {
				lo, hi = min(lo, x), max(hi, x)
			}
			if x > right+0.6 {
				t.Errorf("a line ends at %.1fpt, past the right margin (%.1fpt)", x, right)
			}
			if x > right-0.6 {
				atMargin++
			}
		}
		if len(ends) < 3 {
			continue
		}
		blocks++
		if hi-lo < 0.8 {
			aligned++
		}
	}
	t.Logf("right alignment: %d of %d blocks of three lines or more end at one x; %d lines end at the right margin", aligned, blocks, atMargin)
	if aligned < 5 || aligned*10 < blocks*8 {
		t.Errorf("%d of %d blocks of text have their lines end at one x", aligned, blocks)
	}
	if atMargin < 20 {
		t.Errorf("only %d lines end at the right margin", atMargin)
	}

	// The outcome workbook's visible sheets read right to left.
	zr, err := zip.OpenReader(filepath.Join(dir, "jo-outcome.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	rtl := 0
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/sheet") {
			continue
		}
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if strings.Contains(string(b), `rightToLeft="1"`) || strings.Contains(string(b), `rightToLeft="true"`) {
			rtl++
		}
	}
	if rtl < 2 {
		t.Errorf("%d sheets of the Arabic outcome workbook are right to left", rtl)
	}
}

var (
	blockRe = regexp.MustCompile(`<block `)
	lineRe  = regexp.MustCompile(`<line xMin="[\d.]+" yMin="([\d.]+)" xMax="([\d.]+)"`)
)

// blockLineEnds is the right edge of every text line of the body pages
// (page 3 on, header and footer left out), by block as pdftotext groups
// them.
func blockLineEnds(t *testing.T, file string) [][]float64 {
	out := sh(t, "pdftotext", "-f", "3", "-bbox-layout", file, "-")
	var blocks [][]float64
	for _, b := range blockRe.Split(out, -1)[1:] {
		var ends []float64
		for _, m := range lineRe.FindAllStringSubmatch(b, -1) {
			y, _ := strconv.ParseFloat(m[1], 64)
			x, _ := strconv.ParseFloat(m[2], 64)
			if y > 60 && y < 770 {
				ends = append(ends, x)
			}
		}
		if len(ends) > 0 {
			blocks = append(blocks, ends)
		}
	}
	return blocks
}

func sh(t *testing.T, name string, args ...string) string {
	t.Helper()
	return testtool.Output(t, name, args...)
}

// TestArabicActualText: the structure elements of an Arabic briefing carry
// their text as written (/ActualText), since the glyphs are drawn in
// visual order and contextual forms that a screen reader following the
// tree would read backwards. Each such text must be found, as it is, in
// what pdftotext extracts in logical order.
func TestArabicActualText(t *testing.T) {
	testtool.Need(t, "pdftotext")
	testtool.Need(t, "qpdf")
	ws, c := arabicWorkspace(t)
	out := t.TempDir()
	if _, err := BuildAll(context.Background(), ws, []*model.Country{c}, render.NewEngine(nil), Options{OutDir: out, Stamp: stamp}, nil); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(out, "packs", "jo", "jo-briefing.pdf")
	squash := func(s string) string { return strings.Join(strings.Fields(testtool.Logical(s)), "") }
	page := squash(sh(t, "pdftotext", "-enc", "UTF-8", path, "-"))
	var doc struct {
		Objects map[string]any `json:"objects"`
	}
	if err := json.Unmarshal([]byte(sh(t, "qpdf", "--json=1", "--json-key=objects", path)), &doc); err != nil {
		t.Fatal(err)
	}
	var texts []string
	roles := map[string]int{}
	for _, o := range doc.Objects {
		e, ok := o.(map[string]any)
		if !ok || e["/Type"] != "/StructElem" {
			continue
		}
		if a, ok := e["/ActualText"].(string); ok {
			texts = append(texts, strings.TrimPrefix(a, "u:"))
			roles[e["/S"].(string)]++
		}
	}
	if len(texts) < 20 || roles["/P"] == 0 || roles["/H1"] == 0 {
		t.Fatalf("%d elements with ActualText (%v), want paragraphs and headings", len(texts), roles)
	}
	found := 0
	for _, s := range texts {
		if strings.Contains(page, squash(s)) {
			found++
		}
	}
	// A paragraph cut by a page break reads with the running header in
	// between in pdftotext: nine in ten are whole.
	if found*10 < len(texts)*9 {
		t.Errorf("%d of %d ActualTexts are in the extracted text in logical order", found, len(texts))
	}
	if !slices.ContainsFunc(texts, func(s string) bool { return strings.Contains(s, "البروتوكول الاختياري") }) {
		t.Error("no ActualText names the Optional Protocol in Arabic")
	}
}
