package render

import (
	"opkit/internal/model"
)

// Discussion is what discussion.md.tmpl receives: the guide for the NGO
// session that the pack appends to the organisers' edition of the
// briefing. It adds to Outreach the organisers' own material, which is
// why it never goes into a participants' document.
type Discussion struct {
	*Outreach
	Obstacles, Allies []string
	Upcoming          []model.Milestone
	// Gaps are the gaps in domestic remedies the country file lists.
	Gaps []string
	// Slot is the agenda's discussion session; OutcomeSlot the session
	// where the declaration is adopted (its own, else the outcome); nil
	// when the country's own agenda has none.
	Slot, OutcomeSlot *Slot
	// Requested: the partner asked for a Steering Committee member
	// (Assigned says whether the plan sends one).
	Requested bool
	// Opportunities, Challenges and NextSteps are the outcome workbook's
	// tables the three rounds fill in (set by the pack from the workbook's
	// field table, so the guide and the workbook have the same columns).
	Opportunities, Challenges, NextSteps GuideTable
	ReturnsDue                           model.Date
}

// GuideTable is one table of the outcome workbook as the guide shows it.
type GuideTable struct {
	Title, Intro string
	Columns      []string
	// Choices are the options of the table's drop-down column, if any.
	Choices []string
}

// DiscussionData builds the guide's data; the pack fills in the tables.
func DiscussionData(ws *model.Workspace, c *model.Country, assigned *model.SCMember) *Discussion {
	o := OutreachData(ws, c, assigned)
	d := &Discussion{
		Outreach:   o,
		Obstacles:  c.Politics.Obstacles,
		Allies:     c.Politics.Allies,
		Upcoming:   c.Politics.Upcoming,
		Gaps:       c.Remedies.Gaps,
		Requested:  c.Event.RequestSCMember,
		ReturnsDue: o.Campaign.ReturnsDue, // none when due before the event
	}
	for _, s := range AgendaFor(ws, c, assigned).Sessions {
		switch s.Key {
		case "discussion":
			d.Slot = &s
		case "declaration":
			d.OutcomeSlot = &s
		case "outcome":
			if d.OutcomeSlot == nil {
				d.OutcomeSlot = &s
			}
		}
	}
	return d
}
