// Package plan gives Coalition staff the whole campaign on one page: the
// triage of every country with its reasons, checks on each national event
// (date against the campaign window and the signature date, authority,
// format against the partner's visibility, completeness of the pack inputs),
// and the Steering Committee assignment.
//
// Make is pure: it turns a workspace into a Plan that keeps stable codes
// (triage kinds, check codes, gap reasons) so that tests and the workbook
// do not depend on wording; the words come from a small label table per
// campaign language (en, fr, es) only when the plan is written.
//
// The assignment covers as many requests as possible. Without the rule that
// a member never has two events within one day of each other it would be a
// bipartite b-matching, solved exactly by max flow. With it, the problem is
// interval scheduling with machine eligibility, which is NP-hard in general,
// so the assignment is found by branch and bound: the relaxation is a max
// flow in which each member can take at most one event per pair of
// consecutive days (a laminar, hence flow-representable, part of the rule);
// the only conflicts it can leave are events on the two sides of a pair
// boundary, and each such conflict is branched on ("member m not on day d"
// or "not on day d+1"). A conflict-aware augmenting-path heuristic supplies
// lower bounds, so most instances close at the root. The search stops after
// a fixed number of nodes (never seen on realistic campaigns); the plan then
// keeps the best assignment found, improved by the same augmenting search,
// and says that it is not proven maximal. Among assignments that cover the
// most requests, a second pass of local moves (move, swap, replace) prefers
// members of the event's region and then an even load.
package plan
