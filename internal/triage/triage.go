package triage

import "opkit/internal/model"

// Kind is the recommended kind of event, a stable code that templates and
// the plan turn into words.
type Kind string

const (
	// ShortMeeting: the government is committed; no event is needed, or a
	// short meeting that moves the conversation to ratification.
	ShortMeeting Kind = "short-meeting"
	// PublicEvent: a substantive public event, where it has the most impact.
	PublicEvent Kind = "public-event"
	// SubstantiveDiscussion: a substantive discussion aimed at ratification
	// after September, since signature on the day is unlikely.
	SubstantiveDiscussion Kind = "substantive-discussion"
	// ClosedMeeting: a closed meeting with no public material, for partners
	// who need a low profile.
	ClosedMeeting Kind = "closed-meeting"
)

// Recommendation is the triage of one country.
type Recommendation struct {
	Kind Kind
	// Aim is "signature" or "ratification": what the event pushes for.
	Aim model.Phase
	// PublicMaterial is false for low-profile partners: nothing is
	// published and cross-country outputs anonymise the country.
	PublicMaterial bool
	// EventNeeded is false where the government has committed to sign and
	// an event would add little before 24 September.
	EventNeeded bool
	// Reasons are stable codes, in the order they weighed:
	// "stance-committed", "stance-leaning", "stance-undecided",
	// "stance-opposed", "stance-unknown", "low-profile", "phase-ratification".
	Reasons []string
}

// Assess gives the recommendation for a country.
func Assess(c *model.Country) Recommendation {
	r := Recommendation{Aim: model.PhaseSignature, PublicMaterial: true, EventNeeded: true}
	r.Reasons = append(r.Reasons, "stance-"+string(c.Stance))
	switch c.Stance {
	case model.StanceCommitted:
		r.Kind = ShortMeeting
		r.Aim = model.PhaseRatification
		r.EventNeeded = false
	case model.StanceLeaning, model.StanceUndecided:
		r.Kind = PublicEvent
	default: // opposed, unknown
		r.Kind = SubstantiveDiscussion
		r.Aim = model.PhaseRatification
	}
	if c.Phase == model.PhaseRatification {
		r.Aim = model.PhaseRatification
		r.Reasons = append(r.Reasons, "phase-ratification")
	}
	if c.LowProfile() {
		r.Kind = ClosedMeeting
		r.PublicMaterial = false
		r.Reasons = append(r.Reasons, "low-profile")
	}
	return r
}
