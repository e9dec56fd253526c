package outcome

import (
	"flag"
	"os"
	"os/exec"
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
		Name: "Signature campaign 2027", Coalition: "NGO Coalition for the OP-ICESCR",
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

// need returns the path of an external tool, skipping the test when it is
// missing outside CI and failing under CI.
func need(t testing.TB, tool string) string {
	t.Helper()
	p, err := exec.LookPath(tool)
	if err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("%s not installed", tool)
		}
		t.Fatalf("%s is required under CI: %v", tool, err)
	}
	return p
}

// needOpenpyxl checks for Debian's python3 with openpyxl.
func needOpenpyxl(t testing.TB) string {
	t.Helper()
	py := "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import openpyxl").Run(); err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("%s with openpyxl not available: %v", py, err)
		}
		t.Fatalf("%s with openpyxl is required under CI: %v", py, err)
	}
	return py
}
