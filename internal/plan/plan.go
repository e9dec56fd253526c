package plan

import (
	"fmt"
	"slices"
	"strings"

	"opkit/internal/model"
	"opkit/internal/names"
	"opkit/internal/triage"
)

// Plan is the coordination overview of a campaign. It holds codes, not
// words: Label turns them into the campaign language when written.
type Plan struct {
	Lang      string // label language: the campaign language if en, fr or es, else en
	Campaign  model.Campaign
	Countries []CountryPlan // in the workspace's order (by code)

	// Requests are the events that asked for a Steering Committee member,
	// by date then country code; Assignments and Gaps partition them.
	Requests    []Request
	Assignments []Assignment
	Gaps        []Gap
	Members     []MemberLoad // by member ID
	Search      Search

	// ReturnsDue is the campaign's date for outcome workbooks to come back.
	ReturnsDue model.Date
	// Progress is true once Observe has recorded what is built and returned.
	Progress bool
}

// CountryPlan is one country's line of the plan.
type CountryPlan struct {
	Code, Name, Region string // Region is the code; RegionName its words
	RegionName         string
	Stance             model.Stance
	Visibility         model.Visibility
	Phase              model.Phase
	Triage             triage.Recommendation

	EventDate   model.Date
	Format      model.Format
	City        string
	Languages   []string // event languages, the pack language when none is given
	DateStatus  string   // none | in-window | before-window | after-window | after-signature
	Authority   string   // confirmed | invited | declined | none
	PackMissing []string // situation, cases, remedies, politics: inputs left empty
	Checks      []Check

	SCRequested bool
	SCMember    string // ID of the member assigned, "" when none

	// Partners are the country's partner organisations with their contacts,
	// in file order.
	Partners []model.Partner
	// EventFixed: format, date, city and venue are set (see eventFixed).
	EventFixed bool
	// PackBuilt and ReturnReceived come from Observe.
	PackBuilt, ReturnReceived bool
}

// Check is one finding about a country's event or pack.
type Check struct {
	Code     string   // e.g. "date-after-signature", "format-public-low-profile"
	Severity string   // "warning" (staff should act) or "note" (worth knowing)
	Args     []string // filled into the label
}

// Request is an event that asked for a Steering Committee member.
type Request struct {
	Country   string // code
	Date      model.Date
	Languages []string
	Region    string
}

// Assignment is a member sent to an event.
type Assignment struct {
	Country    string
	Date       model.Date
	Member     string // member ID
	SameRegion bool
}

// Gap is a request left unassigned and why.
type Gap struct {
	Country string
	Date    model.Date
	// Reason: no-date, no-language, no-availability, at-capacity,
	// busy-nearby or at-capacity-or-busy.
	Reason string
	// Able lists the members who speak a language of the event and are
	// available that day (empty for the first three reasons).
	Able []string
	// Languages are the event's languages, for the no-language message.
	Languages []string
}

// MemberLoad is a Steering Committee member with the events given to them.
type MemberLoad struct {
	ID, Name, Organisation string
	Regions                []string
	MaxEvents              int
	Countries              []string // codes, by event date
}

// Search describes how the assignment was found.
type Search struct {
	Covered    int
	UpperBound int  // max-flow bound: no assignment covers more
	Exact      bool // Covered is proven maximal
	Nodes      int  // branch-and-bound nodes explored
}

// Make builds the plan of a workspace. It does no I/O.
func Make(ws *model.Workspace) *Plan {
	camp := ws.Campaign
	p := &Plan{Lang: LabelLang(camp.Language), Campaign: camp, ReturnsDue: camp.ReturnsDue}
	for i := range ws.Countries {
		p.Countries = append(p.Countries, assess(&ws.Countries[i], &camp, p.Lang))
	}
	p.assign(ws)
	return p
}

func assess(c *model.Country, camp *model.Campaign, lang string) CountryPlan {
	rec := triage.Assess(c, camp)
	cp := CountryPlan{
		// The plan names every country in its own language, from the code
		// (the partner's own spelling is for its pack).
		Code: c.Code, Name: names.Country(c.Code, lang), Region: string(c.Region),
		RegionName: names.Region(string(c.Region), lang),
		Stance:     c.Stance, Visibility: c.Visibility, Phase: c.Phase,
		Triage:      rec,
		EventDate:   c.Event.Date,
		Format:      c.Event.Format,
		City:        c.Event.City,
		Languages:   eventLanguages(c),
		SCRequested: c.Event.RequestSCMember,
		Partners:    c.Partners,
		EventFixed:  eventFixed(&c.Event),
	}
	planned := plannedFormat(c.Event.Format)
	add := func(code, sev string, args ...string) {
		cp.Checks = append(cp.Checks, Check{Code: code, Severity: sev, Args: args})
	}

	// Event needed, and format against visibility and triage.
	switch {
	case rec.EventNeeded && !planned:
		add("event-missing", "warning")
	case !rec.EventNeeded && c.Event.Format == model.FormatPublicForum:
		add("event-optional", "note")
	}
	if c.LowProfile() && c.Event.Format == model.FormatPublicForum {
		add("format-public-low-profile", "warning")
	}
	if rec.Kind == triage.PublicEvent && c.Event.Format == model.FormatClosedMeeting {
		add("format-closed-public", "note")
	}
	if c.Event.RequestSCMember && !planned {
		// No event, nothing to attend: not a request the assignment weighs.
		cp.SCRequested = false
		add("sc-no-event", "warning")
	}

	// Date against the window and the signature date.
	cp.DateStatus = dateStatus(c.Event.Date, camp)
	w := camp.EventWindow
	d := c.Event.Date
	switch cp.DateStatus {
	case "none":
		if planned {
			add("date-missing", "warning")
		}
	case "after-signature":
		if c.Phase != model.PhaseRatification {
			add("date-after-signature", "warning", d.String(), camp.SignatureDate.String())
		}
	case "before-window":
		add("date-before-window", "warning", d.String(), w.Start.String(), w.End.String())
	case "after-window":
		add("date-after-window", "warning", d.String(), w.Start.String(), w.End.String())
	}

	// National authority.
	cp.Authority = authorityStatus(c.Event.Authorities)
	if planned {
		switch cp.Authority {
		case "none":
			add("authority-none", "warning")
		case "declined":
			add("authority-declined", "warning")
		case "invited":
			add("authority-invited", "note")
		}
	}

	// Pack inputs.
	cp.PackMissing = packMissing(c)
	if len(cp.PackMissing) > 0 {
		add("pack-incomplete", "warning", cp.PackMissing...)
	}
	return cp
}

// eventLanguages falls back to the pack language: an event that names no
// language is held in the language its material is written in.
func eventLanguages(c *model.Country) []string {
	var out []string
	for _, l := range c.Event.Languages {
		l = strings.ToLower(strings.TrimSpace(l))
		if l != "" && !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	if len(out) == 0 && c.Language != "" {
		out = []string{strings.ToLower(c.Language)}
	}
	return out
}

func dateStatus(d model.Date, camp *model.Campaign) string {
	w := camp.EventWindow
	switch {
	case d.IsZero():
		return "none"
	case !camp.SignatureDate.IsZero() && d.After(camp.SignatureDate):
		return "after-signature"
	case !w.Start.IsZero() && d.Before(w.Start):
		return "before-window"
	case !w.End.IsZero() && d.After(w.End):
		return "after-window"
	}
	return "in-window"
}

// authorityStatus is the best standing of any invitation: one confirmed
// authority is enough for the event, a pending one is still a hope.
func authorityStatus(as []model.Authority) string {
	best := "none"
	for _, a := range as {
		switch a.Status {
		case model.AuthorityConfirmed:
			return "confirmed"
		case model.AuthorityInvited:
			best = "invited"
		case model.AuthorityDeclined:
			if best == "none" {
				best = "declined"
			}
		}
	}
	return best
}

// packMissing lists the briefing sections that would come out empty.
func packMissing(c *model.Country) []string {
	var out []string
	if strings.TrimSpace(c.Situation.Summary) == "" && len(c.Situation.Rights) == 0 {
		out = append(out, "situation")
	}
	if len(c.Cases) == 0 {
		out = append(out, "cases")
	}
	if strings.TrimSpace(c.Remedies.Summary) == "" && len(c.Remedies.Mechanisms) == 0 && len(c.Remedies.Gaps) == 0 {
		out = append(out, "remedies")
	}
	if strings.TrimSpace(c.Politics.Summary) == "" {
		out = append(out, "politics")
	}
	return out
}

// Country returns the plan line of a country code, or nil.
func (p *Plan) Country(code string) *CountryPlan {
	for i := range p.Countries {
		if p.Countries[i].Code == code {
			return &p.Countries[i]
		}
	}
	return nil
}

// Member returns the load of a member ID, or nil.
func (p *Plan) Member(id string) *MemberLoad {
	for i := range p.Members {
		if p.Members[i].ID == id {
			return &p.Members[i]
		}
	}
	return nil
}

// SCMember returns the campaign's Steering Committee member with id, or the
// zero member.
func (p *Plan) SCMember(id string) model.SCMember {
	for _, m := range p.Campaign.Steering {
		if m.ID == id {
			return m
		}
	}
	return model.SCMember{}
}

// Words gives a label in the plan's language.
func (p *Plan) Words(code string, args ...any) string { return Label(p.Lang, code, args...) }

// ReasonWords is the triage reason of a country as one sentence.
func (p *Plan) ReasonWords(c *CountryPlan) string {
	var parts []string
	for _, r := range c.Triage.Reasons {
		parts = append(parts, p.Words("reason."+string(r)))
	}
	s := strings.Join(parts, p.Words("sep.reasons"))
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

// PackWords is the pack status in words.
func (p *Plan) PackWords(c *CountryPlan) string {
	if len(c.PackMissing) == 0 {
		return p.Words("pack.complete")
	}
	var parts []string
	for _, m := range c.PackMissing {
		parts = append(parts, p.Words("part."+m))
	}
	return p.Words("pack.missing", strings.Join(parts, ", "))
}

// CheckWords is a check in words.
func (p *Plan) CheckWords(k Check) string {
	if k.Code == "pack-incomplete" {
		var parts []string
		for _, m := range k.Args {
			parts = append(parts, p.Words("part."+m))
		}
		return p.Words("check.pack-incomplete", strings.Join(parts, ", "))
	}
	args := make([]any, len(k.Args))
	for i, a := range k.Args {
		args[i] = a
	}
	return p.Words("check."+k.Code, args...)
}

// GapWords is a gap's reason in words.
func (p *Plan) GapWords(g Gap) string {
	switch g.Reason {
	case "no-date":
		return p.Words("gap.no-date")
	case "no-language":
		return p.Words("gap.no-language", strings.Join(g.Languages, ", "))
	case "no-availability":
		return p.Words("gap.no-availability", g.Date.String())
	}
	names := make([]string, len(g.Able))
	for i, id := range g.Able {
		names[i] = id
		if m := p.SCMember(id); m.Name != "" {
			names[i] = m.Name
		}
	}
	return p.Words("gap."+g.Reason, strings.Join(names, ", "))
}

// Warnings counts the warning checks of every country.
func (p *Plan) Warnings() int {
	n := 0
	for _, c := range p.Countries {
		for _, k := range c.Checks {
			if k.Severity == "warning" {
				n++
			}
		}
	}
	return n
}

// TriageCounts counts countries per triage kind, in the order triage
// defines the kinds; kinds with no country are left out.
func (p *Plan) TriageCounts() []KindCount {
	var out []KindCount
	for _, k := range kinds {
		n := 0
		for _, c := range p.Countries {
			if c.Triage.Kind == k {
				n++
			}
		}
		if n > 0 {
			out = append(out, KindCount{k, n})
		}
	}
	return out
}

// KindCount is a number of countries with one triage kind.
type KindCount struct {
	Kind  triage.Kind
	Count int
}

var kinds = triage.Kinds

// Summary is one line for the terminal, in English like every CLI message.
func (p *Plan) Summary() string {
	var parts []string
	for _, kc := range p.TriageCounts() {
		parts = append(parts, fmt.Sprintf("%d %s", kc.Count, kc.Kind))
	}
	s := fmt.Sprintf("%d countries (%s); Steering Committee: %d of %d requests covered",
		len(p.Countries), strings.Join(parts, ", "), len(p.Assignments), len(p.Requests))
	if !p.Search.Exact && len(p.Requests) > 0 {
		s += " (search bounded, not proven maximal)"
	}
	if w := p.Warnings(); w > 0 {
		s += fmt.Sprintf("; %d warnings", w)
	}
	return s
}

// plannedFormat reports whether an event format means an event takes place.
func plannedFormat(f model.Format) bool { return f != "" && f != model.FormatNone }
