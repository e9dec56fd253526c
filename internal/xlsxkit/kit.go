package xlsxkit

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Font is the family every style names, and Size its body size: the font
// of excelize's default style, so that cells with and without a style of
// their own print alike.
const (
	Font = "Calibri"
	Size = 11
)

// Style registers s with its font named and sized. A zero font keeps the
// default style's font, which is named already.
func Style(f *excelize.File, s *excelize.Style) (int, error) {
	if s.Font != nil {
		font := *s.Font
		if font.Family == "" {
			font.Family = Font
		}
		if font.Size == 0 {
			font.Size = Size
		}
		if font.Color == "" {
			font.Color = "000000"
		}
		s.Font = &font
	}
	return f.NewStyle(s)
}

// Paper is a sheet's paper size, as the paperSize codes of SpreadsheetML.
type Paper int

const (
	Letter Paper = 1
	A4     Paper = 9
)

// letterCountries use US Letter as their office paper (see doc.go).
var letterCountries = map[string]bool{
	"US": true, "CA": true, "MX": true, "GT": true, "BZ": true, "SV": true, "HN": true, "NI": true,
	"CR": true, "PA": true, "CU": true, "DO": true, "PR": true, "VE": true, "CO": true, "CL": true, "PH": true,
}

// PaperFor is the paper of a country by its ISO 3166-1 code.
func PaperFor(country string) Paper {
	if letterCountries[strings.ToUpper(strings.TrimSpace(country))] {
		return Letter
	}
	return A4
}

// PaperNamed is the paper of a --page-size value (A4 or Letter, any case);
// A4 for anything else.
func PaperNamed(name string) Paper {
	if strings.EqualFold(strings.TrimSpace(name), "letter") {
		return Letter
	}
	return A4
}

// Print is how a sheet prints.
type Print struct {
	Paper     Paper
	Landscape bool
	// Area is the printed range, "A1:F40"; empty prints what is used.
	Area string
	// TitleRows repeats rows on every page, "1:1" or "$4:$4".
	TitleRows string
	// FitHeight also fits the page height (a sheet known to fit on one
	// page); otherwise only the width is fitted and pages run downward.
	FitHeight bool
	// Marking is printed at the top left of every page ("COALITION STAFF
	// ONLY"), with the sheet's name at the right.
	Marking string
	// Footer is centred at the foot of every page; &P and &N stand for the
	// page number and the number of pages.
	Footer string
}

// HeaderText escapes text for a page header or footer, where & starts a
// code.
func HeaderText(s string) string { return strings.ReplaceAll(s, "&", "&&") }

// SetPrint sets the page of a sheet: its paper, orientation, a fit to the
// page width, the print area and repeated title rows.
func SetPrint(f *excelize.File, sheet string, p Print) error {
	orient := "portrait"
	if p.Landscape {
		orient = "landscape"
	}
	if p.Paper == 0 {
		p.Paper = A4
	}
	height := 0
	if p.FitHeight {
		height = 1
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
		return err
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: ptr(int(p.Paper)), Orientation: &orient, FitToWidth: ptr(1), FitToHeight: &height,
	}); err != nil {
		return err
	}
	if p.Marking != "" || p.Footer != "" {
		hf := &excelize.HeaderFooterOptions{OddFooter: p.Footer}
		if p.Footer != "" {
			hf.OddFooter = "&C" + p.Footer
		}
		if p.Marking != "" {
			hf.OddHeader = `&L&"-,Bold"` + HeaderText(p.Marking) + "&R&A"
		}
		if err := f.SetHeaderFooter(sheet, hf); err != nil {
			return fmt.Errorf("page header of %s: %w", sheet, err)
		}
	}
	q := QuoteSheet(sheet)
	if p.Area != "" {
		if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: sheet,
			RefersTo: q + "!" + absolute(p.Area)}); err != nil {
			return fmt.Errorf("print area of %s: %w", sheet, err)
		}
	}
	if p.TitleRows != "" {
		if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
			RefersTo: q + "!" + absoluteRows(p.TitleRows)}); err != nil {
			return fmt.Errorf("print titles of %s: %w", sheet, err)
		}
	}
	return nil
}

// absolute turns "A1:F40" into "$A$1:$F$40".
func absolute(ref string) string {
	parts := strings.Split(strings.ReplaceAll(ref, "$", ""), ":")
	for i, p := range parts {
		j := strings.IndexAny(p, "0123456789")
		if j > 0 {
			parts[i] = "$" + p[:j] + "$" + p[j:]
		} else {
			parts[i] = "$" + p
		}
	}
	return strings.Join(parts, ":")
}

// absoluteRows turns "1:1" into "$1:$1".
func absoluteRows(ref string) string {
	parts := strings.Split(strings.ReplaceAll(ref, "$", ""), ":")
	for i, p := range parts {
		parts[i] = "$" + p
	}
	return strings.Join(parts, ":")
}

// QuoteSheet quotes a sheet name for a reference when it needs it:
// Event!$B$5 but 'Next steps'!$A$4.
func QuoteSheet(s string) string {
	plain := s != ""
	for i, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// Cell is the name of a cell by 1-based column and row. Columns and rows
// come from the program, never from input, so a bad one is a bug.
func Cell(col, row int) string {
	name, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		panic(err)
	}
	return name
}

// Col is the letters of a 1-based column.
func Col(col int) string {
	name, err := excelize.ColumnNumberToName(col)
	if err != nil {
		panic(err)
	}
	return name
}

func ptr[T any](v T) *T { return &v }

// LineHeight is the height in points of one line of body text, and
// MaxRowHeight the tallest row the format allows.
const (
	LineHeight   = 15.0
	MaxRowHeight = 409.0
)

// Lines estimates how many lines s takes when wrapped in a column width
// characters wide. Not every program grows a row to fit wrapped text on
// opening, so writers set row heights from it.
func Lines(s string, width float64) int {
	if s == "" {
		return 0
	}
	// Body text is proportional: about 1.15 characters per unit of width
	// (the width of a "0").
	per := max(int(width*1.15), 1)
	n := 0
	for _, line := range strings.Split(s, "\n") {
		n += max(1, (utf8.RuneCountInString(line)+per-1)/per)
	}
	return n
}

// RowHeight is the height of a row holding lines lines of body text.
func RowHeight(lines int) float64 {
	return min(LineHeight*float64(max(lines, 1))+3, MaxRowHeight)
}

// The look of the workbooks partners fill in (outcome, questionnaire):
// "fill in the yellow cells", grey for what the Coalition filled in.
var (
	InputFill     = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}
	PrefilledFill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}}
	// DateFormat shows dates as 2027-08-05 whatever the reader's locale.
	DateFormat = "yyyy-mm-dd"
)

// InputBorder is the thin grey box around every input cell.
func InputBorder() []excelize.Border {
	return []excelize.Border{
		{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
		{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1},
	}
}

// Protect locks a sheet's layout while leaving unlocked cells editable and
// rows and columns resizable; no password, since the aim is to prevent
// accidents, not to enforce.
func Protect(f *excelize.File, sheet string) error {
	return f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true,
	})
}

// Conceal hides a sheet that the workbook needs but nobody should edit
// (drop-down options, the template version): very hidden, so that Excel's
// Unhide does not list it and Google Sheets and ExcelJS keep it hidden,
// and protected, so that a program that shows it anyway (LibreOffice
// offers very hidden sheets like hidden ones) keeps its cells read-only.
// It stands in for locking the workbook's structure: Gnumeric's reader has
// no workbookProtection element and warns about it in every file.
func Conceal(f *excelize.File, sheet string) error {
	if err := f.SetSheetVisible(sheet, false, true); err != nil {
		return err
	}
	return Protect(f, sheet)
}
