package outcome

import (
	"flag"
	"testing"
	"time"

	"opkit/internal/model"
)

var update = flag.Bool("update", false, "rewrite golden files")

// sampleCountry is a small country in lang with one case of each
// confidentiality, so that the case list shows which ones a pack offers.
func sampleCountry(lang string) *model.Country {
	return &model.Country{
		Code: "AR", Name: "Argentina", Region: "Latin America", Language: lang,
		Stance: model.StanceLeaning, Visibility: model.VisibilityPublic, Phase: model.PhaseSignature,
		Event: model.Event{Date: model.Date{Year: 2027, Month: time.August, Day: 5}, City: "Buenos Aires",
			Format: model.FormatPublicForum},
		Cases: []model.Case{
			{ID: "ar-housing-01", Title: "Evictions in Villa 31, without relocation", Confidentiality: model.ConfidentialityPublic},
			{ID: "ar-health-02", Title: "Medicine shortages in Jujuy", Confidentiality: model.ConfidentialityEvent},
			{ID: "ar-work-03", Title: "Dismissal of union delegates", Confidentiality: model.ConfidentialityRestricted},
		},
	}
}

func sampleCampaign() *model.Campaign {
	return &model.Campaign{
		Name: model.OneText("Signature campaign 2027"), Coalition: model.OneText("NGO Coalition for the OP-ICESCR"),
		SignatureDate: model.Date{Year: 2027, Month: time.September, Day: 24},
		Contact:       "outcomes@op-icescr.example.org",
	}
}

var stamp = time.Date(2027, time.September, 24, 0, 0, 0, 0, time.UTC)

func write(t testing.TB, c *model.Country) []byte {
	t.Helper()
	data, err := Write(c, sampleCampaign(), WriteOptions{Stamp: stamp})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// eventChoices is the number of drop-downs the event sheet should have.
func eventChoices() int {
	n := 0
	for _, f := range Fields {
		if f.Kind == KindChoice && f.Sheet == SheetEvent {
			n++
		}
	}
	return n
}
