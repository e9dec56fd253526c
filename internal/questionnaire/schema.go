package questionnaire

import (
	"strings"

	"opkit/internal/model"
)

// Kind is how one key of the country file is typed into a cell and read back.
type Kind int

const (
	KText   Kind = iota // one line of text
	KProse              // a paragraph (a tall, wrapped cell)
	KInt                // a whole number
	KBool               // Yes / No drop-down
	KDate               // a civil date
	KClock              // a time of day, HH:MM
	KChoice             // one code of a closed list, as a drop-down of labels
	KCodes              // several codes of a closed list, separated by ";" or new lines
	KLines              // a list of texts, one per line of the cell
	KLangs              // ISO 639-1 language codes, separated by commas
	KFlag               // Yes / No: whether Member is in the list at Go
)

// Item is one key of countries/CC.toml as the questionnaire holds it. Key is
// the TOML key inside its table ("stance"), Go the path of the model field
// it fills, relative to model.Country for scalars and to the row's struct
// for table columns ("Stance", "Event.City"). The model walk in the tests
// compares the Go paths with model.Country, so a key added to the model
// cannot be forgotten here.
type Item struct {
	Key      string
	Go       string
	Kind     Kind
	Options  func() []string // the codes of a KChoice or KCodes list
	OptGroup string          // catalogue group of the options' labels ("stance")
	Member   string          // KFlag: the code added to the list when Yes
	Required bool
	// RequiredUnless names a scalar key and a code: the item is required
	// unless that key holds that code (event.date unless format = none).
	RequiredUnless [2]string
	Locked         bool // pre-filled by opkit and not to be changed (the code)
	Width          float64
}

// Section is a [table] of the country file laid out on the Country sheet.
type Section struct {
	Table string // "country", "event", ...
	Items []Item
}

// Table is an array of tables ([[cases]]) or a list of texts (gaps) laid out
// as an Excel table on its own sheet.
type Table struct {
	Name string // Excel table and sheet code: "Cases"
	Key  string // TOML path of the array: "cases", "event.authorities"
	Go   string // path of the slice in model.Country: "Cases"
	// Parent, for a nested array (indicators inside situation.rights), is
	// the table whose rows hold it, and ParentKey the column of this table
	// that names the parent row by that row's ParentKey value.
	Parent, ParentKey string
	// List is true for a list of texts: one column, each row one entry.
	List    bool
	Columns []Item
}

// yesNo are the codes of a Yes / No drop-down.
var yesNo = func() []string { return []string{"yes", "no"} }

func codes(list []string) func() []string { return func() []string { return list } }

// Sections and Tables are the questionnaire's one field table: the writer
// lays them out, the reader reads them back and the TOML writer names the
// keys from them.
var Sections = []Section{
	{Table: "country", Items: []Item{
		{Key: "code", Go: "Code", Kind: KText, Required: true, Locked: true},
		{Key: "name", Go: "Name", Kind: KText},
		{Key: "region", Go: "Region", Kind: KChoice, Options: codes(model.Regions), OptGroup: "region", Required: true},
		{Key: "language", Go: "Language", Kind: KChoice, Options: codes(model.Languages), OptGroup: "language", Required: true},
		{Key: "stance", Go: "Stance", Kind: KChoice, Options: codes(model.Stances), OptGroup: "stance", Required: true},
		{Key: "visibility", Go: "Visibility", Kind: KChoice, Options: codes(model.Visibilities), OptGroup: "visibility", Required: true},
		{Key: "phase", Go: "Phase", Kind: KChoice, Options: codes(model.Phases), OptGroup: "phase", Required: true},
	}},
	{Table: "event", Items: []Item{
		{Key: "format", Go: "Event.Format", Kind: KChoice, Options: codes(model.Formats), OptGroup: "format", Required: true},
		{Key: "date", Go: "Event.Date", Kind: KDate, RequiredUnless: [2]string{"event.format", "none"}},
		{Key: "start", Go: "Event.Start", Kind: KClock},
		{Key: "city", Go: "Event.City", Kind: KText},
		{Key: "venue", Go: "Event.Venue", Kind: KText},
		{Key: "expected_participants", Go: "Event.ExpectedParticipants", Kind: KInt},
		{Key: "languages", Go: "Event.Languages", Kind: KLangs},
		{Key: "request_sc_member", Go: "Event.RequestSCMember", Kind: KBool},
	}},
	{Table: "situation", Items: []Item{
		{Key: "summary", Go: "Situation.Summary", Kind: KProse},
	}},
	{Table: "remedies", Items: []Item{
		{Key: "summary", Go: "Remedies.Summary", Kind: KProse},
		{Key: "constitution_escr", Go: "Remedies.ConstitutionESCR", Kind: KChoice, Options: codes(model.ConstitutionESCRs), OptGroup: "constitution"},
	}},
	{Table: "politics", Items: []Item{
		{Key: "public_summary", Go: "Politics.PublicSummary", Kind: KProse},
		{Key: "summary", Go: "Politics.Summary", Kind: KProse},
		{Key: "icescr", Go: "Politics.ICESCR", Kind: KChoice, Options: codes(model.ICESCRStatuses), OptGroup: "icescr"},
		{Key: "op_status", Go: "Politics.OPStatus", Kind: KChoice, Options: codes(model.OPStatuses), OptGroup: "op"},
		{Key: "op_status_date", Go: "Politics.OPStatusDate", Kind: KDate},
		{Key: "op_declarations.art10", Go: "Politics.OPDeclarations", Kind: KFlag, Member: string(model.DeclarationArt10)},
		{Key: "op_declarations.art11", Go: "Politics.OPDeclarations", Kind: KFlag, Member: string(model.DeclarationArt11)},
		{Key: "other_complaint_procedures", Go: "Politics.OtherComplaintProcedures", Kind: KLines},
		{Key: "responsible_institutions", Go: "Politics.ResponsibleInstitutions", Kind: KLines},
		{Key: "obstacles", Go: "Politics.Obstacles", Kind: KLines},
		{Key: "allies", Go: "Politics.Allies", Kind: KLines},
	}},
}

var Tables = []Table{
	{Name: "Partners", Key: "partners", Go: "Partners", Columns: []Item{
		{Key: "name", Go: "Name", Kind: KText, Required: true, Width: 40},
		{Key: "contact", Go: "Contact", Kind: KText, Width: 28},
		{Key: "email", Go: "Email", Kind: KText, Width: 30},
		{Key: "lead", Go: "Lead", Kind: KBool, Width: 14},
	}},
	{Name: "Authorities", Key: "event.authorities", Go: "Event.Authorities", Columns: []Item{
		{Key: "name", Go: "Name", Kind: KText, Required: true, Width: 30},
		{Key: "title", Go: "Title", Kind: KText, Width: 30},
		{Key: "institution", Go: "Institution", Kind: KText, Width: 34},
		{Key: "status", Go: "Status", Kind: KChoice, Options: codes(model.AuthorityStatuses), OptGroup: "authority", Required: true, Width: 18},
	}},
	{Name: "Sessions", Key: "event.sessions", Go: "Event.Sessions", Columns: []Item{
		{Key: "title", Go: "Title", Kind: KText, Required: true, Width: 50},
		{Key: "minutes", Go: "Minutes", Kind: KInt, Required: true, Width: 14},
		{Key: "speaker", Go: "Speaker", Kind: KText, Width: 34},
	}},
	{Name: "Rights", Key: "situation.rights", Go: "Situation.Rights", Columns: []Item{
		{Key: "right", Go: "Right", Kind: KChoice, Options: model.RightCodes, OptGroup: "right", Required: true, Width: 34},
		{Key: "summary", Go: "Summary", Kind: KProse, Required: true, Width: 80},
	}},
	{Name: "Indicators", Key: "situation.rights.indicators", Go: "Situation.Rights[].Indicators",
		Parent: "Rights", ParentKey: "right", Columns: []Item{
			{Key: "right", Kind: KChoice, Options: model.RightCodes, OptGroup: "right", Required: true, Width: 30},
			{Key: "name", Go: "Name", Kind: KText, Required: true, Width: 40},
			{Key: "value", Go: "Value", Kind: KText, Required: true, Width: 18},
			{Key: "year", Go: "Year", Kind: KInt, Width: 10},
			{Key: "source", Go: "Source", Kind: KProse, Width: 40},
		}},
	{Name: "Cases", Key: "cases", Go: "Cases", Columns: []Item{
		{Key: "id", Go: "ID", Kind: KText, Required: true, Width: 12},
		{Key: "title", Go: "Title", Kind: KText, Required: true, Width: 34},
		{Key: "date", Go: "Date", Kind: KDate, Width: 13},
		{Key: "location", Go: "Location", Kind: KText, Width: 20},
		{Key: "rights", Go: "Rights", Kind: KCodes, Options: model.RightCodes, OptGroup: "right", Width: 28},
		{Key: "summary", Go: "Summary", Kind: KProse, Required: true, Width: 60},
		{Key: "victims", Go: "Victims", Kind: KProse, Width: 34},
		{Key: "remedies_tried", Go: "RemediesTried", Kind: KProse, Width: 40},
		{Key: "op_relevance", Go: "OPRelevance", Kind: KProse, Width: 40},
		{Key: "confidentiality", Go: "Confidentiality", Kind: KChoice, Options: codes(model.Confidentialities), OptGroup: "confidentiality", Required: true, Width: 24},
		{Key: "sources", Go: "Sources", Kind: KLines, Width: 40},
	}},
	{Name: "Mechanisms", Key: "remedies.mechanisms", Go: "Remedies.Mechanisms", Columns: []Item{
		{Key: "name", Go: "Name", Kind: KText, Required: true, Width: 40},
		{Key: "kind", Go: "Kind", Kind: KChoice, Options: codes(model.MechanismKinds), OptGroup: "mechanism", Required: true, Width: 28},
		{Key: "effective", Go: "Effective", Kind: KChoice, Options: codes(model.Effectivenesses), OptGroup: "effective", Width: 14},
		{Key: "notes", Go: "Notes", Kind: KProse, Width: 60},
	}},
	{Name: "Gaps", Key: "remedies.gaps", Go: "Remedies.Gaps", List: true, Columns: []Item{
		{Key: "gap", Kind: KProse, Required: true, Width: 100},
	}},
	{Name: "Upcoming", Key: "politics.upcoming", Go: "Politics.Upcoming", Columns: []Item{
		{Key: "date", Go: "Date", Kind: KDate, Required: true, Width: 14},
		{Key: "what", Go: "What", Kind: KProse, Required: true, Width: 80},
	}},
}

// DefinedName is the workbook-scoped name of a scalar: q_event_city.
func DefinedName(table, key string) string { return namePrefix + table + "_" + key }

// Path is the dotted key of a scalar or a column: "event.city", "cases.title".
func Path(table, key string) string { return table + "." + key }

const (
	namePrefix      = "q_"
	nameVersion     = "q_template_version"
	nameID          = "q_questionnaire_id"
	TemplateVersion = "1.0"
)

// item finds a scalar by its dotted path.
func item(path string) (*Section, *Item) {
	table, key, _ := strings.Cut(path, ".")
	for i := range Sections {
		if Sections[i].Table != table {
			continue
		}
		for j := range Sections[i].Items {
			if Sections[i].Items[j].Key == key {
				return &Sections[i], &Sections[i].Items[j]
			}
		}
	}
	return nil, nil
}
