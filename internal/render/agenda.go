package render

import (
	"fmt"
	"strings"

	"opkit/internal/model"
	"opkit/internal/triage"
)

// Agenda is what agenda.md.tmpl receives: the event and its sessions with
// their times already worked out. The agenda is handed to every
// participant, so, like the participants' briefing, it is built only from
// what they may see (no *model.Country, no triage).
type Agenda struct {
	Lang     string
	Campaign CampaignText
	Country  CountryView
	Event    PublicEvent
	Treaty   Treaty
	// Ask is what the authority's slot is about (Treaty.Ask).
	Ask Ask

	LowProfile bool
	NoEvent    bool // format "none"
	// Short: the shorter default agenda (a short meeting, an early
	// discussion, a low-profile closed meeting).
	Short bool
	// Custom is true when the country gave its own [[event.sessions]].
	Custom bool
	// StartSet is false when the country gave no start time; the times
	// then run from DefaultStart and the template says they are indicative.
	StartSet bool
	Start    model.Clock
	End      model.Clock
	Minutes  int // total length
	Sessions []Slot

	// Authority is the confirmed national authority, or nil; Invited the
	// authorities invited and not yet confirmed.
	Authority *model.Authority
	Invited   []model.Authority
	// SCMember: the partner asked for a Steering Committee member.
	// Assigned is the member the plan sends (plan.Make, computed by the
	// build), nil when no one can go: the agenda then promises no one.
	SCMember bool
	Assigned *model.SCMember
	// Lead is the lead partner's name; Partners every partner's.
	Lead     string
	Partners []string
}

// Slot is one row of the agenda.
type Slot struct {
	Key     string // the default session's code ("welcome"), "" for a custom one
	Start   model.Clock
	End     model.Clock
	Minutes int
	Title   string // plain text, escaped by the template
	Speaker string // plain text, may be empty
}

// DefaultStart is used when the event has no start time.
var DefaultStart = model.Clock{Hour: 9, Minute: 0}

// defaultSessions is the agenda SPEC.md describes, in the mission's order;
// short is the agenda of a short meeting (the government has committed to
// sign, nothing is known yet, or the partner needs a low profile).
var (
	defaultSessions = []struct {
		key     string
		minutes int
	}{
		{"welcome", 15}, {"protocol", 20}, {"situation", 20}, {"cases", 30},
		{"remedies", 20}, {"politics", 15}, {"break", 15}, {"authority", 30},
		{"discussion", 45}, {"declaration", 15}, {"outcome", 10}, {"close", 10},
	}
	shortSessions = []struct {
		key     string
		minutes int
	}{
		{"welcome", 10}, {"protocol", 15}, {"cases", 20}, {"authority", 25},
		{"discussion", 30}, {"declaration", 10}, {"outcome", 5}, {"close", 5},
	}
)

// AgendaData builds the agenda of a country's event with no Steering
// Committee member assigned.
func AgendaData(ws *model.Workspace, c *model.Country) *Agenda { return AgendaFor(ws, c, nil) }

// AgendaFor builds the agenda of a country's event; assigned is the
// Steering Committee member the plan sends (nil: none).
func AgendaFor(ws *model.Workspace, c *model.Country, assigned *model.SCMember) *Agenda {
	rec := triage.Assess(c, &ws.Campaign)
	pub := publicBriefing(ws, c, Participants, nil)
	a := &Agenda{
		Lang:       pub.Lang,
		Campaign:   pub.Campaign,
		Country:    pub.Country,
		Event:      pub.Event,
		Treaty:     pub.Treaty,
		Ask:        pub.Treaty.Ask,
		LowProfile: c.LowProfile(),
		NoEvent:    c.Event.Format == model.FormatNone,
		Short:      rec.ShortAgenda,
		Custom:     len(c.Event.Sessions) > 0,
		StartSet:   c.Event.HasStart,
		Start:      c.Event.Start,
		Authority:  c.Event.ConfirmedAuthority(),
		SCMember:   c.Event.RequestSCMember,
		Assigned:   assigned,
		Lead:       pub.Lead,
		Partners:   pub.Partners,
	}
	if !a.StartSet {
		a.Start = DefaultStart
	}
	a.Invited = c.Event.Invited()
	t := a.Start
	add := func(key string, minutes int, title, speaker string) {
		end := t.Add(minutes)
		a.Sessions = append(a.Sessions, Slot{Key: key, Start: t, End: end, Minutes: minutes, Title: title, Speaker: speaker})
		a.Minutes += minutes
		t = end
	}
	if a.Custom {
		for _, s := range c.Event.Sessions {
			add("", s.Minutes, s.Title, s.Speaker)
		}
	} else {
		list := defaultSessions
		if a.Short {
			list = shortSessions
		}
		for _, s := range list {
			add(s.key, s.minutes, a.sessionTitle(s.key), a.speaker(c, s.key))
		}
	}
	a.End = t
	return a
}

// sessionTitle words a default session; the authority's slot follows what
// the event asks of the government.
func (a *Agenda) sessionTitle(key string) string {
	if key != "authority" {
		return Term(a.Lang, "session."+key)
	}
	switch a.Ask {
	case AskImplement:
		return Term(a.Lang, "session.authority-implement")
	case AskRatify:
		return Term(a.Lang, "session.authority-r")
	case AskSignOrAccede:
		if a.Treaty.MayAccede {
			return Term(a.Lang, "session.authority-sign-accede")
		}
		return Term(a.Lang, "session.authority-sign")
	}
	// The day comes from the campaign, not from the words.
	return fmt.Sprintf(Term(a.Lang, "session.authority"), FormatDayMonth(a.Lang, a.Campaign.SignatureDate))
}

func (a *Agenda) speaker(c *model.Country, key string) string {
	lead := a.Lead
	switch key {
	case "welcome", "declaration", "outcome", "close":
		return lead
	case "protocol":
		if a.Assigned != nil {
			return SCSpeaker(a.Lang, a.Assigned)
		}
		return lead
	case "situation", "cases", "remedies", "politics":
		return Term(a.Lang, "speaker.partners")
	case "authority":
		return AuthoritySpeaker(a.Lang, c)
	case "discussion":
		return Term(a.Lang, "speaker.all")
	}
	return ""
}

// SCSpeaker names a Steering Committee member as a speaker:
// "Name (Organisation), Coalition Steering Committee".
func SCSpeaker(lang string, m *model.SCMember) string {
	who := m.Name
	if m.Organisation != "" {
		who += " (" + m.Organisation + ")"
	}
	return fmt.Sprintf(Term(lang, "speaker.sc"), who)
}

// AuthoritySpeaker names who speaks for the government: the confirmed
// authority ("Name, Title, Institution"), or "National authority
// (invited)" with the institutions invited, or "(to be invited)".
func AuthoritySpeaker(lang string, c *model.Country) string {
	if au := c.Event.ConfirmedAuthority(); au != nil {
		return joinNonEmpty(", ", au.Name, au.Title, au.Institution)
	}
	var inst []string
	for _, au := range c.Event.Invited() {
		if au.Institution != "" {
			inst = append(inst, au.Institution)
		}
	}
	if len(inst) > 0 {
		return Term(lang, "speaker.invited") + Term(lang, "punct.colon") + strings.Join(inst, "; ")
	}
	return Term(lang, "speaker.none")
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
