package plan

import (
	"flag"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"opkit/internal/model"
	"opkit/internal/names"
	"opkit/internal/render"
	"opkit/internal/testtool"
)

var update = flag.Bool("update", false, "rewrite golden files")

// demoWorkspace is a small campaign with every situation the plan reports:
// each triage kind, a low-profile partner with a public forum, an event
// after the signature date, an incomplete pack, covered and uncovered
// Steering Committee requests.
func demoWorkspace() *model.Workspace {
	aug := model.Period{Start: date("2009-08-01"), End: date("2009-08-31")}
	ws := &model.Workspace{Campaign: campaign()}
	ws.Campaign.Steering = []model.SCMember{
		{ID: "ana", Name: "Ana Pérez", Organisation: "ESCR Network", Languages: []string{"es", "en"}, Regions: []model.Region{"Americas"}, Available: []model.Period{aug}, MaxEvents: 2},
		{ID: "kofi", Name: "Kofi Mensah", Organisation: "Rights Watch | Africa", Languages: []string{"en", "fr"}, Regions: []model.Region{"Africa"}, Available: []model.Period{aug}, MaxEvents: 1},
	}
	ar := country("AR")
	ar.Name, ar.Region, ar.Event.Languages, ar.Event.RequestSCMember = "Argentina", "Americas", []string{"es"}, true
	bo := country("BO")
	bo.Name, bo.Region, bo.Event.Languages, bo.Event.RequestSCMember = "Bolivia", "Americas", []string{"es"}, true
	bo.Event.Date = date("2009-08-06")
	bo.Stance = model.StanceCommitted
	gh := country("GH")
	gh.Name, gh.Region, gh.Event.RequestSCMember = "Ghana", "Africa", true
	gh.Stance, gh.Visibility = model.StanceUnknown, model.VisibilityLowProfile
	gh.Event.Date = date("2009-08-12")
	ml := country("ML")
	ml.Name, ml.Region, ml.Event.Languages, ml.Event.RequestSCMember = "Mali", "Africa", []string{"fr"}, true
	ml.Event.Date = date("2009-08-12")
	ml.Cases = nil
	np := country("NP")
	np.Name, np.Region, np.Event.Languages, np.Event.RequestSCMember = "Nepal", "Asia", []string{"ne"}, true
	np.Stance, np.Phase = model.StanceOpposed, model.PhaseRatification
	np.Event.Date = date("2009-10-15")
	np.Event.Format = model.FormatRoundtable
	np.Event.Authorities = nil
	ws.Countries = []model.Country{ar, bo, gh, ml, np}
	return ws
}

var stamp = time.Date(2009, 9, 24, 0, 0, 0, 0, time.UTC)

func TestCoordinationMarkdown(t *testing.T) {
	ws := demoWorkspace()
	eng := render.NewEngine(nil)
	for _, lang := range []string{"en", "fr", "es"} {
		t.Run(lang, func(t *testing.T) {
			ws.Campaign.Language = lang
			p := Make(ws)
			src, err := eng.Execute(lang, "coordination", p.View(stamp))
			if err != nil {
				t.Fatal(err)
			}
			testtool.Golden(t, filepath.Join("testdata", "coordination."+lang+".md"), src, *update)
			for _, s := range []string{names.Country("AR", lang), "Ghana", "Ana Pérez", "Rights Watch \\| Africa", "```opkit-timeline", "event: 2009-08-05 | AR", "mark: 2009-09-24 |"} {
				if !strings.Contains(string(src), s) {
					t.Errorf("Markdown lacks %q", s)
				}
			}
			if strings.Contains(string(src), "event: 2009-10-15") {
				t.Errorf("an event after the signature date is drawn on the calendar")
			}
		})
	}
}

func TestSummaryLine(t *testing.T) {
	got := Make(demoWorkspace()).Summary()
	want := "5 countries (2 public-event, 1 groundwork, 1 short-meeting, 1 closed-meeting); Steering Committee: 3 of 5 requests covered; 3 warnings"
	if got != want {
		t.Errorf("Summary() = %q, want %q", got, want)
	}
}

func TestTimeline(t *testing.T) {
	tests := []struct {
		name    string
		ws      *model.Workspace
		lines   []string
		absent  []string
		outside int
	}{
		{"one dot per country", demoWorkspace(),
			[]string{"start: 2009-08-01", "end: 2009-09-24", "span: 2009-08-01 | 2009-08-15 | Event window", "mark: 2009-09-24 | Signature", "event: 2009-08-12 | GH", "event: 2009-08-12 | ML"},
			[]string{"NP"}, 1},
		{"one dot per week when crowded", bigWorkspace(200, 3),
			[]string{"event: 2009-08-01 | 32 events", "event: 2009-09-12 | 12 events"},
			[]string{"| AA"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			block, outside := Make(tt.ws).timeline()
			lines := strings.Split(block, "\n")
			for _, l := range tt.lines {
				if !slices.Contains(lines, l) {
					t.Errorf("timeline lacks %q:\n%s", l, block)
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(block, s) {
					t.Errorf("timeline has %q", s)
				}
			}
			if len(outside) != tt.outside {
				t.Errorf("outside %v", outside)
			}
		})
	}
}
