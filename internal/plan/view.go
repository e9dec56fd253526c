package plan

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"opkit/internal/model"
)

// View is what the coordination template receives: the plan with every code
// already in words of the plan's language, so that staff editing the
// template deal with sentences, not lookups. Text is raw; the template
// escapes it (md, cell).
type View struct {
	Lang                   string
	Title                  string
	Campaign, Coalition    string
	Stamp                  time.Time
	WindowStart, WindowEnd model.Date
	Signature              model.Date
	Summary                []SummaryRow
	Timeline               string   // body of the opkit-timeline block
	Outside                []string // events the timeline cannot show ("AR 2009-10-01")
	Countries              []CountryView
	Requests               int
	Assignments            []AssignmentView
	Gaps                   []GapView
	Members                []MemberView
	SearchNote             string
	Exact                  bool

	// ReturnsDue is the date outcome workbooks are due back (zero: unset).
	ReturnsDue model.Date
	// Progress: packs and returns were looked for on disk.
	Progress bool
	Standing []StandingView
	Contacts []ContactView
}

// SummaryRow is one figure of the summary.
type SummaryRow struct {
	Label string
	Value int
}

// CountryView is one country in words.
type CountryView struct {
	Code, Name, Region string
	LowProfile         bool
	Triage             string // short: "Public event"
	TriageLong         string // the recommendation as a sentence
	Reason             string
	Aim                string
	HasDate            bool
	Date               model.Date
	DateStatus         string
	DateOK             bool // in the window, or after it for ratification
	Format             string
	Authority          string
	Pack               string
	PackComplete       bool
	SCRequested        bool
	SCMember           string // member name, "" when none
	Checks             []CheckView
}

// CheckView is one check in words.
type CheckView struct {
	Warning  bool
	Severity string
	Message  string
}

// AssignmentView is one member sent to one event.
type AssignmentView struct {
	Date                           model.Date
	Code, Country                  string
	MemberID, Member, Organisation string
	SameRegion                     bool
	SameRegionText                 string
}

// GapView is one request left uncovered.
type GapView struct {
	HasDate       bool
	Date          model.Date
	Code, Country string
	Reason        string
}

// MemberView is one Steering Committee member's load.
type MemberView struct {
	ID, Name, Organisation string
	Languages              string
	MaxEvents, Assigned    int
	Countries              string
}

// View builds the template data of the plan.
func (p *Plan) View(stamp time.Time) *View {
	w := p.Words
	camp := p.Campaign
	v := &View{
		Lang: p.Lang, Title: w("doc.title"), Campaign: camp.Name.In(p.Lang), Coalition: camp.Coalition.In(p.Lang), Stamp: stamp,
		WindowStart: camp.EventWindow.Start, WindowEnd: camp.EventWindow.End, Signature: camp.SignatureDate,
		Requests: len(p.Requests), Exact: p.Search.Exact || len(p.Requests) == 0,
	}
	for _, row := range p.summarySheet().rows {
		v.Summary = append(v.Summary, SummaryRow{Label: row[0].(string), Value: row[1].(int)})
	}
	if v.Exact {
		v.SearchNote = w("search.exact")
	} else {
		v.SearchNote = w("search.bounded")
	}
	for i := range p.Countries {
		c := &p.Countries[i]
		cv := CountryView{
			Code: c.Code, Name: c.Name, Region: c.RegionName, LowProfile: c.Visibility == model.VisibilityLowProfile,
			Triage: w("kindshort." + string(c.Triage.Kind)), TriageLong: w("kind." + string(c.Triage.Kind)),
			Reason: p.ReasonWords(c), Aim: w("aim." + string(c.Triage.Aim)),
			HasDate: !c.EventDate.IsZero(), Date: c.EventDate, DateStatus: w("date." + c.DateStatus),
			DateOK:    c.DateStatus == "in-window" || c.DateStatus == "after-signature" && c.Phase == model.PhaseRatification,
			Format:    w("format." + formatCode(c.Format)),
			Authority: w("authority." + c.Authority), Pack: p.PackWords(c), PackComplete: len(c.PackMissing) == 0,
			SCRequested: c.SCRequested, SCMember: p.SCMember(c.SCMember).Name,
		}
		for _, k := range c.Checks {
			cv.Checks = append(cv.Checks, CheckView{Warning: k.Severity == "warning", Severity: w("severity." + k.Severity), Message: p.CheckWords(k)})
		}
		v.Countries = append(v.Countries, cv)
	}
	for _, a := range p.Assignments {
		m := p.SCMember(a.Member)
		v.Assignments = append(v.Assignments, AssignmentView{
			Date: a.Date, Code: a.Country, Country: p.Country(a.Country).Name,
			MemberID: m.ID, Member: m.Name, Organisation: m.Organisation,
			SameRegion: a.SameRegion, SameRegionText: w(map[bool]string{true: "yes", false: "no"}[a.SameRegion]),
		})
	}
	for _, g := range p.Gaps {
		v.Gaps = append(v.Gaps, GapView{HasDate: !g.Date.IsZero(), Date: g.Date, Code: g.Country, Country: p.Country(g.Country).Name, Reason: p.GapWords(g)})
	}
	for _, m := range p.Members {
		v.Members = append(v.Members, MemberView{
			ID: m.ID, Name: m.Name, Organisation: m.Organisation, Languages: strings.Join(p.SCMember(m.ID).Languages, ", "),
			MaxEvents: m.MaxEvents, Assigned: len(m.Countries), Countries: strings.Join(m.Countries, ", "),
		})
	}
	v.Timeline, v.Outside = p.timeline()
	v.ReturnsDue, v.Progress = p.ReturnsDue, p.Progress
	v.Standing, v.Contacts = p.standingViews()
	return v
}

// timelineDots is the most events drawn one dot each; beyond, the labels
// would pile up past reading and the calendar shows weeks instead.
const timelineDots = 40

// timeline is the opkit-timeline block from the window's start to the
// signature date: the window shaded, the signature date marked, a dot per
// event labelled with the country code (the plan is for staff, so
// low-profile countries appear too). Events outside that range are listed
// apart rather than stretching the scale.
func (p *Plan) timeline() (string, []string) {
	camp := p.Campaign
	start, end := camp.EventWindow.Start, camp.SignatureDate
	var dated []CountryPlan
	for _, c := range p.Countries {
		if !c.EventDate.IsZero() {
			dated = append(dated, c)
		}
	}
	// By date, then code, so that dots of one day stack in a stable order.
	slices.SortStableFunc(dated, func(a, b CountryPlan) int {
		if c := a.EventDate.Compare(b.EventDate); c != 0 {
			return c
		}
		return strings.Compare(a.Code, b.Code)
	})
	// Missing campaign dates fall back to the events themselves.
	if start.IsZero() && len(dated) > 0 {
		start = dated[0].EventDate
	}
	if end.IsZero() {
		end = camp.EventWindow.End
		if n := len(dated); n > 0 && dated[n-1].EventDate.After(end) {
			end = dated[n-1].EventDate
		}
	}
	if start.IsZero() || end.IsZero() || end.Before(start) {
		return "", nil
	}
	label := func(s string) string { return strings.ReplaceAll(s, "|", "/") }
	var b strings.Builder
	fmt.Fprintf(&b, "start: %s\nend: %s\n", start, end)
	if w := camp.EventWindow; !w.Start.IsZero() && !w.End.IsZero() {
		fmt.Fprintf(&b, "span: %s | %s | %s\n", w.Start, w.End, label(p.Words("timeline.window")))
	}
	if !camp.SignatureDate.IsZero() {
		fmt.Fprintf(&b, "mark: %s | %s\n", camp.SignatureDate, label(p.Words("timeline.signature")))
	}
	var outside []string
	var shown []CountryPlan
	for _, c := range dated {
		if c.EventDate.Before(start) || c.EventDate.After(end) {
			outside = append(outside, c.Code+" "+c.EventDate.String())
			continue
		}
		shown = append(shown, c)
	}
	if len(shown) <= timelineDots {
		for _, c := range shown {
			fmt.Fprintf(&b, "event: %s | %s\n", c.EventDate, label(c.Code))
		}
		return strings.TrimSuffix(b.String(), "\n"), outside
	}
	// A crowded calendar gets one dot per week, at the week's first event,
	// labelled with the number of events; the country table has each one.
	for i := 0; i < len(shown); {
		week := start.DaysUntil(shown[i].EventDate) / 7
		j := i
		for j < len(shown) && start.DaysUntil(shown[j].EventDate)/7 == week {
			j++
		}
		fmt.Fprintf(&b, "event: %s | %s\n", shown[i].EventDate, label(p.Words("timeline.events", j-i)))
		i = j
	}
	return strings.TrimSuffix(b.String(), "\n"), outside
}
