package pack

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"opkit/internal/model"
	"opkit/internal/names"
	"opkit/internal/render"
	"opkit/internal/testtool"
)

// packPDFs lists the PDFs of the demo packs written in one of langs.
func packPDFs(t *testing.T, langs ...string) map[string][]string {
	t.Helper()
	ws, out := buildDemo(t)
	got := map[string][]string{}
	for _, c := range ws.Countries {
		if !containsStr(langs, c.Language) {
			continue
		}
		files, err := filepath.Glob(filepath.Join(out, Dir, strings.ToLower(c.Code), "*.pdf"))
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: no PDFs (%v)", c.Code, err)
		}
		got[c.Code] = files
	}
	if len(got) == 0 {
		t.Fatalf("the demo has no pack in %v", langs)
	}
	return got
}

func containsStr(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// TestFrenchTypography: French punctuation keeps its non-breaking space,
// so no line of any French pack, as pdftotext -layout lays it out, starts
// with » : ; ? or !.
func TestFrenchTypography(t *testing.T) {
	testtool.Need(t, "pdftotext")
	for code, files := range packPDFs(t, "fr") {
		for _, f := range files {
			out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", f, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext %s: %v", f, err)
			}
			for i, line := range strings.Split(string(out), "\n") {
				l := strings.TrimLeft(line, " \t\f\u00a0\u202f")
				if l != "" && strings.ContainsRune("»:;?!", []rune(l)[0]) {
					t.Errorf("%s %s line %d starts with punctuation: %q", code, filepath.Base(f), i+1, line)
				}
			}
		}
	}
}

// englishPhrases are the English the templates, the catalogue or the
// campaign data could leak into another language's pack: document words,
// treaty terms, region names, the coalition and the venue.
var englishPhrases = []string{
	" the ", " of the ", " and the ", "Optional Protocol", "NGO Coalition", "Coalition for", "United Nations",
	"Headquarters", "Steering Committee", "Asia-Pacific", "Asia and the Pacific", "Europe and Central Asia",
	"Middle East", "Participants' edition", "Organisers' edition", "Contents", "Briefing", "RESTRICTED",
	"Page 1 of", "to be confirmed", "to be invited", "Treaty Event", "signature date", "Will sign", "Has signed",
	"National authority", "Outcome workbook", "Dear ", "Sincerely", "Subject:", "fictional", "Sign the OP-ICESCR",
}

// TestNoEnglishInFrenchOrSpanishPacks: no French or Spanish pack of the
// demo holds an English phrase outside proper names.
func TestNoEnglishInFrenchOrSpanishPacks(t *testing.T) {
	testtool.Need(t, "pdftotext")
	for code, files := range packPDFs(t, "fr", "es") {
		for _, f := range files {
			txt := " " + pdftotext(t, f) + " "
			for _, p := range englishPhrases {
				if i := strings.Index(txt, p); i >= 0 {
					t.Errorf("%s %s holds English %q: …%s…", code, filepath.Base(f), p, txt[max(0, i-40):min(len(txt), i+40)])
				}
			}
		}
	}
}

// TestNewLanguagesBuild: a workspace with a country in each of the new
// languages (the demo's São Tomé in Portuguese, and a Russian-language
// country) builds; every briefing names the country in its language and
// holds each case title as written, and passes qpdf --check.
func TestNewLanguagesBuild(t *testing.T) {
	testtool.Need(t, "pdftotext")
	testtool.Need(t, "qpdf")
	ws := demo(t)
	st := *ws.Country("ST")
	if st.Language != "pt" {
		t.Fatalf("the demo's São Tomé is in %q, want pt", st.Language)
	}
	kz := *ws.Country("UA")
	kz.Code, kz.Name, kz.Language = "KZ", "", "ru"
	kz.Cases = append([]model.Case(nil), kz.Cases...)
	kz.Cases[0].Title = "Выселение жителей общежития без предоставления жилья"
	countries := []*model.Country{&st, &kz}
	dir := t.TempDir()
	if _, err := BuildAll(context.Background(), ws, countries, render.NewEngine(nil), Options{OutDir: dir, Stamp: stamp}, nil); err != nil {
		t.Fatal(err)
	}
	for _, c := range countries {
		for _, ed := range []string{"briefing", "briefing-organisers"} {
			f := filepath.Join(dir, Dir, strings.ToLower(c.Code), strings.ToLower(c.Code)+"-"+ed+".pdf")
			txt := norm.NFKC.String(pdftotext(t, f))
			name := c.Name
			if name == "" {
				name = names.Country(c.Code, c.Language)
			}
			if !strings.Contains(txt, name) {
				t.Errorf("%s %s: no %q", c.Code, ed, name)
			}
			for _, k := range c.CasesUpTo(model.ConfidentialityEvent) {
				if !strings.Contains(txt, squash(k.Title)) {
					t.Errorf("%s %s: case title %q missing", c.Code, ed, k.Title)
				}
			}
			if out, err := exec.Command("qpdf", "--check", f).CombinedOutput(); err != nil {
				t.Errorf("qpdf --check %s: %v\n%s", f, err, out)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, Dir, "kz", "kz-outcome.xlsx")); err != nil {
		t.Error(err)
	}
}
