package render

import (
	"opkit/internal/model"
	"opkit/internal/triage"
)

// Ask is what every text of a pack asks of the government, derived from
// the country's own status under the Protocol and its Covenant status, and
// from whether the work comes before or after the campaign's signature
// date. It is computed from facts anyone may know, never from the
// Coalition's reading of the government, so the participants' handout can
// branch on it.
type Ask string

const (
	// AskSign: the State has not signed and the campaign's treaty event is
	// ahead: sign there (a party to the Covenant may also accede in one
	// step).
	AskSign Ask = "sign"
	// AskSignOrAccede: the signature date has passed and the State has not
	// signed. Signature stays open (Art. 17 sets no closing date); a party
	// to the Covenant may also accede.
	AskSignOrAccede Ask = "sign-or-accede"
	// AskRatify: the State has signed; only ratification opens the
	// procedure to people under its jurisdiction.
	AskRatify Ask = "ratify"
	// AskImplement: the State is a party: the declarations of Arts. 10 and
	// 11, implementation, and making the procedure known and used.
	AskImplement Ask = "implement"
)

// Treaty is where the Protocol stands, for the campaign and for one
// country: the one computation every text of a pack derives from, so that
// the briefing, the agenda and the declaration cannot disagree on whether
// the Protocol "opens for signature", is in force, or binds the State.
type Treaty struct {
	// The Protocol's own dates (model.OpenedForSignature, EnteredIntoForce).
	Adopted, Opened, InForceSince model.Date
	// SignatureDate is the campaign's: the treaty event the campaign works
	// toward. Opening: it is the day the Protocol opened for signature
	// (24 September 2009), so texts say it "opens for signature" then.
	// Later: a treaty event after that day, when the Protocol has long
	// been open for signature and States sign, ratify or accede.
	SignatureDate model.Date
	Venue         string
	Opening       bool
	Later         bool
	// InForce: the Protocol is in force at the campaign's signature date
	// (on or after 5 May 2013); before that, texts say it enters into force
	// three months after the tenth ratification or accession.
	InForce bool

	// The country's status under the Protocol ("none" when the file does
	// not say). Signed: signed and not yet a party.
	Status         model.OPStatus
	StatusDate     model.Date
	NotSigned      bool
	Signed         bool
	Party          bool
	Ratified       bool
	Acceded        bool
	Art10, Art11   bool
	NoDeclarations bool // a party with neither declaration
	// InForceForState is the date the Protocol binds a party (Art. 18(2):
	// three months after its deposit, never before 5 May 2013); zero for a
	// State that is not a party. BindingAtEvent: that date has come by the
	// event (or the signature date when there is no event date).
	InForceForState model.Date
	BindingAtEvent  bool

	// The Covenant (Art. 17): a signatory or party of the Covenant may
	// sign the Protocol; only a party may ratify or accede.
	CovenantParty, CovenantSigned, CovenantNone bool
	// MaySign: the State has not signed and the Covenant lets it sign.
	// MayAccede: the State has not signed and is a party to the Covenant.
	// MayRatify: the State has signed and is a party to the Covenant.
	MaySign, MayAccede, MayRatify bool

	// AfterSignatureDate: the work comes after the campaign's signature
	// date (phase ratification, or an event after it).
	AfterSignatureDate bool
	Ask                Ask
}

// TreatyFor computes the treaty status of a country in a campaign. lang
// picks the campaign's venue text.
func TreatyFor(camp *model.Campaign, c *model.Country, lang string) Treaty {
	t := Treaty{
		Adopted:       model.Adopted,
		Opened:        model.OpenedForSignature,
		InForceSince:  model.EnteredIntoForce,
		SignatureDate: camp.SignatureDate,
		Venue:         camp.SignatureVenue.In(lang),
	}
	if !t.SignatureDate.IsZero() {
		t.Opening = t.SignatureDate == model.OpenedForSignature
		t.Later = t.SignatureDate.After(model.OpenedForSignature)
		t.InForce = !t.SignatureDate.Before(model.EnteredIntoForce)
	}
	p := c.Politics
	t.Status = p.OPStatus
	if t.Status == "" {
		t.Status = model.OPNone
	}
	t.StatusDate = p.OPStatusDate
	t.Party = t.Status.Party()
	t.Ratified = t.Status == model.OPRatified
	t.Acceded = t.Status == model.OPAcceded
	t.Signed = t.Status == model.OPSigned
	t.NotSigned = t.Status == model.OPNone
	if t.Party {
		for _, d := range p.OPDeclarations {
			t.Art10 = t.Art10 || d == model.DeclarationArt10
			t.Art11 = t.Art11 || d == model.DeclarationArt11
		}
		t.NoDeclarations = !t.Art10 && !t.Art11
		if !t.StatusDate.IsZero() {
			t.InForceForState = model.InForceFor(t.StatusDate)
			ref := c.Event.Date
			if ref.IsZero() {
				ref = t.SignatureDate
			}
			t.BindingAtEvent = !ref.IsZero() && !ref.Before(t.InForceForState)
		} else {
			// A party with no date given: it has joined, so it is bound.
			t.BindingAtEvent = true
		}
	}
	switch p.ICESCR {
	case model.ICESCRRatified:
		t.CovenantParty = true
	case model.ICESCRSigned:
		t.CovenantSigned = true
	case model.ICESCRNone:
		t.CovenantNone = true
	default:
		// Not said: most States are parties, and the texts must not tell a
		// party it cannot join. The loader does not require the key, so
		// the briefing treats silence as party (the starter asks for it).
		t.CovenantParty = true
	}
	t.MaySign = t.NotSigned && (t.CovenantParty || t.CovenantSigned)
	t.MayAccede = t.NotSigned && t.CovenantParty
	t.MayRatify = t.Signed && t.CovenantParty
	t.AfterSignatureDate = triage.AfterSignature(c, camp)
	switch {
	case t.Party:
		t.Ask = AskImplement
	case t.Signed:
		t.Ask = AskRatify
	case t.AfterSignatureDate:
		t.Ask = AskSignOrAccede
	default:
		t.Ask = AskSign
	}
	return t
}

// CaseView is a case as a briefing shows it, with what the time rule of
// Art. 3(2)(b) means for it.
type CaseView struct {
	model.Case
	// BeforeInForce: the facts (the case's date) come before the Protocol
	// is in force for the State, or the State is not yet bound at all, so a
	// communication could address them only if they continue after that
	// date.
	BeforeInForce bool
	// Restricted marks a case for the organisers' edition only.
	Restricted bool
}

func caseViews(cases []model.Case, t Treaty) []CaseView {
	out := make([]CaseView, len(cases))
	for i, k := range cases {
		before := !t.Party
		if t.Party && !t.InForceForState.IsZero() && !k.Date.IsZero() {
			before = k.Date.Before(t.InForceForState)
		}
		out[i] = CaseView{Case: k, BeforeInForce: before, Restricted: k.Confidentiality == model.ConfidentialityRestricted}
	}
	return out
}
