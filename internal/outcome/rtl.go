package outcome

import (
	"github.com/xuri/excelize/v2"

	"opkit/internal/i18n"
)

// rightToLeft turns the given sheets' views right to left when the
// workbook's language is written that way (Arabic): column A at the right,
// text and drop-downs aligned as Excel and LibreOffice align them for
// Arabic, as an Arabic reader expects.
func rightToLeft(f *excelize.File, lang string, sheets []string) error {
	if !i18n.Supported(lang) || !i18n.RTL(lang) {
		return nil
	}
	for _, s := range sheets {
		if err := f.SetSheetView(s, 0, &excelize.ViewOptions{RightToLeft: ptr(true)}); err != nil {
			return err
		}
	}
	return nil
}
