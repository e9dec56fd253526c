package render

import (
	"slices"

	"opkit/internal/model"
	"opkit/internal/triage"
)

// Edition says who a briefing is for, which decides the cases it holds.
type Edition string

const (
	// Participants: public and event cases; handed out at the event.
	Participants Edition = "participants"
	// Organisers: every case, restricted ones included; marked RESTRICTED.
	Organisers Edition = "organisers"
)

// Briefing is what briefing.md.tmpl receives. The template can reach the
// whole country and campaign, but the decisions it adapts to are worked out
// here once, so that the three languages cannot drift apart in logic.
type Briefing struct {
	Lang     string
	Edition  Edition
	Campaign *model.Campaign
	Country  *model.Country
	Triage   triage.Recommendation

	// Organisers is true for the organisers' edition.
	Organisers bool
	// Ratification is true when the country's work is past 24 September
	// (phase ratification, or an event after the signature date): the pack
	// then talks about ratifying, not about signing on the day.
	Ratification bool
	// AimRatification is true when the triage aims the event at
	// ratification (phase ratification, or a committed, opposed or unknown
	// stance).
	AimRatification bool
	// Committed, Leaning, Undecided, Opposed, Unknown mirror the stance.
	Committed, Leaning, Undecided, Opposed, Unknown bool
	// LowProfile: closed meeting, no public material.
	LowProfile bool
	// NoEvent: the country plans no event (format "none").
	NoEvent bool

	// Cases are the edition's cases in file order: public and event for
	// participants, all for organisers.
	Cases []model.Case
	// Restricted counts the restricted cases in Cases (0 for participants).
	Restricted int
	// Rights are the rights the situation and the edition's cases touch, in
	// Covenant order.
	Rights []RightUse
	// CaseRights are the rights the edition's cases touch, in Covenant order.
	CaseRights []model.Right

	// Authority is the confirmed national authority, or nil.
	Authority *model.Authority
	// Invited are the authorities invited and not yet confirmed.
	Invited []model.Authority
	// Declined are the authorities who declined.
	Declined []model.Authority
	// Lead is the lead partner, or nil.
	Lead *model.Partner
	// Partners are the partner organisations' names.
	Partners []string

	// DaysToSignature counts days from the event to the signature date
	// (negative when the event is later); 0 when either date is unset.
	DaysToSignature int
	// EventAfterSignature: the event falls after the signature date.
	EventAfterSignature bool
	// EventAfterGathering: the event falls after the New York gathering,
	// so its results go to the Coalition's follow-up instead.
	EventAfterGathering bool
	// CovenantParty: the country has ratified the Covenant, so it may both
	// sign and ratify the Protocol (Art. 17). CovenantSigned: it has only
	// signed the Covenant, so it may sign the Protocol but must ratify the
	// Covenant before it can ratify the Protocol. Neither: it must first
	// join the Covenant.
	CovenantParty, CovenantSigned bool
	// Assigned is the Steering Committee member the plan sends to the event
	// (set by the pack from plan.Make), nil when none is sent or none was
	// asked for.
	Assigned *model.SCMember
	// Ineffective and PartlyEffective count the domestic remedy mechanisms
	// rated not effective ("no") and partly effective.
	Ineffective, PartlyEffective int
}

// RightUse is one right the briefing discusses.
type RightUse struct {
	Right       model.Right
	InSituation bool
	Cases       int // cases of the edition that touch it
}

// BriefingData builds the data of one edition of a country's briefing.
func BriefingData(ws *model.Workspace, c *model.Country, edition Edition) *Briefing {
	rec := triage.Assess(c)
	b := &Briefing{
		Lang:            c.Language,
		Edition:         edition,
		Campaign:        &ws.Campaign,
		Country:         c,
		Triage:          rec,
		Organisers:      edition == Organisers,
		Ratification:    towardRatification(&ws.Campaign, c),
		AimRatification: rec.Aim == model.PhaseRatification,
		Committed:       c.Stance == model.StanceCommitted,
		Leaning:         c.Stance == model.StanceLeaning,
		Undecided:       c.Stance == model.StanceUndecided,
		Opposed:         c.Stance == model.StanceOpposed,
		Unknown:         c.Stance == model.StanceUnknown || c.Stance == "",
		LowProfile:      c.LowProfile(),
		NoEvent:         c.Event.Format == model.FormatNone,
		Authority:       c.Event.ConfirmedAuthority(),
		Lead:            c.LeadPartner(),
		CovenantParty:   c.Politics.ICESCR == "ratified",
		CovenantSigned:  c.Politics.ICESCR == "signed",
	}
	if b.Organisers {
		b.Cases = c.CasesUpTo(model.ConfidentialityRestricted)
	} else {
		b.Cases = c.CasesUpTo(model.ConfidentialityEvent)
	}
	for _, k := range b.Cases {
		if k.Confidentiality == model.ConfidentialityRestricted {
			b.Restricted++
		}
	}
	b.Invited = c.Event.Invited()
	for _, a := range c.Event.Authorities {
		if a.Status == model.AuthorityDeclined {
			b.Declined = append(b.Declined, a)
		}
	}
	for _, p := range c.Partners {
		b.Partners = append(b.Partners, p.Name)
	}
	if !c.Event.Date.IsZero() && !ws.Campaign.SignatureDate.IsZero() {
		b.DaysToSignature = c.Event.Date.DaysUntil(ws.Campaign.SignatureDate)
		b.EventAfterSignature = c.Event.Date.After(ws.Campaign.SignatureDate)
	}
	if !c.Event.Date.IsZero() && !ws.Campaign.GatheringDate.IsZero() {
		b.EventAfterGathering = c.Event.Date.After(ws.Campaign.GatheringDate)
	}
	for _, m := range c.Remedies.Mechanisms {
		switch m.Effective {
		case "no":
			b.Ineffective++
		case "partly":
			b.PartlyEffective++
		}
	}
	b.Rights, b.CaseRights = rightsOf(c.Situation.Rights, b.Cases)
	return b
}

// rightsOf lists the rights touched by the situation and by the cases, in
// Covenant order (model.Rights), each once.
func rightsOf(sit []model.RightSituation, cases []model.Case) ([]RightUse, []model.Right) {
	var uses []RightUse
	var caseRights []model.Right
	for _, ri := range model.Rights {
		u := RightUse{Right: ri.Code}
		for _, s := range sit {
			if s.Right == ri.Code {
				u.InSituation = true
			}
		}
		for _, k := range cases {
			if slices.Contains(k.Rights, ri.Code) {
				u.Cases++
			}
		}
		if u.InSituation || u.Cases > 0 {
			uses = append(uses, u)
		}
		if u.Cases > 0 {
			caseRights = append(caseRights, ri.Code)
		}
	}
	return uses, caseRights
}

// HasAuthorities reports whether any authority was invited at all.
func (b *Briefing) HasAuthorities() bool { return len(b.Country.Event.Authorities) > 0 }

// EventCases counts the cases marked for event participants only.
func (b *Briefing) EventCases() int {
	n := 0
	for _, k := range b.Cases {
		if k.Confidentiality == model.ConfidentialityEvent {
			n++
		}
	}
	return n
}

// towardRatification: the pack works toward ratification, because the
// country file says so or because its event falls after the signature
// date. The briefing and the agenda must agree on it.
func towardRatification(camp *model.Campaign, c *model.Country) bool {
	return c.Phase == model.PhaseRatification ||
		!c.Event.Date.IsZero() && !camp.SignatureDate.IsZero() && c.Event.Date.After(camp.SignatureDate)
}
