package workspace

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"opkit/internal/model"
)

// benchWorkspace builds a campaign and n country files of realistic size:
// partners, an event with authorities and sessions, three rights with
// indicators, five cases and the remedies and politics sections (about
// 6 kB each, like a filled-in country file).
func benchWorkspace(n int) fstest.MapFS {
	m := fstest.MapFS{"campaign.toml": {Data: []byte(baseCampaign)}}
	var codes []string
	for a := 'A'; a <= 'Z' && len(codes) < n; a++ {
		for b := 'A'; b <= 'Z' && len(codes) < n; b++ {
			if c := string([]rune{a, b}); IsISO3166(c) {
				codes = append(codes, c)
			}
		}
	}
	for len(codes) < n { // fewer than n real codes: reuse them under other names
		codes = append(codes, codes[len(codes)%200])
	}
	para := strings.Repeat("Families in informal settlements face eviction without notice or alternative housing. ", 3)
	for i, code := range codes[:n] {
		var b strings.Builder
		fmt.Fprintf(&b, "[country]\ncode = %q\nname = \"Country %d\"\nregion = \"%s\"\nlanguage = \"fr\"\nstance = \"undecided\"\nvisibility = \"public\"\nphase = \"signature\"\n\n", code, i, model.Regions[i%5])
		b.WriteString("[[partners]]\nname = \"Partner one\"\ncontact = \"A person\"\nemail = \"one@example.org\"\nlead = true\n\n")
		b.WriteString("[[partners]]\nname = \"Partner two\"\nemail = \"two@example.org\"\n\n")
		b.WriteString("[event]\ndate = 2027-08-12\nstart = 09:30:00\ncity = \"Capital\"\nvenue = \"Hall\"\nformat = \"roundtable\"\nexpected_participants = 60\nlanguages = [\"fr\", \"en\"]\nrequest_sc_member = true\n\n")
		b.WriteString("[[event.authorities]]\nname = \"Minister\"\ntitle = \"Minister of Justice\"\ninstitution = \"Ministry\"\nstatus = \"confirmed\"\n\n")
		for s := 1; s <= 4; s++ {
			fmt.Fprintf(&b, "[[event.sessions]]\ntitle = \"Session %d\"\nminutes = 30\nspeaker = \"Speaker\"\n\n", s)
		}
		fmt.Fprintf(&b, "[situation]\nsummary = \"\"\"\n%s\"\"\"\n\n", para)
		for _, r := range []string{"housing", "water", "health"} {
			fmt.Fprintf(&b, "[[situation.rights]]\nright = %q\nsummary = %q\n\n[[situation.rights.indicators]]\nname = \"Indicator\"\nvalue = \"35 %%\"\nyear = 2025\nsource = \"Survey\"\n\n", r, para)
		}
		for k := 1; k <= 5; k++ {
			fmt.Fprintf(&b, "[[cases]]\nid = \"case-%d\"\ntitle = \"Case %d\"\ndate = 2026-0%d-15\nlocation = \"Town\"\nrights = [\"housing\", \"water\"]\nsummary = %q\nvictims = \"200 families\"\nremedies_tried = %q\nop_relevance = %q\nconfidentiality = \"event\"\nsources = [\"Report\", \"Article\"]\n\n", k, k, k, para, para, para)
		}
		fmt.Fprintf(&b, "[remedies]\nsummary = %q\nconstitution_escr = \"justiciable\"\ngaps = [\"Gap one\", \"Gap two\"]\n\n[[remedies.mechanisms]]\nname = \"Court\"\nkind = \"court\"\neffective = \"partly\"\nnotes = \"Slow\"\n\n", para)
		fmt.Fprintf(&b, "[politics]\nsummary = %q\nicescr = \"ratified\"\nobstacles = [\"One\"]\nallies = [\"Two\"]\n\n[[politics.upcoming]]\ndate = 2027-07-01\nwhat = \"Budget\"\n", para)
		m[fmt.Sprintf("countries/%s.toml", strings.ToLower(code))] = &fstest.MapFile{Data: []byte(b.String())}
	}
	return m
}

func TestBenchWorkspaceIsValid(t *testing.T) {
	fsys := benchWorkspace(20)
	ws, l := Load(fsys, ".")
	if len(l) != 0 {
		t.Fatalf("generated workspace has diagnostics:\n%s", strings.Join(strs(l), "\n"))
	}
	if len(ws.Countries) != 20 || len(ws.Countries[0].Cases) != 5 {
		t.Fatalf("got %d countries", len(ws.Countries))
	}
}

// BenchmarkLoad200 loads 200 country files with five cases each.
func BenchmarkLoad200(b *testing.B) {
	fsys := benchWorkspace(200)
	size := 0
	for _, f := range fsys {
		size += len(f.Data)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		ws, l := Load(fsys, ".")
		if len(ws.Countries) != 200 || l.HasErrors() {
			b.Fatalf("%d countries, %v", len(ws.Countries), l.Errors())
		}
	}
}
