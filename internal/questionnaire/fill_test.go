package questionnaire_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/xuri/excelize/v2"

	"opkit/internal/model"
	"opkit/internal/outcome"
	"opkit/internal/questionnaire"
	"opkit/internal/testtool"
	"opkit/internal/workspace"
)

// v is one value a filler types: {"s": text}, {"n": number}, {"d": date}.
type v map[string]any

type fillSpec struct {
	Names  map[string]v     `json:"names"`
	Tables map[string][][]v `json:"tables"`
}

// frenchSpec is a new Beninese country typed by a French-speaking partner:
// labels in French (some without accents or in lower case, as people type),
// dates as dates, numbers as numbers, lists one per line.
func frenchSpec() fillSpec {
	s := func(t string) v { return v{"s": t} }
	return fillSpec{
		Names: map[string]v{
			"q_country_name":                      s("Bénin"),
			"q_country_region":                    s("Afrique"),
			"q_country_stance":                    s("enclin a signer"),
			"q_country_visibility":                s("Publique"),
			"q_country_phase":                     s("Signature"),
			"q_event_format":                      s("Table ronde"),
			"q_event_date":                        v{"d": "2027-08-10"},
			"q_event_start":                       s("09:30"),
			"q_event_city":                        s("Cotonou"),
			"q_event_venue":                       s("Salle « Les Cocotiers » ; Akpakpa"),
			"q_event_expected_participants":       v{"n": 45},
			"q_event_languages":                   s("fr, en"),
			"q_event_request_sc_member":           s("Oui"),
			"q_situation_summary":                 s("Première ligne.\nDeuxième ligne, avec « guillemets » et 100 %."),
			"q_remedies_summary":                  s("Les recours existent mais sont lents."),
			"q_remedies_constitution_escr":        s("Principes directeurs de la politique de l'État"),
			"q_politics_public_summary":           s("Un débat public est en cours."),
			"q_politics_summary":                  s("Signaux privés favorables au ministère."),
			"q_politics_icescr":                   s("Ratifié"),
			"q_politics_op_status":                s("Non signé"),
			"q_politics_op_declarations.art10":    s("Non"),
			"q_politics_op_declarations.art11":    s("Non"),
			"q_politics_obstacles":                s("Calendrier électoral\nManque d'information"),
			"q_politics_allies":                   s("Commission béninoise des droits de l'homme"),
			"q_politics_responsible_institutions": s("Ministère des Affaires étrangères"),
		},
		Tables: map[string][][]v{
			"Partners": {
				{s("Réseau béninois pour les DESC"), s("Aïcha Dossou"), s("desc@bj.example.org"), s("Oui")},
				{s("Association des femmes de Cotonou"), nil, nil, s("Non")},
			},
			"Authorities": {{s("Direction des droits de l'homme"), s("Directrice"), s("Ministère de la Justice"), s("Invité·e")}},
			"Sessions":    {{s("Accueil"), v{"n": 15}, nil}, {s("La situation des droits"), v{"n": 45}, s("Réseau")}},
			"Rights":      {{s("Logement convenable"), s("Expulsions à Cotonou.")}},
			"Indicators":  {{s("Logement convenable"), s("Ménages expulsés"), s("1 200"), v{"n": 2026}, s("Rapport du réseau")}},
			"Cases": {{s("bj-1"), s("Expulsions de Fifadji"), v{"d": "2026-04-02"}, s("Cotonou"), s("Logement convenable; Eau et assainissement"),
				s("Deux cents familles expulsées."), s("200 familles"), s("Recours devant le tribunal, sans suite"), s("Une communication après épuisement des recours"),
				s("Public"), s("Rapport 2026\nArticle de presse")}},
			"Mechanisms": {{s("Cour constitutionnelle"), s("Juridiction"), s("En partie"), s("Lente")}},
			"Gaps":       {{s("Pas d'aide juridictionnelle")}, {s("Délais excessifs")}},
			"Upcoming":   {{v{"d": "2027-06-15"}, s("Session parlementaire")}},
		},
	}
}

// frenchWant is the country the French spec must give.
func frenchWant() model.Country {
	d := func(s string) model.Date { x, _ := model.ParseDate(s); return x }
	return model.Country{
		Code: "BJ", Name: "Bénin", Region: model.RegionAfrica, Language: "fr",
		Stance: model.StanceLeaning, Visibility: model.VisibilityPublic, Phase: model.PhaseSignature,
		Partners: []model.Partner{
			{Name: "Réseau béninois pour les DESC", Contact: "Aïcha Dossou", Email: "desc@bj.example.org", Lead: true},
			{Name: "Association des femmes de Cotonou"},
		},
		Event: model.Event{
			Date: d("2027-08-10"), Start: model.Clock{Hour: 9, Minute: 30}, HasStart: true,
			City: "Cotonou", Venue: "Salle « Les Cocotiers » ; Akpakpa", Format: model.FormatRoundtable,
			ExpectedParticipants: 45, Languages: []string{"fr", "en"}, RequestSCMember: true,
			Authorities: []model.Authority{{Name: "Direction des droits de l'homme", Title: "Directrice", Institution: "Ministère de la Justice", Status: model.AuthorityInvited}},
			Sessions:    []model.Session{{Title: "Accueil", Minutes: 15}, {Title: "La situation des droits", Minutes: 45, Speaker: "Réseau"}},
		},
		Situation: model.Situation{
			Summary: "Première ligne.\nDeuxième ligne, avec « guillemets » et 100 %.",
			Rights: []model.RightSituation{{Right: "housing", Summary: "Expulsions à Cotonou.",
				Indicators: []model.Indicator{{Name: "Ménages expulsés", Value: "1 200", Year: 2026, Source: "Rapport du réseau"}}}},
		},
		Cases: []model.Case{{ID: "bj-1", Title: "Expulsions de Fifadji", Date: d("2026-04-02"), Location: "Cotonou",
			Rights: []model.Right{"housing", "water"}, Summary: "Deux cents familles expulsées.", Victims: "200 familles",
			RemediesTried: "Recours devant le tribunal, sans suite", OPRelevance: "Une communication après épuisement des recours",
			Confidentiality: model.ConfidentialityPublic, Sources: []string{"Rapport 2026", "Article de presse"}}},
		Remedies: model.Remedies{Summary: "Les recours existent mais sont lents.", ConstitutionESCR: model.ConstitutionDirective,
			Mechanisms: []model.Mechanism{{Name: "Cour constitutionnelle", Kind: "court", Effective: "partly", Notes: "Lente"}},
			Gaps:       []string{"Pas d'aide juridictionnelle", "Délais excessifs"}},
		Politics: model.Politics{PublicSummary: "Un débat public est en cours.", Summary: "Signaux privés favorables au ministère.",
			ICESCR: "ratified", OPStatus: model.OPNone,
			Upcoming:                []model.Milestone{{Date: d("2027-06-15"), What: "Session parlementaire"}},
			ResponsibleInstitutions: []string{"Ministère des Affaires étrangères"},
			Obstacles:               []string{"Calendrier électoral", "Manque d'information"},
			Allies:                  []string{"Commission béninoise des droits de l'homme"}},
	}
}

// fillExcelize types the spec through defined and table names.
func fillExcelize(t *testing.T, data []byte, s fillSpec) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	set := func(sheet, cell string, x v) {
		var err error
		switch {
		case x["s"] != nil:
			err = f.SetCellStr(sheet, cell, x["s"].(string))
		case x["n"] != nil:
			err = f.SetCellValue(sheet, cell, x["n"])
		case x["d"] != nil:
			d, _ := model.ParseDate(x["d"].(string))
			err = f.SetCellValue(sheet, cell, d.Time())
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	refs := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		refs[dn.Name] = dn.RefersTo
	}
	for name, x := range s.Names {
		sheet, cell, ok := strings.Cut(refs[name], "!")
		if !ok {
			t.Fatalf("no defined name %s", name)
		}
		set(strings.Trim(sheet, "'"), strings.ReplaceAll(cell, "$", ""), x)
	}
	for _, sheet := range f.GetSheetList() {
		tables, err := f.GetTables(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, tb := range tables {
			first, _, _ := strings.Cut(tb.Range, ":")
			col, row, err := excelize.CellNameToCoordinates(first)
			if err != nil {
				t.Fatal(err)
			}
			for i, r := range s.Tables[tb.Name] {
				for j, x := range r {
					if x != nil {
						cell, _ := excelize.CoordinatesToCellName(col+j, row+1+i)
						set(sheet, cell, x)
					}
				}
			}
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// soffice saves each file again through LibreOffice, with a profile of its
// own so that tests running at once do not lock one.
func soffice(t *testing.T, outDir string, files ...string) {
	t.Helper()
	bin := testtool.Need(t, "soffice")
	profile := t.TempDir()
	args := append([]string{"-env:UserInstallation=file://" + profile, "--headless", "--norestore",
		"--convert-to", "xlsx", "--outdir", outDir}, files...)
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "HOME="+profile)
	done := make(chan error, 1)
	var msg []byte
	go func() { var err error; msg, err = cmd.CombinedOutput(); done <- err }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("soffice: %v\n%s", err, msg)
		}
	case <-time.After(3 * time.Minute):
		cmd.Process.Kill()
		t.Fatalf("soffice did not finish")
	}
}

// TestFilledByPartners: a French questionnaire filled with French labels by
// a Go script (excelize) and by openpyxl, each also saved again by
// LibreOffice, imports to exactly the country typed.
func TestFilledByPartners(t *testing.T) {
	testtool.Need(t, "soffice")
	py := testtool.Python(t, "openpyxl")
	dir := t.TempDir()
	blank, err := questionnaire.Write("BJ", "fr", nil, questionnaire.Options{})
	if err != nil {
		t.Fatal(err)
	}
	spec := frenchSpec()
	goFile := filepath.Join(dir, "go.xlsx")
	if err := os.WriteFile(goFile, fillExcelize(t, blank, spec), 0o644); err != nil {
		t.Fatal(err)
	}
	in, js, pyFile := filepath.Join(dir, "blank.xlsx"), filepath.Join(dir, "spec.json"), filepath.Join(dir, "py.xlsx")
	b, _ := json.Marshal(spec)
	os.WriteFile(in, blank, 0o644)
	os.WriteFile(js, b, 0o644)
	// The outcome workbook's filler works through defined and table names
	// only, so it fills any workbook of the same discipline.
	if out, err := exec.Command(py, filepath.Join("..", "outcome", "testdata", "fill.py"), js, in, pyFile).CombinedOutput(); err != nil {
		t.Fatalf("fill.py: %v\n%s", err, out)
	}
	lo := filepath.Join(dir, "lo")
	soffice(t, lo, goFile, pyFile)
	want := frenchWant()
	_, camp := demo(t)
	for _, p := range []string{goFile, pyFile, filepath.Join(lo, "go.xlsx"), filepath.Join(lo, "py.xlsx")} {
		t.Run(strings.TrimPrefix(p, dir+"/"), func(t *testing.T) {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			im, ds, err := questionnaire.Import(filepath.Base(p), data, outcome.Limits{}, camp)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range ds {
				t.Errorf("unexpected: %s", d)
			}
			ws, lds := workspace.Load(fstest.MapFS{"campaign.toml": {Data: camp}, im.File(): {Data: im.TOML}}, "")
			if ws == nil || len(ws.Countries) != 1 || lds.HasErrors() {
				t.Fatalf("load: %v\n%s", lds, im.TOML)
			}
			got := comparable(ws.Countries[0])
			gv, wv := reflect.ValueOf(got), reflect.ValueOf(want)
			for i := 0; i < gv.NumField(); i++ {
				if !reflect.DeepEqual(gv.Field(i).Interface(), wv.Field(i).Interface()) {
					t.Errorf("%s:\n got %#v\nwant %#v", gv.Type().Field(i).Name, gv.Field(i).Interface(), wv.Field(i).Interface())
				}
			}
		})
	}
}
