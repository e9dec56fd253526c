// Package render turns templates (Markdown with Go template actions) and
// the model into documents: the executed Markdown and its goldmark AST, plus
// what a page needs around it (title, running header, marking). Every PDF of
// opkit — briefing, agenda, coordination plan, New York report — goes
// through it; package pdf lays the document out.
//
// # Templates
//
// A template is <lang>/<name>.md.tmpl. The built-ins live in the templates
// package (embedded); a workspace's templates/ folder overrides any of them
// file by file. A template's errors name its file and line, prefixed
// "templates/" for an override and "built-in " otherwise, so staff know
// which file to open. Blank-line runs outside code fences are collapsed
// after execution, so templates may space their actions freely.
//
// # Data
//
// Template data follows the audience. briefing.md.tmpl receives a *Briefing
// for the participants' handout (ParticipantsData): a view built only from
// what participants may see — no *model.Country, no stance or triage, no
// politics.summary, obstacles or allies, no restricted case — so an edited
// template cannot print the rest. The organisers' edition receives an
// *OrganisersBriefing (OrganisersData), which embeds the handout's data with
// every case and adds the strategy. agenda.md.tmpl receives an *Agenda
// (AgendaFor), also a participants' view. Treaty (TreatyFor) is where the
// Protocol stands for the campaign and the country — the Protocol's own
// dates (model.OpenedForSignature, EnteredIntoForce), the campaign's
// signature date, the country's op_status and Covenant status — and Ask is
// what every text asks of the government (sign, sign or accede, ratify,
// implement); all three languages branch on it, so they cannot drift apart
// in logic.
// invitation, declaration, press and letter receive an *Outreach
// (OutreachData): what may reach the government and the press, with no
// field for the organisers' material; discussion.md.tmpl a *Discussion,
// which adds it, and which the pack appends to the organisers' edition.
//
// # Functions
//
// Each template's functions are bound to the language of its folder.
//
//	date D        "5 August 2027" / "5 août 2027" / "5 de agosto de 2027"
//	longdate D    with the weekday: "Thursday 5 August 2027"
//	daymonth D    "24 September"
//	year D        "2027"             (D: model.Date or time.Time)
//	clock C       "09:30"            (model.Clock)
//	label V       words for any closed-vocabulary code of package model
//	              (Right, Stance, Format, MechanismKind, Effectiveness,
//	              ICESCRStatus, AuthorityStatus, Confidentiality, Phase,
//	              Visibility, Region, OPStatus, Declaration,
//	              ConstitutionESCR), triage.Kind, Edition, or a term key
//	term KEY      a term of labels.go by key
//	right R       the right's name ("Adequate housing")
//	article R     its Covenant article ("Art. 11", "Arts. 13–14")
//	covenant R    the same naming the treaty ("ICESCR Art. 11")
//	rights RS     the rights' names as prose ("health and education")
//	declarations DS  the Protocol's opt-in declarations as prose
//	              ("Article 10 (communications from other States) and ...")
//	md S          user text for one line of Markdown (escaped, one line)
//	text S        user text as paragraphs (escaped)
//	quote S       user text as a block quote (escaped)
//	cell S        user text for a table cell (escaped, "–" when empty)
//	list SS       user strings, escaped, joined as prose ("a, b and c")
//	prose SS      template strings joined as prose, not escaped
//	join SS SEP   strings.Join
//	lower, upper, capfirst, add, sub, plural N ONE MANY, lang
//
// Every value that comes from an input file must pass through md, text,
// quote, cell or list: a partner's "*", "#" or "|" then prints as written
// instead of turning into emphasis, a heading or a new table column.
package render
