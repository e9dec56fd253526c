package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"opkit/internal/model"
	"opkit/internal/names"
	"opkit/internal/plan"
	"opkit/internal/testtool"
	"opkit/internal/workspace"
)

// buildDemo runs the real `opkit build` on a copy of the demo workspace
// and returns the workspace folder and the output folder.
func buildDemo(t *testing.T, args ...string) (string, string) {
	t.Helper()
	return buildEdited(t, nil, args...)
}

// buildEdited is buildDemo with some country files edited first: edits
// maps a file name to (old, new) replacements.
func buildEdited(t *testing.T, edits map[string][][2]string, args ...string) (string, string) {
	t.Helper()
	dir := t.TempDir()
	ws := filepath.Join(dir, "ws")
	if err := os.CopyFS(ws, os.DirFS("../../examples/demo")); err != nil {
		t.Fatal(err)
	}
	for name, reps := range edits {
		p := filepath.Join(ws, "countries", name)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		for _, r := range reps {
			if !strings.Contains(s, r[0]) {
				t.Fatalf("%s has no %q to edit", name, r[0])
			}
			s = strings.Replace(s, r[0], r[1], 1)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "out")
	var stdout, stderr bytes.Buffer
	if code := Main(append([]string{"build", ws, "-o", out, "--quiet"}, args...), &stdout, &stderr); code != 0 {
		t.Fatalf("opkit build: exit %d\n%s", code, stderr.String())
	}
	return ws, out
}

// pdfText is the text of a PDF as pdftotext extracts it, on one line.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	bin := testtool.Need(t, "pdftotext")
	b, err := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(b)), " ")
}

// TestAgendaNamesThePlansMember builds the demo and checks every agenda
// against the plan made from the same workspace: an assigned member is
// named on the agenda (and in the organisers' edition's discussion guide), a request the
// plan cannot cover promises no one, and no agenda says "to be confirmed"
// for a member. --country must not change who is sent.
func TestAgendaNamesThePlansMember(t *testing.T) {
	ws, out := buildDemo(t)
	w, diags := workspace.LoadDir(ws)
	if errs := diags.Errors(); len(errs) > 0 {
		t.Fatal(errs.Error())
	}
	p := plan.Make(w)
	if len(p.Assignments) == 0 || len(p.Gaps) == 0 {
		t.Fatalf("the demo should have both assigned and uncovered requests: %d assigned, %d gaps", len(p.Assignments), len(p.Gaps))
	}
	agenda := func(out, code string) string {
		cc := strings.ToLower(code)
		return pdfText(t, filepath.Join(out, "packs", cc, cc+"-agenda.pdf"))
	}
	for _, a := range p.Assignments {
		m := p.SCMember(a.Member)
		txt := agenda(out, a.Country)
		if !strings.Contains(txt, m.Name) {
			t.Errorf("%s: the plan sends %s, the agenda does not name them:\n%s", a.Country, m.Name, txt)
		}
		cc := strings.ToLower(a.Country)
		if org := filepath.Join(out, "packs", cc, cc+"-briefing-organisers.pdf"); exists(org) {
			if txt := pdfText(t, org); !strings.Contains(txt, m.Name) {
				t.Errorf("%s: the organisers' edition does not name the assigned member %s", a.Country, m.Name)
			}
		}
	}
	for _, g := range p.Gaps {
		txt := agenda(out, g.Country)
		for _, m := range w.Campaign.Steering {
			if strings.Contains(txt, m.Name) {
				t.Errorf("%s: no member can go (%s), yet the agenda names %s", g.Country, g.Reason, m.Name)
			}
		}
		for _, promise := range []string{"Steering Committee", "Comité de pilotage", "Comité Directivo"} {
			if strings.Contains(txt, promise) {
				t.Errorf("%s: no member can go, yet the agenda mentions the %s:\n%s", g.Country, promise, txt)
			}
		}
	}
	for _, c := range w.Countries {
		txt := agenda(out, c.Code)
		for _, tbc := range []string{"to be confirmed)", "(à confirmer)", "(por confirmar)"} {
			if strings.Contains(txt, "Steering Committee member "+tbc) || strings.Contains(txt, "Comité de pilotage "+tbc) || strings.Contains(txt, "Comité Directivo "+tbc) {
				t.Errorf("%s: the agenda leaves the member to be confirmed", c.Code)
			}
		}
	}

	// A build of one country sends the same member as the whole plan.
	a := p.Assignments[0]
	_, one := buildDemo(t, "--country", a.Country)
	if txt := agenda(one, a.Country); !strings.Contains(txt, p.SCMember(a.Member).Name) {
		t.Errorf("--country %s: the agenda does not name %s", a.Country, p.SCMember(a.Member).Name)
	}
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// TestPlanDated: the plan carries the day it is made, or SOURCE_DATE_EPOCH.
func TestPlanDated(t *testing.T) {
	defer func(f func() time.Time) { today = f }(today)
	today = func() time.Time { return time.Date(2027, 8, 3, 15, 4, 5, 0, time.FixedZone("X", 3600)) }
	for _, tc := range []struct{ epoch, want string }{
		{"", "2027-08-03T00:00:00Z"},
		{"1800000000", "2027-01-15T08:00:00Z"},
	} {
		e := &env{getenv: func(k string) string {
			if k == "SOURCE_DATE_EPOCH" {
				return tc.epoch
			}
			return ""
		}}
		got, err := dayStamp(e)
		if err != nil || got.Format(time.RFC3339) != tc.want {
			t.Errorf("SOURCE_DATE_EPOCH=%q: %v %v, want %s", tc.epoch, got, err, tc.want)
		}
	}
}

// TestPackDocuments builds a test workspace (the demo, with one event
// called off and one low-profile partner planning a public forum) and
// reads every invitation, declaration, press release and letter back.
func TestPackDocuments(t *testing.T) {
	qpdf := testtool.Need(t, "qpdf")
	ws, out := buildEdited(t, map[string][][2]string{
		"st.toml": {{`format = "roundtable"`, `format = "none"`}},
		"vn.toml": {{`format = "closed-meeting"`, `format = "public-forum"`}},
	})
	w, diags := workspace.LoadDir(ws)
	if errs := diags.Errors(); len(errs) > 0 {
		t.Fatal(errs.Error())
	}
	recitals := map[string]string{} // language -> the common text, first seen
	for _, c := range w.Countries {
		cc := strings.ToLower(c.Code)
		file := func(name string) string { return filepath.Join(out, "packs", cc, cc+"-"+name+".pdf") }
		event := c.Event.Format != model.FormatNone
		wantPress := c.Event.Format == model.FormatPublicForum && !c.LowProfile()
		for _, name := range []string{"invitation", "declaration", "letter"} {
			if exists(file(name)) != event {
				t.Errorf("%s: %s written = %v, want %v (format %s)", cc, name, exists(file(name)), event, c.Event.Format)
			}
		}
		if exists(file("press")) != wantPress {
			t.Errorf("%s: press release written = %v, want %v (format %s, visibility %s)", cc, exists(file("press")), wantPress, c.Event.Format, c.Visibility)
		}
		if !event {
			continue
		}
		texts := map[string]string{}
		for _, name := range []string{"invitation", "declaration", "letter", "press"} {
			if !exists(file(name)) {
				continue
			}
			if b, err := exec.Command(qpdf, "--check", file(name)).CombinedOutput(); err != nil {
				t.Errorf("%s: qpdf --check: %v\n%s", file(name), err, b)
			}
			texts[name] = pdfText(t, file(name))
		}
		inv := texts["invitation"]
		named := 0
		for _, a := range c.Event.Authorities {
			if a.Status == model.AuthorityDeclined {
				if strings.Contains(inv, a.Name) {
					t.Errorf("%s: the invitation goes to %s, who declined", cc, a.Name)
				}
				continue
			}
			named++
			for _, s := range []string{a.Name, a.Title, a.Institution} {
				if !strings.Contains(inv, strings.Join(strings.Fields(s), " ")) {
					t.Errorf("%s: the invitation does not name %q", cc, s)
				}
			}
		}
		if named == 0 && !strings.Contains(inv, map[string]string{"en": "Minister for Foreign Affairs", "fr": "Ministre des Affaires étrangères", "es": "Ministro de Relaciones Exteriores"}[c.Language]) {
			t.Errorf("%s: no authority named, and the invitation is not addressed to the foreign minister:\n%s", cc, inv)
		}
		for _, name := range []string{"invitation", "declaration", "letter"} {
			if !strings.Contains(texts[name], c.Event.City) {
				t.Errorf("%s: the %s does not name the city %s", cc, name, c.Event.City)
			}
		}
		// Nothing of the organisers' strategy reaches the government or the press.
		secret := append([]string{c.Politics.Summary}, c.Politics.Obstacles...)
		secret = append(secret, c.Politics.Allies...)
		for _, k := range c.Cases {
			secret = append(secret, k.Title)
		}
		public := ""
		for _, a := range c.Event.Authorities {
			public += a.Name + " " + a.Title + " " + a.Institution + " "
		}
		for name, txt := range texts {
			for _, s := range secret {
				if strings.Contains(public, s) {
					continue // an ally who is also an invited authority is named as such
				}
				if s = strings.Join(strings.Fields(s), " "); len(s) > 12 && strings.Contains(txt, s[:min(len(s), 60)]) {
					t.Errorf("%s: the %s prints the organisers' material %q", cc, name, s)
				}
			}
		}
		// One campaign-wide text per language: the recitals between "We,
		// the participants" and the call are the same at every event.
		d := texts["declaration"]
		start := strings.Index(d, map[string]string{"en": "We, the participants,", "fr": "Nous, participantes et participants,", "es": "Nosotras y nosotros, participantes,"}[c.Language])
		end := strings.Index(d, map[string]string{"en": "Call on the Government", "fr": "Appelons le Gouvernement", "es": "Exhortamos al Gobierno"}[c.Language])
		if start < 0 || end < start {
			t.Errorf("%s: the declaration lacks its recitals or its call:\n%s", cc, d)
			continue
		}
		// Page furniture (header, page number) may fall inside; drop it.
		common := strings.NewReplacer(names.Country(c.Code, c.Language), "", c.Name, "").Replace(d[start:end])
		common = pageFurniture.ReplaceAllString(common, "")
		// The recital on the New York gathering reads differently for an
		// event after it (its results go to the follow-up): compare events
		// on the same side of the gathering.
		key := c.Language
		if !c.Event.Date.IsZero() && c.Event.Date.After(w.Campaign.GatheringDate) {
			key += "/after"
		}
		if prev, ok := recitals[key]; !ok {
			recitals[key] = common
		} else if prev != common {
			t.Errorf("%s: the declaration's common text differs from another %s event's:\n%s\nvs\n%s", cc, c.Language, common, prev)
		}
	}
	if len(recitals) < 4 {
		t.Errorf("declarations compared in %d languages, want en, fr and es", len(recitals))
	}
}

var pageFurniture = regexp.MustCompile(`\S+ · [^·]+ \(\w+\) (Page|Página) \d+ (of|sur|de) \d+`)
