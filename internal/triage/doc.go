// Package triage decides, per country, what kind of national event helps
// most and what it asks of the government, following the Coalition's
// mission (SPEC.md, "Triage"):
//
//   - committed: no event needed, or a short meeting moving to ratification;
//   - leaning or undecided: a substantive discussion before the signature
//     date has the most impact, and even a short one can decide it (a
//     public forum or a roundtable);
//   - unknown: find out, with an early, short, substantive discussion with
//     the national authority, aimed at signature;
//   - opposed: longer-term groundwork (parliament, the national human
//     rights institution, the bar, academia) keeping signature or accession
//     open;
//   - low-profile: a closed meeting with a shorter agenda, no public
//     material, anonymised in cross-country outputs.
//
// The country's own status under the Protocol decides the aim: a State
// that has signed is asked to ratify, a party to make the Arts. 10 and 11
// declarations, implement and use the procedure; past the signature date, a
// State that has not signed is asked to sign (signature stays open) or to
// accede. A signature-phase event after the campaign's ideal window is
// flagged (Recommendation.Late). Every consideration leaves a Reason code,
// in the order it weighed; words for codes are in the catalogue. The
// briefing, the agenda and the plan read the same Recommendation.
package triage
