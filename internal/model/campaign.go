package model

// Campaign is campaign.toml: the dates and people every country shares.
type Campaign struct {
	Name           string
	Coalition      string
	SignatureDate  Date
	SignatureVenue string
	GatheringDate  Date // the New York gathering where results are presented
	EventWindow    Period
	Language       string // language of the cross-country outputs (plan, report)
	Contact        string
	ReturnsDue     Date // by when partners send the outcome workbook back
	Steering       []SCMember
}

// SCMember is a Steering Committee member who can attend national events.
type SCMember struct {
	ID           string
	Name         string
	Organisation string
	Languages    []string // ISO 639-1
	Regions      []string
	Available    []Period
	MaxEvents    int
}

// AvailableOn reports whether the member is free on d.
func (m SCMember) AvailableOn(d Date) bool {
	for _, p := range m.Available {
		if p.Contains(d) {
			return true
		}
	}
	return false
}
