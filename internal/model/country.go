package model

// Country is one countries/CC.toml file.
type Country struct {
	Code string // ISO 3166-1 alpha-2, upper case ("AR")
	// Name is the partner's own spelling, used in its own pack only; it may
	// be empty. Every other document names the country from its code.
	Name       string
	Region     Region
	Language   string // pack language: one of Languages
	Stance     Stance
	Visibility Visibility
	Phase      Phase

	Partners  []Partner
	Event     Event
	Situation Situation
	Cases     []Case
	Remedies  Remedies
	Politics  Politics

	// File is the path the country was read from, relative to the workspace
	// ("countries/ar.toml"); diagnostics name it.
	File string
	// Texts lists every string value of the file with its key path and
	// position, so that later stages (the font check) can point at the
	// exact key of a value they cannot use.
	Texts []Text
}

// Text is one string value of an input file and where it stands.
type Text struct {
	Key   string // key path, e.g. "cases[2].title" (1-based index)
	Line  int
	Col   int
	Value string
}

// LowProfile reports whether the partner needs a low profile.
func (c *Country) LowProfile() bool { return c.Visibility == VisibilityLowProfile }

// LeadPartner is the partner marked lead, else the first, else nil.
func (c *Country) LeadPartner() *Partner {
	for i := range c.Partners {
		if c.Partners[i].Lead {
			return &c.Partners[i]
		}
	}
	if len(c.Partners) > 0 {
		return &c.Partners[0]
	}
	return nil
}

// CasesUpTo returns the cases whose confidentiality is at most level:
// public < event < restricted.
func (c *Country) CasesUpTo(level Confidentiality) []Case {
	rank := map[Confidentiality]int{ConfidentialityPublic: 0, ConfidentialityEvent: 1, ConfidentialityRestricted: 2}
	var out []Case
	for _, k := range c.Cases {
		if rank[k.Confidentiality] <= rank[level] {
			out = append(out, k)
		}
	}
	return out
}

// HasRestricted reports whether any case is restricted.
func (c *Country) HasRestricted() bool {
	for _, k := range c.Cases {
		if k.Confidentiality == ConfidentialityRestricted {
			return true
		}
	}
	return false
}

// Partner is a partner organisation running the national event.
type Partner struct {
	Name    string
	Contact string
	Email   string
	Lead    bool
}

// Event is the national event.
type Event struct {
	Date                 Date
	Start                Clock
	HasStart             bool
	City                 string
	Venue                string
	Format               Format
	ExpectedParticipants int
	Languages            []string
	RequestSCMember      bool
	Authorities          []Authority
	Sessions             []Session // empty: the default agenda
}

// Authority is a national authority invited to state the government's plans.
type Authority struct {
	Name        string
	Title       string
	Institution string
	Status      AuthorityStatus
}

// ConfirmedAuthority returns the first confirmed authority, or nil.
func (e *Event) ConfirmedAuthority() *Authority {
	for i := range e.Authorities {
		if e.Authorities[i].Status == AuthorityConfirmed {
			return &e.Authorities[i]
		}
	}
	return nil
}

// Invited returns the authorities invited who have not answered yet.
func (e *Event) Invited() []Authority {
	var out []Authority
	for _, a := range e.Authorities {
		if a.Status == AuthorityInvited {
			out = append(out, a)
		}
	}
	return out
}

// Session is one item of a custom agenda.
type Session struct {
	Title   string
	Minutes int
	Speaker string
}

// Situation is the state of economic, social and cultural rights.
type Situation struct {
	Summary string
	Rights  []RightSituation
}

// RightSituation describes one right in the country.
type RightSituation struct {
	Right      Right
	Summary    string
	Indicators []Indicator
}

// Indicator is one figure backing a situation summary.
type Indicator struct {
	Name   string
	Value  string
	Year   int
	Source string
}

// Case is a violation the Protocol could address.
type Case struct {
	ID              string
	Title           string
	Date            Date
	Location        string
	Rights          []Right
	Summary         string
	Victims         string
	RemediesTried   string
	OPRelevance     string
	Confidentiality Confidentiality
	Sources         []string
}

// Remedies describes domestic remedies and their gaps.
type Remedies struct {
	Summary string
	// ConstitutionESCR is how far courts can enforce these rights from the
	// constitution ("" when the file does not say).
	ConstitutionESCR ConstitutionESCR
	Mechanisms       []Mechanism
	Gaps             []string
}

// Mechanism is one domestic remedy mechanism.
type Mechanism struct {
	Name      string
	Kind      MechanismKind
	Effective Effectiveness
	Notes     string
}

// Politics is the political context. Summary, Obstacles and Allies are the
// organisers' reading and never reach a participants' document;
// PublicSummary is what may be printed for everyone in the room.
type Politics struct {
	PublicSummary            string
	Summary                  string
	ICESCR                   ICESCRStatus
	OPStatus                 OPStatus // "" when the file does not say: read as none
	OPStatusDate             Date     // the date of the act OPStatus names
	OPDeclarations           []Declaration
	OtherComplaintProcedures []string
	ResponsibleInstitutions  []string
	Obstacles                []string
	Allies                   []string
	Upcoming                 []Milestone
}

// Milestone is an upcoming political date.
type Milestone struct {
	Date Date
	What string
}

// Workspace is a loaded, validated workspace.
type Workspace struct {
	Root      string // folder on disk ("" for the embedded demo)
	Campaign  Campaign
	Countries []Country // sorted by code
}

// Country returns the country with the code (upper case), or nil.
func (w *Workspace) Country(code string) *Country {
	for i := range w.Countries {
		if w.Countries[i].Code == code {
			return &w.Countries[i]
		}
	}
	return nil
}
