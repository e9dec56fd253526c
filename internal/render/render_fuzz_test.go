package render_test

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"opkit/examples"
	"opkit/internal/model"
	"opkit/internal/pdf"
	"opkit/internal/render"
	"opkit/internal/workspace"
)

// The fuzz targets here drive the whole text path a partner controls: the
// strings of a country file go through the built-in templates, and a
// workspace may replace a template with its own; either way the Markdown
// ends in pdf.Render. Both must end in an error or a well-formed PDF,
// never a panic or a hang. `go test` runs the seeds (and the inputs kept in
// testdata/fuzz/); `go test -run '^$' -fuzz FuzzCountryText -parallel 1`
// searches further (see README, "Proving it holds").

// fuzzDeadline bounds one input: the layout must not loop. Generous, since
// the fuzzer shares the machine with other work.
const fuzzDeadline = 20 * time.Second

func demoWorkspace(tb testing.TB) *model.Workspace {
	tb.Helper()
	sub, err := fs.Sub(examples.Demo, "demo")
	if err != nil {
		tb.Fatal(err)
	}
	ws, diags := workspace.Load(sub, ".")
	if ws == nil || diags.HasErrors() {
		tb.Fatalf("demo workspace: %v", diags)
	}
	return ws
}

// renderPDF renders doc within the deadline and checks the result's shape.
func renderPDF(t *testing.T, doc *render.Document, page string) {
	t.Helper()
	type result struct {
		b   []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		b, err := pdf.Render(doc, pdf.Options{PageSize: page})
		done <- result{b, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(fuzzDeadline):
		t.Fatalf("pdf.Render does not finish within %s on:\n%s", fuzzDeadline, doc.Source)
	}
	if r.err != nil {
		return
	}
	checkPDF(t, r.b)
}

// checkPDF is a cheap structural check (qpdf is too slow per input): the
// header, a cross-reference table or stream, and the end marker.
func checkPDF(t *testing.T, b []byte) {
	t.Helper()
	switch {
	case !bytes.HasPrefix(b, []byte("%PDF-1.")):
		t.Fatalf("no PDF header: %q", b[:min(len(b), 16)])
	case !bytes.HasSuffix(bytes.TrimRight(b, "\r\n"), []byte("%%EOF")):
		t.Fatal("no end-of-file marker")
	case !bytes.Contains(b, []byte("startxref")):
		t.Fatal("no startxref")
	case !bytes.Contains(b, []byte("/Type /Pages")) && !bytes.Contains(b, []byte("/Type/Pages")):
		t.Fatal("no page tree")
	}
}

// FuzzCountryText puts arbitrary text in the fields a partner writes (case
// title, summary, remedies, a session title, the situation) and builds the
// briefing (organisers' edition, so restricted cases show) and the agenda.
func FuzzCountryText(f *testing.F) {
	ws := demoWorkspace(f)
	long := strings.Repeat("Antidisestablishmentarianism", 40)
	seeds := []struct{ title, body string }{
		{"Evictions in the port district", "Families were evicted without notice.\n\nA second paragraph."},
		{"", ""},
		{long, long + " " + long},
		{"# heading in a title", "> > > > quoted\n>\n> - list\n>   1. nested\n>      - deeper\n>        > again"},
		{"*unclosed _emphasis `code", "| a | b |\n|---|---|\n| " + long + " | x |\n"},
		{"---", "---\n---\n\n---"},
		{"```opkit-bars", "```opkit-bars\na | 1e308\nb | -1\n```\n```opkit-timeline\nstart: 2027-13-01\n```"},
		{"{{ .Country.Name }}", "<script>alert(1)</script> &amp; &#0; \x00 \t\v\f"},
		{"Україна · Việt Nam · Ελλάδα · Türkiye", "ﬁ ligature, combining e\u0301, RTL \u202e text, emoji 😀, tab\tend"},
		{"1. 2. 3.", strings.Repeat("- ", 300) + "x"},
		{"[link](javascript:x)", "![img](http://example.org/x.png) <http://a> [a][b]\n\n[b]: /x"},
		{" ", strings.Repeat("\n", 500)},
	}
	for _, s := range seeds {
		f.Add(s.title, s.body, "A4")
	}
	f.Add("Letter size", "body", "Letter")
	f.Fuzz(func(t *testing.T, title, body, page string) {
		if page != "Letter" {
			page = "A4"
		}
		c := cloneCountry(ws, "UA")
		if c == nil {
			t.Skip("demo has no UA")
		}
		for i := range c.Cases {
			c.Cases[i].Title = title
			c.Cases[i].Summary = body
			c.Cases[i].RemediesTried = body
		}
		c.Situation.Summary = body
		c.Remedies.Summary = title
		c.Event.Sessions = append(c.Event.Sessions, model.Session{Title: title, Speaker: body})
		// Text the fonts cannot draw is refused earlier by pack.CheckFonts
		// with a position; the layout is not required to take it.
		if _, bad := pdf.Missing(title + body); bad {
			return
		}
		eng := render.NewEngine(nil)
		for _, ed := range []render.Edition{render.Organisers} {
			doc, err := eng.Render(c.Language, "briefing", render.BriefingData(ws, c, ed), render.Document{
				Title: title, Header: title, Cover: true, Contents: true, Marking: "restricted",
			})
			if err != nil {
				t.Fatalf("briefing template failed on partner text: %v", err)
			}
			renderPDF(t, doc, page)
		}
		doc, err := eng.Render(c.Language, "agenda", render.AgendaData(ws, c), render.Document{Title: title})
		if err != nil {
			t.Fatalf("agenda template failed on partner text: %v", err)
		}
		renderPDF(t, doc, page)
	})
}

// FuzzTemplate replaces the English agenda template with arbitrary text, as
// a workspace's templates/ folder may: the engine may refuse it (with the
// file name), and whatever it accepts must lay out or fail cleanly.
func FuzzTemplate(f *testing.F) {
	ws := demoWorkspace(f)
	builtin, err := fs.ReadFile(render.Builtins(), "en/agenda.md.tmpl")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(builtin))
	f.Add("")
	f.Add("# {{ .Country.Name }}\n\n## \n\n### \n\n---\n\n---\n")
	f.Add("{{ range .Slots }}\n- {{ .Title }}\n  - > {{ .Title }}\n    1. ```\n{{ end }}")
	f.Add("{{ template \"x\" }}")
	f.Add("{{ define \"x\" }}{{ template \"x\" . }}{{ end }}{{ template \"x\" . }}")
	f.Add(strings.Repeat("#", 7) + " " + strings.Repeat("W", 5000))
	f.Add("| " + strings.Repeat("a | ", 60) + "\n|" + strings.Repeat("---|", 60) + "\n")
	f.Add("```opkit-timeline\nstart: 2027-01-01\nend: 2026-01-01\nevent: 2027-06-01 | x\n```\n")
	f.Add("{{ .Nope }}{{ index .Slots 99 }}")
	f.Fuzz(func(t *testing.T, src string) {
		c := cloneCountry(ws, "GR") // English pack
		if c == nil {
			t.Skip("demo has no GR")
		}
		eng := render.NewEngine(fstest.MapFS{"en/agenda.md.tmpl": {Data: []byte(src)}})
		type result struct {
			doc *render.Document
			err error
		}
		done := make(chan result, 1)
		go func() {
			doc, err := eng.Render("en", "agenda", render.AgendaData(ws, c), render.Document{Title: "T"})
			done <- result{doc, err}
		}()
		var r result
		select {
		case r = <-done:
		case <-time.After(fuzzDeadline):
			// text/template recursion is bounded by its own depth limit,
			// so a hang here would be the engine's.
			t.Fatalf("template does not finish within %s", fuzzDeadline)
		}
		if r.err != nil {
			if !strings.Contains(r.err.Error(), "agenda.md.tmpl") {
				t.Fatalf("template error does not name the file: %v", r.err)
			}
			return
		}
		if _, bad := pdf.Missing(string(r.doc.Source)); bad {
			return
		}
		renderPDF(t, r.doc, "A4")
	})
}

// cloneCountry copies a demo country deeply enough that the fuzz body may
// change its texts without touching the shared workspace.
func cloneCountry(ws *model.Workspace, code string) *model.Country {
	src := ws.Country(code)
	if src == nil {
		return nil
	}
	c := *src
	c.Cases = append([]model.Case(nil), src.Cases...)
	c.Event.Sessions = append([]model.Session(nil), src.Event.Sessions...)
	return &c
}
