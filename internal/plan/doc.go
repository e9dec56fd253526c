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
// interval scheduling with machine eligibility, NP-hard in general, so it
// is solved by branch and bound:
//   - the relaxation at each node is a max flow in which a member takes at
//     most one event per pair of consecutive days (pairs starting on even
//     days, then odd days; the smaller flow counts). Pairs nest inside a
//     member's capacity, so the relaxation is a flow; all it misses are
//     events either side of a pair boundary, and each such conflict is
//     branched on ("member m not on day d" / "not on day d+1");
//   - at the root, when the flow leaves a gap, a Lagrangian bound (a price
//     per request, one small dynamic programme per member, subgradient
//     steps) gives the linear-programming bound, which closes most dense
//     instances without branching;
//   - an augmenting-chain heuristic (move an assigned request to another
//     member to make room, as in bipartite matching) gives lower bounds.
//
// The search stops after a fixed number of nodes, a count and not a clock
// so that output never depends on the machine; no realistic campaign comes
// near it. The plan then keeps the best assignment found, improved by the
// same augmenting chains, and says it is not proven maximal (Search.Exact).
// Among assignments covering the most requests, a second pass of local
// moves (move, swap, replace), each strictly better, prefers members of
// the event's region and then an even load (the sum of squared loads).
package plan
