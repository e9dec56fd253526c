package render

import (
	"slices"

	"opkit/internal/model"
	"opkit/internal/names"
	"opkit/internal/triage"
)

// Edition says who a briefing is for, which decides what it holds.
type Edition string

const (
	// Participants: the handout every participant gets, the invited
	// officials and, at a public forum, the press included. Public and
	// event cases; no strategy.
	Participants Edition = "participants"
	// Organisers: everything in the handout plus the strategy and every
	// case, restricted ones included; marked for organisers on every page.
	Organisers Edition = "organisers"
)

// Briefing is what briefing.md.tmpl receives for the participants' handout.
// It is built only from what participants may see: no *model.Country, no
// stance, no triage, no politics.summary, obstacles or allies, no
// restricted case. A staff member who edits the template can print the
// whole value ({{printf "%+v" .}}) and still reach nothing else; the
// organisers' edition gets an *OrganisersBriefing, which embeds this.
type Briefing struct {
	Lang    string
	Edition Edition
	// Organisers is true in the organisers' edition (an *OrganisersBriefing).
	Organisers bool

	Campaign CampaignText
	Country  CountryView
	Event    PublicEvent
	Treaty   Treaty

	// Situation, Remedies and Politics are the country file's sections as
	// participants may read them.
	Situation model.Situation
	Remedies  model.Remedies
	Politics  PublicPolitics

	// Cases are the edition's cases in file order: public and event for
	// participants, all for organisers.
	Cases []CaseView
	// Restricted counts the restricted cases in Cases (0 for participants).
	Restricted int
	// EventCases counts the cases marked for event participants only.
	EventCases int
	// CasesBeforeInForce counts the cases whose facts come before the
	// Protocol binds the State (Art. 3(2)(b)).
	CasesBeforeInForce int
	// Rights are the rights the situation and the edition's cases touch, in
	// Covenant order; CaseRights those the cases touch.
	Rights     []RightUse
	CaseRights []model.Right

	// Authority is the confirmed national authority, or nil.
	Authority *model.Authority
	// Partners are the partner organisations' names; Lead the lead's.
	Partners []string
	Lead     string

	// LowProfile: a closed meeting, no public material (the partners asked
	// for it; participants are told so they respect it).
	LowProfile bool
	// NoEvent: the country plans no event (format "none").
	NoEvent bool
	// EventAfterGathering: the event falls after the New York gathering,
	// so its results go to the Coalition's follow-up instead.
	EventAfterGathering bool
	// Ineffective and PartlyEffective count the domestic remedy mechanisms
	// rated not effective and partly effective.
	Ineffective, PartlyEffective int
}

// CountryView is the country's identity: Name is the partner's own
// spelling when given (its own pack), else the name in the pack's language.
type CountryView struct {
	Code     string
	Name     string
	Region   model.Region
	Language string
}

// PublicPolitics is the political context that may be printed for
// everyone in the room: the public summary and the public facts.
type PublicPolitics struct {
	PublicSummary            string
	ICESCR                   model.ICESCRStatus
	OtherComplaintProcedures []string
	ResponsibleInstitutions  []string
	Upcoming                 []model.Milestone
}

// OrganisersBriefing is what briefing.md.tmpl receives for the organisers'
// edition: the handout's data (with every case) and the strategy.
type OrganisersBriefing struct {
	Briefing
	Triage triage.Recommendation
	// Stance is the government's known intention as the Coalition reads it.
	Stance model.Stance
	// Committed, Leaning, Undecided, Opposed, Unknown mirror the stance.
	Committed, Leaning, Undecided, Opposed, Unknown bool
	// Summary, Obstacles and Allies are the organisers' political reading.
	Summary   string
	Obstacles []string
	Allies    []string
	// Invited are the authorities invited who have not answered; Declined
	// those who declined.
	Invited, Declined []model.Authority
	// SCRequested: the partner asked for a Steering Committee member.
	// Assigned is the member the plan sends (set by the pack from
	// plan.Make), nil when none is sent or none was asked for.
	SCRequested bool
	Assigned    *model.SCMember
	// Checklist is the timeline to the event, dated back from it.
	Checklist []Step
	// DaysToSignature counts days from the event to the signature date
	// (negative when the event is later); 0 when either date is unset.
	DaysToSignature int
}

// Step is one item of the organisers' checklist: Key names its words in
// the template, Date when it is due (zero: no date can be computed).
type Step struct {
	Key  string
	Date model.Date
}

// RightUse is one right the briefing discusses.
type RightUse struct {
	Right       model.Right
	InSituation bool
	Cases       int // cases of the edition that touch it
}

// CountryName is the name a country's own pack uses: the partner's
// spelling when the file gives one, else the name in lang.
func CountryName(c *model.Country, lang string) string {
	if c.Name != "" {
		return c.Name
	}
	return names.Country(c.Code, lang)
}

// BriefingData builds the data of one edition of a country's briefing:
// a *Briefing for participants, an *OrganisersBriefing for organisers
// (with no Steering Committee member assigned; see BriefingFor).
func BriefingData(ws *model.Workspace, c *model.Country, edition Edition) any {
	return BriefingFor(ws, c, edition, nil)
}

// BriefingFor is BriefingData with the Steering Committee member the plan
// sends (nil: none), which only the organisers' edition names.
func BriefingFor(ws *model.Workspace, c *model.Country, edition Edition, assigned *model.SCMember) any {
	if edition == Organisers {
		return OrganisersData(ws, c, assigned)
	}
	return ParticipantsData(ws, c)
}

// ParticipantsData builds the participants' handout data.
func ParticipantsData(ws *model.Workspace, c *model.Country) *Briefing {
	return publicBriefing(ws, c, Participants, c.CasesUpTo(model.ConfidentialityEvent))
}

// OrganisersData builds the organisers' edition data.
func OrganisersData(ws *model.Workspace, c *model.Country, assigned *model.SCMember) *OrganisersBriefing {
	b := publicBriefing(ws, c, Organisers, c.CasesUpTo(model.ConfidentialityRestricted))
	b.Organisers = true
	o := &OrganisersBriefing{
		Briefing:    *b,
		Triage:      triage.Assess(c, &ws.Campaign),
		Stance:      c.Stance,
		Committed:   c.Stance == model.StanceCommitted,
		Leaning:     c.Stance == model.StanceLeaning,
		Undecided:   c.Stance == model.StanceUndecided,
		Opposed:     c.Stance == model.StanceOpposed,
		Unknown:     c.Stance == model.StanceUnknown || c.Stance == "",
		Summary:     c.Politics.Summary,
		Obstacles:   c.Politics.Obstacles,
		Allies:      c.Politics.Allies,
		Invited:     c.Event.Invited(),
		SCRequested: c.Event.RequestSCMember,
		Assigned:    assigned,
	}
	if o.Stance == "" {
		o.Stance = model.StanceUnknown
	}
	for _, a := range c.Event.Authorities {
		if a.Status == model.AuthorityDeclined {
			o.Declined = append(o.Declined, a)
		}
	}
	if !c.Event.Date.IsZero() && !ws.Campaign.SignatureDate.IsZero() {
		o.DaysToSignature = c.Event.Date.DaysUntil(ws.Campaign.SignatureDate)
	}
	o.Checklist = checklist(ws, c)
	return o
}

func publicBriefing(ws *model.Workspace, c *model.Country, ed Edition, cases []model.Case) *Briefing {
	lang := model.OutputLanguage(c.Language)
	camp := &ws.Campaign
	t := TreatyFor(camp, c, lang)
	b := &Briefing{
		Lang:      lang,
		Edition:   ed,
		Campaign:  campaignText(camp, lang, c.Event.Date),
		Country:   CountryView{Code: c.Code, Name: CountryName(c, lang), Region: c.Region, Language: c.Language},
		Event:     publicEvent(&c.Event),
		Treaty:    t,
		Situation: c.Situation,
		Remedies:  c.Remedies,
		Politics: PublicPolitics{
			PublicSummary: c.Politics.PublicSummary, ICESCR: c.Politics.ICESCR,
			OtherComplaintProcedures: c.Politics.OtherComplaintProcedures,
			ResponsibleInstitutions:  c.Politics.ResponsibleInstitutions,
			Upcoming:                 c.Politics.Upcoming,
		},
		Cases:      caseViews(cases, t),
		Authority:  c.Event.ConfirmedAuthority(),
		LowProfile: c.LowProfile(),
		NoEvent:    c.Event.Format == model.FormatNone,
	}
	if lp := c.LeadPartner(); lp != nil {
		b.Lead = lp.Name
	}
	for _, k := range b.Cases {
		switch {
		case k.Restricted:
			b.Restricted++
		case k.Confidentiality == model.ConfidentialityEvent:
			b.EventCases++
		}
		if k.BeforeInForce {
			b.CasesBeforeInForce++
		}
	}
	for _, p := range c.Partners {
		b.Partners = append(b.Partners, p.Name)
	}
	if !c.Event.Date.IsZero() && !camp.GatheringDate.IsZero() {
		b.EventAfterGathering = c.Event.Date.After(camp.GatheringDate)
	}
	for _, m := range c.Remedies.Mechanisms {
		switch m.Effective {
		case model.EffectiveNo:
			b.Ineffective++
		case model.EffectivePartly:
			b.PartlyEffective++
		}
	}
	b.Rights, b.CaseRights = rightsOf(c.Situation.Rights, cases)
	return b
}

// checklist dates the organisers' steps back from the event: invitations
// four weeks ahead, questions to the authority two weeks ahead, materials
// one week ahead, the outcome workbook within a week after, and the
// returns' deadline when the campaign sets one.
func checklist(ws *model.Workspace, c *model.Country) []Step {
	d := c.Event.Date
	at := func(days int) model.Date {
		if d.IsZero() {
			return model.Date{}
		}
		return d.AddDays(days)
	}
	steps := []Step{
		{"invite", at(-28)},
		{"questions", at(-14)},
	}
	if c.Event.RequestSCMember {
		steps = append(steps, Step{"sc", at(-14)})
	}
	steps = append(steps,
		Step{"materials", at(-7)},
		Step{"room", at(-2)},
		Step{"event", d},
		Step{"outcome", at(7)},
	)
	// The campaign's deadline only when it falls after the event: an event
	// held after it (a late one) sends its outcome a week after instead.
	if due := ws.Campaign.ReturnsDue; !due.IsZero() && (d.IsZero() || !due.Before(d)) {
		steps = append(steps, Step{"returns", due})
	}
	steps = append(steps, Step{"letter", at(14)})
	if !d.IsZero() {
		// In date order: the deadline can fall after the letter.
		slices.SortStableFunc(steps, func(a, b Step) int { return a.Date.Compare(b.Date) })
	}
	return steps
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
