package outcome

import (
	"testing"

	"github.com/xuri/excelize/v2"

	"opkit/internal/i18n"
)

// TestReadLabelsOfEveryLanguage fills a workbook written in one language
// with the drop-down labels of another — a Portuguese pack answered with
// Russian words, an Arabic one with Portuguese — and reads the same codes
// back: partners copy answers between workbooks, and SPEC.md reads the
// labels of every language.
func TestReadLabelsOfEveryLanguage(t *testing.T) {
	answers := map[string]string{
		EventHeld: Yes, EventFormat: "roundtable", AuthorityPresent: Yes,
		SignPosition: SignLater, RatifyPosition: IntendsToRatify, PositionBasis: BasisMeeting,
		PositionPublic: No, DeclarationAdopted: DeclarationAdoptedWithChanges, Sharing: SharingAnonymised,
	}
	for _, pack := range []string{"pt", "ru", "ar"} {
		for _, typed := range i18n.Languages {
			data := write(t, sampleCountry(pack))
			data = edit(t, data, func(f *excelize.File) {
				sheet := SheetName(SheetEvent, pack)
				for name, code := range answers {
					must(t, f.SetCellValue(sheet, cellOf(name), OptionLabel(FieldByName(name).Options, code, typed)))
				}
				must(t, f.SetCellValue(sheet, cellOf(SubmittedBy), "Ana"))
				must(t, f.SetCellValue(sheet, cellOf(SubmitterEmail), "ana@example.org"))
			})
			o, ds, err := Read(pack+".xlsx", data, DefaultLimits())
			if err != nil {
				t.Fatalf("%s pack, %s labels: %v", pack, typed, err)
			}
			if ds.HasErrors() {
				t.Errorf("%s pack, %s labels: %v", pack, typed, ds)
			}
			for name, code := range answers {
				if got := o.Scalar(name); got != code {
					t.Errorf("%s pack, %s labels: %s = %q, want %q (typed %q)", pack, typed, name, got, code,
						OptionLabel(FieldByName(name).Options, code, typed))
				}
			}
		}
	}
}
