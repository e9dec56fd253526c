// Package clearance keeps the free text of anonymised returns out of the
// New York report until Coalition staff have cleared it, and checks what
// they clear.
//
// A low-profile country, or a return whose sharing is "anonymised", appears
// in the report as "a country in REGION". Partners write "the ministry in
// Hanoi said…" without thinking of New York, and no automatic redaction
// can be trusted to catch every spelling, script or detail; so report
// quotes none of their free text (drop-down cells holding typed text
// included). Instead, consolidate writes report/clearance-todo.toml with
// every withheld text, where it came from (file, sheet!cell, country) and a
// stable id. Staff copy the entries they approve, edited as they wish, into
// WS/clearance.toml; from then on the report quotes the cleared text.
//
// A cleared text is checked again by a Scrubber that knows the country's
// names in every language and script (package names when the build has
// it, CLDR through x/text otherwise), its capitals, the event city and
// venue, partner, authority and submitter names, e-mail domains and the
// country code as a word. Text and names are compared in one folded form
// (fold.go): NFKD, marks dropped, case folded, every space, dash or
// punctuation mark one space, Cyrillic and Greek spelt in Latin letters,
// y read as i — so "Україна", "Ukraina", "UKRAINE", "Kyiv" and "Київ"
// typed with a no-break space or decomposed accents all meet. A hit is an
// error at its line:col in clearance.toml, the text stays withheld, and
// consolidate exits 1.
//
// Over-matching is chosen over under-matching: a name matches at the start
// of a word ("Vietnamese" hits "Viet Nam"'s "Vietnam"), so a demonym goes
// too, and staff reword the sentence. Hits are reported, never silently
// cut: a cleared text is printed exactly as staff wrote it or not at all.
package clearance
