package report

import (
	"fmt"
	"unicode/utf8"

	"opkit/internal/intake"
	"opkit/internal/xlsxkit"
)

// A spreadsheet cell holds 32 767 characters (UTF-16 code units) and
// excelize cuts anything longer without a word. A partner's text is never
// cut: the cell keeps as much as it holds, ending with a pointer, and the
// rest goes, in cell-sized parts, to a sheet of long texts at the end of
// the workbook, one row per part, so that joining the parts in order gives
// the text back. intake warns about each such text at its cell.

var (
	tLongTexts = L("report.long-texts")
	tLongWhere = L("report.long-where")
	tLongPart  = L("report.long-part")
	tLongText  = L("report.long-text")
	tLongMore  = L("report.long-more")
)

// longPart is one row of the long-texts sheet.
type longPart struct {
	where string // 'Sheet'!B7
	part  int
	text  string
}

// cellParts splits s into pieces of at most max UTF-16 code units, at
// character boundaries.
func cellParts(s string, max int) []string {
	var out []string
	for s != "" {
		n, units := 0, 0
		for n < len(s) {
			r, size := utf8.DecodeRuneInString(s[n:])
			u := 1
			if r > 0xFFFF {
				u = 2
			}
			if units+u > max {
				break
			}
			units += u
			n += size
		}
		out = append(out, s[:n])
		s = s[n:]
	}
	return out
}

// fit returns what the cell at sheet!col,row shows of s and, when s is too
// long for a cell, queues the rest for the long-texts sheet.
func (b *book) fit(sheet string, col, row int, s string) string {
	if len(s) <= intake.MaxCellChars || intake.CellChars(s) <= intake.MaxCellChars {
		return s
	}
	name := tLongTexts.In(b.lang)
	first := len(b.long) + firstRow // the sheet's first free row (below the marking and the headers)
	// The pointer is at most ~90 units; the first cell keeps the rest.
	parts := cellParts(s, intake.MaxCellChars-120)
	head, rest := parts[0], cellParts(s[len(parts[0]):], intake.MaxCellChars)
	where := xlsxkit.QuoteSheet(sheet) + "!" + cell(col, row)
	for i, p := range rest {
		b.long = append(b.long, longPart{where: where, part: i + 2, text: p})
	}
	return head + fmt.Sprintf(tLongMore.In(b.lang), name, first, first+len(rest)-1)
}

// longTextsSheet writes the queued parts; a workbook without long texts
// has no such sheet.
func (b *book) longTextsSheet() {
	if len(b.long) == 0 {
		return
	}
	sheet := tLongTexts.In(b.lang)
	b.begin(sheet, []string{tLongWhere.In(b.lang), tLongPart.In(b.lang), tLongText.In(b.lang)}, []float64{28, 8, 100})
	for i, p := range b.long {
		row := firstRow + i
		b.check(b.f.SetCellStr(sheet, cell(1, row), p.where))
		b.int(sheet, 2, row, p.part)
		b.check(b.f.SetCellStr(sheet, cell(3, row), p.text))
		b.check(b.f.SetRowHeight(sheet, row, xlsxkit.MaxRowHeight))
	}
	b.end(sheet, "LongTexts", 3, len(b.long), 0)
}
