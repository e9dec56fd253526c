package intaketest

import (
	"fmt"
	"strings"

	"opkit/internal/model"
	"opkit/internal/outcome"
)

// DemoReturns fills in the outcome workbooks of the demo workspace as its
// fictional partners would have, in each pack's language: seven returns
// (Colombia's event is in October, after the New York gathering, so it is
// awaited). Between them they show what the report does: a public return
// per language, one anonymised at the partner's request (Ukraine), a
// low-profile country (Viet Nam), one for the Coalition only (São Tomé e
// Príncipe), cases of every confidentiality raised, and a drop-down typed
// over (kept with a warning). Every one is accepted.
func DemoReturns(ws *model.Workspace) (map[string][]byte, error) {
	out := map[string][]byte{}
	for code, r := range demoReturns {
		c := ws.Country(code)
		if c == nil {
			return nil, fmt.Errorf("demo returns: no country %s in the workspace", code)
		}
		scalars := map[string]string{outcome.EventDate: c.Event.Date.String()}
		for k, v := range r.Scalars {
			scalars[k] = v
		}
		data, err := Fill(c, &ws.Campaign, Return{Scalars: scalars, Tables: r.Tables})
		if err != nil {
			return nil, fmt.Errorf("demo return %s: %w", code, err)
		}
		out[strings.ToLower(code)+"-outcome.xlsx"] = data
	}
	return out, nil
}

var demoReturns = map[string]Return{
	"CI": {
		Scalars: map[string]string{
			outcome.EventHeld:             "Oui",
			outcome.EventCity:             "Abidjan",
			outcome.EventFormat:           "Forum public",
			outcome.Participants:          "104",
			outcome.Organisations:         "31",
			outcome.AuthorityPresent:      "Oui",
			outcome.AuthorityName:         "Représentante du ministère (fictive)",
			outcome.AuthorityTitle:        "Directrice des droits de l'homme",
			outcome.AuthorityInstitution:  "Ministère de la Justice et des droits de l'homme",
			outcome.SignPosition:          "Signera plus tard",
			outcome.RatifyPosition:        "Indécis",
			outcome.AuthorityStatement:    "La représentante a indiqué que le dossier de signature était à l'étude au ministère des Affaires étrangères et qu'une décision était attendue avant la fin de l'année. Elle a demandé une note sur le coût de mise en œuvre du Protocole.",
			outcome.Media:                 "Deux radios communautaires ont couvert le forum (exemple fictif).",
			outcome.SupportRequested:      "Une note courte sur l'expérience de pays d'Afrique de l'Ouest parties au Protocole, à remettre au ministère.",
			outcome.Sharing:               "Public",
			outcome.SubmittedBy:           "Coordinatrice du collectif (fictive)",
			outcome.SubmitterOrganisation: "Collectif ivoirien pour les droits sociaux (fictif)",
			outcome.SubmitterEmail:        "contact@ci.example.org",
			outcome.SubmittedOn:           "2027-08-20",
		},
		Tables: map[string][][]string{
			outcome.TableOpportunities: {
				{"Le ministère prépare le prochain rapport au Comité DESC : l'occasion de rappeler le Protocole.", "Ministère de la Justice"},
				{"Des députés de la commission des affaires sociales se sont dits prêts à poser une question écrite.", "Assemblée nationale"},
			},
			outcome.TableChallenges: {
				{"Crainte d'un afflux de plaintes sur le logement et l'eau.", "Politique"},
				{"Peu de juristes formés aux droits économiques et sociaux.", "Ressources"},
			},
			outcome.TableNextSteps: {
				{"Remettre au ministère une note sur le Protocole et ses coûts.", "Collectif", "2027-09-10", "Oui"},
				{"Rencontrer la commission des affaires sociales.", "Réseau d'Abobo", "2027-10-15", "Non"},
			},
			outcome.TableCasesRaised: {
				{"ci-2026-01", "Les participants ont rappelé que les familles n'ont toujours pas été relogées."},
				{"ci-2026-03", "Évoqué à huis clos, sans détails publics."},
			},
		},
	},
	"GR": {
		Scalars: map[string]string{
			outcome.EventHeld:             "Yes",
			outcome.EventCity:             "Αθήνα",
			outcome.EventFormat:           "Public forum",
			outcome.Participants:          "72",
			outcome.Organisations:         "18",
			outcome.AuthorityPresent:      "Yes",
			outcome.AuthorityName:         "Representative of the ministry (fictional)",
			outcome.AuthorityTitle:        "Adviser to the Secretary-General",
			outcome.AuthorityInstitution:  "Ministry of Justice",
			outcome.SignPosition:          "Undecided",
			outcome.RatifyPosition:        "Undecided",
			outcome.AuthorityStatement:    "The adviser said the ministry had no objection in principle and would consult the Ministry of Foreign Affairs on signing; ratification would need a review of the budgetary impact of housing claims.",
			outcome.Media:                 "An interview on a public radio programme (fictional example).",
			outcome.SupportRequested:      "Examples of views of the Committee on housing, to answer the ministry's concern about budgetary impact.",
			outcome.Sharing:               "Public",
			outcome.SubmittedBy:           "Network coordinator (fictional)",
			outcome.SubmitterOrganisation: "Network for Social Rights (fictional)",
			outcome.SubmitterEmail:        "info@gr.example.org",
			outcome.SubmittedOn:           "2027-08-18",
		},
		Tables: map[string][][]string{
			outcome.TableOpportunities: {
				{"The Greek Ombudsman offered to write to the ministry in support of signature.", "Ombudsman"},
				{"A parliamentary question on the Protocol can be tabled before 24 September.", "Members of parliament"},
			},
			outcome.TableChallenges: {
				{"The ministry fears costs from housing complaints.", "Resources"},
				{"Little public knowledge of the Covenant itself.", "Awareness"},
			},
			outcome.TableNextSteps: {
				{"Send the ministry a summary of Committee views on housing.", "Network", "2027-09-01", "Yes"},
				{"Meet the Ombudsman's office.", "Network", "2027-09-08", "No"},
			},
			outcome.TableCasesRaised: {
				{"gr-2026-01", "Tenants described the evictions; the adviser took note."},
			},
		},
	},
	"SN": {
		Scalars: map[string]string{
			outcome.EventHeld:             "Oui",
			outcome.EventCity:             "Dakar",
			outcome.EventFormat:           "Table ronde",
			outcome.Participants:          "27",
			outcome.Organisations:         "14",
			outcome.AuthorityPresent:      "Oui",
			outcome.AuthorityName:         "Conseiller technique du ministère (fictif)",
			outcome.AuthorityTitle:        "Conseiller technique chargé des droits humains",
			outcome.AuthorityInstitution:  "Ministère de la Justice",
			outcome.SignPosition:          "Signera le 24 septembre",
			outcome.RatifyPosition:        "Entend ratifier",
			outcome.AuthorityStatement:    "Le conseiller a confirmé que le Sénégal signerait le 24 septembre et a présenté un calendrier : projet de loi de ratification au premier semestre de l'année suivante.",
			outcome.SupportRequested:      "Un atelier pour les magistrats sur la procédure de communications.",
			outcome.Sharing:               "Public",
			outcome.SubmittedBy:           "Chargée de programme (fictive)",
			outcome.SubmitterOrganisation: "Forum sénégalais pour les droits économiques et sociaux (fictif)",
			outcome.SubmitterEmail:        "forum@sn.example.org",
			outcome.SubmittedOn:           "2027-08-14",
		},
		Tables: map[string][][]string{
			outcome.TableOpportunities: {
				{"Le calendrier de ratification est public : les ONG peuvent en suivre chaque étape.", "Organisations de la société civile"},
			},
			outcome.TableChallenges: {
				{"Le projet de loi pourrait être retardé par le calendrier parlementaire.", "Politique"},
			},
			outcome.TableNextSteps: {
				{"Organiser un atelier pour les magistrats.", "Forum", "2027-11-15", "Oui"},
			},
			outcome.TableCasesRaised: {
				{"sn-2025-01", "Le ministère a annoncé une circulaire pour les élèves sans acte de naissance."},
			},
		},
	},
	"ST": {
		Scalars: map[string]string{
			outcome.EventHeld:             "Yes",
			outcome.EventCity:             "São Tomé",
			outcome.EventFormat:           "Roundtable",
			outcome.Participants:          "33",
			outcome.Organisations:         "9",
			outcome.AuthorityPresent:      "No",
			outcome.SignPosition:          "No information",
			outcome.RatifyPosition:        "No information",
			outcome.SupportRequested:      "Help to obtain a meeting with the Ministry of Foreign Affairs before 24 September.",
			outcome.Sharing:               "Coalition only",
			outcome.SubmittedBy:           "Association coordinator (fictional)",
			outcome.SubmitterOrganisation: "Associação para os Direitos Sociais (fictional)",
			outcome.SubmitterEmail:        "geral@st.example.org",
			outcome.SubmittedOn:           "2027-08-16",
		},
		Tables: map[string][][]string{
			outcome.TableChallenges: {
				{"No official came; the ministry did not answer the invitation.", "Political"},
			},
			outcome.TableNextSteps: {
				{"Ask the Coalition to write to the Minister of Foreign Affairs.", "Association", "2027-08-31", "Yes"},
			},
		},
	},
	"TR": {
		Scalars: map[string]string{
			outcome.EventHeld:             "Yes",
			outcome.EventCity:             "İstanbul",
			outcome.EventFormat:           "Roundtable, hybrid", // typed over the list: kept with a warning
			outcome.Participants:          "38",
			outcome.Organisations:         "16",
			outcome.AuthorityPresent:      "No",
			outcome.SignPosition:          "Will not sign",
			outcome.RatifyPosition:        "Opposed",
			outcome.AuthorityStatement:    "No authority attended. A written answer from the ministry, read at the meeting, said that existing domestic remedies were sufficient.",
			outcome.Media:                 "A report in an online newspaper (fictional example).",
			outcome.SupportRequested:      "A comparative paper showing how the Protocol works alongside the Constitutional Court's individual application.",
			outcome.Sharing:               "Public",
			outcome.SubmittedBy:           "Programme officer (fictional)",
			outcome.SubmitterOrganisation: "Social Rights Initiative (fictional)",
			outcome.SubmitterEmail:        "iletisim@tr.example.org",
			outcome.SubmittedOn:           "2027-08-27",
		},
		Tables: map[string][][]string{
			outcome.TableOpportunities: {
				{"Members of the Human Rights Inquiry Committee are willing to hear the partners.", "Parliament"},
			},
			outcome.TableChallenges: {
				{"The government holds that domestic remedies are sufficient.", "Legal"},
				{"Partners worry about reprisals against workers who speak out.", "Political"},
			},
			outcome.TableNextSteps: {
				{"Prepare the comparative paper on remedies.", "Partners with the Coalition", "2027-10-01", "Yes"},
			},
			outcome.TableCasesRaised: {
				{"tr-2026-01", "Tenants' representatives spoke about permanent housing after the earthquakes."},
				{"tr-2026-03", "Discussed among organisers only."},
			},
		},
	},
	"UA": {
		Scalars: map[string]string{
			outcome.EventHeld:             "Yes",
			outcome.EventCity:             "Київ",
			outcome.EventFormat:           "Public forum",
			outcome.Participants:          "85",
			outcome.Organisations:         "22",
			outcome.AuthorityPresent:      "Yes",
			outcome.AuthorityName:         "Deputy director of the department (fictional)",
			outcome.AuthorityTitle:        "Deputy Director, Department of International Law",
			outcome.AuthorityInstitution:  "Ministry of Foreign Affairs",
			outcome.SignPosition:          "Will sign later",
			outcome.RatifyPosition:        "Intends to ratify",
			outcome.AuthorityStatement:    "The deputy director said Україна supports the Protocol and will sign once the inter-ministerial review is complete, probably before the end of the year.",
			outcome.SupportRequested:      "Guidance for lawyers of displaced people on the admissibility rules.",
			outcome.Sharing:               "Anonymised",
			outcome.SubmittedBy:           "Civic initiative coordinator (fictional)",
			outcome.SubmitterOrganisation: "Social Rights Civic Initiative (fictional)",
			outcome.SubmitterEmail:        "info@ua.example.org",
			outcome.SubmittedOn:           "2027-08-12",
		},
		Tables: map[string][][]string{
			outcome.TableOpportunities: {
				{"The inter-ministerial review is open to written contributions from civil society.", "Ministry of Foreign Affairs"},
			},
			outcome.TableChallenges: {
				{"Priorities of the war leave little room in the government's agenda.", "Political"},
			},
			outcome.TableNextSteps: {
				{"Send a written contribution to the inter-ministerial review.", "Civic initiative", "2027-09-15", "No"},
			},
			outcome.TableCasesRaised: {
				{"ua-2026-01", "Families from the collective centre described the eviction."},
			},
		},
	},
	"VN": {
		Scalars: map[string]string{
			outcome.EventHeld:             "Yes",
			outcome.EventCity:             "Hà Nội",
			outcome.EventFormat:           "Closed meeting",
			outcome.Participants:          "14",
			outcome.Organisations:         "6",
			outcome.AuthorityPresent:      "Yes",
			outcome.AuthorityName:         "Researcher of a government institute (fictional)",
			outcome.AuthorityTitle:        "Senior researcher, international law",
			outcome.AuthorityInstitution:  "A government research institute",
			outcome.SignPosition:          "No information",
			outcome.RatifyPosition:        "Undecided",
			outcome.AuthorityStatement:    "The researcher said the institute would include the Protocol in a study on complaint procedures for the government, without a date.",
			outcome.SupportRequested:      "Translated summaries of the Protocol and of the Committee's views.",
			outcome.Sharing:               "Anonymised",
			outcome.SubmittedBy:           "Study group member (fictional)",
			outcome.SubmitterOrganisation: "Social Rights Study Group (fictional)",
			outcome.SubmitterEmail:        "group@vn.example.org",
			outcome.SubmittedOn:           "2027-08-24",
		},
		Tables: map[string][][]string{
			outcome.TableOpportunities: {
				{"A government study on complaint procedures will consider the Protocol.", "Research institute"},
			},
			outcome.TableChallenges: {
				{"Public discussion of the subject is limited.", "Awareness"},
			},
			outcome.TableNextSteps: {
				{"Provide translated material to the institute.", "Study group with the Coalition", "2027-10-20", "Yes"},
			},
			outcome.TableCasesRaised: {
				{"vn-2026-02", "Discussed in the closed meeting."},
			},
		},
	},
}
