package render

import (
	"flag"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"opkit/internal/i18n"
	"opkit/internal/model"
	"opkit/internal/testtool"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden executes every built-in template of every language on the
// fixture and compares the Markdown with testdata/*.golden.md.
func TestGolden(t *testing.T) {
	ws := fixture()
	eng := NewEngine(nil)
	for i := range ws.Countries {
		c := &ws.Countries[i]
		cases := []struct {
			name string
			tmpl string
			data any
		}{
			{"briefing-participants", "briefing", BriefingData(ws, c, Participants)},
			{"briefing-organisers", "briefing", BriefingData(ws, c, Organisers)},
			{"agenda", "agenda", AgendaData(ws, c)},
		}
		for _, tc := range cases {
			name := c.Language + "-" + tc.name
			t.Run(name, func(t *testing.T) {
				got, err := eng.Execute(c.Language, tc.tmpl, tc.data)
				if err != nil {
					t.Fatal(err)
				}
				testtool.Golden(t, filepath.Join("testdata", name+".golden.md"), got, *update)
			})
		}
	}
}

func TestAgendaTimes(t *testing.T) {
	ws := fixture()
	ua := ws.Country("UA")
	a := AgendaData(ws, ua)
	want := []string{"09:30-09:45", "09:45-10:05", "10:05-10:25", "10:25-10:55", "10:55-11:15",
		"11:15-11:30", "11:30-11:45", "11:45-12:15", "12:15-13:00", "13:00-13:15", "13:15-13:25", "13:25-13:35"}
	if len(a.Sessions) != len(want) {
		t.Fatalf("%d sessions, want %d", len(a.Sessions), len(want))
	}
	for i, s := range a.Sessions {
		if got := s.Start.String() + "-" + s.End.String(); got != want[i] {
			t.Errorf("session %d (%s): %s, want %s", i, s.Key, got, want[i])
		}
	}
	if a.End.String() != "13:35" || a.Minutes != 245 {
		t.Errorf("end %s, %d minutes", a.End, a.Minutes)
	}

	// The custom agenda, with no start time, runs from DefaultStart.
	co := AgendaData(ws, ws.Country("CO"))
	var got []string
	for _, s := range co.Sessions {
		got = append(got, s.Start.String()+"-"+s.End.String()+" "+s.Title)
	}
	wantCO := "09:00-09:20 Bienvenida|09:20-10:05 Ratificación: ¿qué falta?|10:05-10:20 Cierre"
	if strings.Join(got, "|") != wantCO || co.StartSet || !co.Custom {
		t.Errorf("custom agenda: %q", strings.Join(got, "|"))
	}

	// Past midnight the clock wraps.
	late := *ua
	late.Event.Start = model.Clock{Hour: 23, Minute: 50}
	la := AgendaData(ws, &late)
	if la.Sessions[0].End.String() != "00:05" {
		t.Errorf("wrap: %s", la.Sessions[0].End)
	}

	// A committed government, one whose intention is unknown and a
	// low-profile partner get the short meeting; the others the full one.
	for _, tc := range []struct {
		stance model.Stance
		vis    model.Visibility
		short  bool
	}{
		{model.StanceCommitted, model.VisibilityPublic, true},
		{model.StanceUnknown, model.VisibilityPublic, true},
		{model.StanceLeaning, model.VisibilityLowProfile, true},
		{model.StanceLeaning, model.VisibilityPublic, false},
		{model.StanceOpposed, model.VisibilityPublic, false},
	} {
		sn := *ua
		sn.Stance, sn.Visibility = tc.stance, tc.vis
		want := len(defaultSessions)
		if tc.short {
			want = len(shortSessions)
		}
		if n := len(AgendaData(ws, &sn).Sessions); n != want {
			t.Errorf("%s/%s: %d sessions, want %d", tc.stance, tc.vis, n, want)
		}
	}
}

func TestAgendaSpeakers(t *testing.T) {
	ws := fixture()
	member := &model.SCMember{ID: "m", Name: "Amara Diouf", Organisation: "Org"}
	tests := []struct {
		code, key, want string
		sc              *model.SCMember // the member the plan sends
	}{
		{"UA", "authority", "Олена Петренко, Deputy Director, Ministry of Foreign Affairs", nil},
		{"UA", "protocol", "Amara Diouf (Org), Coalition Steering Committee", member},
		// Requested but no one can go: the lead partner presents, no promise.
		{"UA", "protocol", ws.Country("UA").LeadPartner().Name, nil},
		{"CI", "authority", "Autorité nationale (invitée) : Ministère des Affaires étrangères", nil},
		{"CI", "protocol", "Collectif ivoirien pour les droits sociaux", nil},
	}
	for _, tc := range tests {
		a := AgendaFor(ws, ws.Country(tc.code), tc.sc)
		found := false
		for _, s := range a.Sessions {
			if s.Key == tc.key {
				found = true
				if s.Speaker != tc.want {
					t.Errorf("%s %s: speaker %q, want %q", tc.code, tc.key, s.Speaker, tc.want)
				}
			}
		}
		if !found {
			t.Errorf("%s: no %s session", tc.code, tc.key)
		}
	}
	c := *ws.Country("CI")
	c.Event.Authorities = nil
	if got := AuthoritySpeaker("fr", &c); got != "Autorité nationale (à inviter)" {
		t.Errorf("no authority: %q", got)
	}
}

func TestDates(t *testing.T) {
	d := model.Date{Year: 2027, Month: time.August, Day: 5}
	one := model.Date{Year: 2027, Month: time.August, Day: 1}
	tests := []struct{ lang, got, want string }{
		{"en", FormatDate("en", d), "5 August 2027"},
		{"fr", FormatDate("fr", d), "5 août 2027"},
		{"fr", FormatDate("fr", one), "1er août 2027"},
		{"es", FormatDate("es", d), "5 de agosto de 2027"},
		{"en", FormatLongDate("en", d), "Thursday 5 August 2027"},
		{"fr", FormatLongDate("fr", d), "jeudi 5 août 2027"},
		{"es", FormatLongDate("es", d), "jueves 5 de agosto de 2027"},
		{"es", FormatDayMonth("es", d), "5 de agosto"},
		{"en", FormatDate("en", model.Date{}), "date to be set"},
		{"en", FormatArticle("en", "education", true), "ICESCR Arts. 13–14"},
		{"fr", FormatArticle("fr", "water", true), "art. 11 et 12 du Pacte"},
		{"es", FormatArticle("es", "housing", false), "art. 11"},
		{"en", JoinList("en", []string{"a", "b", "c"}), "a, b and c"},
		{"fr", JoinList("fr", []string{"a", "b"}), "a et b"},
		{"en", JoinList("en", []string{"a, x", "b", "c"}), "a, x; b; and c"},
		{"fr", JoinList("fr", []string{"a, x", "b"}), "a, x ; et b"},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: %q, want %q", tc.lang, tc.got, tc.want)
		}
	}
}

// TestEscape checks that user text keeps its characters through Markdown:
// the AST's text must equal the input.
func TestEscape(t *testing.T) {
	eng := NewEngine(nil)
	inputs := []string{
		"5 * 3 = 15 and *not emphasis*",
		"#1 priority",
		"A | B | C",
		"<b>not html</b> & &amp; entities",
		"- not a list",
		"+ nor this",
		"1. nor this",
		"2) nor this",
		"[not a link](http://x)",
		"back\\slash `code` _under_ ~strike~",
		"=== not a heading",
		"Україна «Соціальні права» — Côte d'Ivoire",
	}
	for _, in := range inputs {
		for _, ctx := range []string{"para", "cell", "item"} {
			var src string
			switch ctx {
			case "para":
				src = EscapeBlock(in) + "\n"
			case "cell":
				src = "| h | i |\n|---|---|\n| " + EscapeCell(in) + " | x |\n"
			case "item":
				src = "- " + EscapeInline(in) + "\n"
			}
			root := eng.md.Parser().Parse(text.NewReader([]byte(src)))
			got := plainText(root, []byte(src), ctx == "cell")
			if got != in {
				t.Errorf("%s %q: Markdown %q reads back as %q", ctx, in, src, got)
			}
		}
	}
}

// plainText concatenates the text of the AST; for a table, only the first
// body cell.
func plainText(root ast.Node, src []byte, cell bool) string {
	if cell {
		var first ast.Node
		ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if entering && first == nil && n.Kind() == east.KindTableCell {
				if _, ok := n.Parent().(*east.TableRow); ok {
					first = n
				}
			}
			return ast.WalkContinue, nil
		})
		if first == nil {
			return "<no body cell>"
		}
		root = first
	}
	var b strings.Builder
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch x := n.(type) {
		case *ast.Text:
			b.WriteString(TextOf(x, src))
			if x.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(x.Value)
		case *ast.CodeSpan, *ast.Emphasis, *ast.Link, *ast.RawHTML, *ast.AutoLink:
			b.WriteString("<" + n.Kind().String() + ">")
		case *ast.Heading, *east.Strikethrough:
			b.WriteString("<" + n.Kind().String() + ">")
		case *ast.List:
			if n.Parent() == nil || n.Parent().Kind() != ast.KindDocument {
				b.WriteString("<nested list>")
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

func TestTemplateErrors(t *testing.T) {
	ov := fstest.MapFS{
		"fr/briefing.md.tmpl": {Data: []byte("# Titre\n\nligne\n{{.Nope}}\n")},
		"en/agenda.md.tmpl":   {Data: []byte("# A\n{{if}}\n")},
		"es/agenda.md.tmpl":   {Data: []byte("# Agenda propia de {{md .Country.Name}}\n")},
	}
	eng := NewEngine(ov)
	ws := fixture()
	_, err := eng.Render("fr", "briefing", BriefingData(ws, ws.Country("CI"), Participants), Document{})
	if err == nil || !strings.HasPrefix(err.Error(), "templates/fr/briefing.md.tmpl:4:") {
		t.Errorf("exec error: %v", err)
	}
	_, err = eng.Render("en", "agenda", AgendaData(ws, ws.Country("UA")), Document{})
	if err == nil || !strings.HasPrefix(err.Error(), "templates/en/agenda.md.tmpl:2:") {
		t.Errorf("parse error: %v", err)
	}
	doc, err := eng.Render("es", "agenda", AgendaData(ws, ws.Country("CO")), Document{Title: "T"})
	if err != nil || string(doc.Source) != "# Agenda propia de Colombia\n" || doc.Title != "T" || doc.Lang != "es" || doc.Root == nil {
		t.Errorf("override: %v %q", err, doc.Source)
	}
	if got := eng.Source("es", "briefing"); got != "built-in es/briefing.md.tmpl" {
		t.Errorf("source: %q", got)
	}

	// A broken built-in would say "built-in ...": check the naming with a
	// template the engine cannot find and with a bad data type.
	eng = NewEngine(nil)
	_, err = eng.Render("en", "briefing", struct{}{}, Document{})
	if err == nil || !strings.HasPrefix(err.Error(), "built-in en/briefing.md.tmpl:") {
		t.Errorf("built-in error: %v", err)
	}
	if _, err = eng.Render("de", "briefing", nil, Document{}); err == nil || !strings.Contains(err.Error(), "de/briefing.md.tmpl") {
		t.Errorf("missing: %v", err)
	}
}

// TestNoEnglishHeadings: French and Spanish documents have no English
// heading, whatever the country's situation.
func TestNoEnglishHeadings(t *testing.T) {
	ws := fixture()
	eng := NewEngine(nil)
	english := map[string]bool{}
	en := *ws.Country("UA")
	en.Cases = nil // case titles are the partner's words, not the template's
	for _, ed := range []Edition{Participants, Organisers} {
		src, err := eng.Execute("en", "briefing", BriefingData(ws, &en, ed))
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range headings(src) {
			english[h] = true
		}
	}
	for _, lang := range []string{"fr", "es"} {
		for _, c := range ws.Countries {
			c.Language = lang
			for _, ed := range []Edition{Participants, Organisers} {
				src, err := eng.Execute(lang, "briefing", BriefingData(ws, &c, ed))
				if err != nil {
					t.Fatal(err)
				}
				for _, h := range headings(src) {
					if english[h] {
						t.Errorf("%s briefing for %s has the English heading %q", lang, c.Code, h)
					}
				}
				for _, w := range []string{"Questions for", "Talking points", "Next steps", "Remedies and", "Political context", "The situation"} {
					if strings.Contains(string(src), w) {
						t.Errorf("%s briefing for %s contains %q", lang, c.Code, w)
					}
				}
			}
		}
	}
}

func headings(src []byte) []string {
	var out []string
	for _, l := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(l, "#") {
			out = append(out, strings.TrimSpace(strings.TrimLeft(l, "#")))
		}
	}
	return out
}

// TestEditions: restricted text never reaches the participants' Markdown.
func TestEditions(t *testing.T) {
	ws := fixture()
	eng := NewEngine(nil)
	ua := ws.Country("UA")
	p, err := eng.Execute("en", "briefing", BriefingData(ws, ua, Participants))
	if err != nil {
		t.Fatal(err)
	}
	o, err := eng.Execute("en", "briefing", BriefingData(ws, ua, Organisers))
	if err != nil {
		t.Fatal(err)
	}
	// "recommendation" in the singular is the Coalition's word for its
	// triage; the Committee's "views and recommendations" (Art. 9) are the
	// treaty's own words and stay.
	for _, s := range []string{"recommendation ", "recommendation.", "recommendation:", "recommends", "Triage", "triage", "Why:", "undecided", "For organisers only"} {
		if strings.Contains(string(p), s) {
			t.Errorf("participants' edition contains the strategy's %q", s)
		}
	}
	for _, s := range []string{"XYZZY", "Secret shelter closure", "Undisclosed", "PRIVSIGNAL", "OBSTACLEMARK", "ALLYMARK", "Strategy for the event", "The Coalition's recommendation", "is undecided", "PUBLICCONTEXT"} {
		if strings.Contains(string(p), s) != (s == "PUBLICCONTEXT") {
			t.Errorf("participants' edition: %q present %v", s, strings.Contains(string(p), s))
		}
		if !strings.Contains(string(o), s) && s != "PUBLICCONTEXT" {
			t.Errorf("organisers' edition lacks %q", s)
		}
	}
	for _, s := range []string{"Evicted from a collective centre", "Allowance stopped", "Україна", "PUBLICCONTEXT"} {
		if !strings.Contains(string(p), s) {
			t.Errorf("participants' edition lacks %q", s)
		}
	}
}

// TestAdapts: the text follows the treaty status, visibility and
// authority; the participants' edition never follows the stance.
func TestAdapts(t *testing.T) {
	ws := fixture()
	eng := NewEngine(nil)
	base := *ws.Country("UA")
	tests := []struct {
		name   string
		edit   func(c *model.Country)
		has    []string
		hasNot []string
	}{
		{"not signed, treaty event ahead", func(c *model.Country) {},
			[]string{"Will the government sign the Optional Protocol at the treaty event on 24 September 2027", "has been open for signature since 24 September 2009 and in force since 5 May 2013", "Or will it accede to it in one step?", "speaks for the government"},
			[]string{"A closed meeting", "opens for signature on", "has already promised"}},
		{"ratification phase, not signed", func(c *model.Country) { c.Phase = model.PhaseRatification },
			[]string{"has been open since 24 September 2009 and remains open: will the government sign it, or accede to it in one step, and when?", "only ratification or accession does"},
			[]string{"at the treaty event on 24 September 2027?"}},
		{"signed", func(c *model.Country) {
			c.Politics.OPStatus, c.Politics.OPStatusDate = model.OPSigned, model.Date{Year: 2009, Month: 9, Day: 24}
		}, []string{"signed the Optional Protocol on 24 September 2009 and has not yet ratified it", "When will the government ratify it", "Could the instrument of ratification be deposited at the treaty event", "Signature was a first step"},
			[]string{"Will the government sign", "Or will it accede", "or accede to it in one step"}},
		{"party", func(c *model.Country) {
			c.Politics.OPStatus, c.Politics.OPStatusDate = model.OPRatified, model.Date{Year: 2015, Month: 3, Day: 10}
			c.Politics.OPDeclarations = []model.Declaration{model.DeclarationArt10}
		}, []string{"ratified the Optional Protocol on 10 March 2015; it has been bound by it from 10 June 2015", "accepted inter-State communications (Art. 10), but not the inquiry procedure", "Will the government also accept the inquiry procedure by a declaration under Art. 11?", "has joined the Protocol"},
			[]string{"Will the government sign", "When will the government ratify", "could be brought only if the violation continues once it is"}},
		{"party, a case before entry into force for the State", func(c *model.Country) {
			c.Politics.OPStatus, c.Politics.OPStatusDate = model.OPAcceded, model.Date{Year: 2026, Month: 6, Day: 1}
		}, []string{"acceded to the Optional Protocol on 1 June 2026", "**Time rule:** these facts come before the Protocol bound Україна (1 September 2026)", "made neither opt-in declaration"}, nil},
		{"low profile", func(c *model.Country) { c.Visibility = model.VisibilityLowProfile }, []string{"A closed meeting.", "do not quote participants"}, []string{"a country in"}},
		{"no authority confirmed", func(c *model.Country) { c.Event.Authorities = c.Event.Authorities[1:] }, []string{"The participants would like to hear"}, []string{"speaks for the government", "Head of Directorate", "reminder"}},
		{"covenant signed only", func(c *model.Country) { c.Politics.ICESCR = "signed" }, []string{"must ratify the Covenant first; it may already sign the Protocol", "when will the government ratify the Covenant, and then the Protocol?", "that Україна would accept by becoming a party to the Covenant"}, []string{"accede to it in one step", "has undertaken, as a party"}},
		{"covenant not signed", func(c *model.Country) { c.Politics.ICESCR = "none" }, []string{"joining the Covenant comes first", "When will Україна sign and ratify the International Covenant"}, []string{"Will the government sign the Optional Protocol", "accede to it in one step", "already accepted as a party"}},
		{"no cases", func(c *model.Country) { c.Cases = nil }, []string{"No case is documented yet"}, []string{"the cases in this briefing touch", "Two rules of Art. 3"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := base
			c.Event.Authorities = slices.Clone(base.Event.Authorities)
			tc.edit(&c)
			src, err := eng.Execute("en", "briefing", BriefingData(ws, &c, Participants))
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range tc.has {
				if !strings.Contains(string(src), s) {
					t.Errorf("lacks %q", s)
				}
			}
			for _, s := range tc.hasNot {
				if strings.Contains(string(src), s) {
					t.Errorf("contains %q", s)
				}
			}
			// The handout reads the same whatever the stance.
			for _, st := range model.Stances {
				c2 := c
				c2.Stance = model.Stance(st)
				other, err := eng.Execute("en", "briefing", BriefingData(ws, &c2, Participants))
				if err != nil {
					t.Fatal(err)
				}
				if string(other) != string(src) {
					t.Errorf("the participants' edition changes with the stance %s", st)
				}
			}
		})
	}
}

// TestTermsComplete: every code of every vocabulary render labels has
// words in every language's catalogue (internal/i18n checks that the
// languages agree with each other; this checks they cover the model).
func TestTermsComplete(t *testing.T) {
	vocab := map[string][]string{
		"stance": model.Stances, "visibility": model.Visibilities, "phase": model.Phases,
		"format": model.Formats, "authority": model.AuthorityStatuses, "confidentiality": model.Confidentialities,
		"mechanism": model.MechanismKinds, "effective": model.Effectivenesses, "icescr": model.ICESCRStatuses,
	}
	for _, r := range model.Rights {
		vocab["right"] = append(vocab["right"], string(r.Code))
	}
	for _, lang := range i18n.Languages {
		for group, codes := range vocab {
			for _, c := range codes {
				if _, ok := i18n.Lookup(lang, group+"."+c); !ok {
					t.Errorf("%s: no words for %s.%s", lang, group, c)
				}
			}
		}
	}
}

// TestBuiltinsParse parses every built-in template (including those of
// other packages) so a broken file fails here, not at build time.
func TestBuiltinsParse(t *testing.T) {
	err := fs.WalkDir(Builtins(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md.tmpl") {
			return err
		}
		lang, name, _ := strings.Cut(strings.TrimSuffix(p, ".md.tmpl"), "/")
		if pe := NewEngine(nil).load(lang, name).err; pe != nil {
			t.Errorf("%v", pe)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestNoEvent: a country with format "none" still gets a usable agenda and
// briefing in every language.
func TestNoEvent(t *testing.T) {
	ws := fixture()
	eng := NewEngine(nil)
	want := map[string]string{"en": "No event is planned", "fr": "Aucun événement n'est prévu", "es": "No hay ningún evento previsto"}
	for _, c := range ws.Countries {
		c.Event.Format = model.FormatNone
		c.Event.Date = model.Date{}
		src, err := eng.Execute(c.Language, "agenda", AgendaData(ws, &c))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(src), want[c.Language]) || !strings.Contains(string(src), Term(c.Language, "date.unset")) {
			t.Errorf("%s agenda:\n%s", c.Language, src)
		}
		if _, err := eng.Execute(c.Language, "briefing", BriefingData(ws, &c, Participants)); err != nil {
			t.Fatal(err)
		}
	}
}
