package render

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"opkit/internal/model"
	"opkit/templates"
)

// outreachDocs are the templates that receive Outreach or Discussion.
var outreachDocs = []string{"invitation", "declaration", "press", "letter", "discussion"}

// TestCall renders the declaration for every status a country can be in
// and checks the call it makes (SPEC.md: not signed -> sign, signature
// stays open, or accede; signed -> ratify; party -> Arts. 10/11 and
// implementation; the Covenant first where Art. 17 requires it).
func TestCall(t *testing.T) {
	ws := fixture()
	eng := NewEngine(nil)
	before, after := model.Date{Year: 2027, Month: 8, Day: 6}, model.Date{Year: 2027, Month: 10, Day: 6}
	signed := model.Date{Year: 2009, Month: 9, Day: 24}
	tests := []struct {
		name   string
		status model.OPStatus
		icescr model.ICESCRStatus
		date   model.Date
		decl   []model.Declaration
		want   []string // in the English declaration
		not    []string
	}{
		{"not signed, before the treaty event", model.OPNone, model.ICESCRRatified, before, nil,
			[]string{"to sign the Optional Protocol at the treaty event at United Nations Headquarters, New York on 24 September 2027 and to ratify it without delay, or to accede to it directly", "declarations under Articles 10 and 11"},
			[]string{"remains open"}},
		{"not signed, after the treaty event", model.OPNone, model.ICESCRRatified, after, nil,
			[]string{"which remains open for signature (Art. 17)", "or to accede to it directly"},
			[]string{"at the treaty event"}},
		{"not signed, Covenant signed only", model.OPNone, model.ICESCRSigned, before, nil,
			[]string{"to sign the Optional Protocol at the treaty event", "to ratify the Covenant, so that it can then ratify the Protocol"},
			[]string{"accede to it directly"}},
		{"not signed, Covenant not joined", model.OPNone, model.ICESCRNone, before, nil,
			[]string{"to sign the International Covenant on Economic, Social and Cultural Rights, or to accede to it", "then to sign the Optional Protocol"},
			nil},
		{"signed", model.OPSigned, model.ICESCRRatified, before, nil,
			[]string{"to ratify the Optional Protocol, which it signed on 24 September 2009", "if possible at the treaty event on 24 September 2027",
				"declarations under Article 10 (communications from other States) and Article 11 (inquiries into grave or systematic violations)",
				"to refrain from acts that would defeat the object and purpose"},
			[]string{"to sign the Optional Protocol"}},
		{"party with Art. 10 made", model.OPRatified, model.ICESCRRatified, before, []model.Declaration{model.DeclarationArt10},
			[]string{"to make the declaration under Article 11", "reply to them in writing within six months (Art. 9)"},
			[]string{"Article 10 (", "to sign", "to ratify the Optional"}},
		{"acceded with both declarations", model.OPAcceded, model.ICESCRRatified, before, []model.Declaration{model.DeclarationArt10, model.DeclarationArt11},
			[]string{"due consideration to the views of the Committee"},
			[]string{"to make the declaration", "to sign", "to ratify"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := *ws.Country("UA")
			c.Politics.OPStatus, c.Politics.ICESCR, c.Politics.OPDeclarations = tt.status, tt.icescr, tt.decl
			if tt.status != model.OPNone {
				c.Politics.OPStatusDate = signed
			}
			c.Event.Date = tt.date
			src, err := eng.Execute("en", "declaration", OutreachData(ws, &c, nil))
			if err != nil {
				t.Fatal(err)
			}
			txt := strings.Join(strings.Fields(string(src)), " ")
			for _, w := range tt.want {
				if !strings.Contains(txt, w) {
					t.Errorf("missing %q in:\n%s", w, txt)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(txt, w) {
					t.Errorf("unexpected %q in:\n%s", w, txt)
				}
			}
			// Every branch of every document renders in every language.
			for _, lang := range []string{"en", "fr", "es"} {
				c.Language = lang
				for _, name := range outreachDocs {
					var data any = OutreachData(ws, &c, nil)
					if name == "discussion" {
						data = DiscussionData(ws, &c, nil)
					}
					if _, err := eng.Render(lang, name, data, Document{}); err != nil {
						t.Errorf("%s/%s: %v", lang, name, err)
					}
				}
			}
		})
	}
}

// TestOutreachAudience: the government's and the public's documents get
// data that cannot reach the organisers' material, whatever a template
// asks: Outreach has no field that holds it.
func TestOutreachAudience(t *testing.T) {
	ws := fixture()
	c := ws.Country("UA")
	c.Politics.Summary = "SECRET reading"
	c.Politics.Obstacles = []string{"SECRET obstacle"}
	eng := NewEngine(nil)
	for _, name := range []string{"invitation", "declaration", "press", "letter"} {
		for _, field := range []string{".Country.Politics.Summary", ".Politics", ".Triage", ".Stance", ".Obstacles", ".Cases"} {
			tmpl := "{{" + field + "}}"
			e := NewEngine(fstest.MapFS{"en/" + name + ".md.tmpl": {Data: []byte(tmpl)}})
			if out, err := e.Execute("en", name, OutreachData(ws, c, nil)); err == nil {
				t.Errorf("%s: %s printed %q", name, field, out)
			}
		}
		out, err := eng.Execute("en", name, OutreachData(ws, c, nil))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(out), "SECRET") {
			t.Errorf("%s prints the organisers' material", name)
		}
	}
}

// TestOutreachTemplateFields: the language variants of a document use the
// same data fields, so a translation cannot drop the call or the city.
// pt, ru and ar (other lanes') may build phrases their own way but use no
// field English does not.
var comments = regexp.MustCompile(`(?s)\{\{-?\s*/\*.*?\*/\s*-?\}\}`)

func TestOutreachTemplateFields(t *testing.T) {
	field := regexp.MustCompile(`(?:\$\w*|\B)(\.[A-Z]\w*)+`)
	fields := func(lang, name string) []string {
		b, err := fs.ReadFile(templates.FS, lang+"/"+name+".md.tmpl")
		if err != nil {
			return nil
		}
		// The comments (the version line, the one listing the data in
		// prose) are not fields.
		src := comments.ReplaceAllString(string(b), "")
		var out []string
		for _, m := range field.FindAllString(src, -1) {
			m = m[strings.Index(m, "."):]
			if !slices.Contains(out, m) {
				out = append(out, m)
			}
		}
		slices.Sort(out)
		return out
	}
	dirs, err := fs.ReadDir(templates.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range outreachDocs {
		en := fields("en", name)
		if len(en) == 0 {
			t.Fatalf("en/%s.md.tmpl uses no field", name)
		}
		for _, d := range dirs {
			lang := d.Name()
			if !d.IsDir() || lang == "en" {
				continue
			}
			got := fields(lang, name)
			if got == nil {
				continue
			}
			switch lang {
			case "fr", "es":
				if !slices.Equal(got, en) {
					t.Errorf("%s/%s uses fields %v, en uses %v", lang, name, got, en)
				}
			default:
				for _, f := range got {
					if !slices.Contains(en, f) {
						t.Errorf("%s/%s uses %s, which en does not", lang, name, f)
					}
				}
			}
		}
	}
}

func TestCountryOf(t *testing.T) {
	tests := []struct{ code, lang, want string }{
		{"SN", "fr", "du Sénégal"},
		{"CI", "fr", "de la Côte d'Ivoire"},
		{"UA", "fr", "de l'Ukraine"},
		{"US", "fr", "des États-Unis d'Amérique"},
		{"HT", "fr", "d'Haïti"},
		{"ST", "fr", "de Sao Tomé-et-Principe"},
		{"EC", "es", "del Ecuador"},
		{"CO", "es", "de Colombia"},
		{"UA", "en", "of Ukraine"},
	}
	for _, tt := range tests {
		if got := countryOf(tt.code, tt.lang); got != tt.want {
			t.Errorf("countryOf(%s, %s) = %q, want %q", tt.code, tt.lang, got, tt.want)
		}
	}
}
