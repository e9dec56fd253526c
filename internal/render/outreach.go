package render

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"opkit/internal/model"
	"opkit/internal/names"
)

// Outreach is what the documents the government and the public read
// receive: invitation.md.tmpl, declaration.md.tmpl, press.md.tmpl and
// letter.md.tmpl. It is built from what may leave the partners' hands —
// the event, the partners' names and contacts, the country's public treaty
// status — and holds no stance, triage, political reading, obstacle, ally
// or case, so an edited template cannot print them.
type Outreach struct {
	Lang     string
	Campaign CampaignText
	// Country is the country's name as its own pack writes it; Of is the
	// UN short name after "of" in the pack's language, with its article
	// ("of Ukraine", "du Sénégal", "de la Côte d'Ivoire", "del Ecuador"),
	// for "the Government of ...".
	Country string
	Of      string
	Code    string
	Event   PublicEvent

	// Lead is the lead partner (who signs the letters), nil when the file
	// names no partner; Partners are every partner in file order, and
	// PartnerNames their names.
	Lead         *model.Partner
	Partners     []model.Partner
	PartnerNames []string

	// Addressees are the people an invitation goes to, one letter each:
	// the authorities invited or confirmed, in file order, or, when none
	// is named (or all declined), the Minister for Foreign Affairs.
	Addressees []Addressee
	// Speaker is the confirmed national authority, or nil.
	Speaker *model.Authority
	// Assigned is the Steering Committee member the plan sends, or nil.
	Assigned *model.SCMember
	// AuthoritySlot is the agenda's session for the authority, nil when a
	// country's own agenda has none.
	AuthoritySlot *Slot

	// Call is what the documents ask the government to do.
	Call Call
	// Treaty is where the Protocol stands for the campaign and the
	// country (TreatyFor), the same value the briefing and agenda read.
	Treaty Treaty

	LowProfile  bool
	PublicForum bool
	// AfterGathering: the event falls after the New York gathering, so
	// its results go to the Coalition's follow-up.
	AfterGathering bool
}

// CampaignText is the campaign in the pack's language.
type CampaignText struct {
	Name, Coalition, SignatureVenue, Contact string
	SignatureDate, GatheringDate, ReturnsDue model.Date
}

// PublicEvent is the national event as an invitation states it.
type PublicEvent struct {
	Date                 model.Date
	Start                model.Clock
	HasStart             bool
	City, Venue          string
	Format               model.Format
	ExpectedParticipants int
}

// publicEvent is the event as every public document states it.
func publicEvent(e *model.Event) PublicEvent {
	return PublicEvent{
		Date: e.Date, Start: e.Start, HasStart: e.HasStart,
		City: e.City, Venue: e.Venue, Format: e.Format,
		ExpectedParticipants: e.ExpectedParticipants,
	}
}

// Addressee is one recipient of an invitation.
type Addressee struct {
	Name, Title, Institution string
	Confirmed                bool
	// Ministry: no authority is named, so the letter goes to the Minister
	// for Foreign Affairs: the minister who signs treaties without full
	// powers (Vienna Convention, Art. 7) and whose ministry prepares a
	// signature at the treaty event.
	Ministry bool
}

// Call is what the government is asked to do, from the country's status
// under the Protocol (SPEC.md: not signed -> sign, signature stays open,
// or accede; signed -> ratify; party -> the Arts. 10 and 11 declarations
// and implementation) and under the Covenant (Art. 17: signature is open
// to States that signed, ratified or acceded to the Covenant; ratification
// and accession only to its parties). Exactly one of Sign, Ratify, Party.
type Call struct {
	Status     model.OPStatus
	StatusDate model.Date

	Sign   bool // not signed
	Ratify bool // signed, not yet bound
	Party  bool // ratified or acceded

	// AtTreatyEvent: the event comes before the signature date, so the
	// call names that day; after it, signature stays open (Art. 17).
	AtTreatyEvent bool
	// MayAccede: not signed and a party to the Covenant, so it may also
	// join in one step.
	MayAccede bool
	// CovenantParty, CovenantSigned, CovenantNone: the Covenant status.
	// CovenantSigned may sign the Protocol but must ratify the Covenant to
	// ratify it; CovenantNone must first sign or join the Covenant.
	CovenantParty, CovenantSigned, CovenantNone bool
	// Declarations are the opt-in declarations already made; Missing those
	// still to make (on ratification, or now for a party).
	Declarations, Missing []model.Declaration
}

// OutreachData builds the data of the government's and the public's
// documents of a country's pack. assigned is the Steering Committee
// member the plan sends (nil: none).
func OutreachData(ws *model.Workspace, c *model.Country, assigned *model.SCMember) *Outreach {
	lang := c.Language
	camp := &ws.Campaign
	o := &Outreach{
		Lang:        lang,
		Campaign:    campaignText(camp, lang, c.Event.Date),
		Country:     CountryName(c, lang),
		Of:          countryOf(c.Code, lang),
		Code:        c.Code,
		Event:       publicEvent(&c.Event),
		Lead:        c.LeadPartner(),
		Partners:    c.Partners,
		Speaker:     c.Event.ConfirmedAuthority(),
		Assigned:    assigned,
		Treaty:      TreatyFor(camp, c, lang),
		LowProfile:  c.LowProfile(),
		PublicForum: c.Event.Format == model.FormatPublicForum,
	}
	o.Call = callFor(camp, c, o.Treaty)
	for _, p := range c.Partners {
		o.PartnerNames = append(o.PartnerNames, p.Name)
	}
	if !c.Event.Date.IsZero() && !camp.GatheringDate.IsZero() {
		o.AfterGathering = c.Event.Date.After(camp.GatheringDate)
	}
	for _, a := range c.Event.Authorities {
		if a.Status == model.AuthorityDeclined {
			continue
		}
		o.Addressees = append(o.Addressees, Addressee{Name: a.Name, Title: a.Title, Institution: a.Institution, Confirmed: a.Status == model.AuthorityConfirmed})
	}
	if len(o.Addressees) == 0 {
		o.Addressees = []Addressee{{Ministry: true}}
	}
	for _, s := range AgendaFor(ws, c, assigned).Sessions {
		if s.Key == "authority" {
			o.AuthoritySlot = &s
		}
	}
	return o
}

// callFor reads the call off the one treaty computation (TreatyFor), so
// that the declaration asks what the briefing explains.
func callFor(camp *model.Campaign, c *model.Country, t Treaty) Call {
	k := Call{
		Status:         t.Status,
		StatusDate:     t.StatusDate,
		Sign:           t.NotSigned,
		Ratify:         t.Signed,
		Party:          t.Party,
		MayAccede:      t.MayAccede,
		CovenantParty:  t.CovenantParty,
		CovenantSigned: t.CovenantSigned,
		CovenantNone:   t.CovenantNone,
		AtTreatyEvent:  !camp.SignatureDate.IsZero() && !t.AfterSignatureDate,
		Declarations:   c.Politics.OPDeclarations,
	}
	for _, d := range []model.Declaration{model.DeclarationArt10, model.DeclarationArt11} {
		if !slices.Contains(k.Declarations, d) {
			k.Missing = append(k.Missing, d)
		}
	}
	return k
}

// campaignText is the campaign as a document in lang prints it, for a
// country whose event is on event. A returns deadline before the event (a
// late event) is left out: its texts then ask for the outcome without a
// date that has passed.
func campaignText(camp *model.Campaign, lang string, event model.Date) CampaignText {
	due := camp.ReturnsDue
	if !event.IsZero() && due.Before(event) {
		due = model.Date{}
	}
	return CampaignText{
		Name: camp.Name.In(lang), Coalition: camp.Coalition.In(lang), SignatureVenue: camp.SignatureVenue.In(lang), Contact: camp.Contact,
		SignatureDate: camp.SignatureDate, GatheringDate: camp.GatheringDate, ReturnsDue: due,
	}
}

// countryOf puts "of" before the country's UN short name, contracted with
// the article UNTERM gives it: French de + le = du, de + les = des, d'
// before a vowel or a mute h; Spanish de + el = del. Other languages get
// the name alone: their templates build the phrase their own way.
func countryOf(code, lang string) string {
	name, art := names.Country(code, lang), names.Article(code, lang)
	switch lang {
	case "en":
		if art != "" {
			return "of " + art + " " + name
		}
		return "of " + name
	case "fr":
		switch art {
		case "le":
			return "du " + name
		case "les":
			return "des " + name
		case "la":
			return "de la " + name
		case "l'", "l’":
			return "de l'" + name
		}
		if r, _ := utf8.DecodeRuneInString(name); strings.ContainsRune("AEIOUYÉÈÊÎÔÀH", unicode.ToUpper(r)) {
			return "d'" + name
		}
		return "de " + name
	case "es":
		switch art {
		case "el":
			return "del " + name
		case "":
			return "de " + name
		}
		return "de " + art + " " + name
	case "pt":
		// UNTERM has no Portuguese column, so no article: the few
		// countries whose Portuguese name takes one are listed.
		switch strings.ToUpper(code) {
		case "BR", "CD", "CG", "JP", "MX", "PE", "PY", "UY", "US", "GB", "NL", "PH", "VA", "CA", "CL", "CU", "EC", "EG", "LB", "MA", "NP", "PK", "QA", "SN", "SD", "TD", "VN", "YE", "KW", "IQ", "IR":
			return "do " + name
		case "GW", "GQ", "AO", "AR", "AU", "AT", "BE", "BG", "BO", "CN", "CO", "HR", "DK", "ES", "EE", "ET", "FI", "FR", "GR", "GN", "GY", "HU", "IN", "ID", "IE", "IT", "JM", "JO", "LY", "MY", "MR", "NI", "NO", "NZ", "PL", "RO", "RU", "SE", "CH", "SY", "SO", "TH", "TN", "TR", "UA", "VE", "ZM", "DE", "DZ", "GE", "AM", "AF", "AL", "SA", "BY", "BA", "KH", "KZ", "KE", "KG", "LV", "LT", "MK", "MD", "MN", "NG", "NA", "PS", "RS", "SK", "SI", "LK", "TZ", "UG", "UZ", "ZA", "EH", "GM", "GF", "MG":
			return "da " + name
		}
		return "de " + name
	}
	return name
}
