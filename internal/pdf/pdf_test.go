package pdf

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"opkit/internal/i18n"
	"opkit/internal/render"
	"opkit/internal/testtool"
)

var (
	update = flag.Bool("update", false, "rewrite golden files")
	keep   = flag.String("keep", "", "also write the rendered test PDFs into this directory, to look at them")
)

func parse(src []byte) *render.Document {
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	return &render.Document{Source: src, Root: md.Parser().Parse(text.NewReader(src))}
}

func fixture(t testing.TB, lang, marking string) *render.Document {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "briefing.md"))
	if err != nil {
		t.Fatal(err)
	}
	doc := parse(src)
	doc.Lang = lang
	doc.Title = "Côte d'Ivoire — Optional Protocol briefing"
	doc.Subtitle = "Participants' edition · Abidjan, September 2027"
	doc.Header = "Côte d'Ivoire · Participants' edition"
	doc.Author = "NGO Coalition for the Optional Protocol to the ICESCR"
	doc.Marking = marking
	doc.Cover = true
	doc.Contents = true
	doc.Date = time.Date(2027, 9, 24, 0, 0, 0, 0, time.UTC)
	return doc
}

func sh(t *testing.T, name string, args ...string) string {
	t.Helper()
	return testtool.Output(t, name, args...)
}

func writePDF(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if *keep != "" {
		if err := os.WriteFile(filepath.Join(*keep, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

func pageText(t *testing.T, file string, page int, layout bool) string {
	t.Helper()
	args := []string{"-f", strconv.Itoa(page), "-l", strconv.Itoa(page)}
	if layout {
		args = append(args, "-layout")
	}
	return sh(t, "pdftotext", append(args, file, "-")...)
}

func pageCount(t *testing.T, file string) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(sh(t, "pdfinfo", file))
	if m == nil {
		t.Fatal("pdfinfo: no page count")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func TestRender(t *testing.T) {
	cases := []struct {
		name, lang, marking, size string
		pageSize                  string // as pdfinfo prints it
		pageOf, contents          string
	}{
		{"en-a4", "en", "", "", "595.28 x 841.89 pts (A4)", "Page %d of %d", "Contents"},
		{"fr-letter-restricted", "fr", "RESTRICTED", "Letter", "612 x 792 pts (letter)", "Page %d sur %d", "Sommaire"},
		{"es-a4", "es", "", "A4", "595.28 x 841.89 pts (A4)", "Página %d de %d", "Índice"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := fixture(t, c.lang, c.marking)
			out, err := Render(doc, Options{PageSize: c.size})
			if err != nil {
				t.Fatal(err)
			}
			again, err := Render(fixture(t, c.lang, c.marking), Options{PageSize: c.size})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out, again) {
				t.Error("two renders of the same document differ")
			}
			file := writePDF(t, c.name+".pdf", out)
			sh(t, "qpdf", "--check", file)
			info := sh(t, "pdfinfo", file)
			for _, want := range []string{
				"Page size:       " + c.pageSize,
				"Title:           Côte d'Ivoire — Optional Protocol briefing",
				"Author:          NGO Coalition for the Optional Protocol to the ICESCR",
				"CreationDate:    Fri Sep 24 00:00:00 2027 UTC",
				"ModDate:         Fri Sep 24 00:00:00 2027 UTC",
			} {
				if !strings.Contains(info, want) {
					t.Errorf("pdfinfo lacks %q:\n%s", want, info)
				}
			}
			qdf := sh(t, "qpdf", "--qdf", "--object-streams=disable", file, "-")
			for _, want := range []string{"/Lang (" + c.lang + ")", "/URI (https://treaties.un.org/)", "/URI (https://example.org/a-very-long-path/that/keeps/going)"} {
				if !strings.Contains(qdf, want) {
					t.Errorf("PDF lacks %s", want)
				}
			}
			// Lines wrap anywhere: compare with runs of white space collapsed.
			all := strings.Join(strings.Fields(sh(t, "pdftotext", file, "-")), " ")
			for _, want := range []string{
				"Côte d'Ivoire", "São Tomé e Príncipe", "Türkiye", "Україна", "Việt Nam", "Ελλάδα",
				"Đà Nẵng, Hồ Chí Minh, Nguyễn Thị Minh Khai", "Right to housing — forced evictions",
				"1.1 What a State commits to", "2.1 A long table", "After the table, a closing paragraph.",
				"States parties by region", "Latin America and the Caribbean", "Signature ceremony",
				"Parliament asked in 2025", "opkit build examples/demo", "treaty status page",
			} {
				if !strings.Contains(all, want) {
					t.Errorf("pdftotext lacks %q", want)
				}
			}
			n := pageCount(t, file)
			if n < 5 {
				t.Fatalf("only %d pages", n)
			}
			pages := make([]string, n+1)
			for i := 1; i <= n; i++ {
				pages[i] = pageText(t, file, i, false)
				if want := fmt.Sprintf(c.pageOf, i, n); !strings.Contains(pages[i], want) {
					t.Errorf("page %d lacks footer %q", i, want)
				}
				if c.marking != "" && strings.Count(pages[i], c.marking) < 2 {
					t.Errorf("page %d: marking %q not printed top and bottom", i, c.marking)
				}
				if c.marking == "" && strings.Contains(pages[i], "RESTRICTED") {
					t.Errorf("page %d: unexpected marking", i)
				}
			}
			// Contents: every level 1-2 heading with the page it is really on.
			toc := pageText(t, file, 2, true)
			if !strings.Contains(toc, c.contents) {
				t.Errorf("contents page lacks title %q", c.contents)
			}
			for _, h := range []string{"Why the Optional Protocol matters", "What a State commits to", "Cases from the country", "Facts and figures", "A long table"} {
				m := regexp.MustCompile(regexp.QuoteMeta(h) + `\s+(\d+)\s*$`).FindStringSubmatch(tocLine(toc, h))
				if m == nil {
					t.Errorf("contents: no page number for %q in\n%s", h, toc)
					continue
				}
				p, _ := strconv.Atoi(m[1])
				if p < 3 || p > n || !strings.Contains(pages[p], h) {
					t.Errorf("contents: %q listed on page %d, not found there", h, p)
				}
			}
			// Bookmarks: contents, then level 1 headings with level 2 below.
			var outlines struct {
				Outlines []outline `json:"outlines"`
			}
			if err := json.Unmarshal([]byte(sh(t, "qpdf", "--json", "--json-key=outlines", file)), &outlines); err != nil {
				t.Fatal(err)
			}
			if got, want := flatten(outlines.Outlines, ""), c.contents+" p2|1 Why the Optional Protocol matters p3|-1.1 What a State commits to p3|-1.2 Cases from the country p3|2 Facts and figures p"; !strings.HasPrefix(got, want) || !strings.Contains(got, "|-2.1 A long table p") {
				t.Errorf("bookmarks = %s; want them to start %s", got, want)
			}
			// The long table continues on the next page under a repeated header.
			start := 0
			for i := 1; i <= n; i++ {
				if strings.Contains(pages[i], "2.1 A long table") {
					start = i
				}
			}
			if start == 0 || start == n {
				t.Fatalf("long table heading on page %d of %d", start, n)
			}
			next := pageText(t, file, start+1, true)
			if !regexp.MustCompile(`(?m)^\s*#\s+Action\s+Owner\s+When\s*$`).MatchString(next) {
				t.Errorf("page %d: table header not repeated:\n%s", start+1, next)
			}
		})
	}
}

type outline struct {
	Title string    `json:"title"`
	Page  int       `json:"destpageposfrom1"`
	Kids  []outline `json:"kids"`
}

func flatten(os []outline, indent string) string {
	var parts []string
	for _, o := range os {
		parts = append(parts, fmt.Sprintf("%s%s p%d", indent, o.Title, o.Page))
		if len(o.Kids) > 0 {
			parts = append(parts, flatten(o.Kids, indent+"-"))
		}
	}
	return strings.Join(parts, "|")
}

// tocLine returns the line of a -layout contents page holding h.
func tocLine(toc, h string) string {
	for _, ln := range strings.Split(toc, "\n") {
		if strings.Contains(ln, h) {
			return ln
		}
	}
	return ""
}

// TestGolden pins the extracted text of the English fixture, so that any
// change in what is printed shows up in review.
func TestGolden(t *testing.T) {
	out, err := Render(fixture(t, "en", "RESTRICTED"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := sh(t, "pdftotext", writePDF(t, "golden.pdf", out), "-")
	testtool.Golden(t, filepath.Join("testdata", "briefing.en.txt"), []byte(got), *update)
}

func TestMissing(t *testing.T) {
	cases := []struct {
		in   string
		want rune
		bad  bool
	}{
		{"Côte d'Ivoire, São Tomé e Príncipe, Türkiye", 0, false},
		{"Україна · Việt Nam · Ελλάδα · Nguyễn", 0, false},
		{"line\nbreak\tand tab\r", 0, false},
		{"Vie\u0323\u0302t (decomposed)", 0, false},
		{"« guillemets » — “quotes” … 12 €", 0, false},
		{"go → there", '→', true},
		{"北京", '北', true},
		{"ok 😀", '😀', true},
		{"𝐀", '𝐀', true},
		{"", 0, false},
	}
	for _, c := range cases {
		r, bad := Missing(c.in)
		if r != c.want || bad != c.bad {
			t.Errorf("Missing(%q) = %U, %v; want %U, %v", c.in, r, bad, c.want, c.bad)
		}
	}
}

// TestOwnStrings guards the strings the layout prints by itself: a marker
// or label missing from the fonts would show as an empty box.
func TestOwnStrings(t *testing.T) {
	var all []string
	all = append(all, bullets[:]...)
	for _, lang := range i18n.Languages {
		// Arabic labels are checked once the fonts carry Arabic script
		// (the arabic lane's font); until then an Arabic document cannot
		// be drawn at all and says so.
		if _, noArabic := Missing("ع"); lang == "ar" && noArabic {
			continue
		}
		l := labelsFor(lang)
		all = append(all, l.contents, l.pageOf(123, 456), "…")
		for m := time.January; m <= time.December; m++ {
			all = append(all, l.month(time.Date(2027, m, 1, 0, 0, 0, 0, time.UTC)), l.shortDate(time.Date(2027, m, 5, 0, 0, 0, 0, time.UTC)))
		}
	}
	for _, s := range all {
		if r, bad := Missing(s); bad {
			t.Errorf("%q: %U is not in the fonts", s, r)
		}
	}
}

func TestRenderErrors(t *testing.T) {
	cases := []struct {
		name, src, title, size, want string
	}{
		{"emoji in text", "# Title\n\nA smile 😀 here.\n", "", "", "markdown:3:9: character U+1F600"},
		{"missing glyph", "Arrow → here\n", "", "", "markdown:1:7: character U+2192"},
		{"astral title", "text\n", "𝐀 title", "", "title: character U+1D400"},
		{"page size", "text\n", "", "A3", `unknown page size "A3"`},
		{"bad bars", "```opkit-bars\nAfrica 12\n```\n", "", "", "opkit-bars line 1"},
		{"bad bar value", "```opkit-bars\nAfrica | many\n```\n", "", "", `value "many"`},
		{"bad timeline date", "```opkit-timeline\nstart: 2027-13-01\nend: 2027-12-01\n```\n", "", "", "opkit-timeline line 1"},
		{"timeline without end", "```opkit-timeline\nstart: 2027-01-01\n```\n", "", "", "need \"start:\""},
		{"timeline key", "```opkit-timeline\nstart: 2027-01-01\nend: 2027-12-01\nwhen: 2027-02-01 | x\n```\n", "", "", `unknown key "when"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := parse([]byte(c.src))
			doc.Title = c.title
			_, err := Render(doc, Options{PageSize: c.size})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v; want it to contain %q", err, c.want)
			}
		})
	}
	if _, err := Render(&render.Document{}, Options{}); err == nil {
		t.Error("document without content: no error")
	}
}

// TestWidthsMatchFpdf checks that the widths layout measures with are the
// ones fpdf draws with; otherwise right-aligned text and links would drift.
func TestWidthsMatchFpdf(t *testing.T) {
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	files := fontFiles()
	s := "Côte d'Ivoire — Україна, Việt Nam, Ελλάδα: 0123456789 «»…\u0301 WAVE fi ffl"
	for st := range files {
		f := fpdf.New("P", "mm", "A4", "")
		f.AddUTF8FontFromBytes("x", style(st).fpdfStyle(), files[st])
		f.SetFont("x", style(st).fpdfStyle(), 11)
		if err := f.Error(); err != nil {
			t.Fatal(err)
		}
		want := f.GetStringWidth(s)
		got := fs.faces[st].width(s, 11)
		if d := got - want; d > 1e-9 || d < -1e-9 {
			t.Errorf("style %q: width %.6f mm, fpdf says %.6f", style(st).fpdfStyle(), got, want)
		}
	}
}

// TestKeepWithNext checks, over many heading positions, that no heading is
// left at a page foot without text after it, and that table rows are never
// split unless taller than a page.
func TestKeepWithNext(t *testing.T) {
	var b strings.Builder
	for i := range 60 {
		fmt.Fprintf(&b, "## Section %d\n\n", i)
		for range i % 4 {
			b.WriteString("Filler text that wraps over a couple of lines so that section heights vary and headings land at many different places on the page.\n\n")
		}
		if i%7 == 3 {
			b.WriteString("| a | b |\n|---|---|\n| one | two |\n| three | four |\n\n")
		}
	}
	doc := parse([]byte(b.String()))
	doc.Contents = true
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	body, _, _, err := layoutDoc(doc, pageSizes["a4"], fs)
	if err != nil {
		t.Fatal(err)
	}
	if len(body.pages) < 3 {
		t.Fatalf("only %d pages: the test needs page breaks", len(body.pages))
	}
	lh := bodySize * leading * ptToMM
	for i, h := range body.headings {
		p := body.pages[h.page]
		// Text below the heading's own lines on the same page.
		below := 0
		for _, o := range p.ops {
			if o.kind == opText && o.y > h.y+headSizes[h.level-1]*ptToMM*1.3 {
				below++
			}
		}
		if below == 0 {
			t.Errorf("heading %d (%s) at page foot (page %d, y %.1f) with nothing after it", i, h.text, h.page+1, h.y)
		}
		if h.y > body.ph-body.bott-2*lh {
			t.Errorf("heading %d too close to the foot: y %.1f", i, h.y)
		}
	}
	for pi, p := range body.pages {
		for _, o := range p.ops {
			if o.kind == opText && o.y > body.ph-body.bott+0.5 {
				t.Errorf("page %d: text %q below the bottom margin (y %.1f)", pi+1, o.text, o.y)
			}
		}
	}
}

// tenPages is the fixture with an annex added so that it renders to about
// ten pages, the size of a typical briefing.
func tenPages(b *testing.B) *render.Document {
	src, err := os.ReadFile(filepath.Join("testdata", "briefing.md"))
	if err != nil {
		b.Fatal(err)
	}
	var s strings.Builder
	s.Write(src)
	s.WriteString("\n---\n\n# Annex\n\n")
	for i := range 14 {
		fmt.Fprintf(&s, "## Note %d\n\nThe Committee on Economic, Social and Cultural Rights examines communications in closed meetings and adopts views that it transmits to the parties. **Follow-up** is public, and the coalition tracks every step of it with partners in Côte d'Ivoire, Україна and Việt Nam.\n\n- First point of the note.\n- Second point, slightly longer, so that it wraps onto a second line in the list column of the page.\n\n", i+1)
	}
	doc := fixture(b, "en", "RESTRICTED")
	d := parse([]byte(s.String()))
	doc.Source, doc.Root = d.Source, d.Root
	return doc
}

func BenchmarkRender10Pages(b *testing.B) {
	doc := tenPages(b)
	out, err := Render(doc, Options{})
	if err != nil {
		b.Fatal(err)
	}
	pages := bytes.Count(out, []byte("/Type /Page\n"))
	if pages < 9 || pages > 11 {
		b.Fatalf("%d pages, want about 10", pages)
	}
	b.ReportAllocs()
	// CPU time as well as wall time: on a shared machine the wall time
	// mostly measures the neighbours.
	cpu0 := cpuTime()
	n := 0
	for b.Loop() {
		if _, err := Render(doc, Options{}); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(n), "cpu-ms/op")
}

// TestSubsetCache: the third render of a document takes its subset fonts
// from the vendored fpdf's cache (patch 10: stored on the second sighting)
// and has the bytes of the first; a document with other characters gets
// subsets of its own, and both pass qpdf --check.
func TestSubsetCache(t *testing.T) {
	render := func(lang string) []byte {
		t.Helper()
		out, err := Render(fixture(t, lang, ""), Options{PageSize: "A4"})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	for _, lang := range []string{"en", "fr"} {
		first := render(lang)
		for i := 2; i <= 3; i++ {
			if got := render(lang); !bytes.Equal(got, first) {
				t.Fatalf("%s: render %d differs from the first (%d and %d bytes)", lang, i, len(got), len(first))
			}
		}
		sh(t, "qpdf", "--check", writePDF(t, "subset-"+lang+".pdf", first))
	}
	if bytes.Equal(render("en"), render("fr")) {
		t.Fatal("the English and French documents are the same bytes")
	}
}
