package render

import (
	"strings"
	"testing"

	"opkit/internal/model"
)

// TestInForceForEarlyParty: a State that ratified before 5 May 2013 (one of
// the first ten, like Argentina in 2011) is bound from the Protocol's own
// entry into force (Art. 18(1)), not three months after its deposit; a
// later party from three months after it (Art. 18(2)).
func TestInForceForEarlyParty(t *testing.T) {
	ws := fixture()
	for _, tc := range []struct {
		lang    string
		deposit model.Date
		want    string
		not     string
	}{
		{"en", model.Date{Year: 2011, Month: 10, Day: 24}, "from 5 May 2013, the day the Protocol itself entered into force (Art. 18(1))", "24 January 2012"},
		{"en", model.Date{Year: 2019, Month: 3, Day: 4}, "from 4 June 2019, three months after the deposit of its instrument (Art. 18(2))", "Art. 18(1)), as"},
		{"fr", model.Date{Year: 2011, Month: 10, Day: 24}, "date de l'entrée en vigueur du Protocole lui-même (article 18, paragraphe 1)", "trois mois après le dépôt de son instrument (article 18, paragraphe 2)"},
		{"es", model.Date{Year: 2011, Month: 10, Day: 24}, "fecha de la entrada en vigor del propio Protocolo (artículo 18, párrafo 1)", "tres meses después del depósito de su instrumento (artículo 18, párrafo 2)"},
		{"pt", model.Date{Year: 2011, Month: 10, Day: 24}, "data da entrada em vigor do próprio Protocolo (artigo 18.º, n.º 1)", "três meses após o depósito do seu instrumento (artigo 18.º, n.º 2)"},
		{"ru", model.Date{Year: 2011, Month: 10, Day: 24}, "в день вступления в силу самого Протокола (статья 18, пункт 1)", "через три месяца после сдачи на хранение его документа (статья 18, пункт 2)"},
	} {
		c := *ws.Country("UA")
		c.Language = tc.lang
		c.Politics.ICESCR = model.ICESCRRatified
		c.Politics.OPStatus = model.OPStatus("ratified")
		c.Politics.OPStatusDate = tc.deposit
		src, err := NewEngine(nil).Execute(tc.lang, "briefing", BriefingData(ws, &c, Participants))
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(string(src)), " ")
		if !strings.Contains(text, tc.want) {
			t.Errorf("%s, deposit %s: lacks %q", tc.lang, tc.deposit, tc.want)
		}
		if strings.Contains(text, tc.not) {
			t.Errorf("%s, deposit %s: holds %q", tc.lang, tc.deposit, tc.not)
		}
	}
}
