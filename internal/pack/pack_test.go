package pack

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"opkit/internal/outcome"
	"opkit/internal/testtool"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"opkit/examples"
	"opkit/internal/diag"
	"opkit/internal/model"
	"opkit/internal/render"
	"opkit/internal/triage"
	"opkit/internal/workspace"
)

var stamp = time.Date(2027, 9, 24, 0, 0, 0, 0, time.UTC)

func demo(t testing.TB) *model.Workspace {
	t.Helper()
	sub, err := fs.Sub(examples.Demo, "demo")
	if err != nil {
		t.Fatal(err)
	}
	ws, diags := workspace.Load(sub, ".")
	if ws == nil || diags.HasErrors() {
		t.Fatalf("demo workspace: %v", diags)
	}
	return ws
}

func pdftotext(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	// Lines wrap anywhere; compare text with runs of white space as one.
	return strings.Join(strings.Fields(string(out)), " ")
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// head is the first eight words of s, squashed.
func head(s string) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(8, len(f))], " ")
}

// publicTexts joins what a country file says in public fields, where an
// ally's name (a ministry, an institution) may rightly appear.
func publicTexts(c *model.Country) string {
	var b []string
	for _, m := range c.Remedies.Mechanisms {
		b = append(b, m.Name, m.Notes)
	}
	for _, a := range c.Event.Authorities {
		b = append(b, a.Institution, a.Title)
	}
	b = append(b, c.Politics.ResponsibleInstitutions...)
	b = append(b, c.Politics.OtherComplaintProcedures...)
	b = append(b, c.Politics.PublicSummary, c.Remedies.Summary, c.Situation.Summary)
	return squash(strings.Join(b, " | "))
}

func allCountries(ws *model.Workspace) []*model.Country {
	var cs []*model.Country
	for i := range ws.Countries {
		cs = append(cs, &ws.Countries[i])
	}
	return cs
}

// buildDemo builds every demo pack once per test binary.
var demoOut string

func buildDemo(t *testing.T) (*model.Workspace, string) {
	t.Helper()
	ws := demo(t)
	if demoOut != "" {
		return ws, demoOut
	}
	dir := t.TempDir()
	if _, err := BuildAll(context.Background(), ws, allCountries(ws), render.NewEngine(nil), Options{OutDir: dir, Stamp: stamp}, nil); err != nil {
		t.Fatal(err)
	}
	// t.TempDir is removed when this test ends; keep a private copy.
	keep, err := os.MkdirTemp("", "opkit-pack-test-")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(keep, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	demoOut = keep
	return ws, demoOut
}

func TestMain(m *testing.M) {
	code := m.Run()
	if demoOut != "" {
		os.RemoveAll(demoOut)
	}
	os.Exit(code)
}

func TestBuildFiles(t *testing.T) {
	ws, out := buildDemo(t)
	for _, c := range ws.Countries {
		cc := strings.ToLower(c.Code)
		// Every country has an organisers' edition, restricted cases or not.
		want := []string{cc + "-agenda.pdf", cc + "-briefing.pdf", cc + "-briefing-organisers.pdf", cc + "-outcome.xlsx"}
		for _, name := range Outreach(&c) {
			want = append(want, cc+"-"+name+".pdf")
		}
		ents, err := os.ReadDir(filepath.Join(out, "packs", cc))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range ents {
			got = append(got, e.Name())
		}
		if strings.Join(got, " ") != strings.Join(sorted(want), " ") {
			t.Errorf("%s: files %v, want %v", cc, got, sorted(want))
		}
	}
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func TestBriefingText(t *testing.T) {
	testtool.Need(t, "pdftotext")
	ws, out := buildDemo(t)
	for _, c := range ws.Countries {
		cc := strings.ToLower(c.Code)
		dir := filepath.Join(out, "packs", cc)
		part := pdftotext(t, filepath.Join(dir, cc+"-briefing.pdf"))
		if !strings.Contains(part, squash(c.Name)) {
			t.Errorf("%s: participants' briefing lacks the country name %q", cc, c.Name)
		}
		for _, k := range c.Cases {
			title := squash(k.Title)
			switch k.Confidentiality {
			case model.ConfidentialityRestricted:
				for _, s := range []string{title, squash(k.Summary)} {
					if strings.Contains(part, s) {
						t.Errorf("%s: participants' briefing holds restricted text %q", cc, s)
					}
				}
			default:
				if !strings.Contains(part, title) {
					t.Errorf("%s: participants' briefing lacks case %q", cc, title)
				}
			}
		}
		// Names in their own script, exactly.
		for _, p := range c.Partners {
			if p.Lead && !strings.Contains(part, squash(p.Name)) {
				t.Errorf("%s: lead partner %q missing", cc, p.Name)
			}
		}
		org := pdftotext(t, filepath.Join(dir, cc+"-briefing-organisers.pdf"))
		for _, k := range c.Cases {
			if !strings.Contains(org, squash(k.Title)) {
				t.Errorf("%s: organisers' briefing lacks case %q", cc, k.Title)
			}
		}
		// The organisers' reading reaches the organisers only. Texts are
		// compared by their first words: a page break may fall inside one.
		public := publicTexts(&c)
		for _, s := range append(append([]string{c.Politics.Summary}, c.Politics.Obstacles...), c.Politics.Allies...) {
			s = head(s)
			if s == "" || strings.Contains(public, s) {
				continue // an ally that is also a remedy or an institution is public anyway
			}
			if strings.Contains(part, s) {
				t.Errorf("%s: participants' briefing holds the organisers' %q", cc, s)
			}
			if !strings.Contains(org, s) {
				t.Errorf("%s: organisers' briefing lacks %q", cc, s)
			}
		}
		if ps := head(c.Politics.PublicSummary); ps != "" && (!strings.Contains(part, ps) || !strings.Contains(org, ps)) {
			t.Errorf("%s: the public summary is missing from an edition", cc)
		}
		lang := model.OutputLanguage(c.Language)
		kind := squash(render.Term(lang, "kind."+string(triage.Assess(&c, &ws.Campaign).Kind)))
		if strings.Contains(part, kind) || !strings.Contains(org, kind) {
			t.Errorf("%s: the triage %q is in the participants' edition or missing from the organisers'", cc, kind)
		}
		if lang == "en" && (strings.Contains(part, "recommendation ") || strings.Contains(part, "recommendation:") || strings.Contains(part, "recommendation.")) {
			t.Errorf("%s: the participants' briefing speaks of a recommendation", cc)
		}
	}
}

// TestScripts checks that Cyrillic, Greek and Vietnamese come through the
// PDF exactly as written.
func TestScripts(t *testing.T) {
	testtool.Need(t, "pdftotext")
	_, out := buildDemo(t)
	tests := []struct{ cc, want string }{
		{"ua", "Україна"},
		{"gr", "Ελλάδα"},
		{"vn", "Việt Nam"},
		{"ci", "Côte d'Ivoire"},
		{"co", "Bogotá"},
	}
	for _, tc := range tests {
		for _, f := range []string{tc.cc + "-briefing.pdf", tc.cc + "-agenda.pdf"} {
			txt := pdftotext(t, filepath.Join(out, "packs", tc.cc, f))
			if !strings.Contains(txt, tc.want) {
				t.Errorf("%s lacks %q", f, tc.want)
			}
		}
	}
}

func TestQPDF(t *testing.T) {
	testtool.Need(t, "qpdf")
	_, out := buildDemo(t)
	pdfs, _ := filepath.Glob(filepath.Join(out, "packs", "*", "*.pdf"))
	if len(pdfs) == 0 {
		t.Fatal("no PDFs built")
	}
	for _, p := range pdfs {
		if b, err := exec.Command("qpdf", "--check", p).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check %s: %v\n%s", filepath.Base(p), err, b)
		}
	}
}

// TestNoEnglishHeadings: French and Spanish packs hold no English section
// heading (read back from the PDF).
func TestNoEnglishHeadings(t *testing.T) {
	testtool.Need(t, "pdftotext")
	ws, out := buildDemo(t)
	english := []string{"The Optional Protocol in brief", "Signature, ratification and accession",
		"What the Protocol opens", "Cases the Protocol could address", "Remedies and their gaps",
		"Political context", "Questions for the national authority", "Talking points",
		"Next steps toward New York", "Contents", "Indicator", "Mechanism", "Speaker", "Session"}
	n := 0
	for _, c := range ws.Countries {
		if c.Language == "en" {
			continue
		}
		n++
		cc := strings.ToLower(c.Code)
		for _, f := range []string{cc + "-briefing.pdf", cc + "-agenda.pdf"} {
			txt := pdftotext(t, filepath.Join(out, "packs", cc, f))
			for _, h := range english {
				if strings.Contains(txt, h) {
					t.Errorf("%s (%s) contains the English %q", f, c.Language, h)
				}
			}
		}
	}
	if n < 2 {
		t.Errorf("the demo has only %d non-English packs", n)
	}
}

// TestAgendaPDF: the computed times reach the page.
func TestAgendaPDF(t *testing.T) {
	testtool.Need(t, "pdftotext")
	ws, out := buildDemo(t)
	for _, c := range ws.Countries {
		a := render.AgendaData(ws, &c)
		cc := strings.ToLower(c.Code)
		txt := pdftotext(t, filepath.Join(out, "packs", cc, cc+"-agenda.pdf"))
		for _, s := range a.Sessions {
			if !strings.Contains(txt, s.Start.String()+"–"+s.End.String()) {
				t.Errorf("%s agenda lacks %s–%s", cc, s.Start, s.End)
			}
		}
	}
}

func TestReproducible(t *testing.T) {
	ws := demo(t)
	eng := render.NewEngine(nil)
	a, b := t.TempDir(), t.TempDir()
	var cs []*model.Country
	for _, code := range []string{"UA", "TR"} {
		cs = append(cs, ws.Country(code))
	}
	for _, dir := range []string{a, b} {
		if _, err := BuildAll(context.Background(), ws, cs, eng, Options{OutDir: dir, Stamp: stamp}, nil); err != nil {
			t.Fatal(err)
		}
	}
	files, _ := filepath.Glob(filepath.Join(a, "packs", "*", "*"))
	if len(files) < 7 {
		t.Fatalf("only %d files", len(files))
	}
	for _, f := range files {
		rel, _ := filepath.Rel(a, f)
		x, _ := os.ReadFile(f)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds", rel)
		}
	}
}

func TestFontCheck(t *testing.T) {
	ws := demo(t)
	c := *ws.Country("UA")
	c.Texts = append([]model.Text(nil), c.Texts...)
	c.Texts = append(c.Texts, model.Text{Key: "cases[1].title", Line: 12, Col: 9, Value: "Smile 😀"})
	c.Cases = append([]model.Case(nil), c.Cases...)
	c.Cases[0].Title = "Smile 😀"
	dir := t.TempDir()
	_, err := Build(ws, &c, render.NewEngine(nil), Options{OutDir: dir, Stamp: stamp})
	var dl diag.List
	if !errors.As(err, &dl) {
		t.Fatalf("want a diag.List, got %v", err)
	}
	want := "countries/ua.toml:12:9: error: character U+1F600 is not in the PDF font (cases[1].title)"
	if dl.Error() != want {
		t.Errorf("got  %s\nwant %s", dl.Error(), want)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("a failed build wrote files")
	}
}

// TestOrganisersAlways: a country without restricted cases still gets its
// organisers' edition, and a rebuild after its last restricted case went
// keeps it (only the RESTRICTED marking goes).
func TestOrganisersAlways(t *testing.T) {
	testtool.Need(t, "pdftotext")
	ws := demo(t)
	eng := render.NewEngine(nil)
	c := *ws.Country("TR")
	dir := t.TempDir()
	c.Cases = c.CasesUpTo(model.ConfidentialityEvent)
	r, err := Build(ws, &c, eng, Options{OutDir: dir, Stamp: stamp})
	if err != nil || !r.Organisers {
		t.Fatalf("%v %+v", err, r)
	}
	org := pdftotext(t, filepath.Join(r.Dir, "tr-briefing-organisers.pdf"))
	if !strings.Contains(org, "FOR ORGANISERS ONLY") || strings.Contains(org, "RESTRICTED") {
		t.Errorf("organisers' edition without restricted cases is marked wrongly")
	}
}

func TestBuildAllOrderAndProgress(t *testing.T) {
	ws := demo(t)
	cs := allCountries(ws)
	// reverse, to see that results follow the input order
	for i, j := 0, len(cs)-1; i < j; i, j = i+1, j-1 {
		cs[i], cs[j] = cs[j], cs[i]
	}
	var seen []int
	res, err := BuildAll(context.Background(), ws, cs, render.NewEngine(nil), Options{OutDir: t.TempDir(), Stamp: stamp}, func(done, total int) {
		if total != len(cs) {
			t.Errorf("total %d", total)
		}
		seen = append(seen, done)
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		if r.Code != cs[i].Code {
			t.Errorf("result %d is %s, want %s", i, r.Code, cs[i].Code)
		}
	}
	for i, d := range seen {
		if d != i+1 {
			t.Errorf("progress %v", seen)
			break
		}
	}
	if got := res[0].Summary(); !strings.HasPrefix(got, strings.ToLower(cs[0].Code)+": ") {
		t.Errorf("summary %q", got)
	}
}

// TestBuildAllCancelled: once the context is cancelled no new pack starts;
// the packs already under way finish whole, and the error is the context's.
func TestBuildAllCancelled(t *testing.T) {
	ws := demo(t)
	cs := allCountries(ws)
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	started := 0
	_, err := BuildAll(ctx, ws, cs, render.NewEngine(nil), Options{OutDir: dir, Stamp: stamp}, func(done, total int) {
		started = done
		cancel()
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	// The pack that cancelled, and at most those the other workers had
	// under way.
	if started > min(runtime.NumCPU(), len(cs)) {
		t.Errorf("%d packs were built; only those under way at the cancel should finish", started)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "packs"))
	for _, e := range entries {
		files, _ := os.ReadDir(filepath.Join(dir, "packs", e.Name()))
		for _, f := range files {
			if strings.Contains(f.Name(), ".tmp-") {
				t.Errorf("temporary file left: %s/%s", e.Name(), f.Name())
			}
		}
		if len(files) < 3 {
			t.Errorf("pack %s is partial: %d files", e.Name(), len(files))
		}
	}
}

// TestOverride: a workspace template replaces the built-in in the PDF, and
// its errors name the workspace file.
func TestOverride(t *testing.T) {
	testtool.Need(t, "pdftotext")
	ws := demo(t)
	c := ws.Country("CI")
	eng := render.NewEngine(fstest.MapFS{
		"fr/agenda.md.tmpl": {Data: []byte("# Programme maison de {{md .Country.Name}}\n\nDébut à {{clock .Start}}.\n")},
	})
	dir := t.TempDir()
	r, err := Build(ws, c, eng, Options{OutDir: dir, Stamp: stamp})
	if err != nil {
		t.Fatal(err)
	}
	txt := pdftotext(t, filepath.Join(r.Dir, "ci-agenda.pdf"))
	if !strings.Contains(txt, "Programme maison de Côte d'Ivoire") || !strings.Contains(txt, "Début à 09:00") {
		t.Errorf("override not used: %q", txt)
	}

	bad := render.NewEngine(fstest.MapFS{"fr/briefing.md.tmpl": {Data: []byte("ok\n{{.Country.Nope}}\n")}})
	_, err = Build(ws, c, bad, Options{OutDir: t.TempDir(), Stamp: stamp})
	if err == nil || !strings.Contains(err.Error(), "templates/fr/briefing.md.tmpl:2:") {
		t.Errorf("error does not name the override: %v", err)
	}
}

// TestMarkingEveryPage: each page of an organisers' edition says it is for
// organisers only (and RESTRICTED when it holds restricted cases), in the
// pack's language; no page of a participants' edition does.
func TestMarkingEveryPage(t *testing.T) {
	testtool.Need(t, "pdftotext")
	ws, out := buildDemo(t)
	restricted := 0
	for _, c := range ws.Countries {
		lang := model.OutputLanguage(c.Language)
		mark := render.Term(lang, "doc.organisers-only")
		if c.HasRestricted() {
			restricted++
			mark = render.Term(lang, "doc.restricted-organisers")
		}
		cc := strings.ToLower(c.Code)
		for _, f := range []string{cc + "-briefing-organisers.pdf", cc + "-briefing.pdf"} {
			raw, err := exec.Command("pdftotext", "-enc", "UTF-8", filepath.Join(out, "packs", cc, f), "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			pages := strings.Split(strings.TrimRight(string(raw), "\f\n"), "\f")
			for i, p := range pages {
				has := strings.Contains(squash(p), squash(mark))
				if want := strings.Contains(f, "organisers"); has != want {
					t.Errorf("%s page %d: %q present=%v", f, i+1, mark, has)
				}
				if !strings.Contains(f, "organisers") && strings.Contains(p, render.Term(lang, "doc.restricted")) {
					t.Errorf("%s page %d is marked restricted", f, i+1)
				}
			}
		}
	}
	if restricted == 0 {
		t.Error("the demo has no country with restricted cases")
	}
}

func TestLetter(t *testing.T) {
	testtool.Need(t, "pdfinfo")
	ws := demo(t)
	r, err := Build(ws, ws.Country("CO"), render.NewEngine(nil), Options{OutDir: t.TempDir(), PageSize: "Letter", Stamp: stamp})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"co-briefing.pdf", "co-agenda.pdf"} {
		info, err := exec.Command("pdfinfo", filepath.Join(r.Dir, f)).Output()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(info), "612 x 792") {
			t.Errorf("%s is not Letter:\n%s", f, info)
		}
	}
}

// TestBuildAtTextLimits: a country file with every name, title and city at
// the loader's 200-character limit (one of them a single unbreakable word)
// and every summary at 10 000 characters passes check and builds PDFs that
// qpdf accepts and a workbook that reads back: what check lets through
// always builds.
func TestBuildAtTextLimits(t *testing.T) {
	testtool.Need(t, "qpdf")
	src, err := fs.ReadFile(examples.Demo, "demo/countries/ua.toml")
	if err != nil {
		t.Fatal(err)
	}
	words := func(n int) string { return string([]rune(strings.Repeat("Україна Việt ", n/13+1))[:n]) }
	short := regexp.MustCompile(`(?m)^(name|title|city) = "[^"]*"`)
	first := true
	text := short.ReplaceAllStringFunc(string(src), func(m string) string {
		key := m[:strings.Index(m, " ")]
		v := words(200)
		if first { // the country's name: one word, no place to break
			v, first = strings.Repeat("Ü", 200), false
		}
		return key + ` = "` + strings.TrimSpace(v) + strings.Repeat("x", 200-len([]rune(strings.TrimSpace(v)))) + `"`
	})
	long := regexp.MustCompile(`(?ms)^summary = """.*?"""`)
	text = long.ReplaceAllString(text, `summary = """`+words(10000)+`"""`)
	fsys := fstest.MapFS{}
	err = fs.WalkDir(examples.Demo, "demo", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(p, "demo/returns/") {
			return err
		}
		b, err := fs.ReadFile(examples.Demo, p)
		fsys[strings.TrimPrefix(p, "demo/")] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	fsys["countries/ua.toml"] = &fstest.MapFile{Data: []byte(text)}
	ws, diags := workspace.Load(fsys, ".")
	if ws == nil || diags.HasErrors() {
		t.Fatalf("the file at the limits does not pass check: %v", diags)
	}
	c := ws.Country("UA")
	if n := len([]rune(c.Name)); n != 200 {
		t.Fatalf("name has %d characters", n)
	}
	res, err := Build(ws, c, render.NewEngine(nil), Options{OutDir: limitsOut(t), Stamp: stamp})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Files {
		switch filepath.Ext(f) {
		case ".pdf":
			if b, err := exec.Command("qpdf", "--check", f).CombinedOutput(); err != nil {
				t.Errorf("qpdf --check %s: %v\n%s", filepath.Base(f), err, b)
			}
		case ".xlsx":
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := outcome.Read(filepath.Base(f), data, outcome.DefaultLimits()); err != nil {
				t.Errorf("read back %s: %v", filepath.Base(f), err)
			}
		}
	}
}

// limitsOut is a temporary folder, or OPKIT_KEEP when set, to look at the
// pages built at the limits.
func limitsOut(t *testing.T) string {
	if d := os.Getenv("OPKIT_KEEP"); d != "" {
		return d
	}
	return t.TempDir()
}
