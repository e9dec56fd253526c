package report_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"opkit/internal/clearance"
	"opkit/internal/intake/intaketest"
	"opkit/internal/model"
	"opkit/internal/outcome"
	"opkit/internal/render"
	"opkit/internal/report"
	"opkit/internal/testtool"
)

// foldText is the form the done-when line compares in: NFKD, marks
// dropped, case folded, every space one space.
func foldText(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Cf, r):
		case unicode.IsSpace(r):
			b.WriteRune(' ')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// The spellings a partner in a low-profile Ukraine might type: the
// country, its capital, the event city (Lviv, from the country file) and
// people, in Latin transliterations, Cyrillic and Arabic, decomposed, with
// no-break spaces, in lower and upper case, and the code.
var leaks = []string{
	"Ukraine", "ukraine", "UKRAINE", "Україна", "Украина", "Ucrania", "أوكرانيا",
	"Kyiv", "Kiev", "Київ", norm.NFD.String("Київ"), "Киев",
	"Lviv", "Львів",
	"Kovalenko", "Коваленко", "Petro\u00a0Melnyk",
	"Social\u00a0Rights Civic Initiative",
	"UA",
}

func lowProfileUkraine(t *testing.T) (*model.Workspace, string) {
	t.Helper()
	root := t.TempDir()
	ws := demo(t, root)
	ua := ws.Country("UA")
	ua.Visibility = model.VisibilityLowProfile
	ua.Event.City = "Львів"
	ua.Event.Authorities = append(ua.Event.Authorities, model.Authority{Name: "Petro Melnyk", Institution: "Office of the Prime Minister"})
	r := intaketest.Typical(ua, "ua")
	r.Scalars[outcome.Sharing] = "Public" // the country's low profile wins
	r.Scalars[outcome.EventCity] = "Lviv"
	r.Scalars[outcome.AuthorityStatement] = "The ministry in Kyiv said Ukraine (Україна) would study the Protocol; " + norm.NFD.String("Київ") + " wants a cost note."
	r.Scalars[outcome.SupportRequested] = "Help the UA team meet Petro\u00a0Melnyk in Kiev."
	// Drop-down cells typed over with free text.
	r.Scalars[outcome.SignPosition] = "УКРАИНА will sign in Киев"
	r.Scalars[outcome.EventFormat] = "Closed meeting at the Львів city hall"
	r.Tables[outcome.TableOpportunities] = [][]string{
		{"ukraine's parliament could act", "Deputies in Kyiv"},
		{"The parliament could take up ratification within a year", "Parliament"},
		{"ukraine's parliament could act", "Parliament"}, // the same words twice: one entry
	}
	r.Tables[outcome.TableChallenges] = [][]string{{"Resistance at the Office of the Prime Minister", "Politics in Ucrania"}}
	r.Tables[outcome.TableNextSteps] = [][]string{{"Meet Oksana Kovalenko (Коваленко) of the Social\u00a0Rights Civic Initiative", "Partners", "2027-09-10", "Yes"}}
	data, err := intaketest.Fill(ua, &ws.Campaign, r)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "returns")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "ua-outcome.xlsx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return ws, path
}

func TestClearance(t *testing.T) {
	cp := clearance.Capitals
	t.Cleanup(func() { clearance.Capitals = cp })
	if len(clearance.Capitals("UA")) == 0 {
		// Until package names gives capitals, the test's own table.
		clearance.Capitals = func(code string) []string {
			if code == "UA" {
				return []string{"Kyiv", "Kiev", "Київ", "Киев"}
			}
			return nil
		}
	}
	ws, path := lowProfileUkraine(t)
	eng := render.NewEngine(nil)

	// 1. Nothing cleared: the report quotes none of it, the to-do lists it.
	out := t.TempDir()
	res, err := report.Consolidate(ws, []string{path}, eng, out, report.Options{Stamp: stamp})
	if err != nil {
		t.Fatal(err)
	}
	if res.Failed() {
		t.Fatalf("nothing cleared must not fail: %v", res.Diagnostics())
	}
	todo, err := os.ReadFile(filepath.Join(out, "report", report.TodoFile))
	if err != nil {
		t.Fatal(err)
	}
	tf, ds := clearance.Parse("todo", todo)
	if len(ds) > 0 {
		t.Fatalf("the to-do file does not parse: %v", ds)
	}
	var texts []string
	for _, e := range tf.Entries {
		texts = append(texts, e.Text)
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{"The ministry in Kyiv", "Help the UA team", "УКРАИНА will sign", "Львів city hall", "ukraine's parliament", "Deputies in Kyiv",
		"Politics in Ucrania", "Meet Oksana Kovalenko", "within a year"} {
		if !strings.Contains(all, want) {
			t.Errorf("clearance-todo.toml lacks %q", want)
		}
	}
	for _, want := range []string{`country = "UA"`, `file = "`, `where = "Event!`, `, Opportunities!A`} {
		if !strings.Contains(string(todo), want) {
			t.Errorf("clearance-todo.toml lacks %s", want)
		}
	}
	pdfPath := filepath.Join(out, "report", report.ReportFile)
	if testtool.Have(t, "pdftotext") {
		text := foldText(pdftotext(t, pdfPath))
		checkNoLeak(t, text)
		if !strings.Contains(text, foldText("A country in Europe")) {
			t.Error("the anonymised country is not in the report")
		}
	}

	// 2. The to-do copied unchanged into clearance.toml: every text that
	// names the country is an error at its line, and stays withheld.
	wsClear := filepath.Join(t.TempDir(), clearance.FileName)
	if err := os.WriteFile(wsClear, todo, 0o644); err != nil {
		t.Fatal(err)
	}
	cf, ds := clearance.Parse(wsClear, todo)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	out2 := t.TempDir()
	res, err = report.Consolidate(ws, []string{path}, eng, out2, report.Options{Stamp: stamp, Clearance: cf})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Failed() {
		t.Fatal("a cleared text naming the country must fail the run")
	}
	lines := strings.Split(string(todo), "\n")
	errLines := map[int]bool{}
	for _, d := range res.Report.Errors() {
		if d.File != wsClear || d.Line < 1 || d.Line > len(lines) || d.Col < 1 {
			t.Errorf("error not positioned in clearance.toml: %s", d)
			continue
		}
		errLines[d.Line] = true
		// The column points at the name.
		rest := foldText(string([]rune(lines[d.Line-1])[d.Col-1:]))
		ok := false
		for _, l := range append(leaks, "Oksana", "Office of the Prime Minister") {
			ok = ok || strings.HasPrefix(rest, foldText(l))
		}
		if !ok {
			t.Errorf("%s points at %q", d, rest)
		}
	}
	// Every text naming the country has an error; the clean ones, copied
	// unchanged, are cleared and printed.
	for id, e := range tf.Entries {
		refused := false
		for _, d := range res.Report.Errors() {
			refused = refused || strings.Contains(d.Message, id)
		}
		if leaky := hasLeak(foldText(e.Text)) || strings.Contains(e.Text, "Prime Minister"); leaky != refused {
			t.Errorf("text %q: names the country %v, refused %v", e.Text, leaky, refused)
		}
	}
	if testtool.Have(t, "pdftotext") {
		text := foldText(pdftotext(t, filepath.Join(out2, "report", report.ReportFile)))
		checkNoLeak(t, text)
		if !strings.Contains(text, foldText("The parliament could take up ratification within a year")) {
			t.Error("the clean text, cleared, is not in the report")
		}
	}

	// 3. Staff edit the texts clean: they appear.
	edited := string(todo)
	edited = strings.Replace(edited, "The ministry in Kyiv said Ukraine (Україна) would study the Protocol; "+norm.NFD.String("Київ")+" wants a cost note.",
		"The ministry said the government would study the Protocol and wants a cost note.", 1)
	cf, ds = clearance.Parse(wsClear, []byte(edited))
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	out3 := t.TempDir()
	res, err = report.Consolidate(ws, []string{path}, eng, out3, report.Options{Stamp: stamp, Clearance: cf})
	if err != nil {
		t.Fatal(err)
	}
	if testtool.Have(t, "pdftotext") {
		text := foldText(pdftotext(t, filepath.Join(out3, "report", report.ReportFile)))
		checkNoLeak(t, text)
		if !strings.Contains(text, foldText("The ministry said the government would study the Protocol and wants a cost note.")) {
			t.Error("the edited, clean cleared text is not in the report")
		}
	}
	for _, d := range res.Report.Errors() {
		if strings.Contains(d.Message, "study the Protocol") {
			t.Errorf("the edited text is refused: %s", d)
		}
	}
}

func leakRE(l string) *regexp.Regexp {
	return regexp.MustCompile(`(^|[^\p{L}\p{N}])` + regexp.QuoteMeta(foldText(l)))
}

func hasLeak(text string) bool {
	for _, l := range append(leaks, "Oksana") {
		if leakRE(l).MatchString(text) {
			return true
		}
	}
	return false
}

func checkNoLeak(t *testing.T, text string) {
	t.Helper()
	for _, l := range leaks {
		if loc := leakRE(l).FindStringIndex(text); loc != nil {
			t.Errorf("the report holds %q: …%s…", l, text[max(loc[0]-40, 0):min(loc[1]+40, len(text))])
		}
	}
}
