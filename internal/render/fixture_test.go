package render

import (
	"opkit/internal/model"
)

// fixture builds a small workspace in Go, independent of the demo files
// (which other people edit), with one country per pack language and the
// text that tends to break things: Markdown syntax, Cyrillic, accents.
func fixture() *model.Workspace {
	d := func(s string) model.Date {
		t, err := model.ParseDate(s)
		if err != nil {
			panic(err)
		}
		return t
	}
	ws := &model.Workspace{
		Campaign: model.Campaign{
			Name:           model.OneText("Test campaign"),
			Coalition:      model.OneText("NGO Coalition for the OP-ICESCR"),
			SignatureDate:  d("2027-09-24"),
			SignatureVenue: model.OneText("United Nations Headquarters, New York"),
			GatheringDate:  d("2027-09-23"),
			EventWindow:    model.Period{Start: d("2027-07-20"), End: d("2027-09-10")},
			Language:       "en",
			Contact:        "secretariat@example.org",
		},
	}
	ua := model.Country{
		Code: "UA", Name: "Україна", Region: model.RegionEurope, Language: "en",
		Stance: model.StanceUndecided, Visibility: model.VisibilityPublic, Phase: model.PhaseSignature,
		File: "countries/ua.toml",
		Partners: []model.Partner{
			{Name: "Громадська ініціатива «Соціальні права»", Contact: "Оксана Коваленко", Lead: true},
			{Name: "Displaced Residents' Council"},
		},
		Event: model.Event{
			Date: d("2027-08-06"), Start: model.Clock{Hour: 9, Minute: 30}, HasStart: true,
			City: "Київ", Venue: "Civic centre", Format: model.FormatPublicForum,
			ExpectedParticipants: 90, RequestSCMember: true,
			Authorities: []model.Authority{
				{Name: "Олена Петренко", Title: "Deputy Director", Institution: "Ministry of Foreign Affairs", Status: model.AuthorityConfirmed},
				{Name: "TBC", Title: "Head of Directorate", Institution: "Ministry of Social Policy", Status: model.AuthorityInvited},
			},
		},
		Situation: model.Situation{
			Summary: "Displacement *and* destruction: #1 concern is housing.\n\nSecond paragraph <b>not html</b>.",
			Rights: []model.RightSituation{
				{Right: "housing", Summary: "Collective centres close at short notice.",
					Indicators: []model.Indicator{{Name: "People in centres | total", Value: "tens of thousands", Year: 2026, Source: "Illustrative"}}},
				{Right: "education", Summary: "Online schooling in front-line areas."},
			},
		},
		Cases: []model.Case{
			{ID: "ua-1", Title: "Evicted from a collective centre", Date: d("2026-04-21"), Location: "Київська область",
				Rights: []model.Right{"housing", "family"}, Summary: "A centre closed at two weeks' notice.",
				Victims: "About 60 people", RemediesTried: "Appeal; complaint to the Ombudsperson",
				OPRelevance: "Notice and alternative housing.", Confidentiality: model.ConfidentialityPublic,
				Sources: []string{"Monitoring note, May 2026"}},
			{ID: "ua-2", Title: "Allowance stopped", Date: d("2026-09-01"), Location: "Дніпро",
				Rights: []model.Right{"social-security"}, Summary: "Allowances suspended for months.",
				Confidentiality: model.ConfidentialityEvent},
			{ID: "ua-3", Title: "Secret shelter closure", Location: "Undisclosed",
				Rights: []model.Right{"health"}, Summary: "Confidential witness account XYZZY.",
				Confidentiality: model.ConfidentialityRestricted},
		},
		Remedies: model.Remedies{
			Summary:          "Courts hear benefit claims; delays are long.",
			ConstitutionESCR: model.ConstitutionJusticiable,
			Mechanisms: []model.Mechanism{
				{Name: "Administrative courts", Kind: "court", Effective: "partly", Notes: "Long delays | backlog"},
				{Name: "Ombudsperson", Kind: "nhri", Effective: "no"},
			},
			Gaps: []string{"Lost documents", "- starts with a dash"},
		},
		Politics: model.Politics{
			PublicSummary: "Ukraine is a party to the Covenant. PUBLICCONTEXT",
			Summary:       "Undecided. PRIVSIGNAL expressed privately.", ICESCR: "ratified",
			OtherComplaintProcedures: []string{"European Court of Human Rights"},
			ResponsibleInstitutions:  []string{"Ministry of Foreign Affairs"},
			Obstacles:                []string{"War-damage claims OBSTACLEMARK"},
			Allies:                   []string{"Ombudsperson ALLYMARK"},
			Upcoming:                 []model.Milestone{{Date: d("2027-09-15"), What: "Report to parliament"}},
		},
	}
	ci := model.Country{
		Code: "CI", Name: "Côte d'Ivoire", Region: model.RegionAfrica, Language: "fr",
		Stance: model.StanceLeaning, Visibility: model.VisibilityPublic, Phase: model.PhaseSignature,
		File:     "countries/ci.toml",
		Partners: []model.Partner{{Name: "Collectif ivoirien pour les droits sociaux", Lead: true}},
		Event: model.Event{
			Date: d("2027-08-01"), Start: model.Clock{Hour: 9}, HasStart: true, City: "Abidjan",
			Venue: "Centre culturel", Format: model.FormatRoundtable,
			Authorities: []model.Authority{{Name: "À désigner", Title: "Conseiller juridique", Institution: "Ministère des Affaires étrangères", Status: model.AuthorityInvited}},
		},
		Situation: model.Situation{Summary: "Les droits progressent de manière inégale.",
			Rights: []model.RightSituation{{Right: "water", Summary: "L'accès à l'eau reste limité."}}},
		Cases: []model.Case{{ID: "ci-1", Title: "Démolition d'un quartier précaire", Date: d("2026-03-14"),
			Location: "Abobo", Rights: []model.Right{"housing", "water", "education"},
			Summary: "Plusieurs centaines de logements démolis.", Confidentiality: model.ConfidentialityPublic}},
		Remedies: model.Remedies{Summary: "Recours longs.", Gaps: []string{"Aide juridictionnelle quasi inexistante"},
			Mechanisms: []model.Mechanism{{Name: "Tribunal administratif", Kind: "court", Effective: "partly"}}},
		Politics: model.Politics{Summary: "Intérêt exprimé en privé.", ICESCR: "ratified",
			ResponsibleInstitutions: []string{"Ministère des Affaires étrangères"}},
	}
	co := model.Country{
		Code: "CO", Name: "Colombia", Region: model.RegionAmericas, Language: "es",
		Stance: model.StanceOpposed, Visibility: model.VisibilityLowProfile, Phase: model.PhaseRatification,
		File:     "countries/co.toml",
		Partners: []model.Partner{{Name: "Corporación para los Derechos Sociales", Lead: true}},
		Event: model.Event{
			Date: d("2027-10-21"), City: "Bogotá", Venue: "Auditorio", Format: model.FormatClosedMeeting,
			Sessions: []model.Session{
				{Title: "Bienvenida", Minutes: 20, Speaker: "Corporación"},
				{Title: "Ratificación: ¿qué falta?", Minutes: 45},
				{Title: "Cierre", Minutes: 15, Speaker: "Todas las personas"},
			},
			RequestSCMember: true,
		},
		Situation: model.Situation{Summary: "Desigualdad territorial profunda.",
			Rights: []model.RightSituation{{Right: "food", Summary: "Inseguridad alimentaria rural."}}},
		Cases: []model.Case{{ID: "co-1", Title: "Desalojo de una comunidad campesina", Date: d("2026-05-10"),
			Location: "Cauca", Rights: []model.Right{"food", "housing"},
			Summary: "Familias desalojadas sin alternativa.", Confidentiality: model.ConfidentialityPublic}},
		Remedies: model.Remedies{Summary: "La tutela funciona en parte.", ConstitutionESCR: model.ConstitutionDirective},
		Politics: model.Politics{Summary: "El Gobierno no se ha pronunciado.", ICESCR: "signed"},
	}
	ws.Countries = []model.Country{ci, co, ua}
	return ws
}
