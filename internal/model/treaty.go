package model

import "time"

// The Optional Protocol's own dates (FACTS.md §1): facts of the tool, not
// inputs. Every text about where the Protocol stands follows from them, the
// campaign's signature date and the country's own status.
var (
	// OpenedForSignature: the Protocol opened for signature at the 2009
	// treaty event in New York (General Assembly resolution A/RES/63/117
	// of 10 December 2008 adopted it).
	OpenedForSignature = Date{2009, time.September, 24}
	// Adopted: General Assembly resolution A/RES/63/117.
	Adopted = Date{2008, time.December, 10}
	// EnteredIntoForce: three months after the tenth ratification or
	// accession (Art. 18(1)); Uruguay deposited it on 5 February 2013.
	EnteredIntoForce = Date{2013, time.May, 5}
)

// InForceFor gives the date the Protocol enters into force for a State that
// deposits its instrument of ratification or accession on deposit: three
// months after it (Art. 18(2)), and never before the Protocol's own entry
// into force (the first ten States waited for 5 May 2013).
func InForceFor(deposit Date) Date {
	m := deposit.Month + 3
	y := deposit.Year
	if m > time.December {
		m -= 12
		y++
	}
	// 30 November + three months is the last day of February, not March.
	last := Date{y, m, 1}.Time().AddDate(0, 1, -1).Day()
	d := Date{y, m, min(deposit.Day, last)}
	if d.Before(EnteredIntoForce) {
		return EnteredIntoForce
	}
	return d
}
