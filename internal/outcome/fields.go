package outcome

import (
	"strings"

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

// L is a text in every pack language. Keeping the three side by side makes a
// missing translation visible in review and lets the reader accept a label of
// any language.
type L struct{ En, Fr, Es string }

// In returns the text in lang (en, fr, es); English for anything else.
func (l L) In(lang string) string {
	switch lang {
	case "fr":
		return l.Fr
	case "es":
		return l.Es
	}
	return l.En
}

// All returns the texts of every language, English first.
func (l L) All() []string { return []string{l.En, l.Fr, l.Es} }

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
	optYes           = Option{Code: Yes, Label: L{"Yes", "Oui", "Sí"}}
	optNo            = Option{Code: No, Label: L{"No", "Non", "No"}}
	optUndecided     = Option{Code: Undecided, Label: L{"Undecided", "Indécis", "Indeciso"}}
	optNoInformation = Option{Code: NoInformation, Label: L{"No information", "Aucune information", "Sin información"}}
	yesNo            = []Option{optYes, optNo}

	hintChoose      = L{"Choose from the list.", "Choisissez dans la liste.", "Elija de la lista."}
	hintPrefilled   = L{"Filled in by the Coalition.", "Rempli par la Coalition.", "Completado por la Coalición."}
	hintWholeNumber = L{"A whole number.", "Un nombre entier.", "Un número entero."}
	hintKnown       = L{"Filled in from the country file; correct it if it changed.",
		"Repris de la fiche pays ; corrigez si cela a changé.",
		"Tomado de la ficha del país; corríjalo si cambió."}
	hintDate           = L{"A date, e.g. 2027-08-05.", "Une date, par ex. 2027-08-05.", "Una fecha, p. ej. 2027-08-05."}
	hintOfParticipants = L{"How many of the participants; leave empty if you do not know.",
		"Combien parmi les participants ; laissez vide si vous ne savez pas.",
		"Cuántos de los participantes; deje vacío si no lo sabe."}
)

// since11 marks what template 1.1 added (SPEC.md v0.2).
const since11 = "1.1"

// formatLabels gives a label to each of model.Formats; formatOptions keeps
// the model's order so the drop-down and the TOML vocabulary agree.
var formatLabels = map[string]L{
	string(model.FormatPublicForum):   {"Public forum", "Forum public", "Foro público"},
	string(model.FormatRoundtable):    {"Roundtable", "Table ronde", "Mesa redonda"},
	string(model.FormatClosedMeeting): {"Closed meeting", "Réunion à huis clos", "Reunión a puerta cerrada"},
	string(model.FormatNone):          {"No event", "Pas d'événement", "Sin evento"},
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
		Section: L{"Country", "Pays", "País"},
		Label:   L{"Country code", "Code du pays", "Código del país"},
		Hint:    hintPrefilled},
	{Name: CountryName, Kind: KindText, Prefilled: true, Required: true, MaxLen: maxText, Sheet: SheetEvent, Row: 6,
		Label: L{"Country", "Pays", "País"},
		Hint:  hintPrefilled},

	{Name: EventHeld, Kind: KindChoice, Required: true, Sheet: SheetEvent, Row: 8,
		Section: L{"The event", "L'événement", "El evento"},
		Label:   L{"Did the event take place?", "L'événement a-t-il eu lieu ?", "¿Se celebró el evento?"},
		Hint:    hintChoose,
		Options: []Option{optYes, optNo, {Code: Postponed, Label: L{"Postponed", "Reporté", "Aplazado"}}}},
	{Name: EventDate, Kind: KindDate, NeededIfHeld: true, Known: true, Sheet: SheetEvent, Row: 9,
		Label: L{"Date of the event", "Date de l'événement", "Fecha del evento"},
		Hint:  hintDate},
	{Name: EventCity, Kind: KindText, NeededIfHeld: true, Known: true, MaxLen: maxText, Sheet: SheetEvent, Row: 10,
		Label: L{"City", "Ville", "Ciudad"},
		Hint:  L{"Where the event took place.", "Où l'événement a eu lieu.", "Dónde se celebró el evento."}},
	{Name: EventFormat, Kind: KindChoice, NeededIfHeld: true, Known: true, Sheet: SheetEvent, Row: 11,
		Label:   L{"Format", "Format", "Formato"},
		Hint:    hintChoose,
		Options: formatOptions()},
	{Name: Participants, Kind: KindInt, NeededIfHeld: true, Min: 0, Max: 100000, Sheet: SheetEvent, Row: 12,
		Label: L{"Number of participants", "Nombre de participants", "Número de participantes"},
		Hint:  hintWholeNumber},
	{Name: Organisations, Kind: KindInt, Min: 0, Max: 10000, Sheet: SheetEvent, Row: 13,
		Label: L{"Number of organisations represented", "Nombre d'organisations représentées", "Número de organizaciones representadas"},
		Hint:  hintWholeNumber},
	{Name: SCMemberPresent, Kind: KindChoice, Sheet: SheetEvent, Row: 14, Since: since11,
		Label:   L{"Was a Steering Committee member present?", "Un membre du Comité de pilotage était-il présent ?", "¿Estuvo presente un miembro del Comité Directivo?"},
		Hint:    hintChoose,
		Options: yesNo},

	participantsBy(ParticipantsGovernment, 16, L{"Government officials", "Représentants du gouvernement", "Funcionarios del gobierno"}),
	participantsBy(ParticipantsParliament, 17, L{"Members of parliament", "Parlementaires", "Parlamentarios"}),
	participantsBy(ParticipantsNHRI, 18, L{"National human rights institution", "Institution nationale des droits de l'homme", "Institución nacional de derechos humanos"}),
	participantsBy(ParticipantsCivil, 19, L{"Civil society organisations", "Organisations de la société civile", "Organizaciones de la sociedad civil"}),
	participantsBy(ParticipantsAffected, 20, L{"People affected by violations", "Personnes touchées par des violations", "Personas afectadas por violaciones"}),
	participantsBy(ParticipantsMedia, 21, L{"Journalists", "Journalistes", "Periodistas"}),
	participantsBy(ParticipantsWomen, 22, L{"Women (of all participants)", "Femmes (parmi tous les participants)", "Mujeres (del total de participantes)"}),

	{Name: AuthorityPresent, Kind: KindChoice, NeededIfHeld: true, Sheet: SheetEvent, Row: 24,
		Section: L{"National authority", "Autorité nationale", "Autoridad nacional"},
		Label:   L{"Was a national authority present?", "Une autorité nationale était-elle présente ?", "¿Estuvo presente una autoridad nacional?"},
		Hint:    hintChoose,
		Options: yesNo},
	{Name: AuthorityName, Kind: KindText, Known: true, MaxLen: maxText, Sheet: SheetEvent, Row: 25,
		Label: L{"Name of the authority", "Nom de l'autorité", "Nombre de la autoridad"},
		Hint:  L{"The person who spoke for the government.", "La personne qui a parlé au nom du gouvernement.", "La persona que habló en nombre del gobierno."}},
	{Name: AuthorityTitle, Kind: KindText, Known: true, MaxLen: maxText, Sheet: SheetEvent, Row: 26,
		Label: L{"Title", "Fonction", "Cargo"},
		Hint:  L{"E.g. Deputy Minister.", "Par ex. vice-ministre.", "P. ej. viceministro."}},
	{Name: AuthorityInstitution, Kind: KindText, Known: true, MaxLen: maxText, Sheet: SheetEvent, Row: 27,
		Label: L{"Institution", "Institution", "Institución"},
		Hint:  L{"E.g. Ministry of Foreign Affairs.", "Par ex. ministère des Affaires étrangères.", "P. ej. Ministerio de Relaciones Exteriores."}},
	{Name: SignPosition, Kind: KindChoice, Required: true, Sheet: SheetEvent, Row: 28,
		Label: L{"Position on signature", "Position sur la signature", "Posición sobre la firma"},
		Hint: L{"What the government said about signing the Protocol. Choose from the list.",
			"Ce que le gouvernement a dit de la signature du Protocole. Choisissez dans la liste.",
			"Lo que dijo el gobierno sobre la firma del Protocolo. Elija de la lista."},
		Options: []Option{
			{Code: HasSigned, Label: L{"Has signed", "A signé", "Ha firmado"}},
			{Code: SignOnSignatureDate, Label: L{"Will sign on the signature date", "Signera à la date de signature", "Firmará en la fecha de la firma"},
				Old: []string{"sign-24-september", "Will sign on 24 September", "Signera le 24 septembre", "Firmará el 24 de septiembre"}},
			{Code: SignLater, Label: L{"Will sign later", "Signera plus tard", "Firmará más adelante"}},
			optUndecided,
			{Code: WillNotSign, Label: L{"Will not sign", "Ne signera pas", "No firmará"}},
			optNoInformation,
		}},
	{Name: RatifyPosition, Kind: KindChoice, Required: true, Sheet: SheetEvent, Row: 29,
		Label: L{"Position on ratification", "Position sur la ratification", "Posición sobre la ratificación"},
		Hint: L{"What the government said about ratifying the Protocol (or acceding to it). Choose from the list.",
			"Ce que le gouvernement a dit de la ratification du Protocole (ou de l'adhésion). Choisissez dans la liste.",
			"Lo que dijo el gobierno sobre la ratificación del Protocolo (o la adhesión). Elija de la lista."},
		Options: []Option{
			{Code: HasRatified, Label: L{"Has ratified or acceded", "A ratifié ou adhéré", "Ha ratificado o se ha adherido"}},
			{Code: RatificationUnderWay, Label: L{"Ratification under way", "Ratification en cours", "Ratificación en curso"}},
			{Code: IntendsToRatify, Label: L{"Intends to ratify", "Entend ratifier", "Tiene intención de ratificar"}},
			optUndecided,
			{Code: Opposed, Label: L{"Opposed", "Opposé", "En contra"}},
			optNoInformation,
		}},
	{Name: PositionBasis, Kind: KindChoice, Sheet: SheetEvent, Row: 30, Since: since11,
		Label: L{"How was the position stated?", "Comment la position a-t-elle été exprimée ?", "¿Cómo se expresó la posición?"},
		Hint: L{"A public statement or letter can be quoted; a private remark cannot.",
			"Une déclaration publique ou une lettre peut être citée ; une remarque privée, non.",
			"Una declaración pública o una carta pueden citarse; un comentario privado, no."},
		Options: []Option{
			{Code: BasisPublicStatement, Label: L{"Public statement", "Déclaration publique", "Declaración pública"}},
			{Code: BasisLetter, Label: L{"Letter", "Lettre", "Carta"}},
			{Code: BasisMeeting, Label: L{"Said in the meeting", "Dit pendant la réunion", "Dicho en la reunión"}},
			{Code: BasisPrivateRemark, Label: L{"Private remark", "Remarque privée", "Comentario privado"}},
		}},
	{Name: PositionPublic, Kind: KindChoice, Sheet: SheetEvent, Row: 31, Since: since11,
		Label: L{"May the report name the government's position?", "Le rapport peut-il citer la position du gouvernement ?", "¿Puede el informe citar la posición del gobierno?"},
		Hint: L{"Yes lets the New York report state the government's position even if the rest of this outcome stays within the Coalition.",
			"Oui permet au rapport de New York d'indiquer la position du gouvernement même si le reste de ce résultat reste au sein de la Coalition.",
			"Sí permite que el informe de Nueva York indique la posición del gobierno aunque el resto de este resultado quede en la Coalición."},
		Options: yesNo},
	{Name: AuthorityStatement, Kind: KindLongText, MaxLen: maxLong, Sheet: SheetEvent, Row: 32,
		Label: L{"What the authority said", "Ce que l'autorité a déclaré", "Lo que declaró la autoridad"},
		Hint: L{"Summarise what was said on the signature date and on ratification.",
			"Résumez ce qui a été dit sur la date de signature et sur la ratification.",
			"Resuma lo dicho sobre la fecha de la firma y sobre la ratificación."}},

	{Name: DeclarationAdopted, Kind: KindChoice, Sheet: SheetEvent, Row: 34, Since: since11,
		Section: L{"Outcome and follow-up", "Résultat et suivi", "Resultado y seguimiento"},
		Label:   L{"Joint declaration", "Déclaration commune", "Declaración conjunta"},
		Hint:    L{"Did the event adopt the campaign's joint declaration?", "L'événement a-t-il adopté la déclaration commune de la campagne ?", "¿Adoptó el evento la declaración conjunta de la campaña?"},
		Options: []Option{
			{Code: DeclarationAdoptedAsIs, Label: L{"Adopted", "Adoptée", "Adoptada"}},
			{Code: DeclarationAdoptedWithChanges, Label: L{"Adopted with changes", "Adoptée avec des modifications", "Adoptada con cambios"}},
			{Code: DeclarationNotAdopted, Label: L{"Not adopted", "Non adoptée", "No adoptada"}},
		}},
	{Name: FollowupDate, Kind: KindDate, Sheet: SheetEvent, Row: 35, Since: since11,
		Label: L{"Date of the next follow-up", "Date du prochain suivi", "Fecha del próximo seguimiento"},
		Hint: L{"When the next meeting or step with the authorities is planned.",
			"Quand la prochaine réunion ou étape avec les autorités est prévue.",
			"Cuándo está prevista la próxima reunión o gestión con las autoridades."}},
	{Name: Media, Kind: KindLongText, MaxLen: maxLong, Sheet: SheetEvent, Row: 36,
		Label: L{"Media coverage", "Couverture médiatique", "Cobertura mediática"},
		Hint: L{"In a few words; list articles and broadcasts on the sheet of media links.",
			"En quelques mots ; listez articles et émissions sur la feuille des liens médias.",
			"En pocas palabras; enumere artículos y emisiones en la hoja de enlaces de prensa."}},
	{Name: SupportRequested, Kind: KindLongText, MaxLen: maxLong, Sheet: SheetEvent, Row: 37,
		Label: L{"Support requested from the Coalition", "Soutien demandé à la Coalition", "Apoyo solicitado a la Coalición"},
		Hint:  L{"What would help you next.", "Ce qui vous aiderait pour la suite.", "Lo que les ayudaría a continuación."}},
	{Name: Sharing, Kind: KindChoice, Required: true, Sheet: SheetEvent, Row: 38,
		Label: L{"How may the Coalition share this outcome?", "Comment la Coalition peut-elle partager ce résultat ?", "¿Cómo puede la Coalición compartir este resultado?"},
		Hint: L{"Public; coalition only (never published); anonymised (published as \"a country in your region\").",
			"Public ; coalition uniquement (jamais publié) ; anonymisé (publié comme « un pays de votre région »).",
			"Público; solo la coalición (nunca se publica); anonimizado (se publica como «un país de su región»)."},
		Options: []Option{
			{Code: SharingPublic, Label: L{"Public", "Public", "Público"}},
			{Code: SharingCoalitionOnly, Label: L{"Coalition only", "Coalition uniquement", "Solo la coalición"}},
			{Code: SharingAnonymised, Label: L{"Anonymised", "Anonymisé", "Anonimizado"}},
		}},

	{Name: SubmittedBy, Kind: KindText, Required: true, MaxLen: maxText, Sheet: SheetEvent, Row: 40,
		Section: L{"Submitted by", "Soumis par", "Enviado por"},
		Label:   L{"Your name", "Votre nom", "Su nombre"},
		Hint:    L{"Who filled in this workbook.", "Qui a rempli ce classeur.", "Quién completó este libro."}},
	{Name: SubmitterOrganisation, Kind: KindText, MaxLen: maxText, Sheet: SheetEvent, Row: 41,
		Label: L{"Organisation", "Organisation", "Organización"},
		Hint:  L{"Your organisation.", "Votre organisation.", "Su organización."}},
	{Name: SubmitterEmail, Kind: KindEmail, Required: true, MaxLen: maxEm, Sheet: SheetEvent, Row: 42,
		Label: L{"E-mail", "Courriel", "Correo electrónico"},
		Hint:  L{"So that the Coalition can reach you.", "Pour que la Coalition puisse vous joindre.", "Para que la Coalición pueda contactarle."}},
	{Name: SubmittedOn, Kind: KindDate, Sheet: SheetEvent, Row: 43,
		Label: L{"Date", "Date", "Fecha"},
		Hint:  L{"The date you send the workbook.", "La date d'envoi du classeur.", "La fecha de envío del libro."}},
}

// Tables is the one list of outcome tables, each on its own sheet so that it
// can grow downward without running into another.
var Tables = []Table{
	{Name: TableOpportunities, Sheet: TableOpportunities, HeaderRow: 4, Rows: 10,
		Title: L{"Opportunities", "Opportunités", "Oportunidades"},
		Intro: L{"Openings for signature and ratification that came up in the discussion, one per row.",
			"Les ouvertures pour la signature et la ratification évoquées lors de la discussion, une par ligne.",
			"Las oportunidades para la firma y la ratificación surgidas en el debate, una por fila."},
		Columns: []Column{
			{Key: ColOpportunity, Kind: KindText, Required: true, MaxLen: 1000, Width: 70,
				Header: L{"Opportunity", "Opportunité", "Oportunidad"}},
			{Key: ColWhoCanAct, Kind: KindText, MaxLen: maxText, Width: 40,
				Header: L{"Who can act", "Qui peut agir", "Quién puede actuar"}},
		}},
	{Name: TableChallenges, Sheet: TableChallenges, HeaderRow: 4, Rows: 10,
		Title: L{"Challenges", "Défis", "Desafíos"},
		Intro: L{"Obstacles to signature and ratification, one per row, with their type.",
			"Les obstacles à la signature et à la ratification, un par ligne, avec leur type.",
			"Los obstáculos a la firma y la ratificación, uno por fila, con su tipo."},
		Columns: []Column{
			{Key: ColChallenge, Kind: KindText, Required: true, MaxLen: 1000, Width: 70,
				Header: L{"Challenge", "Défi", "Desafío"}},
			{Key: ColChallengeType, Kind: KindChoice, Width: 24,
				Header: L{"Type", "Type", "Tipo"},
				Hint:   hintChoose,
				Options: []Option{
					{Code: ChallengePolitical, Label: L{"Political", "Politique", "Político"}},
					{Code: ChallengeLegal, Label: L{"Legal", "Juridique", "Jurídico"}},
					{Code: ChallengeResources, Label: L{"Resources", "Ressources", "Recursos"}},
					{Code: ChallengeAwareness, Label: L{"Awareness", "Sensibilisation", "Sensibilización"}},
					{Code: ChallengeOther, Label: L{"Other", "Autre", "Otro"}},
				}},
		}},
	{Name: TableNextSteps, Sheet: TableNextSteps, HeaderRow: 4, Rows: 15,
		Title: L{"Next steps", "Prochaines étapes", "Próximos pasos"},
		Intro: L{"What will be done, by whom and by when; say where the Coalition's support is needed.",
			"Ce qui sera fait, par qui et pour quand ; indiquez où le soutien de la Coalition est nécessaire.",
			"Qué se hará, quién y para cuándo; indique dónde se necesita el apoyo de la Coalición."},
		Columns: []Column{
			{Key: ColAction, Kind: KindText, Required: true, MaxLen: 1000, Width: 60,
				Header: L{"Action", "Action", "Acción"}},
			{Key: ColResponsible, Kind: KindText, MaxLen: maxText, Width: 30,
				Header: L{"Responsible", "Responsable", "Responsable"}},
			{Key: ColDeadline, Kind: KindDate, Width: 16,
				Header: L{"Deadline", "Échéance", "Plazo"},
				Hint:   L{"A date, e.g. 2027-09-24.", "Une date, par ex. 2027-09-24.", "Una fecha, p. ej. 2027-09-24."}},
			{Key: ColCoalitionSupport, Kind: KindChoice, Width: 22, Options: yesNo,
				Header: L{"Coalition support", "Soutien de la Coalition", "Apoyo de la Coalición"},
				Hint:   hintChoose},
		}},
	{Name: TableCasesRaised, Sheet: TableCasesRaised, HeaderRow: 4, Rows: 10,
		Title: L{"Cases raised", "Cas évoqués", "Casos planteados"},
		Intro: L{"Cases of the briefing discussed at the event (choose from the list) and what was said.",
			"Les cas du dossier discutés lors de l'événement (choisissez dans la liste) et ce qui en a été dit.",
			"Los casos del dosier tratados en el evento (elija de la lista) y lo que se dijo."},
		Columns: []Column{
			{Key: ColCase, Kind: KindCase, Required: true, MaxLen: maxText, Width: 50,
				Header: L{"Case", "Cas", "Caso"},
				Hint: L{"A case of the briefing, or type another.", "Un cas du dossier, ou saisissez-en un autre.",
					"Un caso del dosier, o escriba otro."}},
			{Key: ColNotes, Kind: KindText, MaxLen: 1000, Width: 70,
				Header: L{"Notes", "Notes", "Notas"}},
		}},
	{Name: TableAuthorities, Sheet: TableAuthorities, HeaderRow: 4, Rows: 8, Since: since11,
		Title: L{"Authorities", "Autorités", "Autoridades"},
		Intro: L{"Other authorities who took part (officials, members of parliament, the national human rights institution), with the position each stated.",
			"Les autres autorités présentes (responsables, parlementaires, institution nationale des droits de l'homme), avec la position exprimée par chacune.",
			"Las demás autoridades presentes (funcionarios, parlamentarios, institución nacional de derechos humanos), con la posición que expresó cada una."},
		Columns: []Column{
			{Key: ColName, Kind: KindText, Required: true, MaxLen: maxText, Width: 30,
				Header: L{"Name", "Nom", "Nombre"}},
			{Key: ColTitle, Kind: KindText, MaxLen: maxText, Width: 28,
				Header: L{"Title", "Fonction", "Cargo"}},
			{Key: ColInstitution, Kind: KindText, MaxLen: maxText, Width: 34,
				Header: L{"Institution", "Institution", "Institución"}},
			{Key: ColPositionStated, Kind: KindText, MaxLen: 1000, Width: 50,
				Header: L{"Position stated", "Position exprimée", "Posición expresada"}},
		}},
	{Name: TableCommitments, Sheet: TableCommitments, HeaderRow: 4, Rows: 10, Since: since11,
		Title: L{"Commitments", "Engagements", "Compromisos"},
		Intro: L{"Commitments made at the event: who committed to what, and by when.",
			"Les engagements pris lors de l'événement : qui s'est engagé à quoi, et pour quand.",
			"Los compromisos asumidos en el evento: quién se comprometió a qué, y para cuándo."},
		Columns: []Column{
			{Key: ColWho, Kind: KindText, Required: true, MaxLen: maxText, Width: 32,
				Header: L{"Who", "Qui", "Quién"}},
			{Key: ColWhat, Kind: KindText, Required: true, MaxLen: 1000, Width: 64,
				Header: L{"What", "Quoi", "Qué"}},
			{Key: ColByWhen, Kind: KindDate, Width: 16,
				Header: L{"By when", "Pour quand", "Para cuándo"},
				Hint:   hintDate},
		}},
	{Name: TableMediaLinks, Sheet: TableMediaLinks, HeaderRow: 4, Rows: 10, Since: since11,
		Title: L{"Media links", "Liens médias", "Enlaces de prensa"},
		Intro: L{"Articles, broadcasts and posts about the event, one per row.",
			"Les articles, émissions et publications sur l'événement, un par ligne.",
			"Los artículos, emisiones y publicaciones sobre el evento, uno por fila."},
		Columns: []Column{
			{Key: ColOutlet, Kind: KindText, Required: true, MaxLen: maxText, Width: 32,
				Header: L{"Outlet", "Média", "Medio"}},
			{Key: ColLink, Kind: KindText, MaxLen: 2000, Width: 60,
				Header: L{"Link", "Lien", "Enlace"},
				Hint:   L{"The web address, e.g. https://…", "L'adresse web, par ex. https://…", "La dirección web, p. ej. https://…"}},
			{Key: ColReach, Kind: KindText, MaxLen: maxText, Width: 28,
				Header: L{"Reach", "Audience", "Alcance"},
				Hint: L{"E.g. national daily, local radio, 2,000 views.", "Par ex. quotidien national, radio locale, 2 000 vues.",
					"P. ej. diario nacional, radio local, 2.000 visualizaciones."}},
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
