package report_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"opkit/internal/intake"
	"opkit/internal/intake/intaketest"
	"opkit/internal/model"
	"opkit/internal/outcome"
	"opkit/internal/render"
	"opkit/internal/report"
	"opkit/internal/testtool"
)

// TestSummaryNamesSigners: a public country that says it will sign on the
// signature date is named on the report's first pages, with a
// coalition-only return whose partner allowed its position to be named;
// a coalition-only return without that consent and a low-profile country
// are counted, never named. A commitment typed in a return appears,
// positions are shown by region, and the summary's figures add up with
// the table of countries.
func TestSummaryNamesSigners(t *testing.T) {
	root := t.TempDir()
	ws := demo(t, root)
	dir := filepath.Join(root, "returns")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var paths []string
	add := func(code string, edit func(r *intaketest.Return)) {
		c := ws.Country(code)
		r := intaketest.Typical(c, strings.ToLower(code))
		edit(&r)
		data, err := intaketest.Fill(c, &ws.Campaign, r)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, strings.ToLower(code)+".xlsx")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	onDate := outcome.OptionLabel(outcome.FieldByName(outcome.SignPosition).Options, outcome.SignOnSignatureDate, "en")
	add("SN", func(r *intaketest.Return) {
		r.Scalars[outcome.SignPosition] = onDate
		r.Tables[outcome.TableCommitments] = [][]string{{"Minister of Foreign Affairs", "Commitment sn: deposit the signature in New York", "2027-09-24"}}
	})
	add("CI", func(r *intaketest.Return) {
		r.Scalars[outcome.Sharing] = "Coalition only"
		r.Scalars[outcome.PositionPublic] = "Yes"
		r.Scalars[outcome.SignPosition] = "Has signed"
	})
	add("GR", func(r *intaketest.Return) {
		r.Scalars[outcome.Sharing] = "Coalition only"
		r.Scalars[outcome.PositionPublic] = "No"
		r.Scalars[outcome.SignPosition] = onDate
	})
	add("VN", func(r *intaketest.Return) {
		r.Scalars[outcome.PositionPublic] = "Yes" // low-profile: still not named
		r.Scalars[outcome.SignPosition] = onDate
	})
	add("UA", func(r *intaketest.Return) {
		r.Scalars[outcome.Sharing] = "Anonymised"
		r.Scalars[outcome.PositionPublic] = "Yes" // naming it would name its anonymous section
		r.Scalars[outcome.SignPosition] = onDate
	})
	add("TR", func(r *intaketest.Return) { r.Scalars[outcome.SignPosition] = "Will not sign" })

	log := intake.Run(ws, paths, intake.Options{})
	if log.Count(intake.Accepted) != 6 {
		t.Fatalf("%s\n%v", log.Summary(), log.Problems())
	}
	md, err := report.Markdown(ws, log, render.NewEngine(nil), stamp)
	if err != nil {
		t.Fatal(err)
	}
	text := string(md)
	sn, ci, gr, vn, ua := report.CountryName("SN", "en"), report.CountryName("CI", "en"), report.CountryName("GR", "en"), report.CountryName("VN", "en"), report.CountryName("UA", "en")

	// The summary, before the first page break.
	summary, _, _ := strings.Cut(text, "\n---\n")
	if !regexp.MustCompile(`Will sign on 24 September 2027:\*\* ` + regexp.QuoteMeta(sn) + `, and 3 other governments not named here`).MatchString(summary) {
		t.Errorf("the summary does not name %s among those signing on the date, with 2 unnamed:\n%s", sn, summary)
	}
	if !strings.Contains(summary, "Have signed:** "+ci+".") {
		t.Errorf("the summary does not name %s as having signed (position allowed):\n%s", ci, summary)
	}
	for _, name := range []string{gr, vn, ua, "Việt Nam", "Ελλάδα", "Україна"} {
		if strings.Contains(text, name) {
			t.Errorf("the report names %s, whose return does not allow it", name)
		}
	}
	if !strings.Contains(text, "Commitment sn: deposit the signature in New York") {
		t.Error("the commitment typed in the return is not in the report")
	}

	// Positions by region: Africa (CI, KE, SN, ST) has SN signing on the
	// date and CI signed; Europe GR on the date and TR will not sign.
	for _, row := range []string{`| Africa | 4 | 2 | 2 | 0 | 0 | 0 |`, `| Europe and Central Asia | 3 | 3 | 2 | 0 | 0 | 1 |`} {
		if !strings.Contains(text, row) {
			t.Errorf("positions by region lack the row %s", row)
		}
	}

	// The figures add up: returns = rows of the table + returns counted
	// but not listed, and the summary says how many those are.
	figure := func(label string) int {
		m := regexp.MustCompile(`\| ` + regexp.QuoteMeta(label) + ` \| (\d+) \|`).FindStringSubmatch(summary)
		if m == nil {
			t.Fatalf("no figure %q in the summary", label)
		}
		n, _ := strconv.Atoi(m[1])
		return n
	}
	returned, listed, hidden := figure("Outcomes returned"), figure("— listed in the table of countries"), figure("— for the Coalition only, counted but not listed")
	_, table, _ := strings.Cut(text, "# Table of countries")
	table, _, _ = strings.Cut(table, "\n#")
	rows := 0
	for _, l := range strings.Split(table, "\n") {
		if strings.HasPrefix(l, "| ") && !strings.HasPrefix(l, "| Country |") {
			rows++
		}
	}
	if returned != 6 || rows != listed || returned != rows+hidden || hidden != 1 {
		t.Errorf("returned %d, listed %d, table rows %d, counted but not listed %d: they must add up", returned, listed, rows, hidden)
	}
	if !strings.Contains(summary, "1 outcome was shared with the Coalition only") {
		t.Errorf("the summary does not say what it counts without listing:\n%s", summary)
	}

	// The PDF: the signers on the first pages (cover, contents, summary).
	if !testtool.Have(t, "pdftotext") {
		return
	}
	out := t.TempDir()
	if _, err := report.Write(ws, log, render.NewEngine(nil), out, report.Options{Stamp: stamp}); err != nil {
		t.Fatal(err)
	}
	first, err := exec.Command("pdftotext", "-f", "1", "-l", "3", "-enc", "UTF-8", filepath.Join(out, "report", report.ReportFile), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	page := strings.Join(strings.Fields(string(first)), " ")
	for _, want := range []string{sn, ci, "Executive summary", "Call to action"} {
		if !strings.Contains(page, want) {
			t.Errorf("the first pages lack %q", want)
		}
	}
	all := pdftotext(t, filepath.Join(out, "report", report.ReportFile))
	for _, want := range []string{"Positions by region", "Commitment sn: deposit the signature in New York"} {
		if !strings.Contains(all, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
}

// TestPositionAgainstStatus: a return saying the government will sign, for
// a State the country file records as a signatory, is warned about before
// the report reaches New York; a consistent return is not.
func TestPositionAgainstStatus(t *testing.T) {
	root := t.TempDir()
	ws := demo(t, root)
	sn := ws.Country("SN")
	if sn.Politics.OPStatus != model.OPSigned {
		t.Fatalf("the demo's Senegal is %q; the test needs a signatory", sn.Politics.OPStatus)
	}
	dir := filepath.Join(root, "returns")
	os.MkdirAll(dir, 0o755)
	opts := outcome.FieldByName(outcome.SignPosition).Options
	var paths []string
	for code, pos := range map[string]string{"SN": outcome.SignOnSignatureDate, "UA": outcome.HasSigned} {
		c := ws.Country(code)
		r := intaketest.Typical(c, strings.ToLower(code))
		r.Scalars[outcome.SignPosition] = outcome.OptionLabel(opts, pos, "en")
		data, err := intaketest.Fill(c, &ws.Campaign, r)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, strings.ToLower(code)+".xlsx")
		os.WriteFile(p, data, 0o644)
		paths = append(paths, p)
	}
	res, err := report.Consolidate(ws, paths, render.NewEngine(nil), t.TempDir(), report.Options{Stamp: stamp})
	if err != nil {
		t.Fatal(err)
	}
	var warned []string
	for _, d := range res.Report {
		if strings.Contains(d.Message, "records the Protocol as") {
			warned = append(warned, filepath.Base(d.File))
		}
	}
	if len(warned) != 1 || warned[0] != "sn.xlsx" {
		t.Errorf("warned about %v, want only sn.xlsx (SN signed in 2009 but its return says it will sign)", warned)
	}
}
