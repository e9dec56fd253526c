package model

import (
	"slices"

	"opkit/internal/i18n"
)

// The closed vocabularies of the input format. Each list keeps the order in
// which SPEC.md gives the values, since messages and drop-downs show them so.
// Every vocabulary is a string type with constants: code compares codes, and
// words for them are chosen only where a document is written.

// codes turns typed constants into the plain list the loader's messages and
// the workbooks' drop-downs use.
func codes[T ~string](vs ...T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

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
var Stances = codes(StanceCommitted, StanceLeaning, StanceUndecided, StanceOpposed, StanceUnknown)

// Visibility says whether a partner can campaign in the open.
type Visibility string

const (
	VisibilityPublic     Visibility = "public"
	VisibilityLowProfile Visibility = "low-profile"
)

// Visibilities lists every visibility.
var Visibilities = codes(VisibilityPublic, VisibilityLowProfile)

// Phase says whether the country's work is toward signature (before
// 24 September) or toward ratification (after it).
type Phase string

const (
	PhaseSignature    Phase = "signature"
	PhaseRatification Phase = "ratification"
)

// Phases lists every phase.
var Phases = codes(PhaseSignature, PhaseRatification)

// Format is the shape of the national event.
type Format string

const (
	FormatPublicForum   Format = "public-forum"
	FormatRoundtable    Format = "roundtable"
	FormatClosedMeeting Format = "closed-meeting"
	FormatNone          Format = "none"
)

// Formats lists every event format.
var Formats = codes(FormatPublicForum, FormatRoundtable, FormatClosedMeeting, FormatNone)

// AuthorityStatus is where an invitation to a national authority stands.
type AuthorityStatus string

const (
	AuthorityInvited   AuthorityStatus = "invited"
	AuthorityConfirmed AuthorityStatus = "confirmed"
	AuthorityDeclined  AuthorityStatus = "declined"
)

// AuthorityStatuses lists every authority status.
var AuthorityStatuses = codes(AuthorityInvited, AuthorityConfirmed, AuthorityDeclined)

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
var Confidentialities = codes(ConfidentialityPublic, ConfidentialityEvent, ConfidentialityRestricted)

// MechanismKind is the kind of a domestic remedy mechanism.
type MechanismKind string

const (
	MechanismCourt          MechanismKind = "court"
	MechanismNHRI           MechanismKind = "nhri"
	MechanismOmbudsperson   MechanismKind = "ombudsperson"
	MechanismAdministrative MechanismKind = "administrative"
	MechanismOther          MechanismKind = "other"
)

// MechanismKinds lists every mechanism kind.
var MechanismKinds = codes(MechanismCourt, MechanismNHRI, MechanismOmbudsperson, MechanismAdministrative, MechanismOther)

// Effectiveness rates a domestic remedy.
type Effectiveness string

const (
	EffectiveYes    Effectiveness = "yes"
	EffectivePartly Effectiveness = "partly"
	EffectiveNo     Effectiveness = "no"
)

// Effectivenesses lists every rating.
var Effectivenesses = codes(EffectiveYes, EffectivePartly, EffectiveNo)

// ICESCRStatus is the country's standing toward the Covenant itself, which
// decides what it may do with the Protocol (Art. 17): a signatory of the
// Covenant may sign the Protocol; only a party may ratify or accede.
type ICESCRStatus string

const (
	ICESCRRatified ICESCRStatus = "ratified"
	ICESCRSigned   ICESCRStatus = "signed"
	ICESCRNone     ICESCRStatus = "none"
)

// ICESCRStatuses lists every Covenant status.
var ICESCRStatuses = codes(ICESCRRatified, ICESCRSigned, ICESCRNone)

// OPStatus is the country's own status under the Optional Protocol.
type OPStatus string

const (
	OPNone     OPStatus = "none"
	OPSigned   OPStatus = "signed"
	OPRatified OPStatus = "ratified"
	OPAcceded  OPStatus = "acceded"
)

// OPStatuses lists every Protocol status.
var OPStatuses = codes(OPNone, OPSigned, OPRatified, OPAcceded)

// Party reports whether the State is bound by the Protocol (it ratified or
// acceded).
func (s OPStatus) Party() bool { return s == OPRatified || s == OPAcceded }

// Declaration is an opt-in declaration under the Protocol.
type Declaration string

const (
	// DeclarationArt10 accepts inter-State communications.
	DeclarationArt10 Declaration = "art10"
	// DeclarationArt11 accepts the inquiry procedure.
	DeclarationArt11 Declaration = "art11"
)

// Declarations lists every opt-in declaration.
var Declarations = codes(DeclarationArt10, DeclarationArt11)

// ConstitutionESCR says how far the constitution lets courts enforce
// economic, social and cultural rights.
type ConstitutionESCR string

const (
	// ConstitutionJusticiable: the rights are in the constitution and
	// courts can enforce them.
	ConstitutionJusticiable ConstitutionESCR = "justiciable"
	// ConstitutionDirective: the constitution names them as directive
	// principles of State policy, which courts do not enforce as such.
	ConstitutionDirective ConstitutionESCR = "directive-principles"
	// ConstitutionNone: the constitution does not name them.
	ConstitutionNone ConstitutionESCR = "none"
)

// ConstitutionESCRs lists every value.
var ConstitutionESCRs = codes(ConstitutionJusticiable, ConstitutionDirective, ConstitutionNone)

// Region is a region of the campaign, a code; its name is written in each
// document's language. Steering Committee members cover the same codes.
type Region string

const (
	RegionAfrica       Region = "africa"
	RegionAmericas     Region = "americas"
	RegionAsiaPacific  Region = "asia-pacific"
	RegionEurope       Region = "europe-central-asia"
	RegionMiddleEastNA Region = "middle-east-north-africa"
)

// Regions lists every region.
var Regions = codes(RegionAfrica, RegionAmericas, RegionAsiaPacific, RegionEurope, RegionMiddleEastNA)

// Language is a language documents can be written in (ISO 639-1).
type Language string

const (
	LanguageEnglish    Language = "en"
	LanguageFrench     Language = "fr"
	LanguageSpanish    Language = "es"
	LanguagePortuguese Language = "pt"
	LanguageRussian    Language = "ru"
	LanguageArabic     Language = "ar"
)

// Languages are the languages a pack can be written in: those of the
// catalogue (internal/i18n), which has every word Go writes in each, with
// templates/LANG/ beside it.
var Languages = slices.Clone(i18n.Languages)

// OutputLanguage is lang when documents can be written in it, else English
// (the catalogue's one fallback rule).
func OutputLanguage(lang string) string { return i18n.Lang(lang) }

// Right is one of the Covenant rights a situation or case touches.
type Right string

const (
	RightWork              Right = "work"
	RightWorkingConditions Right = "working-conditions"
	RightTradeUnions       Right = "trade-unions"
	RightSocialSecurity    Right = "social-security"
	RightFamily            Right = "family"
	RightFood              Right = "food"
	RightHousing           Right = "housing"
	RightWater             Right = "water"
	RightHealth            Right = "health"
	RightEducation         Right = "education"
	RightCulture           Right = "culture"
)

// RightInfo ties a right's code to the Covenant article that sets it out.
type RightInfo struct {
	Code    Right
	Article string // "6", "13-14"
}

// Rights lists the rights in Covenant order with their articles. Water is not
// named in the Covenant; the Committee reads it into Articles 11 and 12
// (General Comment No. 15), which is why it carries both.
var Rights = []RightInfo{
	{RightWork, "6"},
	{RightWorkingConditions, "7"},
	{RightTradeUnions, "8"},
	{RightSocialSecurity, "9"},
	{RightFamily, "10"},
	{RightFood, "11"},
	{RightHousing, "11"},
	{RightWater, "11-12"},
	{RightHealth, "12"},
	{RightEducation, "13-14"},
	{RightCulture, "15"},
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

// ReadInto reports whether the right is not named in the Covenant's text
// but read into its articles by the Committee (water).
func (r Right) ReadInto() bool { return r == RightWater }
