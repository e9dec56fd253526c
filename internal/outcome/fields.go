package outcome

import (
	"strings"

	"opkit/internal/i18n"
	"opkit/internal/model"
)

// TemplateVersion is written into every workbook (defined name
// op_template_version). Read refuses workbooks whose major version differs,
// because their names may mean something else; a lower minor version is an
// earlier template whose names all kept their meaning (1.0: opkit 0.1; 1.1
// added the fields and tables whose Since is "1.1").
const TemplateVersion = "1.1"

// Kind is the type of a field's value, which decides its validation when
// written and its parsing when read.
type Kind int

const (
	KindText     Kind = iota // one line of text
	KindLongText             // a paragraph: wrapped, taller cell
	KindDate                 // a civil date, read back as YYYY-MM-DD
	KindInt                  // a whole number within Min..Max
	KindChoice               // one option of a closed list, read back as its code
	KindEmail                // an e-mail address
	KindCase                 // a case id of the country's briefing (open list)
)

var kindNames = [...]string{"text", "longtext", "date", "int", "choice", "email", "case"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind?"
}

// L is a text of the workbook, named by its catalogue key
// ("outcome.did-event-take-place"); the words of every language are in
// internal/i18n/catalog. The reader accepts a label of any language.
type L string

// In returns the text in lang; English for a language opkit does not write.
func (l L) In(lang string) string {
	if l == "" {
		return ""
	}
	return i18n.T(lang, string(l))
}

// All returns the texts of every language, English first.
func (l L) All() []string {
	out := make([]string, len(i18n.Languages))
	for i, lang := range i18n.Languages {
		out[i] = l.In(lang)
	}
	return out
}

// Option is one entry of a drop-down: a stable code stored and compared by
// every program, and the label partners see.
type Option struct {
	Code  string
	Label L
	// Old are codes and labels of earlier templates that still mean this
	// option ("Will sign on 24 September" in a return made with 1.0).
	Old []string
}

// Field is one scalar input of the outcome workbook, reachable through the
// workbook-scoped defined name Name.
type Field struct {
	Name     string // defined name, "op_sign_position"
	Kind     Kind
	Label    L
	Hint     L // input prompt shown when the cell is selected
	Options  []Option
	Required bool
	// NeededIfHeld marks fields a held event should have: empty while
	// op_event_held is "yes" gives a warning, not an error, since partners
	// may not know every figure.
	NeededIfHeld bool
	Prefilled    bool // written by opkit and locked (the country)
	// Known marks fields opkit pre-fills from the country file when it
	// knows them (event date, city, format, confirmed authority); the
	// partner may change them.
	Known bool
	// Since is the template version that added the field; a return made
	// with an earlier template lacks its name without anything being wrong.
	Since    string
	MaxLen   int // in characters; 0 for dates, numbers and choices
	Min, Max int // KindInt bounds
	Sheet    string
	Row      int // the row on Sheet; the input is in column InputCol
	Section  L   // heading written above the field when it starts a section
}

// Column is one column of an outcome table. Rows read back are keyed by Key.
type Column struct {
	Key      string
	Kind     Kind
	Header   L
	Hint     L
	Options  []Option
	Required bool // a row with any value must have this column filled
	MaxLen   int
	Width    float64
}

// Table is one Excel table of the workbook, found by Name when read.
type Table struct {
	Name      string // Excel table name, "NextSteps"
	Since     string // the template version that added it, as Field.Since
	Sheet     string
	Title     L
	Intro     L
	HeaderRow int // the table's header row; data starts below it
	Rows      int // empty rows written, the room partners see
	Columns   []Column
}

// Sheet names, localised per pack language. Readers never rely on them:
// they resolve defined and table names, so a partner renaming a sheet breaks
// nothing.
const (
	SheetInstructions = "Instructions"
	SheetEvent        = "Event"
	SheetLists        = "Lists"
	SheetMeta         = "Meta"
)

// InputCol is the column of every scalar input on the event sheet; labels
// stand in column A and hints in column C.
const InputCol = "B"

// Defined names. Every other package names fields through these constants.
const (
	CountryCode             = "op_country_code"
	CountryName             = "op_country_name"
	EventHeld               = "op_event_held"
	EventDate               = "op_event_date"
	EventCity               = "op_event_city"
	EventFormat             = "op_event_format"
	Participants            = "op_participants"
	Organisations           = "op_organisations"
	AuthorityPresent        = "op_authority_present"
	AuthorityName           = "op_authority_name"
	AuthorityTitle          = "op_authority_title"
	AuthorityInstitution    = "op_authority_institution"
	SignPosition            = "op_sign_position"
	RatifyPosition          = "op_ratify_position"
	PositionBasis           = "op_position_basis"
	PositionPublic          = "op_position_public"
	AuthorityStatement      = "op_authority_statement"
	DeclarationAdopted      = "op_declaration_adopted"
	SCMemberPresent         = "op_sc_member_present"
	ParticipantsGovernment  = "op_participants_government"
	ParticipantsParliament  = "op_participants_parliament"
	ParticipantsNHRI        = "op_participants_nhri"
	ParticipantsCivil       = "op_participants_civil_society"
	ParticipantsAffected    = "op_participants_affected"
	ParticipantsMedia       = "op_participants_media"
	ParticipantsWomen       = "op_participants_women"
	FollowupDate            = "op_followup_date"
	Media                   = "op_media"
	SupportRequested        = "op_support_requested"
	Sharing                 = "op_sharing"
	SubmittedBy             = "op_submitted_by"
	SubmitterOrganisation   = "op_submitter_organisation"
	SubmitterEmail          = "op_submitter_email"
	SubmittedOn             = "op_submitted_on"
	NameTemplateVersion     = "op_template_version"
	NamePackID              = "op_pack_id"
	namePrefix              = "op_"
	maxText, maxLong, maxEm = 200, 4000, 254
)

// Table names and their column keys.
const (
	TableOpportunities = "Opportunities"
	TableChallenges    = "Challenges"
	TableNextSteps     = "NextSteps"
	TableCasesRaised   = "CasesRaised"
	TableAuthorities   = "Authorities"
	TableCommitments   = "Commitments"
	TableMediaLinks    = "MediaLinks"

	ColOpportunity      = "opportunity"
	ColWhoCanAct        = "who_can_act"
	ColChallenge        = "challenge"
	ColChallengeType    = "type"
	ColAction           = "action"
	ColResponsible      = "responsible"
	ColDeadline         = "deadline"
	ColCoalitionSupport = "coalition_support"
	ColCase             = "case"
	ColNotes            = "notes"
	ColName             = "name"
	ColTitle            = "title"
	ColInstitution      = "institution"
	ColPositionStated   = "position_stated"
	ColWho              = "who"
	ColWhat             = "what"
	ColByWhen           = "by_when"
	ColOutlet           = "outlet"
	ColLink             = "link"
	ColReach            = "reach"
)

// Option codes the report and the intake compare against.
const (
	Yes       = "yes"
	No        = "no"
	Postponed = "postponed"

	HasSigned           = "has-signed"
	SignOnSignatureDate = "sign-on-signature-date"
	SignLater           = "sign-later"
	Undecided           = "undecided"
	WillNotSign         = "will-not-sign"
	NoInformation       = "no-information"
	// SignOn24September is the name SignOnSignatureDate had in opkit 0.1.
	//
	// Deprecated: use SignOnSignatureDate.
	SignOn24September = SignOnSignatureDate

	HasRatified          = "has-ratified"
	RatificationUnderWay = "ratification-under-way"
	IntendsToRatify      = "intends-to-ratify"
	Opposed              = "opposed"

	BasisPublicStatement = "public-statement"
	BasisLetter          = "letter"
	BasisMeeting         = "said-in-meeting"
	BasisPrivateRemark   = "private-remark"

	DeclarationAdoptedAsIs        = "adopted"
	DeclarationAdoptedWithChanges = "adopted-with-changes"
	DeclarationNotAdopted         = "not-adopted"

	SharingPublic        = "public"
	SharingCoalitionOnly = "coalition-only"
	SharingAnonymised    = "anonymised"

	ChallengePolitical = "political"
	ChallengeLegal     = "legal"
	ChallengeResources = "resources"
	ChallengeAwareness = "awareness"
	ChallengeOther     = "other"
)

var (
	optYes           = Option{Code: Yes, Label: L("outcome.yes")}
	optNo            = Option{Code: No, Label: L("outcome.no")}
	optUndecided     = Option{Code: Undecided, Label: L("outcome.undecided")}
	optNoInformation = Option{Code: NoInformation, Label: L("outcome.no-information")}
	yesNo            = []Option{optYes, optNo}

	hintChoose         = L("outcome.choose-from-list")
	hintPrefilled      = L("outcome.filled-by-coalition")
	hintWholeNumber    = L("outcome.whole-number")
	hintKnown          = L("outcome.filled-from-country-file-correct")
	hintDate           = L("outcome.hint-date")
	hintOfParticipants = L("outcome.how-many-participants-leave-empty")
)

// since11 marks what template 1.1 added (SPEC.md v0.2).
const since11 = "1.1"

// formatLabels gives a label to each of model.Formats; formatOptions keeps
// the model's order so the drop-down and the TOML vocabulary agree.
var formatLabels = map[string]L{
	string(model.FormatPublicForum):   "outcome.public-forum",
	string(model.FormatRoundtable):    "outcome.roundtable",
	string(model.FormatClosedMeeting): "outcome.closed-meeting",
	string(model.FormatNone):          "outcome.no-event",
}

func formatOptions() []Option {
	out := make([]Option, 0, len(model.Formats))
	for _, f := range model.Formats {
		out = append(out, Option{Code: f, Label: formatLabels[f]})
	}
	return out
}

// participantsBy is a count of one kind of participant.
func participantsBy(name string, row int, label L) Field {
	return Field{Name: name, Kind: KindInt, Min: 0, Max: 100000, Sheet: SheetEvent, Row: row, Since: since11,
		Label: label, Hint: hintOfParticipants}
}

// Fields is the one table of scalar fields. Write lays them out, Read
// resolves and parses them, the report takes its columns from it.
var Fields = []Field{
	{Name: CountryCode, Kind: KindText, Prefilled: true, Required: true, MaxLen: 2, Sheet: SheetEvent, Row: 5,
		Section: L("outcome.country"),
		Label:   L("outcome.country-code"),
		Hint:    hintPrefilled},
	{Name: CountryName, Kind: KindText, Prefilled: true, Required: true, MaxLen: maxText, Sheet: SheetEvent, Row: 6,
		Label: L("outcome.country"),
		Hint:  hintPrefilled},

	{Name: EventHeld, Kind: KindChoice, Required: true, Sheet: SheetEvent, Row: 8,
		Section: L("outcome.event"),
		Label:   L("outcome.did-event-take-place"),
		Hint:    hintChoose,
		Options: []Option{optYes, optNo, {Code: Postponed, Label: L("outcome.postponed")}}},
	{Name: EventDate, Kind: KindDate, NeededIfHeld: true, Known: true, Sheet: SheetEvent, Row: 9,
		Label: L("outcome.date-event"),
		Hint:  hintDate},
	{Name: EventCity, Kind: KindText, NeededIfHeld: true, Known: true, MaxLen: maxText, Sheet: SheetEvent, Row: 10,
		Label: L("outcome.city"),
		Hint:  L("outcome.where-event-took-place")},
	{Name: EventFormat, Kind: KindChoice, NeededIfHeld: true, Known: true, Sheet: SheetEvent, Row: 11,
		Label:   L("outcome.format"),
		Hint:    hintChoose,
		Options: formatOptions()},
	{Name: Participants, Kind: KindInt, NeededIfHeld: true, Min: 0, Max: 100000, Sheet: SheetEvent, Row: 12,
		Label: L("outcome.number-participants"),
		Hint:  hintWholeNumber},
	{Name: Organisations, Kind: KindInt, Min: 0, Max: 10000, Sheet: SheetEvent, Row: 13,
		Label: L("outcome.number-organisations-represented"),
		Hint:  hintWholeNumber},
	{Name: SCMemberPresent, Kind: KindChoice, Sheet: SheetEvent, Row: 14, Since: since11,
		Label:   L("outcome.was-steering-committee-member-present"),
		Hint:    hintChoose,
		Options: yesNo},

	participantsBy(ParticipantsGovernment, 16, L("outcome.government-officials")),
	participantsBy(ParticipantsParliament, 17, L("outcome.members-parliament")),
	participantsBy(ParticipantsNHRI, 18, L("outcome.national-human-rights-institution")),
	participantsBy(ParticipantsCivil, 19, L("outcome.civil-society-organisations")),
	participantsBy(ParticipantsAffected, 20, L("outcome.people-affected-by-violations")),
	participantsBy(ParticipantsMedia, 21, L("outcome.journalists")),
	participantsBy(ParticipantsWomen, 22, L("outcome.women-all-participants")),

	{Name: AuthorityPresent, Kind: KindChoice, NeededIfHeld: true, Sheet: SheetEvent, Row: 24,
		Section: L("outcome.national-authority"),
		Label:   L("outcome.was-national-authority-present"),
		Hint:    hintChoose,
		Options: yesNo},
	{Name: AuthorityName, Kind: KindText, Known: true, MaxLen: maxText, Sheet: SheetEvent, Row: 25,
		Label: L("outcome.name-authority"),
		Hint:  L("outcome.person-who-spoke-for-government")},
	{Name: AuthorityTitle, Kind: KindText, Known: true, MaxLen: maxText, Sheet: SheetEvent, Row: 26,
		Label: L("outcome.title"),
		Hint:  L("outcome.title-example")},
	{Name: AuthorityInstitution, Kind: KindText, Known: true, MaxLen: maxText, Sheet: SheetEvent, Row: 27,
		Label: L("outcome.institution"),
		Hint:  L("outcome.institution-example")},
	{Name: SignPosition, Kind: KindChoice, Required: true, Sheet: SheetEvent, Row: 28,
		Label: L("outcome.position-signature"),
		Hint:  L("outcome.what-government-said-about-signing"),
		Options: []Option{
			{Code: HasSigned, Label: L("outcome.has-signed")},
			{Code: SignOnSignatureDate, Label: L("outcome.will-sign-signature-date"),
				Old: []string{"sign-24-september", "Will sign on 24 September", "Signera le 24 septembre", "Firmará el 24 de septiembre"}},
			{Code: SignLater, Label: L("outcome.will-sign-later")},
			optUndecided,
			{Code: WillNotSign, Label: L("outcome.will-not-sign")},
			optNoInformation,
		}},
	{Name: RatifyPosition, Kind: KindChoice, Required: true, Sheet: SheetEvent, Row: 29,
		Label: L("outcome.position-ratification"),
		Hint:  L("outcome.what-government-said-about-ratifying"),
		Options: []Option{
			{Code: HasRatified, Label: L("outcome.has-ratified-acceded")},
			{Code: RatificationUnderWay, Label: L("outcome.ratification-under-way")},
			{Code: IntendsToRatify, Label: L("outcome.intends-ratify")},
			optUndecided,
			{Code: Opposed, Label: L("outcome.opposed")},
			optNoInformation,
		}},
	{Name: PositionBasis, Kind: KindChoice, Sheet: SheetEvent, Row: 30, Since: since11,
		Label: L("outcome.how-was-position-stated"),
		Hint:  L("outcome.public-statement-letter-can-be"),
		Options: []Option{
			{Code: BasisPublicStatement, Label: L("outcome.public-statement")},
			{Code: BasisLetter, Label: L("outcome.letter")},
			{Code: BasisMeeting, Label: L("outcome.said-meeting")},
			{Code: BasisPrivateRemark, Label: L("outcome.private-remark")},
		}},
	{Name: PositionPublic, Kind: KindChoice, Sheet: SheetEvent, Row: 31, Since: since11,
		Label:   L("outcome.may-report-name-governments-position"),
		Hint:    L("outcome.yes-lets-new-york-report"),
		Options: yesNo},
	{Name: AuthorityStatement, Kind: KindLongText, MaxLen: maxLong, Sheet: SheetEvent, Row: 32,
		Label: L("outcome.what-authority-said"),
		Hint:  L("outcome.summarise-what-was-said-signature")},

	{Name: DeclarationAdopted, Kind: KindChoice, Sheet: SheetEvent, Row: 34, Since: since11,
		Section: L("outcome.outcome-follow-up"),
		Label:   L("outcome.joint-declaration"),
		Hint:    L("outcome.did-event-adopt-campaigns-joint"),
		Options: []Option{
			{Code: DeclarationAdoptedAsIs, Label: L("outcome.adopted")},
			{Code: DeclarationAdoptedWithChanges, Label: L("outcome.adopted-with-changes")},
			{Code: DeclarationNotAdopted, Label: L("outcome.not-adopted")},
		}},
	{Name: FollowupDate, Kind: KindDate, Sheet: SheetEvent, Row: 35, Since: since11,
		Label: L("outcome.date-next-follow-up"),
		Hint:  L("outcome.when-next-meeting-step-with")},
	{Name: Media, Kind: KindLongText, MaxLen: maxLong, Sheet: SheetEvent, Row: 36,
		Label: L("outcome.media-coverage"),
		Hint:  L("outcome.few-words-list-articles-broadcasts")},
	{Name: SupportRequested, Kind: KindLongText, MaxLen: maxLong, Sheet: SheetEvent, Row: 37,
		Label: L("outcome.support-requested-from-coalition"),
		Hint:  L("outcome.what-would-help-you-next")},
	{Name: Sharing, Kind: KindChoice, Required: true, Sheet: SheetEvent, Row: 38,
		Label: L("outcome.how-may-coalition-share-this"),
		Hint:  L("outcome.public-coalition-only-never-published"),
		Options: []Option{
			{Code: SharingPublic, Label: L("outcome.public")},
			{Code: SharingCoalitionOnly, Label: L("outcome.coalition-only")},
			{Code: SharingAnonymised, Label: L("outcome.anonymised")},
		}},

	{Name: SubmittedBy, Kind: KindText, Required: true, MaxLen: maxText, Sheet: SheetEvent, Row: 40,
		Section: L("outcome.submitted-by"),
		Label:   L("outcome.your-name"),
		Hint:    L("outcome.who-filled-this-workbook")},
	{Name: SubmitterOrganisation, Kind: KindText, MaxLen: maxText, Sheet: SheetEvent, Row: 41,
		Label: L("outcome.organisation"),
		Hint:  L("outcome.your-organisation")},
	{Name: SubmitterEmail, Kind: KindEmail, Required: true, MaxLen: maxEm, Sheet: SheetEvent, Row: 42,
		Label: L("outcome.email"),
		Hint:  L("outcome.so-that-coalition-can-reach")},
	{Name: SubmittedOn, Kind: KindDate, Sheet: SheetEvent, Row: 43,
		Label: L("outcome.date"),
		Hint:  L("outcome.date-you-send-workbook")},
}

// Tables is the one list of outcome tables, each on its own sheet so that it
// can grow downward without running into another.
var Tables = []Table{
	{Name: TableOpportunities, Sheet: TableOpportunities, HeaderRow: 4, Rows: 10,
		Title: L("outcome.opportunities"),
		Intro: L("outcome.openings-for-signature-ratification-that"),
		Columns: []Column{
			{Key: ColOpportunity, Kind: KindText, Required: true, MaxLen: 1000, Width: 70,
				Header: L("outcome.opportunity")},
			{Key: ColWhoCanAct, Kind: KindText, MaxLen: maxText, Width: 40,
				Header: L("outcome.who-can-act")},
		}},
	{Name: TableChallenges, Sheet: TableChallenges, HeaderRow: 4, Rows: 10,
		Title: L("outcome.challenges"),
		Intro: L("outcome.obstacles-signature-ratification-one-per"),
		Columns: []Column{
			{Key: ColChallenge, Kind: KindText, Required: true, MaxLen: 1000, Width: 70,
				Header: L("outcome.challenge")},
			{Key: ColChallengeType, Kind: KindChoice, Width: 24,
				Header: L("outcome.type"),
				Hint:   hintChoose,
				Options: []Option{
					{Code: ChallengePolitical, Label: L("outcome.political")},
					{Code: ChallengeLegal, Label: L("outcome.legal")},
					{Code: ChallengeResources, Label: L("outcome.resources")},
					{Code: ChallengeAwareness, Label: L("outcome.awareness")},
					{Code: ChallengeOther, Label: L("outcome.other")},
				}},
		}},
	{Name: TableNextSteps, Sheet: TableNextSteps, HeaderRow: 4, Rows: 15,
		Title: L("outcome.next-steps"),
		Intro: L("outcome.what-will-be-done-by"),
		Columns: []Column{
			{Key: ColAction, Kind: KindText, Required: true, MaxLen: 1000, Width: 60,
				Header: L("outcome.action")},
			{Key: ColResponsible, Kind: KindText, MaxLen: maxText, Width: 30,
				Header: L("outcome.responsible")},
			{Key: ColDeadline, Kind: KindDate, Width: 16,
				Header: L("outcome.deadline"),
				Hint:   L("outcome.hint-deadline")},
			{Key: ColCoalitionSupport, Kind: KindChoice, Width: 22, Options: yesNo,
				Header: L("outcome.coalition-support"),
				Hint:   hintChoose},
		}},
	{Name: TableCasesRaised, Sheet: TableCasesRaised, HeaderRow: 4, Rows: 10,
		Title: L("outcome.cases-raised"),
		Intro: L("outcome.cases-briefing-discussed-at-event"),
		Columns: []Column{
			{Key: ColCase, Kind: KindCase, Required: true, MaxLen: maxText, Width: 50,
				Header: L("outcome.case"),
				Hint:   L("outcome.case-briefing-type-another")},
			{Key: ColNotes, Kind: KindText, MaxLen: 1000, Width: 70,
				Header: L("outcome.notes")},
		}},
	{Name: TableAuthorities, Sheet: TableAuthorities, HeaderRow: 4, Rows: 8, Since: since11,
		Title: L("outcome.authorities"),
		Intro: L("outcome.other-authorities-who-took-part"),
		Columns: []Column{
			{Key: ColName, Kind: KindText, Required: true, MaxLen: maxText, Width: 30,
				Header: L("outcome.name")},
			{Key: ColTitle, Kind: KindText, MaxLen: maxText, Width: 28,
				Header: L("outcome.title")},
			{Key: ColInstitution, Kind: KindText, MaxLen: maxText, Width: 34,
				Header: L("outcome.institution")},
			{Key: ColPositionStated, Kind: KindText, MaxLen: 1000, Width: 50,
				Header: L("outcome.position-stated")},
		}},
	{Name: TableCommitments, Sheet: TableCommitments, HeaderRow: 4, Rows: 10, Since: since11,
		Title: L("outcome.commitments"),
		Intro: L("outcome.commitments-made-at-event-who"),
		Columns: []Column{
			{Key: ColWho, Kind: KindText, Required: true, MaxLen: maxText, Width: 32,
				Header: L("outcome.who")},
			{Key: ColWhat, Kind: KindText, Required: true, MaxLen: 1000, Width: 64,
				Header: L("outcome.what")},
			{Key: ColByWhen, Kind: KindDate, Width: 16,
				Header: L("outcome.by-when"),
				Hint:   hintDate},
		}},
	{Name: TableMediaLinks, Sheet: TableMediaLinks, HeaderRow: 4, Rows: 10, Since: since11,
		Title: L("outcome.media-links"),
		Intro: L("outcome.articles-broadcasts-posts-about-event"),
		Columns: []Column{
			{Key: ColOutlet, Kind: KindText, Required: true, MaxLen: maxText, Width: 32,
				Header: L("outcome.outlet")},
			{Key: ColLink, Kind: KindText, MaxLen: 2000, Width: 60,
				Header: L("outcome.link"),
				Hint:   L("outcome.hint-link")},
			{Key: ColReach, Kind: KindText, MaxLen: maxText, Width: 28,
				Header: L("outcome.reach"),
				Hint:   L("outcome.reach-examples")},
		}},
}

// TableRangeName is the defined name written over a table's range, the
// reader's fallback when a program drops the table itself.
func TableRangeName(table string) string { return outcomeSchema.TableRangeName(table) }

// FieldByName returns the scalar field with the defined name, or nil.
func FieldByName(name string) *Field {
	for i := range Fields {
		if strings.EqualFold(Fields[i].Name, name) {
			return &Fields[i]
		}
	}
	return nil
}

// TableByName returns the table with the name (case ignored, as Excel does),
// or nil.
func TableByName(name string) *Table {
	for i := range Tables {
		if strings.EqualFold(Tables[i].Name, name) {
			return &Tables[i]
		}
	}
	return nil
}

// Column returns the table's column with the key, or nil.
func (t *Table) Column(key string) *Column {
	for i := range t.Columns {
		if t.Columns[i].Key == key {
			return &t.Columns[i]
		}
	}
	return nil
}

// OptionByCode returns the option with the code, or nil.
func OptionByCode(opts []Option, code string) *Option {
	for i := range opts {
		if opts[i].Code == code {
			return &opts[i]
		}
	}
	return nil
}

// OptionLabel returns the label of code in lang, or the code itself when it
// is not an option (a typed-over value kept as text).
func OptionLabel(opts []Option, code, lang string) string {
	if o := OptionByCode(opts, code); o != nil {
		return o.Label.In(lang)
	}
	return code
}

// Display returns the text to show for a value read back: the option's
// label in lang when the value is coded, the text as the partner typed it
// otherwise.
func Display(opts []Option, v model.Value, lang string) string {
	if v.Coded {
		if o := OptionByCode(opts, v.Text); o != nil {
			return o.Label.In(lang)
		}
	}
	return v.Text
}

// Lookup finds the option whose code or label in any language matches s,
// ignoring case, accents, spaces and punctuation.
func Lookup(opts []Option, s string) (*Option, bool) {
	k := fold(s)
	if k == "" {
		return nil, false
	}
	for i := range opts {
		if fold(opts[i].Code) == k {
			return &opts[i], true
		}
		for _, l := range append(opts[i].Label.All(), opts[i].Old...) {
			if fold(l) == k {
				return &opts[i], true
			}
		}
	}
	return nil, false
}

// fold reduces a label to the letters and digits that identify it, so that
// "Will sign on 24 September", "will sign on 24  september" and
// "WILL-SIGN-ON-24-SEPTEMBER" meet, and so do "Réunion" and "reunion".
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if f, ok := accentFold[r]; ok {
			r = f
		}
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r > 0x7f && !isSpaceOrPunct(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isSpaceOrPunct(r rune) bool {
	switch r {
	case '\u00a0', '\u2009', '\u202f', '«', '»', '¿', '¡', '\u2013', '\u2014', '\u2019', '\u201c', '\u201d':
		return true
	}
	return false
}

var accentFold = map[rune]rune{
	'à': 'a', 'á': 'a', 'â': 'a', 'ä': 'a', 'ã': 'a',
	'ç': 'c', 'è': 'e', 'é': 'e', 'ê': 'e', 'ë': 'e',
	'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i', 'ñ': 'n',
	'ò': 'o', 'ó': 'o', 'ô': 'o', 'ö': 'o', 'õ': 'o',
	'ù': 'u', 'ú': 'u', 'û': 'u', 'ü': 'u', 'œ': 'o', 'ÿ': 'y',
}
