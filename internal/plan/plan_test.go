package plan

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"opkit/internal/i18n"
	"opkit/internal/model"
	"opkit/internal/triage"
)

func date(s string) model.Date {
	d, err := model.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func campaign() model.Campaign {
	return model.Campaign{
		Name:          model.OneText("OP-ICESCR national events"),
		Coalition:     model.OneText("NGO Coalition for the OP-ICESCR"),
		SignatureDate: date("2009-09-24"),
		GatheringDate: date("2009-09-23"),
		EventWindow:   model.Period{Start: date("2009-08-01"), End: date("2009-08-15")},
		Language:      "en",
	}
}

// country is a complete, unremarkable country; tests change what they test.
func country(code string) model.Country {
	return model.Country{
		Code: code, Name: "Country " + code, Region: "Americas", Language: "en",
		Stance: model.StanceLeaning, Visibility: model.VisibilityPublic, Phase: model.PhaseSignature,
		Event: model.Event{
			Date: date("2009-08-05"), City: "City", Format: model.FormatPublicForum, Languages: []string{"en"},
			Authorities: []model.Authority{{Name: "A. Minister", Status: model.AuthorityConfirmed}},
		},
		Situation: model.Situation{Summary: "situation"},
		Cases:     []model.Case{{ID: "c1", Title: "case"}},
		Remedies:  model.Remedies{Summary: "remedies"},
		Politics:  model.Politics{Summary: "politics"},
	}
}

func regionList(s string) []model.Region {
	var out []model.Region
	for _, r := range strings.Split(s, ",") {
		out = append(out, model.Region(r))
	}
	return out
}

func member(id string, langs, regions string, max int, from, to string) model.SCMember {
	return model.SCMember{
		ID: id, Name: "Member " + id, Organisation: "Org " + id,
		Languages: strings.Split(langs, ","), Regions: regionList(regions),
		Available: []model.Period{{Start: date(from), End: date(to)}},
		MaxEvents: max,
	}
}

func TestTriageEveryCombination(t *testing.T) {
	type want struct {
		kind   triage.Kind
		needed bool
		words  []string
	}
	stanceWords := map[model.Stance]string{
		model.StanceCommitted: "committed to sign", model.StanceLeaning: "leans toward signing",
		model.StanceUndecided: "undecided", model.StanceOpposed: "opposes signing", model.StanceUnknown: "intention is unknown",
	}
	for _, st := range model.Stances {
		for _, vis := range model.Visibilities {
			for _, ph := range model.Phases {
				stance, visibility, phase := model.Stance(st), model.Visibility(vis), model.Phase(ph)
				t.Run(st+"/"+vis+"/"+ph, func(t *testing.T) {
					w := want{needed: stance != model.StanceCommitted || phase == model.PhaseRatification, words: []string{stanceWords[stance]}}
					switch stance {
					case model.StanceCommitted:
						w.kind = triage.ShortMeeting
					case model.StanceLeaning, model.StanceUndecided:
						w.kind = triage.PublicEvent
					case model.StanceOpposed:
						w.kind = triage.Groundwork
					default:
						w.kind = triage.EarlyDiscussion
					}
					if visibility == model.VisibilityLowProfile {
						w.kind = triage.ClosedMeeting
						w.words = append(w.words, "low profile")
					}
					if phase == model.PhaseRatification {
						w.words = append(w.words, "after the signature date")
					}
					c := country("AR")
					c.Stance, c.Visibility, c.Phase = stance, visibility, phase
					c.Event.Format = model.FormatRoundtable
					p := Make(&model.Workspace{Campaign: campaign(), Countries: []model.Country{c}})
					cp := p.Countries[0]
					if cp.Triage.Kind != w.kind || cp.Triage.EventNeeded != w.needed {
						t.Errorf("triage = %s needed %v, want %s needed %v", cp.Triage.Kind, cp.Triage.EventNeeded, w.kind, w.needed)
					}
					if cp.Triage.Kind != triage.Assess(&c, &p.Campaign).Kind {
						t.Errorf("plan and briefing disagree")
					}
					reason := p.ReasonWords(&cp)
					for _, s := range w.words {
						if !strings.Contains(reason, s) {
							t.Errorf("reason %q lacks %q", reason, s)
						}
					}
					if vis == "public" && strings.Contains(reason, "low profile") || ph == "signature" && strings.Contains(reason, "signature date") {
						t.Errorf("reason %q mentions what does not apply", reason)
					}
					for _, lang := range []string{"fr", "es"} {
						if got := Label(lang, "kind."+string(cp.Triage.Kind)); got == Label("en", "kind."+string(cp.Triage.Kind)) {
							t.Errorf("%s label for %s not translated: %q", lang, cp.Triage.Kind, got)
						}
					}
				})
			}
		}
	}
}

func codes(cs []Check) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Severity+":"+c.Code)
	}
	return out
}

func TestChecks(t *testing.T) {
	tests := []struct {
		name       string
		edit       func(c *model.Country)
		dateStatus string
		authority  string
		pack       []string
		checks     []string
	}{
		{"clean", func(c *model.Country) {}, "in-window", "confirmed", nil, nil},
		{"window edges included", func(c *model.Country) { c.Event.Date = date("2009-08-15") }, "in-window", "confirmed", nil, nil},
		{"before window", func(c *model.Country) { c.Event.Date = date("2009-07-31") }, "before-window", "confirmed", nil,
			[]string{"warning:date-before-window"}},
		{"after window", func(c *model.Country) { c.Event.Date = date("2009-09-01") }, "after-window", "confirmed", nil,
			[]string{"warning:date-after-window"}},
		{"signature phase after signature", func(c *model.Country) { c.Event.Date = date("2009-10-01") }, "after-signature", "confirmed", nil,
			[]string{"warning:date-after-signature"}},
		{"ratification phase after signature", func(c *model.Country) {
			c.Event.Date = date("2009-10-01")
			c.Phase = model.PhaseRatification
		}, "after-signature", "confirmed", nil, nil},
		{"signature day itself", func(c *model.Country) { c.Event.Date = date("2009-09-24") }, "after-window", "confirmed", nil,
			[]string{"warning:date-after-window"}},
		{"no date", func(c *model.Country) { c.Event.Date = model.Date{} }, "none", "confirmed", nil,
			[]string{"warning:date-missing"}},
		{"authority invited", func(c *model.Country) {
			c.Event.Authorities = []model.Authority{{Status: model.AuthorityDeclined}, {Status: model.AuthorityInvited}}
		}, "in-window", "invited", nil, []string{"note:authority-invited"}},
		{"authority declined", func(c *model.Country) {
			c.Event.Authorities = []model.Authority{{Status: model.AuthorityDeclined}}
		}, "in-window", "declined", nil, []string{"warning:authority-declined"}},
		{"no authority", func(c *model.Country) { c.Event.Authorities = nil }, "in-window", "none", nil,
			[]string{"warning:authority-none"}},
		{"one confirmed among many", func(c *model.Country) {
			c.Event.Authorities = []model.Authority{{Status: model.AuthorityDeclined}, {Status: model.AuthorityInvited}, {Status: model.AuthorityConfirmed}}
		}, "in-window", "confirmed", nil, nil},
		{"public forum for low profile", func(c *model.Country) { c.Visibility = model.VisibilityLowProfile }, "in-window", "confirmed", nil,
			[]string{"warning:format-public-low-profile"}},
		{"closed meeting for low profile", func(c *model.Country) {
			c.Visibility = model.VisibilityLowProfile
			c.Event.Format = model.FormatClosedMeeting
		}, "in-window", "confirmed", nil, nil},
		{"closed meeting where public helps", func(c *model.Country) { c.Event.Format = model.FormatClosedMeeting }, "in-window", "confirmed", nil,
			[]string{"note:format-closed-public"}},
		{"event needed but none", func(c *model.Country) {
			c.Event = model.Event{Format: model.FormatNone}
		}, "none", "none", nil, []string{"warning:event-missing"}},
		{"SC member for no event", func(c *model.Country) {
			c.Stance = model.StanceCommitted
			c.Event = model.Event{Format: model.FormatNone, RequestSCMember: true}
		}, "none", "none", nil, []string{"warning:sc-no-event"}},
		{"committed, no event", func(c *model.Country) {
			c.Stance = model.StanceCommitted
			c.Event = model.Event{Format: model.FormatNone}
		}, "none", "none", nil, nil},
		{"committed, public forum", func(c *model.Country) { c.Stance = model.StanceCommitted }, "in-window", "confirmed", nil,
			[]string{"note:event-optional"}},
		{"pack empty", func(c *model.Country) {
			c.Situation, c.Cases, c.Remedies, c.Politics = model.Situation{}, nil, model.Remedies{}, model.Politics{}
		}, "in-window", "confirmed", []string{"situation", "cases", "remedies", "politics"}, []string{"warning:pack-incomplete"}},
		{"pack partly filled", func(c *model.Country) {
			c.Situation = model.Situation{Rights: []model.RightSituation{{Right: "food"}}}
			c.Remedies = model.Remedies{Gaps: []string{"no court"}}
			c.Cases = nil
		}, "in-window", "confirmed", []string{"cases"}, []string{"warning:pack-incomplete"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := country("AR")
			tt.edit(&c)
			p := Make(&model.Workspace{Campaign: campaign(), Countries: []model.Country{c}})
			cp := p.Countries[0]
			if cp.DateStatus != tt.dateStatus || cp.Authority != tt.authority || !slices.Equal(cp.PackMissing, tt.pack) {
				t.Errorf("date %s authority %s pack %v, want %s %s %v", cp.DateStatus, cp.Authority, cp.PackMissing, tt.dateStatus, tt.authority, tt.pack)
			}
			if got := codes(cp.Checks); !slices.Equal(got, tt.checks) {
				t.Errorf("checks %v, want %v", got, tt.checks)
			}
			for _, k := range cp.Checks {
				for _, lang := range []string{"en", "fr", "es"} {
					p.Lang = lang
					if w := p.CheckWords(k); strings.Contains(w, "%!") || strings.HasPrefix(w, "check.") {
						t.Errorf("%s words for %s: %q", lang, k.Code, w)
					}
				}
			}
		})
	}
}

func TestLabelTablesComplete(t *testing.T) {
	// The catalogue's own test checks that languages agree; this checks
	// the plan's codes are covered.
	en := labelCodes("en")
	for _, lang := range i18n.Languages {
		if got := labelCodes(lang); !slices.Equal(got, en) {
			t.Errorf("%s codes differ from en:\n%v\n%v", lang, got, en)
		}
	}
	// Every code the plan can produce has words.
	var want []string
	for _, k := range kinds {
		want = append(want, "kind."+string(k), "kindshort."+string(k))
	}
	for _, s := range model.Stances {
		want = append(want, "stance."+s, "reason.stance-"+s)
	}
	for _, f := range model.Formats {
		want = append(want, "format."+f)
	}
	for _, v := range model.Visibilities {
		want = append(want, "visibility."+v)
	}
	for _, ph := range model.Phases {
		want = append(want, "phase."+ph)
	}
	for _, c := range []string{"none", "in-window", "before-window", "after-window", "after-signature"} {
		want = append(want, "date."+c)
	}
	for _, c := range []string{"confirmed", "invited", "declined", "none"} {
		want = append(want, "authority."+c)
	}
	for _, c := range []string{"no-date", "no-language", "no-availability", "at-capacity", "busy-nearby", "at-capacity-or-busy"} {
		want = append(want, "gap."+c)
	}
	for _, c := range want {
		for _, lang := range i18n.Languages {
			if Label(lang, c) == c {
				t.Errorf("%s: no label %s", lang, c)
			}
		}
	}
}

// scWorkspace has one request per country given as "CODE date langs region".
func scWorkspace(members []model.SCMember, reqs ...string) *model.Workspace {
	ws := &model.Workspace{Campaign: campaign()}
	ws.Campaign.Steering = members
	for _, r := range reqs {
		f := strings.Fields(r)
		c := country(f[0])
		if f[1] == "-" {
			c.Event.Date = model.Date{}
		} else {
			c.Event.Date = date(f[1])
		}
		c.Event.Languages = strings.Split(f[2], ",")
		c.Region = model.Region(f[3])
		c.Event.RequestSCMember = true
		ws.Countries = append(ws.Countries, c)
	}
	slices.SortFunc(ws.Countries, func(a, b model.Country) int { return strings.Compare(a.Code, b.Code) })
	return ws
}

func assignments(p *Plan) map[string]string {
	out := map[string]string{}
	for _, a := range p.Assignments {
		out[a.Country] = a.Member
	}
	for _, g := range p.Gaps {
		out[g.Country] = "gap:" + g.Reason
	}
	return out
}

func TestAssignment(t *testing.T) {
	aug := []string{"2009-08-01", "2009-08-31"}
	tests := []struct {
		name    string
		members []model.SCMember
		reqs    []string
		want    map[string]string
	}{
		{
			"language decides",
			[]model.SCMember{member("m1", "en", "Americas", 5, aug[0], aug[1]), member("m2", "fr", "Americas", 5, aug[0], aug[1])},
			[]string{"AR 2009-08-05 fr Americas"},
			map[string]string{"AR": "m2"},
		},
		{
			"any event language will do",
			[]model.SCMember{member("m1", "es", "Americas", 5, aug[0], aug[1])},
			[]string{"AR 2009-08-05 en,es Americas"},
			map[string]string{"AR": "m1"},
		},
		{
			"no one speaks the language",
			[]model.SCMember{member("m1", "en", "Americas", 5, aug[0], aug[1])},
			[]string{"AR 2009-08-05 pt Americas"},
			map[string]string{"AR": "gap:no-language"},
		},
		{
			"availability decides",
			[]model.SCMember{member("m1", "en", "Americas", 5, "2009-08-01", "2009-08-04"), member("m2", "en", "Africa", 5, "2009-08-05", "2009-08-05")},
			[]string{"AR 2009-08-05 en Americas"},
			map[string]string{"AR": "m2"},
		},
		{
			"no one available that day",
			[]model.SCMember{member("m1", "en", "Americas", 5, "2009-08-01", "2009-08-04"), member("m2", "fr", "Americas", 5, aug[0], aug[1])},
			[]string{"AR 2009-08-05 en Americas"},
			map[string]string{"AR": "gap:no-availability"},
		},
		{
			"undated event",
			[]model.SCMember{member("m1", "en", "Americas", 5, aug[0], aug[1])},
			[]string{"AR - en Americas"},
			map[string]string{"AR": "gap:no-date"},
		},
		{
			"capacity",
			[]model.SCMember{member("m1", "en", "Americas", 2, aug[0], aug[1])},
			[]string{"AR 2009-08-03 en Americas", "BO 2009-08-06 en Americas", "CL 2009-08-09 en Americas"},
			map[string]string{"AR": "m1", "BO": "m1", "CL": "gap:at-capacity"},
		},
		{
			"one-day rule: next day is a conflict",
			[]model.SCMember{member("m1", "en", "Americas", 5, aug[0], aug[1])},
			[]string{"AR 2009-08-05 en Americas", "BO 2009-08-06 en Americas"},
			map[string]string{"AR": "m1", "BO": "gap:busy-nearby"},
		},
		{
			"one-day rule: same day is a conflict",
			[]model.SCMember{member("m1", "en", "Americas", 5, aug[0], aug[1])},
			[]string{"AR 2009-08-05 en Americas", "BO 2009-08-05 en Americas"},
			map[string]string{"AR": "m1", "BO": "gap:busy-nearby"},
		},
		{
			"one-day rule: two days apart is fine",
			[]model.SCMember{member("m1", "en", "Americas", 5, aug[0], aug[1])},
			[]string{"AR 2009-08-05 en Americas", "BO 2009-08-07 en Americas"},
			map[string]string{"AR": "m1", "BO": "m1"},
		},
		{
			"one-day rule across a month end",
			[]model.SCMember{member("m1", "en", "Americas", 5, "2009-07-01", aug[1])},
			[]string{"AR 2009-07-31 en Americas", "BO 2009-08-01 en Americas"},
			map[string]string{"AR": "m1", "BO": "gap:busy-nearby"},
		},
		{
			"mixed: one full, one busy",
			// m1 alone speaks fr, so it goes to AR and is full; m2 takes BO
			// (its region) and is then busy the day CL falls on.
			[]model.SCMember{member("m1", "en,fr", "Americas", 1, aug[0], aug[1]), member("m2", "en", "Americas", 5, aug[0], aug[1])},
			[]string{"AR 2009-08-05 fr Americas", "BO 2009-08-05 en Americas", "CL 2009-08-06 en Africa"},
			map[string]string{"AR": "m1", "BO": "m2", "CL": "gap:at-capacity-or-busy"},
		},
		{
			// Greedy in date order sends m1 (same region, listed first) to AR
			// and leaves BO, which only m1 can attend, uncovered.
			"greedy choice loses a match",
			[]model.SCMember{member("m1", "en,fr", "Americas", 5, aug[0], aug[1]), member("m2", "en", "Africa", 5, aug[0], aug[1])},
			[]string{"AR 2009-08-05 en Americas", "BO 2009-08-05 fr Americas"},
			map[string]string{"AR": "m2", "BO": "m1"},
		},
		{
			// Greedy sends m1 to the 5th (first date); then the 6th, which
			// only m1 speaks, is lost to the one-day rule. m2 can take the 5th.
			"greedy loses to the one-day rule",
			[]model.SCMember{member("m1", "en,fr", "Americas", 5, aug[0], aug[1]), member("m2", "en", "Americas", 5, aug[0], aug[1])},
			[]string{"AR 2009-08-05 en Americas", "BO 2009-08-06 fr Americas"},
			map[string]string{"AR": "m2", "BO": "m1"},
		},
		{
			// A chain: covering CL needs m1 to leave BO for m2, which in turn
			// needs m2 to leave AR for m3.
			"greedy loses a chain",
			[]model.SCMember{
				member("m1", "en,fr,es", "Americas", 1, aug[0], aug[1]),
				member("m2", "en,fr", "Americas", 1, aug[0], aug[1]),
				member("m3", "en", "Americas", 1, aug[0], aug[1]),
			},
			[]string{"AR 2009-08-03 en Americas", "BO 2009-08-10 fr Americas", "CL 2009-08-20 es Americas"},
			map[string]string{"AR": "m3", "BO": "m2", "CL": "m1"},
		},
		{
			"same region preferred",
			[]model.SCMember{member("m1", "en", "Africa", 5, aug[0], aug[1]), member("m2", "en", "Americas", 5, aug[0], aug[1])},
			[]string{"AR 2009-08-05 en Americas", "GH 2009-08-05 en Africa"},
			map[string]string{"AR": "m2", "GH": "m1"},
		},
		{
			"same region preferred over the first listed",
			[]model.SCMember{member("m1", "en", "Africa", 5, aug[0], aug[1]), member("m2", "en", "Americas", 5, aug[0], aug[1])},
			[]string{"AR 2009-08-05 en Americas"},
			map[string]string{"AR": "m2"},
		},
		{
			"load balanced among equals",
			[]model.SCMember{member("m1", "en", "Americas", 5, aug[0], aug[1]), member("m2", "en", "Americas", 5, aug[0], aug[1])},
			[]string{"AR 2009-08-03 en Americas", "BO 2009-08-10 en Americas", "CL 2009-08-20 en Americas", "DO 2009-08-25 en Americas"},
			map[string]string{"AR": "m2", "BO": "m2", "CL": "m1", "DO": "m1"},
		},
		{
			"zero max events never goes",
			[]model.SCMember{member("m1", "en", "Americas", 0, aug[0], aug[1])},
			[]string{"AR 2009-08-05 en Americas"},
			map[string]string{"AR": "gap:at-capacity"},
		},
		{
			"languages compared without case",
			[]model.SCMember{member("m1", "EN", "americas", 5, aug[0], aug[1])},
			[]string{"AR 2009-08-05 en Americas"},
			map[string]string{"AR": "m1"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := scWorkspace(tt.members, tt.reqs...)
			p := Make(ws)
			got := assignments(p)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			if !p.Search.Exact {
				t.Errorf("search not exact")
			}
			for _, g := range p.Gaps {
				if w := p.GapWords(g); strings.Contains(w, "%!") || strings.HasPrefix(w, "gap.") {
					t.Errorf("gap words %q", w)
				}
			}
		})
	}
}

func TestAssignmentSameRegionFlag(t *testing.T) {
	aug := []string{"2009-08-01", "2009-08-31"}
	ws := scWorkspace([]model.SCMember{member("m1", "en", "Africa", 5, aug[0], aug[1])}, "AR 2009-08-05 en Americas", "GH 2009-08-09 en Africa")
	p := Make(ws)
	want := []Assignment{{"AR", date("2009-08-05"), "m1", false}, {"GH", date("2009-08-09"), "m1", true}}
	if fmt.Sprint(p.Assignments) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", p.Assignments, want)
	}
	if m := p.Member("m1"); m == nil || !slices.Equal(m.Countries, []string{"AR", "GH"}) {
		t.Errorf("member load %+v", m)
	}
	if p.Country("AR").SCMember != "m1" {
		t.Errorf("country line lacks the member")
	}
}

// bigWorkspace is a campaign of n countries and k members, the shape of a
// real one: events spread over the window, a few languages, regions.
func bigWorkspace(n, k int) *model.Workspace {
	regions := []model.Region{model.RegionAfrica, model.RegionAmericas, model.RegionAsiaPacific, model.RegionEurope, model.RegionMiddleEastNA}
	langs := []string{"en", "fr", "es", "ar", "pt", "ru"}
	ws := &model.Workspace{Campaign: campaign()}
	ws.Campaign.EventWindow = model.Period{Start: date("2009-08-01"), End: date("2009-09-10")}
	for m := range k {
		l := []string{langs[m%3], langs[(m*7+1)%len(langs)]}
		sc := model.SCMember{
			ID: fmt.Sprintf("sc%02d", m), Name: fmt.Sprintf("Member %d", m),
			Languages: l, Regions: []model.Region{regions[m%len(regions)]}, MaxEvents: 3 + m%4,
		}
		start := date("2009-08-01").AddDays((m * 5) % 20)
		sc.Available = []model.Period{{Start: start, End: start.AddDays(12 + m%9)}, {Start: date("2009-09-01"), End: date("2009-09-20")}}
		ws.Campaign.Steering = append(ws.Campaign.Steering, sc)
	}
	for i := range n {
		c := country(fmt.Sprintf("%c%c", 'A'+i/26, 'A'+i%26))
		c.Region = regions[(i*3)%len(regions)]
		c.Event.Date = date("2009-08-01").AddDays((i * 17) % 45)
		c.Event.Languages = []string{langs[i%len(langs)]}
		if i%4 == 0 {
			c.Event.Languages = append(c.Event.Languages, "en")
		}
		c.Stance = model.Stance(model.Stances[i%len(model.Stances)])
		if i%9 == 0 {
			c.Visibility = model.VisibilityLowProfile
		}
		c.Event.RequestSCMember = i%5 != 4
		ws.Countries = append(ws.Countries, c)
	}
	return ws
}

func TestBigPlanDeterministicAndSound(t *testing.T) {
	ws := bigWorkspace(200, 30)
	p := Make(ws)
	q := Make(ws)
	if fmt.Sprint(p) != fmt.Sprint(q) {
		t.Fatal("two plans of one workspace differ")
	}
	if len(p.Assignments)+len(p.Gaps) != len(p.Requests) {
		t.Fatalf("%d assignments + %d gaps != %d requests", len(p.Assignments), len(p.Gaps), len(p.Requests))
	}
	// Every assignment keeps the rules.
	byMember := map[string][]model.Date{}
	for _, a := range p.Assignments {
		var sc *model.SCMember
		for i := range ws.Campaign.Steering {
			if ws.Campaign.Steering[i].ID == a.Member {
				sc = &ws.Campaign.Steering[i]
			}
		}
		c := ws.Country(a.Country)
		if !sc.AvailableOn(a.Date) || !speaksAny(*sc, eventLanguages(c)) {
			t.Errorf("%s sent to %s: not available or no common language", a.Member, a.Country)
		}
		for _, d := range byMember[a.Member] {
			if abs(d.DaysUntil(a.Date)) <= 1 {
				t.Errorf("%s has events on %s and %s", a.Member, d, a.Date)
			}
		}
		byMember[a.Member] = append(byMember[a.Member], a.Date)
		if len(byMember[a.Member]) > sc.MaxEvents {
			t.Errorf("%s over max events", a.Member)
		}
	}
	if p.Search.Covered > p.Search.UpperBound {
		t.Errorf("covered %d above bound %d", p.Search.Covered, p.Search.UpperBound)
	}
	t.Logf("%s; bound %d, exact %v, %d nodes", p.Summary(), p.Search.UpperBound, p.Search.Exact, p.Search.Nodes)
}

func BenchmarkPlan(b *testing.B) {
	ws := bigWorkspace(200, 30)
	b.ResetTimer()
	var p *Plan
	for b.Loop() {
		p = Make(ws)
	}
	b.ReportMetric(float64(len(p.Assignments)), "covered")
	b.ReportMetric(float64(len(p.Requests)), "requests")
	b.ReportMetric(float64(p.Search.Nodes), "nodes")
	_ = time.Now
}

func TestAssignmentIgnoresOrderOfMembers(t *testing.T) {
	ws := bigWorkspace(60, 12)
	want := fmt.Sprint(Make(ws))
	slices.Reverse(ws.Campaign.Steering)
	if got := fmt.Sprint(Make(ws)); got != want {
		t.Error("the plan depends on the order of the members in campaign.toml")
	}
}

func TestRequestWithoutEvent(t *testing.T) {
	aug := []string{"2009-08-01", "2009-08-31"}
	ws := scWorkspace([]model.SCMember{member("m1", "en", "Americas", 5, aug[0], aug[1])}, "AR 2009-08-05 en Americas", "BO 2009-08-09 en Americas")
	ws.Countries[1].Event.Format = model.FormatNone
	p := Make(ws)
	if len(p.Requests) != 1 || p.Requests[0].Country != "AR" || len(p.Gaps) != 0 {
		t.Errorf("requests %v gaps %v: an event-less request should not be weighed", p.Requests, p.Gaps)
	}
	if got := codes(p.Country("BO").Checks); !slices.Contains(got, "warning:sc-no-event") {
		t.Errorf("checks %v lack sc-no-event", got)
	}
}
