package render

import (
	"fmt"
	"strings"
	"time"

	"opkit/internal/model"
	"opkit/internal/triage"
)

// The words Go itself has to produce in each pack language: month names,
// the names of rights and of the closed vocabularies, document titles and
// the default agenda. Everything else a reader sees is in the templates,
// where staff can edit it. The three languages stand side by side so that
// a missing translation shows in review (and in TestTermsComplete).

var months = map[string][12]string{
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	"fr": {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	"es": {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
}

var weekdays = map[string][7]string{
	"en": {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
	"fr": {"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"},
	"es": {"domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"},
}

// terms maps a key to its text in en, fr and es. Keys are "group.code" so
// that label() can look a code up by the Go type it came in.
var terms = map[string][3]string{
	// Rights, in the Covenant's order.
	"right.work":               {"Work", "Travail", "Trabajo"},
	"right.working-conditions": {"Just and favourable conditions of work", "Conditions de travail justes et favorables", "Condiciones de trabajo equitativas y satisfactorias"},
	"right.trade-unions":       {"Trade unions and the right to strike", "Droits syndicaux et droit de grève", "Derechos sindicales y derecho de huelga"},
	"right.social-security":    {"Social security", "Sécurité sociale", "Seguridad social"},
	"right.family":             {"Protection of the family, mothers and children", "Protection de la famille, des mères et des enfants", "Protección de la familia, las madres y los niños"},
	"right.food":               {"Adequate food", "Alimentation suffisante", "Alimentación adecuada"},
	"right.housing":            {"Adequate housing", "Logement convenable", "Vivienda adecuada"},
	"right.water":              {"Water and sanitation", "Eau et assainissement", "Agua y saneamiento"},
	"right.health":             {"Health", "Santé", "Salud"},
	"right.education":          {"Education", "Éducation", "Educación"},
	"right.culture":            {"Cultural life and the benefits of science", "Vie culturelle et bienfaits du progrès scientifique", "Vida cultural y beneficios del progreso científico"},

	"stance.committed": {"committed to sign", "engagé à signer", "comprometido a firmar"},
	"stance.leaning":   {"leaning toward signing", "enclin à signer", "inclinado a firmar"},
	"stance.undecided": {"undecided", "indécis", "indeciso"},
	"stance.opposed":   {"opposed", "opposé", "contrario"},
	"stance.unknown":   {"position unknown", "position inconnue", "posición desconocida"},

	"visibility.public":      {"public", "publique", "pública"},
	"visibility.low-profile": {"low profile", "discrétion", "perfil bajo"},

	"phase.signature":    {"signature", "signature", "firma"},
	"phase.ratification": {"ratification", "ratification", "ratificación"},

	"format.public-forum":   {"Public forum", "Forum public", "Foro público"},
	"format.roundtable":     {"Roundtable", "Table ronde", "Mesa redonda"},
	"format.closed-meeting": {"Closed meeting", "Réunion à huis clos", "Reunión a puerta cerrada"},
	"format.none":           {"No event", "Pas d'événement", "Sin evento"},

	"authority.invited":   {"invited", "invité·e", "invitada"},
	"authority.confirmed": {"confirmed", "confirmé·e", "confirmada"},
	"authority.declined":  {"declined", "a décliné", "declinó"},

	"confidentiality.public":     {"public", "public", "público"},
	"confidentiality.event":      {"for event participants", "réservé aux participants", "reservado a los participantes"},
	"confidentiality.restricted": {"restricted", "confidentiel", "restringido"},

	"mechanism.court":          {"Court", "Juridiction", "Tribunal"},
	"mechanism.nhri":           {"National human rights institution", "Institution nationale des droits de l'homme", "Institución nacional de derechos humanos"},
	"mechanism.ombudsperson":   {"Ombudsperson", "Médiateur", "Defensoría del pueblo"},
	"mechanism.administrative": {"Administrative", "Administratif", "Administrativo"},
	"mechanism.other":          {"Other", "Autre", "Otro"},

	"effective.yes":    {"Yes", "Oui", "Sí"},
	"effective.partly": {"Partly", "En partie", "En parte"},
	"effective.no":     {"No", "Non", "No"},

	"icescr.ratified": {"ratified", "ratifié", "ratificado"},
	"icescr.signed":   {"signed, not ratified", "signé, non ratifié", "firmado, no ratificado"},
	"icescr.none":     {"neither signed nor ratified", "ni signé ni ratifié", "ni firmado ni ratificado"},

	"kind.short-meeting":          {"No event needed, or a short meeting toward ratification", "Pas d'événement nécessaire, ou une courte réunion tournée vers la ratification", "No hace falta un evento, o una reunión breve orientada a la ratificación"},
	"kind.public-event":           {"A substantive public event", "Un événement public de fond", "Un evento público de fondo"},
	"kind.substantive-discussion": {"A substantive discussion aimed at ratification", "Une discussion de fond visant la ratification", "Un debate de fondo orientado a la ratificación"},
	"kind.closed-meeting":         {"A closed meeting, no public material", "Une réunion à huis clos, sans document public", "Una reunión a puerta cerrada, sin material público"},

	"edition.participants": {"Participants' edition", "Édition des participants", "Edición para participantes"},
	"edition.organisers":   {"Organisers' edition", "Édition des organisateurs", "Edición para organizadores"},

	"doc.briefing":   {"Briefing", "Dossier d'information", "Dossier informativo"},
	"doc.agenda":     {"Agenda", "Programme", "Programa"},
	"doc.restricted": {"RESTRICTED", "DIFFUSION RESTREINTE / RESTRICTED", "RESTRINGIDO / RESTRICTED"},
	"doc.subtitle":   {"The Optional Protocol to the ICESCR", "Le Protocole facultatif au PIDESC", "El Protocolo Facultativo del PIDESC"},

	// The default agenda (SPEC.md: the mission's content, in its order).
	"session.welcome":     {"Welcome and introductions", "Accueil et présentations", "Bienvenida y presentaciones"},
	"session.protocol":    {"The Optional Protocol and the Coalition's campaign", "Le Protocole facultatif et la campagne de la Coalition", "El Protocolo Facultativo y la campaña de la Coalición"},
	"session.situation":   {"The situation of economic, social and cultural rights", "La situation des droits économiques, sociaux et culturels", "La situación de los derechos económicos, sociales y culturales"},
	"session.cases":       {"Cases the Protocol could address", "Des cas que le Protocole pourrait traiter", "Casos que el Protocolo podría abordar"},
	"session.remedies":    {"Domestic remedies and their gaps", "Les recours internes et leurs lacunes", "Los recursos internos y sus lagunas"},
	"session.politics":    {"The political context", "Le contexte politique", "El contexto político"},
	"session.break":       {"Break", "Pause", "Pausa"},
	"session.authority":   {"The government's plans for %s", "Les intentions du gouvernement pour le %s", "Los planes del Gobierno para el %s"},
	"session.authority-r": {"The government's plans for ratification", "Les intentions du gouvernement pour la ratification", "Los planes del Gobierno para la ratificación"},
	"session.discussion":  {"NGO discussion: opportunities, challenges and next steps", "Discussion des ONG : opportunités, obstacles et prochaines étapes", "Debate de las ONG: oportunidades, obstáculos y próximos pasos"},
	"session.outcome":     {"Outcome of the event and the outcome workbook", "Conclusions de l'événement et classeur de résultats", "Conclusiones del evento y libro de resultados"},
	"session.close":       {"Close", "Clôture", "Clausura"},

	"speaker.sc":        {"%s, Coalition Steering Committee", "%s, Comité de pilotage de la Coalition", "%s, Comité Directivo de la Coalición"},
	"speaker.invited":   {"National authority (invited)", "Autorité nationale (invitée)", "Autoridad nacional (invitada)"},
	"speaker.none":      {"National authority (to be invited)", "Autorité nationale (à inviter)", "Autoridad nacional (por invitar)"},
	"speaker.partners":  {"Partner organisations", "Organisations partenaires", "Organizaciones asociadas"},
	"speaker.all":       {"All participants", "Tous les participants", "Todas las personas participantes"},
	"list.and":          {"and", "et", "y"},
	"punct.colon":       {": ", " : ", ": "},
	"punct.semicolon":   {"; ", " ; ", "; "},
	"date.unset":        {"date to be set", "date à fixer", "fecha por fijar"},
	"article.one":       {"Art. %s", "art. %s", "art. %s"},
	"article.many":      {"Arts. %s", "art. %s", "arts. %s"},
	"article.covenant1": {"ICESCR Art. %s", "art. %s du Pacte", "art. %s del Pacto"},
	"article.covenantN": {"ICESCR Arts. %s", "art. %s du Pacte", "arts. %s del Pacto"},
}

func langIndex(lang string) int {
	switch lang {
	case "fr":
		return 1
	case "es":
		return 2
	}
	return 0
}

// Term returns the text of key in lang (English for an unknown language),
// or the key itself when there is no such term, so a gap is visible on the
// page rather than an empty string.
func Term(lang, key string) string {
	t, ok := terms[key]
	if !ok {
		return key
	}
	return t[langIndex(lang)]
}

// label turns a code of one of the model's closed vocabularies into words.
// It switches on the Go type so templates need one function for all of them.
func label(lang string, v any) (string, error) {
	var key string
	switch x := v.(type) {
	case model.Right:
		key = "right." + string(x)
	case model.Stance:
		key = "stance." + string(x)
	case model.Visibility:
		key = "visibility." + string(x)
	case model.Phase:
		key = "phase." + string(x)
	case model.Format:
		key = "format." + string(x)
	case model.AuthorityStatus:
		key = "authority." + string(x)
	case model.Confidentiality:
		key = "confidentiality." + string(x)
	case model.MechanismKind:
		key = "mechanism." + string(x)
	case model.Effectiveness:
		key = "effective." + string(x)
	case model.ICESCRStatus:
		key = "icescr." + string(x)
	case triage.Kind:
		key = "kind." + string(x)
	case Edition:
		key = "edition." + string(x)
	case string:
		key = x
	default:
		return "", fmt.Errorf("label: no words for a value of type %T", v)
	}
	return Term(lang, key), nil
}

// FormatDate writes a civil date as a reader of lang expects it:
// "5 August 2027", "5 août 2027" (and "1er août"), "5 de agosto de 2027".
func FormatDate(lang string, d model.Date) string {
	if d.IsZero() {
		return Term(lang, "date.unset")
	}
	if d.Month < time.January || d.Month > time.December {
		return d.String()
	}
	if lang == "es" {
		return fmt.Sprintf("%s de %d", FormatDayMonth(lang, d), d.Year)
	}
	return fmt.Sprintf("%s %d", FormatDayMonth(lang, d), d.Year)
}

// FormatDayMonth is the date without the year ("24 September").
func FormatDayMonth(lang string, d model.Date) string {
	if d.IsZero() {
		return Term(lang, "date.unset")
	}
	if d.Month < time.January || d.Month > time.December {
		return d.String()
	}
	m := monthName(lang, d.Month)
	switch lang {
	case "fr":
		if d.Day == 1 {
			return "1er " + m
		}
		return fmt.Sprintf("%d %s", d.Day, m)
	case "es":
		return fmt.Sprintf("%d de %s", d.Day, m)
	}
	return fmt.Sprintf("%d %s", d.Day, m)
}

// FormatLongDate adds the weekday: "Thursday 5 August 2027",
// "jeudi 5 août 2027", "jueves 5 de agosto de 2027".
func FormatLongDate(lang string, d model.Date) string {
	if d.IsZero() {
		return Term(lang, "date.unset")
	}
	w, ok := weekdays[lang]
	if !ok {
		w = weekdays["en"]
	}
	return w[d.Weekday()] + " " + FormatDate(lang, d)
}

func monthName(lang string, m time.Month) string {
	names, ok := months[lang]
	if !ok {
		names = months["en"]
	}
	return names[m-1]
}

// FormatArticle names the Covenant article(s) of a right: "Art. 11",
// "Arts. 13–14"; covenant adds the treaty ("ICESCR Art. 11").
func FormatArticle(lang string, r model.Right, covenant bool) string {
	a := r.Article()
	if a == "" {
		return ""
	}
	many := strings.Contains(a, "-")
	if many {
		a = joinArticles(lang, a)
	}
	switch {
	case covenant && many:
		return fmt.Sprintf(Term(lang, "article.covenantN"), a)
	case covenant:
		return fmt.Sprintf(Term(lang, "article.covenant1"), a)
	case many:
		return fmt.Sprintf(Term(lang, "article.many"), a)
	}
	return fmt.Sprintf(Term(lang, "article.one"), a)
}

// joinArticles turns "13-14" into "13–14" (en) or "13 et 14" / "13 y 14":
// model.Rights only ever pairs two neighbouring articles.
func joinArticles(lang, a string) string {
	first, second, ok := strings.Cut(a, "-")
	switch {
	case !ok:
		return a
	case langIndex(lang) == 0:
		return first + "–" + second
	}
	return first + " " + Term(lang, "list.and") + " " + second
}

// JoinList joins items as prose: "a, b and c", "a, b et c", "a, b y c".
func JoinList(lang string, items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	// An item with a comma of its own ("protection of the family, mothers
	// and children") would blur the list, so such lists use semicolons.
	for _, it := range items {
		if strings.Contains(it, ",") {
			semi := Term(lang, "punct.semicolon")
			return strings.Join(items[:len(items)-1], semi) + semi + Term(lang, "list.and") + " " + items[len(items)-1]
		}
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + Term(lang, "list.and") + " " + items[len(items)-1]
}
