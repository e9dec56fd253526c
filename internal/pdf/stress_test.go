package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// stressDoc has the awkward inputs: words longer than a line, wide tables,
// a cell taller than a page, deep nesting, empty cells, raw HTML, entities.
func stressDoc() string {
	long := "https://example.org/" + strings.Repeat("verylongpathsegment", 20)
	var b strings.Builder
	fmt.Fprintf(&b, "## Heading with an unbreakable %s word\n\n", strings.Repeat("x", 120))
	fmt.Fprintf(&b, "A paragraph with %s inside, <span>raw html</span>, &amp; &copy; &#x00E9; entities and ![an image](logo.png).\n\n", long)
	b.WriteString("| a | b | c | d | e | f | g | h |\n|---|---|---|---|---|---|---|---|\n")
	for i := range 4 {
		fmt.Fprintf(&b, "| %d | São Tomé e Príncipe | Україна | %s | | Việt Nam and Ελλάδα together | x | last column text |\n", i, long)
	}
	b.WriteString("\n| only | header |\n|---|---|\n\n")
	b.WriteString("| Tall | Cell |\n|---|---|\n| short | " + strings.Repeat("A very long cell that must continue over pages. ", 200) + "|\n| after | row |\n\n")
	b.WriteString("- level 1\n  - level 2\n    - level 3\n      - level 4\n        - level 5 with a long text that wraps over the narrow column left at this depth of nesting\n\n")
	b.WriteString("- item with a quote:\n\n  > quoted inside a list item, long enough to wrap onto a second line of the panel in the list\n\n")
	b.WriteString("> A quote holding a list:\n>\n> 1. first\n> 2. second\n\n")
	b.WriteString("```\n\tcode with a tab and a very long line " + strings.Repeat("0123456789", 30) + "\n```\n\n")
	b.WriteString("---\n\n---\n\n")
	b.WriteString("```opkit-bars\n" + strings.Repeat("A label far too long to fit the label column of the bar chart | 3\n", 2) + "B | 0\n```\n\n")
	b.WriteString("```opkit-timeline\nstart: 2027-01-01\nend: 2029-06-30\nevent: 2027-01-01 | At the very start\nevent: 2029-06-30 | At the very end\nevent: 2029-06-29 | Almost the end\nmark: 2029-06-30 | Final mark\nspan: 2027-01-01 | 2029-06-30 | Everything\n```\n\n")
	for i := range 30 {
		fmt.Fprintf(&b, "%d. Numbered item %d\n", i+95, i)
	}
	b.WriteString("\n## Trailing heading\n")
	return b.String()
}

// TestStress lays out the awkward document and checks that every piece of
// text stays inside the content box: nothing cut off, nothing in the
// margins, nothing below the foot.
func TestStress(t *testing.T) {
	for _, size := range []string{"a4", "letter"} {
		doc := parse([]byte(stressDoc()))
		doc.Contents = true
		doc.Cover = true
		doc.Title = "Stress"
		fs, err := loadFonts()
		if err != nil {
			t.Fatal(err)
		}
		body, pages, _, err := layoutDoc(doc, pageSizes[size], fs)
		if err != nil {
			t.Fatal(err)
		}
		for pi, p := range pages[2:] {
			for _, o := range p.ops {
				if o.kind != opText {
					continue
				}
				// The space a line breaks at is drawn past its end (for
				// extraction); it shows nothing.
				w := fs.faces[o.st].width(strings.TrimRight(o.text, " "), o.size)
				if o.x < body.left-0.01 || o.x+w > body.pw-body.right+0.05 || o.y > body.ph-body.bott+0.5 || o.y < body.top {
					t.Errorf("%s page %d: text %q at x %.1f..%.1f y %.1f outside the content box", size, pi+3, o.text, o.x, o.x+w, o.y)
				}
			}
		}
		out, err := Render(doc, Options{PageSize: size})
		if err != nil {
			t.Fatal(err)
		}
		if *keep != "" {
			writePDF(t, "stress-"+size+".pdf", out)
		}
	}
}

func TestEntityOutsideFonts(t *testing.T) {
	_, err := Render(parse([]byte("Capital: &#x5317;\n")), Options{})
	if err == nil || !strings.Contains(err.Error(), "U+5317") {
		t.Fatalf("err = %v; want the character named", err)
	}
}

// TestConcurrent renders in parallel, as pack does across countries: the
// shared font tables must be read-only and the output unaffected.
func TestConcurrent(t *testing.T) {
	want, err := Render(fixture(t, "en", ""), Options{})
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			got, err := Render(fixture(t, "en", ""), Options{})
			if err == nil && !bytes.Equal(got, want) {
				err = fmt.Errorf("parallel render differs")
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestLongContents: a contents list longer than a page still points at the
// right pages (the body is shifted by every contents page).
func TestLongContents(t *testing.T) {
	var b strings.Builder
	for i := range 70 {
		fmt.Fprintf(&b, "# Chapter %d\n\nText of chapter %d.\n\n## Part %d.1\n\nMore text.\n\n", i, i, i)
	}
	doc := parse([]byte(b.String()))
	doc.Contents, doc.Cover, doc.Title = true, true, "Long"
	out, err := Render(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	file := writePDF(t, "long-contents.pdf", out)
	n := pageCount(t, file)
	toc := ""
	for p := 2; p <= 7; p++ {
		toc += pageText(t, file, p, true)
	}
	for _, i := range []int{0, 35, 69} {
		h := fmt.Sprintf("Chapter %d", i)
		m := regexp.MustCompile(`\b` + h + `\s+(\d+)\s*$`).FindStringSubmatch(tocLine(toc, h+" "))
		if m == nil {
			t.Fatalf("contents: no entry for %q", h)
		}
		p, _ := strconv.Atoi(m[1])
		if p < 1 || p > n || !strings.Contains(pageText(t, file, p, false), fmt.Sprintf("%d %s", i+1, h)) {
			t.Errorf("contents: %q listed on page %d, not found there", h, p)
		}
	}
}

// TestFitLongHeader checks the running header's ellipsis on a name tens of
// thousands of characters long: the result fits and keeps a prefix.
func TestFitLongHeader(t *testing.T) {
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	l := &layout{fonts: fs}
	for _, s := range []string{
		strings.Repeat("Côte d'Ivoire ", 5000),
		strings.Repeat("Україна", 8000),
		"Short",
	} {
		const w = 150.0
		got := l.fit(s, regular, 8, w)
		if fs.faces[regular].width(got, 8) > w {
			t.Errorf("fit(%.20q…) = %d runes, wider than %v mm", s, len([]rune(got)), w)
		}
		if s == "Short" {
			if got != s {
				t.Errorf("fit(Short) = %q", got)
			}
			continue
		}
		if !strings.HasSuffix(got, "…") || !strings.HasPrefix(s, strings.TrimSuffix(got, "…")) || len([]rune(got)) < 40 {
			t.Errorf("fit(%.20q…) = %q", s, got)
		}
	}
}

// TestEscapesResolvedOnce: text the templates escaped ("\&amp;" for a
// partner's literal "&amp;") prints as written, not decoded twice.
func TestEscapesResolvedOnce(t *testing.T) {
	doc := parse([]byte("Tom \\&amp; Jerry \\&copy; 2027, R&amp;D, \\*not bold\\*\n"))
	var got strings.Builder
	for _, r := range collectRuns(doc.Root.FirstChild(), doc.Source, regular, "", nil) {
		got.WriteString(r.text)
	}
	if want := "Tom &amp; Jerry &copy; 2027, R&D, *not bold*"; got.String() != want {
		t.Errorf("runs read %q, want %q", got.String(), want)
	}
}
