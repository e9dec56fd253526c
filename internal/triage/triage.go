package triage

import "opkit/internal/model"

// Kind is the recommended kind of event, a stable code that templates and
// the plan turn into words (catalogue group "kind", short form "kindshort").
type Kind string

const (
	// ShortMeeting: the government has committed to sign; no event is
	// needed, or a short meeting that moves the conversation to
	// ratification.
	ShortMeeting Kind = "short-meeting"
	// PublicEvent: the government leans or is undecided. A substantive
	// discussion before the signature date has the most impact, and even a
	// short one can decide it: a public forum or a roundtable.
	PublicEvent Kind = "public-event"
	// EarlyDiscussion: nothing is known of the government's intention. Find
	// out: an early, short, substantive discussion with the national
	// authority, aimed at signature.
	EarlyDiscussion Kind = "early-discussion"
	// Groundwork: the government is opposed. Longer-term groundwork with
	// parliament, the national human rights institution, the bar and
	// academia, keeping signature or accession open.
	Groundwork Kind = "groundwork"
	// ClosedMeeting: the partner needs a low profile. A closed meeting with
	// a shorter agenda, no public material, anonymised in cross-country
	// outputs.
	ClosedMeeting Kind = "closed-meeting"
)

// Kinds lists every kind, in the order the plan counts them.
var Kinds = []Kind{PublicEvent, EarlyDiscussion, Groundwork, ShortMeeting, ClosedMeeting}

// Aim is what the event asks of the government, decided by the country's
// own status under the Protocol and, while it has not signed, by the phase.
type Aim string

const (
	// AimSign: sign at the campaign's treaty event.
	AimSign Aim = "sign"
	// AimSignOrAccede: the signature date has passed (or the groundwork is
	// long-term) and the State has not signed: signature stays open with no
	// closing date (Art. 17), and a State can also accede in one step.
	AimSignOrAccede Aim = "sign-or-accede"
	// AimRatify: the State has signed, and only
	// ratification opens the procedure to people under its jurisdiction.
	AimRatify Aim = "ratify"
	// AimImplement: the State is a party. The work is the opt-in
	// declarations of Arts. 10 and 11, implementation and the use of the
	// procedure.
	AimImplement Aim = "implement"
)

// Aims lists every aim, from the first step to the last.
var Aims = []Aim{AimSign, AimSignOrAccede, AimRatify, AimImplement}

// Reason is a stable code for one consideration of the triage; its words
// are in the catalogue group "reason".
type Reason string

const (
	ReasonCommitted Reason = "stance-committed"
	ReasonLeaning   Reason = "stance-leaning"
	ReasonUndecided Reason = "stance-undecided"
	ReasonOpposed   Reason = "stance-opposed"
	ReasonUnknown   Reason = "stance-unknown"
	// ReasonSigned: the State has signed; the aim is ratification.
	ReasonSigned Reason = "op-signed"
	// ReasonParty: the State has ratified or acceded.
	ReasonParty Reason = "op-party"
	// ReasonAfterSignature: the work comes after the signature date (phase
	// ratification, or an event after that date) and the State has not
	// signed: sign, since signature stays open, or accede.
	ReasonAfterSignature Reason = "after-signature-date"
	// ReasonCovenantSigned: the State has only signed the Covenant: it may
	// sign the Protocol, but must ratify the Covenant before ratifying it.
	ReasonCovenantSigned Reason = "covenant-signed"
	// ReasonCovenantNone: the State has not signed the Covenant, which it
	// must join before it can sign or join the Protocol.
	ReasonCovenantNone Reason = "covenant-none"
	// ReasonLowProfile: the partner needs a low profile.
	ReasonLowProfile Reason = "low-profile"
	// ReasonLate: a signature-phase event after the ideal window leaves the
	// government little time to decide before the signature date.
	ReasonLate Reason = "late-for-signature"
)

// Reasons lists every reason code, in the order they are weighed.
var Reasons = []Reason{ReasonCommitted, ReasonLeaning, ReasonUndecided, ReasonOpposed, ReasonUnknown,
	ReasonSigned, ReasonParty, ReasonAfterSignature, ReasonCovenantSigned, ReasonCovenantNone,
	ReasonLowProfile, ReasonLate}

// Recommendation is the triage of one country.
type Recommendation struct {
	Kind Kind
	Aim  Aim
	// Formats are the event formats that fit, best first.
	Formats []model.Format
	// ShortAgenda: a short meeting (committed, unknown, low-profile) gets
	// the shorter default agenda.
	ShortAgenda bool
	// PublicMaterial is false for low-profile partners: nothing is
	// published and cross-country outputs anonymise the country.
	PublicMaterial bool
	// EventNeeded is false where the government has committed to sign and
	// the signature date is still ahead: an event would add little.
	EventNeeded bool
	// Late: a signature-phase event after the campaign's ideal window.
	Late bool
	// Reasons are the considerations in the order they weighed.
	Reasons []Reason
}

// Assess gives the recommendation for a country. camp may be nil (no
// dates known): the lateness of the event is then not judged.
func Assess(c *model.Country, camp *model.Campaign) Recommendation {
	r := Recommendation{PublicMaterial: true, EventNeeded: true}
	stance := c.Stance
	if stance == "" {
		stance = model.StanceUnknown
	}
	r.Reasons = append(r.Reasons, Reason("stance-"+string(stance)))
	switch stance {
	case model.StanceCommitted:
		// The aim stays signature until the State has signed; the short
		// meeting confirms it and moves the conversation to ratification.
		r.Kind, r.Aim, r.ShortAgenda, r.EventNeeded = ShortMeeting, AimSign, true, false
		r.Formats = []model.Format{model.FormatNone, model.FormatClosedMeeting, model.FormatRoundtable}
	case model.StanceLeaning, model.StanceUndecided:
		r.Kind, r.Aim = PublicEvent, AimSign
		r.Formats = []model.Format{model.FormatPublicForum, model.FormatRoundtable}
	case model.StanceOpposed:
		r.Kind, r.Aim = Groundwork, AimSignOrAccede
		r.Formats = []model.Format{model.FormatRoundtable, model.FormatClosedMeeting}
	default: // unknown
		r.Kind, r.Aim, r.ShortAgenda = EarlyDiscussion, AimSign, true
		r.Formats = []model.Format{model.FormatRoundtable, model.FormatClosedMeeting}
	}

	// The country's own status decides the aim whatever the stance: a
	// State that has signed is asked to ratify, a party to use what it
	// joined.
	after := afterSignature(c, camp)
	switch st := c.Politics.OPStatus; {
	case st.Party():
		r.Aim = AimImplement
		r.EventNeeded = true
		r.Reasons = append(r.Reasons, ReasonParty)
	case st == model.OPSigned:
		r.Aim = AimRatify
		r.EventNeeded = true
		r.Reasons = append(r.Reasons, ReasonSigned)
	case after:
		// Past the signature date with no signature, a commitment to sign
		// is no reason to skip the event.
		r.Aim = AimSignOrAccede
		r.EventNeeded = true
		r.Reasons = append(r.Reasons, ReasonAfterSignature)
	}
	if !c.Politics.OPStatus.Party() {
		switch c.Politics.ICESCR {
		case model.ICESCRSigned:
			r.Reasons = append(r.Reasons, ReasonCovenantSigned)
		case model.ICESCRNone:
			r.Reasons = append(r.Reasons, ReasonCovenantNone)
		}
	}
	if c.LowProfile() {
		r.Kind, r.ShortAgenda, r.PublicMaterial = ClosedMeeting, true, false
		r.Formats = []model.Format{model.FormatClosedMeeting}
		r.Reasons = append(r.Reasons, ReasonLowProfile)
	}
	if camp != nil && lateForSignature(c, camp) && r.Aim == AimSign {
		r.Late = true
		r.Reasons = append(r.Reasons, ReasonLate)
	}
	return r
}

// afterSignature: the country's work comes after the campaign's signature
// date, because the file says so or because its event falls after it.
func afterSignature(c *model.Country, camp *model.Campaign) bool {
	if c.Phase == model.PhaseRatification {
		return true
	}
	return camp != nil && !c.Event.Date.IsZero() && !camp.SignatureDate.IsZero() && c.Event.Date.After(camp.SignatureDate)
}

// lateForSignature: a signature-phase event after the ideal window (and not
// yet after the signature date, which is a case of its own).
func lateForSignature(c *model.Country, camp *model.Campaign) bool {
	end := camp.EventWindow.End
	d := c.Event.Date
	return c.Phase == model.PhaseSignature && c.Event.Format != model.FormatNone &&
		!d.IsZero() && !end.IsZero() && d.After(end)
}

// AfterSignature reports whether the country's work comes after the
// signature date (phase ratification, or an event after it): the briefing
// and the agenda must agree on it.
func AfterSignature(c *model.Country, camp *model.Campaign) bool { return afterSignature(c, camp) }
