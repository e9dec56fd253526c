package outcome

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"opkit/internal/atomicfile"
	"opkit/internal/model"
	"opkit/internal/workspace"
)

var generateExamples = flag.Bool("generate-examples", false, "write the demo's example returns to examples/demo/returns/")

const (
	demoDir    = "../../examples/demo"
	returnsDir = "../../examples/demo/returns"
)

// demoReturn is what one fictional partner wrote back. Choices are codes,
// shown in the pack's language when written.
type demoReturn struct {
	file    string // partners name their files as they like
	code    string
	scalars map[string]any // string (text or code), int, model.Date
	tables  map[string][][]any
	// keep10: this return stays the one made with template 1.0 (opkit
	// 0.1), so the demo consolidates returns of two template versions.
	keep10 bool
}

// more11 are the answers to what template 1.1 added, per return.
var more11 = map[string]demoReturn{
	"CI": {scalars: map[string]any{
		SCMemberPresent: Yes, ParticipantsGovernment: 6, ParticipantsParliament: 4, ParticipantsNHRI: 2,
		ParticipantsCivil: 88, ParticipantsAffected: 21, ParticipantsMedia: 7, ParticipantsWomen: 71,
		PositionBasis: BasisMeeting, PositionPublic: Yes, DeclarationAdopted: DeclarationAdoptedAsIs,
		FollowupDate: d(2027, 10, 14),
	}, tables: map[string][][]any{
		TableAuthorities: {
			{"M. Konan Yao (fictif)", "Député", "Commission des affaires sociales de l'Assemblée nationale", "Soutiendra une audition sur le Protocole en octobre"},
			{"Mme Awa Traoré (fictive)", "Commissaire", "Conseil national des droits de l'homme", "Favorable à la signature et à la ratification"},
		},
		TableCommitments: {
			{"Ministère de la Justice et des Droits de l'Homme", "Transmettre une note favorable à la signature au ministère des Affaires étrangères", d(2027, 9, 15)},
			{"Commission des affaires sociales", "Tenir une audition sur le Protocole", d(2027, 10, 14)},
		},
		TableMediaLinks: {
			{"RTI 1, journal du soir", "https://rti.example.ci/journal/2027-08-05", "national television"},
			{"Fraternité Matin", "https://fratmat.example.ci/article/protocole-pidesc", "national daily"},
		},
	}},
	"CO": {scalars: map[string]any{
		SCMemberPresent: No, ParticipantsGovernment: 3, ParticipantsParliament: 9, ParticipantsNHRI: 3,
		ParticipantsCivil: 118, ParticipantsAffected: 24, ParticipantsMedia: 5, ParticipantsWomen: 90,
		PositionBasis: BasisPublicStatement, PositionPublic: Yes, DeclarationAdopted: DeclarationAdoptedWithChanges,
		FollowupDate: d(2027, 11, 18),
	}, tables: map[string][][]any{
		TableAuthorities: {
			{"Defensor delegado (ficticio)", "Defensor delegado para los derechos sociales", "Defensoría del Pueblo", "Apoya la ratificación y ofreció un concepto técnico"},
		},
		TableCommitments: {
			{"Comisión Segunda del Senado", "Radicar el proyecto de ley aprobatoria del Protocolo", d(2028, 3, 16)},
		},
		TableMediaLinks: {
			{"Radio comunitaria del Cauca", "https://radio.example.co/foro-protocolo", "2.300 reproducciones"},
		},
	}},
	"SN": {scalars: map[string]any{
		// A coalition-only return whose government spoke in public: the
		// report may name its position (op_position_public).
		SCMemberPresent: Yes, ParticipantsGovernment: 5, ParticipantsCivil: 31, ParticipantsAffected: 6, ParticipantsWomen: 22,
		PositionBasis: BasisPublicStatement, PositionPublic: Yes, DeclarationAdopted: DeclarationAdoptedAsIs,
		FollowupDate: d(2027, 9, 20),
	}, tables: map[string][][]any{
		TableAuthorities: {
			{"M. Ousmane Ndiaye (fictif)", "Directeur des droits humains", "Ministère de la Justice", "Le projet de loi de ratification est en préparation"},
		},
		TableCommitments: {
			{"Ministère de la Justice", "Transmettre le projet de loi autorisant la ratification au Secrétariat général du gouvernement", d(2027, 9, 20)},
		},
		TableMediaLinks: {
			{"Le Soleil", "https://lesoleil.example.sn/societe/protocole-pidesc", "quotidien national"},
		},
	}},
	"TR": {scalars: map[string]any{
		SCMemberPresent: No, ParticipantsParliament: 2, ParticipantsCivil: 35, ParticipantsMedia: 0, ParticipantsWomen: 24,
		PositionBasis: BasisPrivateRemark, PositionPublic: No, DeclarationAdopted: DeclarationNotAdopted,
	}, tables: map[string][][]any{
		TableAuthorities: {
			{"Member of the Human Rights Inquiry Committee (fictional)", "Member of parliament", "Grand National Assembly", "Asked for a briefing; no position"},
		},
		TableCommitments: {
			{"Social Rights Initiative", "Brief the members of the Human Rights Inquiry Committee", d(2027, 10, 15)},
		},
		TableMediaLinks: {
			{"Online news site (fictional)", "https://news.example.tr/op-icescr-roundtable", "about 3,000 readers"},
		},
	}},
	"UA": {scalars: map[string]any{
		SCMemberPresent: Yes, ParticipantsGovernment: 4, ParticipantsParliament: 3, ParticipantsNHRI: 2,
		ParticipantsCivil: 61, ParticipantsAffected: 18, ParticipantsMedia: 8, ParticipantsWomen: 63,
		PositionBasis: BasisMeeting, PositionPublic: Yes, DeclarationAdopted: DeclarationAdoptedWithChanges,
		FollowupDate: d(2027, 9, 15),
	}, tables: map[string][][]any{
		TableAuthorities: {
			{"Representative of the Commissioner (fictional)", "Head of the social rights department", "Parliament Commissioner for Human Rights", "Supports ratification"},
		},
		TableCommitments: {
			{"Ministry of Foreign Affairs", "Ask the Ministry of Social Policy for a cost assessment", d(2027, 9, 30)},
			{"Parliament Commissioner for Human Rights", "Publish a statement supporting ratification", d(2027, 9, 1)},
		},
		TableMediaLinks: {
			{"Suspilne radio", "https://radio.example.ua/interview-op-icescr", "national public radio"},
			{"Commissioner's press release", "https://ombudsman.example.ua/news/op-icescr", "official website"},
		},
	}},
}

// with11 is r with its answers to template 1.1's fields, unless it keeps
// the 1.0 template.
func with11(r demoReturn) demoReturn {
	m, ok := more11[r.code]
	if r.keep10 || !ok {
		return r
	}
	out := demoReturn{file: r.file, code: r.code, scalars: map[string]any{}, tables: map[string][][]any{}}
	for k, v := range r.scalars {
		out.scalars[k] = v
	}
	for k, v := range m.scalars {
		out.scalars[k] = v
	}
	for k, v := range r.tables {
		out.tables[k] = v
	}
	for k, v := range m.tables {
		out.tables[k] = v
	}
	return out
}

func d(y int, m time.Month, day int) model.Date { return model.Date{Year: y, Month: m, Day: day} }

var demoReturns = []demoReturn{
	{file: "ci-outcome.xlsx", code: "CI", scalars: map[string]any{
		EventHeld: Yes, EventDate: d(2027, 8, 5), EventCity: "Abidjan", EventFormat: "public-forum",
		Participants: 134, Organisations: 27, AuthorityPresent: Yes,
		AuthorityName: "Mme Adjoua Koffi (fictive)", AuthorityTitle: "Directrice des droits de l'homme",
		AuthorityInstitution: "Ministère de la Justice et des Droits de l'Homme",
		SignPosition:         SignLater, RatifyPosition: IntendsToRatify,
		AuthorityStatement: "La directrice a indiqué que le dossier de signature est à l'étude au ministère des Affaires étrangères " +
			"et qu'une signature « dans les prochains mois » est envisagée. Elle a confirmé que la ratification serait " +
			"soumise à l'Assemblée nationale après avis du Conseil national des droits de l'homme.",
		Media:            "Reportage au journal télévisé du soir (RTI 1) ; deux articles dans la presse quotidienne ; diffusion en direct sur la page du collectif.",
		SupportRequested: "Une note juridique de la Coalition sur la compatibilité du Protocole avec le droit ivoirien, et la présence d'un membre du Comité de pilotage lors d'une rencontre avec les parlementaires en octobre.",
		Sharing:          SharingPublic, SubmittedBy: "Aya Kouassi", SubmitterOrganisation: "Collectif ivoirien pour les droits sociaux (fictif)",
		SubmitterEmail: "contact@ci.example.org", SubmittedOn: d(2027, 8, 12),
	}, tables: map[string][][]any{
		TableOpportunities: {
			{"Le ministère de la Justice s'est engagé publiquement à transmettre une note favorable à la signature", "Ministère de la Justice"},
			{"La commission des affaires sociales de l'Assemblée prépare une audition sur le droit au logement", "Députés de la commission"},
			{"Les associations de quartier d'Abobo documentent désormais les coupures d'eau de façon systématique", "Réseau d'Abobo"},
		},
		TableChallenges: {
			{"Méconnaissance du Protocole au sein de l'administration", ChallengeAwareness},
			{"Crainte d'un afflux de plaintes sur le logement", ChallengePolitical},
			{"Peu d'avocats formés aux droits économiques et sociaux", ChallengeResources},
		},
		TableNextSteps: {
			{"Remettre au ministère des Affaires étrangères la note juridique sur la signature", "Collectif", d(2027, 9, 1), Yes},
			{"Organiser une audition à l'Assemblée nationale", "Collectif et réseau d'Abobo", d(2027, 10, 15), Yes},
			{"Former dix avocats au mécanisme de plaintes", "Barreau d'Abidjan", d(2027, 12, 1), No},
		},
		TableCasesRaised: {
			{"ci-2026-01", "Les familles présentes ont témoigné ; le ministère a promis un recensement des ménages expulsés."},
			{"ci-2026-02", "Exemple cité pour montrer l'absence de recours effectif contre la société de distribution."},
		},
	}},
	{file: "CO-resultado-foro-Bogota.xlsx", code: "CO", scalars: map[string]any{
		EventHeld: Yes, EventDate: d(2027, 10, 21), EventCity: "Bogotá", EventFormat: "public-forum",
		Participants: 162, Organisations: 41, AuthorityPresent: Yes,
		AuthorityName: "Senadora Lucía Herrera (ficticia)", AuthorityTitle: "Presidenta",
		AuthorityInstitution: "Comisión Segunda del Senado",
		SignPosition:         SignLater, RatifyPosition: IntendsToRatify,
		AuthorityStatement: "La presidenta de la Comisión Segunda anunció que radicará el proyecto de ley aprobatoria del Protocolo " +
			"en la próxima legislatura, con el respaldo de tres bancadas. Reconoció que la Cancillería aún debe firmar el instrumento.",
		Media:            "Entrevista en una radio comunitaria del Cauca; nota en un diario nacional; transmisión en vivo con 2.300 reproducciones.",
		SupportRequested: "Acompañamiento de la Coalición ante la Cancillería para acelerar la firma y ejemplos de leyes aprobatorias de otros países de la región.",
		Sharing:          SharingPublic, SubmittedBy: "Daniela Rojas", SubmitterOrganisation: "Corporación para los Derechos Sociales (ficticia)",
		SubmitterEmail: "contacto@co.example.org", SubmittedOn: d(2027, 10, 28),
	}, tables: map[string][][]any{
		TableOpportunities: {
			{"Tres bancadas del Senado apoyan un proyecto de ley aprobatoria", "Comisión Segunda del Senado"},
			{"La Defensoría del Pueblo ofreció un concepto técnico favorable", "Defensoría del Pueblo"},
			{"Las organizaciones campesinas quieren documentar casos de acceso al agua", "Red de Organizaciones Campesinas del Cauca"},
			{"Interés de facultades de derecho en una clínica jurídica sobre el Protocolo", "Universidades"},
		},
		TableChallenges: {
			{"La Cancillería no ha fijado fecha para la firma", ChallengePolitical},
			{"Dudas sobre la relación entre la tutela y el procedimiento de comunicaciones", ChallengeLegal},
			{"Escasa cobertura de los derechos sociales en los medios", ChallengeAwareness},
		},
		TableNextSteps: {
			{"Carta conjunta a la Cancillería pidiendo la firma antes de fin de año", "Corporación y Red Campesina", d(2027, 11, 15), Yes},
			{"Presentar el proyecto de ley aprobatoria", "Comisión Segunda del Senado", d(2028, 3, 16), No},
			{"Taller con jueces sobre la tutela y el Protocolo", "Clínica jurídica universitaria", d(2028, 2, 20), Yes},
		},
		TableCasesRaised: {
			{"co-2026-01", "La comunidad relató la temporada seca; la Defensoría pidió información a la alcaldía."},
			{"co-2026-02", "Se discutió como ejemplo de falta de recursos efectivos en zonas rurales."},
		},
	}},
	{file: "sn-outcome-final.xlsx", code: "SN", scalars: map[string]any{
		EventHeld: Yes, EventDate: d(2027, 8, 10), EventCity: "Dakar", EventFormat: "roundtable",
		Participants: 28, Organisations: 14, AuthorityPresent: Yes,
		AuthorityName: "M. Ousmane Ndiaye (fictif)", AuthorityTitle: "Conseiller technique chargé des droits humains",
		AuthorityInstitution: "Ministère de la Justice",
		SignPosition:         HasSigned, RatifyPosition: RatificationUnderWay,
		AuthorityStatement: "Le conseiller a rappelé que le Sénégal a signé le Protocole le 24 septembre 2009 et confirmé que le projet " +
			"de loi autorisant la ratification sera présenté en Conseil des ministres avant la fin de l'année.",
		Media:            "Communiqué repris par l'agence de presse nationale.",
		SupportRequested: "Un appui pour préparer la déclaration au titre des articles 10 et 11 (communications interétatiques et enquêtes).",
		Sharing:          SharingCoalitionOnly, SubmittedBy: "Mariama Sarr", SubmitterOrganisation: "Forum sénégalais pour les droits économiques et sociaux (fictif)",
		SubmitterEmail: "forum@sn.example.org", SubmittedOn: d(2027, 8, 16),
	}, tables: map[string][][]any{
		TableOpportunities: {
			{"Engagement public du gouvernement à engager la ratification cette année", "Ministère de la Justice"},
			{"Calendrier de ratification présenté par le ministère", "Gouvernement et Assemblée nationale"},
		},
		TableChallenges: {
			{"Délais de la procédure parlementaire", ChallengeLegal},
			{"Manque de moyens de l'inspection du travail pour documenter les cas", ChallengeResources},
		},
		TableNextSteps: {
			{"Suivre l'inscription du projet de loi en Conseil des ministres", "Forum sénégalais", d(2027, 11, 30), No},
			{"Préparer une note sur les déclarations des articles 10 et 11", "Coalition", d(2027, 10, 31), Yes},
		},
		TableCasesRaised: {
			{"sn-2025-01", "Le ministère a annoncé une circulaire sur l'inscription aux examens."},
		},
	}},
	{file: "tr-outcome.xlsx", code: "TR", scalars: map[string]any{
		EventHeld: Yes, EventDate: d(2027, 8, 19), EventCity: "İstanbul", EventFormat: "roundtable",
		Participants: 37, Organisations: 19, AuthorityPresent: No,
		SignPosition: WillNotSign, RatifyPosition: Opposed,
		AuthorityStatement: "The ministry declined the invitation. In a letter read at the meeting it restated that existing European " +
			"remedies are sufficient and that signature is not planned.",
		Media:            "Two articles in independent online media; no coverage in national broadcasters.",
		SupportRequested: "Comparative notes on how the Protocol and the European Social Charter's collective complaints procedure fit together, for parliamentarians.",
		Sharing:          SharingCoalitionOnly, SubmittedBy: "Elif Yıldırım", SubmitterOrganisation: "Sosyal Haklar Girişimi — Social Rights Initiative (fictional)",
		SubmitterEmail: "iletisim@tr.example.org", SubmittedOn: d(2027, 8, 27),
	}, tables: map[string][][]any{
		TableOpportunities: {
			{"Two members of the Human Rights Inquiry Committee asked for a briefing", "Members of parliament"},
			{"Bar associations offered to host training on the Protocol", "Bar associations"},
		},
		TableChallenges: {
			{"Government position that European remedies are sufficient", ChallengePolitical},
			{"Little public debate on economic and social rights", ChallengeAwareness},
			{"Uncertainty about how the Protocol relates to the Constitutional Court's individual application", ChallengeLegal},
		},
		TableNextSteps: {
			{"Briefing for members of the Human Rights Inquiry Committee", "Social Rights Initiative", d(2027, 10, 15), Yes},
			{"Publish a short explainer in Turkish on the Protocol", "Workers' Health Platform", d(2027, 11, 30), No},
		},
		TableCasesRaised: {
			{"tr-2026-01", "Participants linked the case to the absence of a remedy for tenants."},
			{"tr-2026-02", "Discussed in closed session."},
		},
	}},
	{file: "ua-outcome.xlsx", code: "UA", scalars: map[string]any{
		EventHeld: Yes, EventDate: d(2027, 8, 6), EventCity: "Київ", EventFormat: "public-forum",
		Participants: 96, Organisations: 33, AuthorityPresent: Yes,
		AuthorityName: "Representative of the ministry (fictional)", AuthorityTitle: "Deputy Director, Department of International Law",
		AuthorityInstitution: "Ministry of Foreign Affairs of Ukraine",
		SignPosition:         HasSigned, RatifyPosition: Undecided,
		AuthorityStatement: "The deputy director said that the ministry sees no legal obstacle to ratification but that a decision " +
			"depends on an assessment of the budgetary impact by the Ministry of Social Policy.",
		Media:            "Panel streamed online; interview on public radio; press release by the Parliament Commissioner for Human Rights.",
		SupportRequested: "Evidence from other States on the cost of implementing views of the Committee.",
		Sharing:          SharingPublic, SubmittedBy: "Оксана Коваленко", SubmitterOrganisation: "Громадська ініціатива «Соціальні права» (fictional)",
		SubmitterEmail: "info@ua.example.org", SubmittedOn: d(2027, 8, 13),
	}, tables: map[string][][]any{
		TableOpportunities: {
			{"The Parliament Commissioner for Human Rights publicly supports ratification", "Commissioner's office"},
			{"EU accession reforms include social rights benchmarks", "Government office for European integration"},
		},
		TableChallenges: {
			{"Concern about the budgetary cost of compliance during reconstruction", ChallengeResources},
			{"Competing legislative priorities", ChallengePolitical},
		},
		TableNextSteps: {
			{"Send the ministry a note on costs in other States", "Coalition", d(2027, 9, 5), Yes},
			{"Meet the Ministry of Social Policy", "Civic Initiative and Displaced Residents' Council", d(2027, 9, 15), No},
		},
		TableCasesRaised: {
			{"ua-2026-01", "Residents described the eviction; the Commissioner's office will follow up."},
			{"ua-2026-02", "Raised to show the gap in administrative remedies."},
		},
	}},
	{file: "vn-outcome.xlsx", code: "VN", keep10: true, scalars: map[string]any{
		EventHeld: Yes, EventDate: d(2027, 8, 17), EventCity: "Hà Nội", EventFormat: "closed-meeting",
		Participants: 14, Organisations: 6, AuthorityPresent: No,
		SignPosition: NoInformation, RatifyPosition: NoInformation,
		AuthorityStatement: "No authority attended. A researcher of a government institute said informally that the Protocol is not on the agenda this year.",
		SupportRequested:   "Translated materials on the Protocol and a discreet exchange with researchers from the region.",
		Sharing:            SharingAnonymised, SubmittedBy: "Nguyễn Thị Hương", SubmitterOrganisation: "Social Rights Study Group (fictional)",
		SubmitterEmail: "nhom@vn.example.org", SubmittedOn: d(2027, 8, 24),
	}, tables: map[string][][]any{
		TableOpportunities: {
			{"Researchers interested in comparative studies of complaint procedures", "Research institutes"},
		},
		TableChallenges: {
			{"Little space for public discussion", ChallengePolitical},
			{"Materials on the Protocol are not available in Vietnamese", ChallengeAwareness},
		},
		TableNextSteps: {
			{"Translate the briefing on the Protocol", "Study group", d(2027, 12, 15), Yes},
		},
		TableCasesRaised: {
			{"vn-2026-02", "Discussed without names."},
		},
	}},
}

// fillReturn turns a demo return into a fill specification in the pack's
// language.
func fillReturn(t *testing.T, r demoReturn, c *model.Country) fillSpec {
	t.Helper()
	lang := packLang(c)
	conv := func(kind Kind, opts []Option, v any) fv {
		switch x := v.(type) {
		case model.Date:
			return fv{"d": x.String()}
		case int:
			return fv{"n": x}
		case string:
			switch kind {
			case KindChoice:
				if OptionByCode(opts, x) == nil {
					t.Fatalf("%s: %q is not a code", r.code, x)
				}
				return fv{"s": OptionLabel(opts, x, lang)}
			case KindCase:
				for _, k := range c.CasesUpTo(model.ConfidentialityEvent) {
					if k.ID == x {
						return fv{"s": caseLabel(k)}
					}
				}
				t.Fatalf("%s: no case %s in the participants' briefing", r.code, x)
			}
			return fv{"s": x}
		}
		t.Fatalf("%s: value %#v", r.code, v)
		return nil
	}
	s := fillSpec{Names: map[string]fv{}, Tables: map[string][]row{}}
	for name, v := range r.scalars {
		f := FieldByName(name)
		s.Names[name] = conv(f.Kind, f.Options, v)
	}
	for name, rows := range r.tables {
		tb := TableByName(name)
		for _, cells := range rows {
			var out row
			for i, v := range cells {
				out = append(out, conv(tb.Columns[i].Kind, tb.Columns[i].Options, v))
			}
			s.Tables[name] = append(s.Tables[name], out)
		}
	}
	return s
}

// TestGenerateExamples writes the demo's example returns: each pack's
// workbook filled through its names, then saved once by LibreOffice so that
// the demo consolidates files from a second spreadsheet program.
//
//	go test ./internal/outcome -run TestGenerateExamples -generate-examples
func TestGenerateExamples(t *testing.T) {
	if !*generateExamples {
		t.Skip("run with -generate-examples")
	}
	ws, ds := workspace.LoadDir(demoDir)
	if ws == nil || ds.HasErrors() {
		t.Fatalf("demo workspace: %v", ds)
	}
	stampDemo := ws.Campaign.SignatureDate.Time()
	dir := t.TempDir()
	var files []string
	var made []demoReturn
	for _, r := range demoReturns {
		if r.keep10 {
			continue // its file stays as opkit 0.1 made it
		}
		r = with11(r)
		made = append(made, r)
		c := ws.Country(r.code)
		if c == nil {
			t.Fatalf("no demo country %s", r.code)
		}
		data, err := Write(c, &ws.Campaign, WriteOptions{Stamp: stampDemo})
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, r.file)
		if err := os.WriteFile(p, fillExcelize(t, data, fillReturn(t, r, c)), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	out := filepath.Join(dir, "lo")
	soffice(t, out, "xlsx", files...)
	for _, r := range made {
		data, err := os.ReadFile(filepath.Join(out, r.file))
		if err != nil {
			t.Fatal(err)
		}
		if err := atomicfile.Write(filepath.Join(returnsDir, r.file), data); err != nil {
			t.Fatal(err)
		}
	}
}

// TestExampleReturns reads the returns the demo ships: they must be clean,
// varied and cover the pack languages, or the demo shows less than it
// should.
func TestExampleReturns(t *testing.T) {
	entries, err := os.ReadDir(returnsDir)
	if os.IsNotExist(err) {
		t.Skip("no example returns yet")
	}
	if err != nil {
		t.Fatal(err)
	}
	ws, _ := workspace.LoadDir(demoDir)
	if ws == nil {
		t.Skip("demo workspace not loadable")
	}
	var sharing, langs []string
	versions := map[string]bool{}
	countries := 0
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".xlsx") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(returnsDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		o, ds, err := Read(e.Name(), data, DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range ds {
			t.Errorf("%s", d)
		}
		c := ws.Country(o.Scalar(CountryCode))
		if c == nil {
			t.Errorf("%s: unknown country %q", e.Name(), o.Scalar(CountryCode))
			continue
		}
		countries++
		versions[o.TemplateVersion] = true
		sharing = append(sharing, o.Scalar(Sharing))
		langs = append(langs, c.Language)
		for _, tb := range Tables {
			if before(o.TemplateVersion, tb.Since) {
				continue // a return made before the table existed
			}
			if len(o.Tables[tb.Name]) == 0 {
				t.Errorf("%s: table %s is empty", e.Name(), tb.Name)
			}
		}
	}
	if countries*2 <= len(ws.Countries) {
		t.Errorf("%d returns for %d demo countries", countries, len(ws.Countries))
	}
	for _, want := range []string{SharingAnonymised, SharingCoalitionOnly, SharingPublic} {
		if !slices.Contains(sharing, want) {
			t.Errorf("no return shared as %s", want)
		}
	}
	for _, want := range []string{"fr", "es"} {
		if !slices.Contains(langs, want) {
			t.Errorf("no return in %s", want)
		}
	}
	// The demo consolidates returns of both templates: 1.0 (opkit 0.1) and
	// the current one.
	for _, want := range []string{"1.0", TemplateVersion} {
		if !versions[want] {
			t.Errorf("no return made with template %s (have %v)", want, versions)
		}
	}
}
