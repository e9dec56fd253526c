package model

import "slices"

// The closed vocabularies of the input format. Each list keeps the order in
// which SPEC.md gives the values, since messages and drop-downs show them so.

// Stance is the government's known intention to sign.
type Stance string

const (
	StanceCommitted Stance = "committed"
	StanceLeaning   Stance = "leaning"
	StanceUndecided Stance = "undecided"
	StanceOpposed   Stance = "opposed"
	StanceUnknown   Stance = "unknown"
)

// Stances lists every stance.
var Stances = []string{string(StanceCommitted), string(StanceLeaning), string(StanceUndecided), string(StanceOpposed), string(StanceUnknown)}

// Visibility says whether a partner can campaign in the open.
type Visibility string

const (
	VisibilityPublic     Visibility = "public"
	VisibilityLowProfile Visibility = "low-profile"
)

// Visibilities lists every visibility.
var Visibilities = []string{string(VisibilityPublic), string(VisibilityLowProfile)}

// Phase says whether the country's work is toward signature (before
// 24 September) or toward ratification (after it).
type Phase string

const (
	PhaseSignature    Phase = "signature"
	PhaseRatification Phase = "ratification"
)

// Phases lists every phase.
var Phases = []string{string(PhaseSignature), string(PhaseRatification)}

// Format is the shape of the national event.
type Format string

const (
	FormatPublicForum   Format = "public-forum"
	FormatRoundtable    Format = "roundtable"
	FormatClosedMeeting Format = "closed-meeting"
	FormatNone          Format = "none"
)

// Formats lists every event format.
var Formats = []string{string(FormatPublicForum), string(FormatRoundtable), string(FormatClosedMeeting), string(FormatNone)}

// AuthorityStatus is where an invitation to a national authority stands.
type AuthorityStatus string

const (
	AuthorityInvited   AuthorityStatus = "invited"
	AuthorityConfirmed AuthorityStatus = "confirmed"
	AuthorityDeclined  AuthorityStatus = "declined"
)

// AuthorityStatuses lists every authority status.
var AuthorityStatuses = []string{string(AuthorityInvited), string(AuthorityConfirmed), string(AuthorityDeclined)}

// Confidentiality says who may read a case.
type Confidentiality string

const (
	// ConfidentialityPublic cases may appear in anything, the New York report included.
	ConfidentialityPublic Confidentiality = "public"
	// ConfidentialityEvent cases are for the people in the room: the participants' briefing.
	ConfidentialityEvent Confidentiality = "event"
	// ConfidentialityRestricted cases are for the organisers' edition only.
	ConfidentialityRestricted Confidentiality = "restricted"
)

// Confidentialities lists every confidentiality level.
var Confidentialities = []string{string(ConfidentialityPublic), string(ConfidentialityEvent), string(ConfidentialityRestricted)}

// MechanismKind is the kind of a domestic remedy mechanism.
type MechanismKind string

// MechanismKinds lists every mechanism kind.
var MechanismKinds = []string{"court", "nhri", "ombudsperson", "administrative", "other"}

// Effectiveness rates a domestic remedy.
type Effectiveness string

// Effectivenesses lists every rating.
var Effectivenesses = []string{"yes", "partly", "no"}

// ICESCRStatus is the country's standing toward the Covenant itself.
type ICESCRStatus string

// ICESCRStatuses lists every Covenant status.
var ICESCRStatuses = []string{"ratified", "signed", "none"}

// Languages are the languages a pack can be written in.
var Languages = []string{"en", "fr", "es"}

// OutputLanguage is lang when documents can be written in it, else English.
func OutputLanguage(lang string) string {
	if slices.Contains(Languages, lang) {
		return lang
	}
	return "en"
}

// Right is one of the Covenant rights a situation or case touches.
type Right string

// RightInfo ties a right's code to the Covenant article that sets it out.
type RightInfo struct {
	Code    Right
	Article string // "6", "13-14"
}

// Rights lists the rights in Covenant order with their articles. Water is not
// named in the Covenant; it is read into Articles 11 and 12.
var Rights = []RightInfo{
	{"work", "6"},
	{"working-conditions", "7"},
	{"trade-unions", "8"},
	{"social-security", "9"},
	{"family", "10"},
	{"food", "11"},
	{"housing", "11"},
	{"water", "11-12"},
	{"health", "12"},
	{"education", "13-14"},
	{"culture", "15"},
}

// RightCodes lists the right codes in Covenant order.
func RightCodes() []string {
	out := make([]string, len(Rights))
	for i, r := range Rights {
		out[i] = string(r.Code)
	}
	return out
}

// Article returns the Covenant article(s) of a right, or "" if unknown.
func (r Right) Article() string {
	for _, ri := range Rights {
		if ri.Code == r {
			return ri.Article
		}
	}
	return ""
}
