// Package names names countries and regions in each of opkit's languages
// (en, fr, es, pt, ru, ar), from the ISO 3166-1 alpha-2 code, so that every
// document names a country in its own language whatever the partner typed
// into country.name.
//
// Countries: the UN's short name (UNTERM) where the UN has one in that
// language — "Türkiye", "Viet Nam", "Côte d'Ivoire", "Украина" — and CLDR
// otherwise (Portuguese, which is no UN language, and territories UNTERM
// does not list). UNTERM writes a short name with its article after it,
// "Grèce (la)"; Country drops it and Article returns it, for the few
// sentences that need "la Grèce" or "en Ukraine".
//
// All(code) is every spelling the table knows — short and formal names in
// every language, the UN statistics division's names, CLDR names in the six
// languages and in the country's own languages ("Україна", "Ελλάδα"), former
// names ("Turkey") — for the anonymity scrubber, which must not let a
// low-profile country through in any script.
//
// The data is compiled in (data/*.csv, embedded); nothing is fetched at run
// time. data/SOURCE.md says where it comes from and how to refresh it.
package names
