package model

import (
	"slices"
	"sort"
)

// Campaign is campaign.toml: the dates and people every country shares.
type Campaign struct {
	// Name, Coalition and SignatureVenue are printed in every pack, so
	// they may be given per language.
	Name           Localized
	Coalition      Localized
	SignatureDate  Date // the treaty event governments are asked to sign or ratify at
	SignatureVenue Localized
	GatheringDate  Date // the New York gathering where results are presented
	EventWindow    Period
	Language       string // language of the cross-country outputs (plan, report)
	Contact        string
	ReturnsDue     Date // by when partners send the outcome workbook back
	Steering       []SCMember
}

// Localized is a text given either once for every language or by language
// (campaign.toml: name = "..." or name = { en = "...", fr = "..." }). The
// key "" holds the one-string form. An empty Localized is false in a
// template's {{if}} and {{with}}, as an empty string is.
type Localized map[string]string

// OneText is a Localized of one string for every language.
func OneText(s string) Localized {
	if s == "" {
		return nil
	}
	return Localized{"": s}
}

// In gives the text for a document in lang: the text written for lang,
// else the one-string form, else the English one, else the first language
// in alphabetical order (check warns when a document's language is
// missing, so this last resort is never silent).
func (l Localized) In(lang string) string {
	if s, ok := l[lang]; ok {
		return s
	}
	if s, ok := l[""]; ok {
		return s
	}
	if s, ok := l["en"]; ok {
		return s
	}
	if ls := l.Languages(); len(ls) > 0 {
		return l[ls[0]]
	}
	return ""
}

// Has reports whether a document in lang gets a text written for it (the
// one-string form counts for every language).
func (l Localized) Has(lang string) bool {
	_, one := l[""]
	_, ok := l[lang]
	return one || ok
}

// Languages lists the languages given by table, sorted.
func (l Localized) Languages() []string {
	var out []string
	for k := range l {
		if k != "" {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// All lists every text, the one-string form first, then by language: what
// a scrubber or a font check must see.
func (l Localized) All() []string {
	var out []string
	if s, ok := l[""]; ok {
		out = append(out, s)
	}
	for _, k := range l.Languages() {
		if !slices.Contains(out, l[k]) {
			out = append(out, l[k])
		}
	}
	return out
}

// String is the text with no language asked for (the one-string form, or
// English): for logs and cross-language places only. Documents use In.
func (l Localized) String() string { return l.In("") }

// SCMember is a Steering Committee member who can attend national events.
type SCMember struct {
	ID           string
	Name         string
	Organisation string
	Languages    []string // ISO 639-1
	Regions      []Region
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

// Covers reports whether the member covers the region.
func (m SCMember) Covers(r Region) bool { return slices.Contains(m.Regions, r) }
