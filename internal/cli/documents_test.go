package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"opkit/internal/plan"
	"opkit/internal/testtool"
	"opkit/internal/workspace"
)

// buildDemo runs the real `opkit build` on a copy of the demo workspace
// and returns the workspace folder and the output folder.
func buildDemo(t *testing.T, args ...string) (string, string) {
	t.Helper()
	dir := t.TempDir()
	ws := filepath.Join(dir, "ws")
	if err := os.CopyFS(ws, os.DirFS("../../examples/demo")); err != nil {
		t.Fatal(err)
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
// named on the agenda, a request the
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
