package pack

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"opkit/internal/model"
	"opkit/internal/pdf"
	"opkit/internal/render"
	"opkit/internal/testtool"
	"opkit/internal/triage"
)

// markers are unique strings planted in what participants may not see.
var markers = map[string]string{
	"politics.summary":   "QXSUMMARYMARK",
	"politics.obstacles": "QXOBSTACLEMARK",
	"politics.allies":    "QXALLYMARK",
	"restricted case":    "QXRESTRICTEDMARK",
}

const publicMarker = "QXPUBLICMARK"

// marked is the demo's Ukraine with a marker in each organisers-only field
// and a restricted case, and one in the public summary.
func marked(t *testing.T) (*model.Workspace, *model.Country) {
	t.Helper()
	ws := demo(t)
	c := *ws.Country("UA")
	c.Politics.Summary = "The ministries disagree. " + markers["politics.summary"] + " was said in private."
	c.Politics.Obstacles = []string{"Fear of war-damage claims " + markers["politics.obstacles"]}
	c.Politics.Allies = []string{"A committee chair " + markers["politics.allies"]}
	c.Politics.PublicSummary = "Ukraine signed the Protocol in 2009. " + publicMarker
	c.Cases = append(append([]model.Case(nil), c.CasesUpTo(model.ConfidentialityEvent)...), model.Case{
		ID: "ua-x", Title: "Witness account " + markers["restricted case"], Summary: "Only for the organisers.",
		Rights: []model.Right{model.RightHousing}, Confidentiality: model.ConfidentialityRestricted,
	})
	return ws, &c
}

// TestHandoutHoldsNoStrategy: the participants' handout of a country with a
// marker in politics.summary, obstacles, allies and a restricted case holds
// none of them, nor the triage; the organisers' edition holds them all and
// the public summary.
func TestHandoutHoldsNoStrategy(t *testing.T) {
	testtool.Need(t, "pdftotext")
	ws, c := marked(t)
	r, err := Build(ws, c, render.NewEngine(nil), Options{OutDir: t.TempDir(), Stamp: stamp})
	if err != nil {
		t.Fatal(err)
	}
	part := pdftotext(t, filepath.Join(r.Dir, "ua-briefing.pdf"))
	org := pdftotext(t, filepath.Join(r.Dir, "ua-briefing-organisers.pdf"))
	agenda := pdftotext(t, filepath.Join(r.Dir, "ua-agenda.pdf"))
	for what, m := range markers {
		if strings.Contains(part, m) || strings.Contains(agenda, m) {
			t.Errorf("the participants' handout or agenda holds the %s marker", what)
		}
		if !strings.Contains(org, m) {
			t.Errorf("the organisers' edition lacks the %s marker", what)
		}
	}
	if !strings.Contains(part, publicMarker) || !strings.Contains(org, publicMarker) {
		t.Error("the public summary is missing from an edition")
	}
	rec := triage.Assess(c, &ws.Campaign)
	for _, s := range []string{render.Term("en", "kind."+string(rec.Kind)), render.Term("en", "kindshort."+string(rec.Kind)),
		render.Term("en", "stance."+string(c.Stance)), "Recommendation", "triage", "Strategy for the event", "For organisers only"} {
		if strings.Contains(part, squash(s)) {
			t.Errorf("the participants' handout holds %q", s)
		}
	}
	// No form of "recommend" at all: the Committee's views are described
	// without the word, so that nothing in the handout can read as the
	// Coalition's recommendation.
	if m := regexp.MustCompile(`(?i)recommend`).FindString(part); m != "" {
		t.Errorf("the participants' handout holds %q", m)
	}
	for _, s := range []string{render.Term("en", "kind."+string(rec.Kind)), "The Coalition's recommendation", "Checklist and timeline", "How to use the questions"} {
		if !strings.Contains(org, squash(s)) {
			t.Errorf("the organisers' edition lacks %q", s)
		}
	}
}

// TestPrintEverything: a participants' template (or an agenda) edited to
// print its whole data still prints no marker: the data holds none.
func TestPrintEverything(t *testing.T) {
	testtool.Need(t, "pdftotext")
	ws, c := marked(t)
	dump := []byte("{{printf \"%+v\" .}}\n")
	eng := render.NewEngine(fstest.MapFS{
		"en/briefing.md.tmpl": {Data: dump},
		"en/agenda.md.tmpl":   {Data: dump},
	})
	// The override serves both editions; the organisers' edition prints its
	// own data, which is allowed to hold the markers.
	for _, tc := range []struct {
		name string
		data any
	}{
		{"briefing", render.BriefingFor(ws, c, render.Participants, nil)},
		{"agenda", render.AgendaFor(ws, c, nil)},
	} {
		src, err := eng.Execute("en", tc.name, tc.data)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(src), publicMarker) && tc.name == "briefing" {
			t.Errorf("%s: the dump does not print the data at all:\n%s", tc.name, src)
		}
		for what, m := range markers {
			if strings.Contains(string(src), m) {
				t.Errorf("%s: the dump prints the %s marker", tc.name, what)
			}
		}
		for _, s := range []string{"Stance", "Triage", "Obstacles", "Allies", "Summary:The ministries"} {
			if strings.Contains(string(src), s) {
				t.Errorf("%s: the dump holds %q", tc.name, s)
			}
		}
	}
	r, err := Build(ws, c, eng, Options{OutDir: t.TempDir(), Stamp: stamp})
	if err != nil {
		t.Fatal(err)
	}
	part := pdftotext(t, filepath.Join(r.Dir, "ua-briefing.pdf"))
	for what, m := range markers {
		if strings.Contains(part, m) {
			t.Errorf("the dumped handout PDF holds the %s marker", what)
		}
	}
}

// TestTreatyPhrases builds the participants' briefing of one country for
// every campaign date (the 2009 opening, a 2012 treaty event before entry
// into force, a 2027 one), Protocol status and phase, in English, French and
// Spanish, and reads the phrases that must and must not be there with
// pdftotext.
func TestTreatyPhrases(t *testing.T) {
	testtool.Need(t, "pdftotext")
	if testing.Short() {
		t.Skip("54 PDFs")
	}
	type words struct {
		opens, openSince, inForce, willEnter, sign, ratify, accedeOffer, implement []string
	}
	// Each phrase in each language: the first form is what the template
	// writes; the phrases are short so a line or page break is unlikely to
	// cut them (pdftotext output is squashed).
	w := map[string]words{
		"en": {
			opens:       []string{"It opens for signature on 24 September 2009"},
			openSince:   []string{"It has been open for signature since 24 September 2009"},
			inForce:     []string{"in force since 5 May 2013"},
			willEnter:   []string{"It will enter into force three months after the tenth instrument"},
			sign:        []string{"Will the government sign", "will the government sign it"},
			ratify:      []string{"When will the government ratify it"},
			accedeOffer: []string{"accede to it in one step"},
			implement:   []string{"has joined the Protocol"},
		},
		"fr": {
			opens:       []string{"Il est ouvert à la signature le 24 septembre 2009"},
			openSince:   []string{"Il est ouvert à la signature depuis le 24 septembre 2009"},
			inForce:     []string{"en vigueur depuis le 5 mai 2013"},
			willEnter:   []string{"Il entrera en vigueur trois mois après le dépôt du dixième instrument"},
			sign:        []string{"Le gouvernement signera-t-il", "le gouvernement le signera-t-il"},
			ratify:      []string{"Quand le gouvernement le ratifiera-t-il"},
			accedeOffer: []string{"adhérera-t-il"},
			implement:   []string{"L'État est partie au Protocole"},
		},
		"es": {
			opens:       []string{"Queda abierto a la firma el 24 de septiembre de 2009"},
			openSince:   []string{"Está abierto a la firma desde el 24 de septiembre de 2009"},
			inForce:     []string{"en vigor desde el 5 de mayo de 2013"},
			willEnter:   []string{"Entrará en vigor tres meses después del depósito del décimo instrumento"},
			sign:        []string{"¿Firmará el Gobierno", "¿lo firmará el Gobierno"},
			ratify:      []string{"¿Cuándo lo ratificará el Gobierno"},
			accedeOffer: []string{"se adherirá"},
			implement:   []string{"El Estado es parte en el Protocolo"},
		},
	}
	dates := []model.Date{model.OpenedForSignature, {Year: 2012, Month: time.September, Day: 25}, {Year: 2027, Month: time.September, Day: 24}}
	base := demo(t)
	eng := render.NewEngine(nil)
	dir := t.TempDir()
	n := 0
	for _, sig := range dates {
		for _, op := range []model.OPStatus{model.OPNone, model.OPSigned, model.OPRatified} {
			for _, ph := range []model.Phase{model.PhaseSignature, model.PhaseRatification} {
				for _, lang := range []string{"en", "fr", "es"} {
					name := fmt.Sprintf("%s/%s/%s/%s", sig, op, ph, lang)
					ws := *base
					ws.Campaign.SignatureDate = sig
					ws.Campaign.EventWindow = model.Period{Start: sig.AddDays(-60), End: sig.AddDays(-14)}
					ws.Campaign.GatheringDate = sig.AddDays(-1)
					c := *base.Country("CI")
					c.Language, c.Phase = lang, ph
					c.Event.Date = sig.AddDays(-40)
					if ph == model.PhaseRatification {
						c.Event.Date = sig.AddDays(30)
					}
					c.Politics.OPStatus = op
					switch op {
					case model.OPSigned:
						c.Politics.OPStatusDate = model.OpenedForSignature
					case model.OPRatified:
						c.Politics.OPStatusDate = model.OpenedForSignature
						if sig.After(model.OpenedForSignature) {
							c.Politics.OPStatusDate = model.Date{Year: 2011, Month: time.October, Day: 24}
						}
					}
					txt := briefingText(t, eng, &ws, &c, filepath.Join(dir, fmt.Sprintf("b%02d.pdf", n)))
					n++
					must, mustNot := phrases(w[lang], sig, op, ph)
					for _, s := range must {
						if !containsAny(txt, s) {
							t.Errorf("%s: lacks %q", name, s[0])
						}
					}
					for _, s := range mustNot {
						if containsAny(txt, s) {
							t.Errorf("%s: holds %q", name, s[0])
						}
					}
				}
			}
		}
	}

	// Accession is offered only to a party to the Covenant.
	ws := *base
	for _, lang := range []string{"en", "fr", "es"} {
		c := *base.Country("CI")
		c.Language = lang
		c.Politics.OPStatus = model.OPNone
		c.Politics.ICESCR = model.ICESCRSigned
		txt := briefingText(t, eng, &ws, &c, filepath.Join(dir, "covenant-"+lang+".pdf"))
		if containsAny(txt, w[lang].accedeOffer) {
			t.Errorf("%s: accession offered to a State that has only signed the Covenant", lang)
		}
		if !containsAny(txt, w[lang].sign) {
			t.Errorf("%s: signature not asked of a Covenant signatory", lang)
		}
		c.Politics.ICESCR = model.ICESCRNone
		txt = briefingText(t, eng, &ws, &c, filepath.Join(dir, "nocovenant-"+lang+".pdf"))
		if containsAny(txt, w[lang].accedeOffer) || containsAny(txt, w[lang].sign) {
			t.Errorf("%s: signature or accession asked of a State outside the Covenant", lang)
		}
		for _, s := range []string{"has already promised", "already accepted as a party", "a déjà acceptés", "ya aceptó como parte"} {
			if strings.Contains(txt, s) {
				t.Errorf("%s: a non-party of the Covenant is told %q", lang, s)
			}
		}
	}
}

// phrases lists what a briefing must and must not say for a campaign date,
// a Protocol status and a phase.
func phrases(w struct {
	opens, openSince, inForce, willEnter, sign, ratify, accedeOffer, implement []string
}, sig model.Date, op model.OPStatus, ph model.Phase) (must, mustNot [][]string) {
	switch {
	case sig == model.OpenedForSignature:
		must = append(must, w.opens, w.willEnter)
		mustNot = append(mustNot, w.openSince, w.inForce)
	case sig.Before(model.EnteredIntoForce):
		must = append(must, w.openSince, w.willEnter)
		mustNot = append(mustNot, w.opens, w.inForce)
	default:
		must = append(must, w.openSince, w.inForce)
		mustNot = append(mustNot, w.opens, w.willEnter)
	}
	switch op {
	case model.OPNone:
		must = append(must, w.sign, w.accedeOffer) // CI is a party to the Covenant
		mustNot = append(mustNot, w.ratify, w.implement)
	case model.OPSigned:
		must = append(must, w.ratify)
		mustNot = append(mustNot, w.sign, w.accedeOffer, w.implement)
	case model.OPRatified:
		must = append(must, w.implement)
		mustNot = append(mustNot, w.sign, w.ratify, w.accedeOffer)
	}
	return must, mustNot
}

func containsAny(txt string, forms []string) bool {
	for _, f := range forms {
		if strings.Contains(txt, squash(f)) {
			return true
		}
	}
	return false
}

// briefingText renders the participants' briefing of c to a PDF at path and
// returns its text, squashed.
func briefingText(t *testing.T, eng *render.Engine, ws *model.Workspace, c *model.Country, path string) string {
	t.Helper()
	lang := c.Language
	doc, err := eng.Render(lang, "briefing", render.BriefingFor(ws, c, render.Participants, nil), briefingMeta(ws, c, lang, render.Participants, stamp))
	if err != nil {
		t.Fatal(err)
	}
	b, err := pdf.Render(doc, pdf.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return pdftotext(t, path)
}

// TestLegalSummary: the Protocol in brief cites the articles a government
// lawyer checks first, in each language's treaty terms.
func TestLegalSummary(t *testing.T) {
	testtool.Need(t, "pdftotext")
	base := demo(t)
	eng := render.NewEngine(nil)
	want := map[string][]string{
		"en": {"Art. 3(1)", "(a) it is not submitted within one year after domestic remedies were exhausted, except where the author can show that it was not possible to submit it within that time",
			"has been or is being examined under another procedure of international investigation or settlement",
			"(d) it is incompatible with the provisions of the Covenant", "No clear disadvantage (Art. 4)", "Denunciation (Art. 20)",
			"Reservations. The Protocol has no article on reservations", "full powers", "a trust fund shall be established",
			"Making it known (Art. 16)", "refrain from acts which would defeat the object and purpose", "reads the right to water into Arts. 11 and 12",
			"Committee on Economic, Social and Cultural Rights", "Treaty Section"},
		"fr": {"article 3, paragraphe 1", "sauf si l'auteur peut démontrer qu'il n'a pas été possible de la présenter dans ce délai",
			"ou qui a été examinée ou est en cours d'examen devant une autre instance internationale d'enquête ou de règlement",
			"incompatible avec les dispositions du Pacte", "(article 4)", "Dénonciation (article 20)", "Réserves.", "pleins pouvoirs",
			"prévoit l'établissement d'un fonds d'affectation spéciale", "(article 16)", "s'abstenir d'actes qui priveraient le traité de son objet et de son but",
			"Protocole facultatif", "Comité des droits économiques, sociaux et culturels", "Section des traités"},
		"es": {"artículo 3, párrafo 1", "salvo que el autor pueda demostrar que no fue posible presentarla dentro de ese plazo",
			"haya sido o esté siendo examinada con arreglo a otro procedimiento de examen o arreglo internacional",
			"sea incompatible con las disposiciones del Pacto", "(artículo 4)", "Denuncia (artículo 20)", "Reservas.", "plenos poderes",
			"prevé el establecimiento de un fondo fiduciario", "(artículo 16)", "abstenerse de actos en virtud de los cuales se frustren el objeto y el fin",
			"Protocolo Facultativo", "Comité de Derechos Económicos, Sociales y Culturales", "Sección de Tratados"},
	}
	english := []string{"full powers", "Treaty Section", "Optional Protocol", "Committee on", "domestic remedies", "Reservations", "Art. "}
	dir := t.TempDir()
	for lang, ws := range want {
		c := *base.Country("CI")
		c.Language = lang
		txt := briefingText(t, eng, base, &c, filepath.Join(dir, lang+".pdf"))
		for _, s := range ws {
			if !strings.Contains(txt, squash(s)) {
				t.Errorf("%s: lacks %q", lang, s)
			}
		}
		if lang == "en" {
			continue
		}
		for _, s := range english {
			if strings.Contains(txt, s) {
				t.Errorf("%s: English %q in the briefing", lang, s)
			}
		}
	}
}

// TestNoHandoutRecommends: no participants' handout or agenda of the demo
// holds a form of "recommend" — the Coalition's recommendation is the
// organisers' alone, and the English texts describe the Committee's views
// without the word so that nothing in the room can be read as it. (French
// and Spanish keep the treaty's own "recommandations"/"recomendaciones",
// which no reader takes for the Coalition's.)
func TestNoHandoutRecommends(t *testing.T) {
	testtool.Need(t, "pdftotext")
	ws, out := buildDemo(t)
	word := regexp.MustCompile(`(?i)recommend`)
	for _, c := range ws.Countries {
		cc := strings.ToLower(c.Code)
		for _, d := range []string{cc + "-briefing.pdf", cc + "-agenda.pdf"} {
			if m := word.FindString(pdftotext(t, filepath.Join(out, "packs", cc, d))); m != "" {
				t.Errorf("%s holds %q", d, m)
			}
		}
	}
}
