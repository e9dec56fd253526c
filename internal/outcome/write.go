package outcome

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"opkit/internal/model"
	"opkit/internal/xlsxkit"
)

// WriteOptions carries what the workbook takes from outside the country.
type WriteOptions struct {
	// Stamp is written as the document's created and modified dates; the
	// CLI derives it from SOURCE_DATE_EPOCH or the campaign, never the clock.
	Stamp time.Time
	// TemplateVersion overrides the package's TemplateVersion (tests).
	TemplateVersion string
}

// growRows is how far below a table's written rows the drop-downs and
// validations reach, so that rows partners add keep them.
const growRows = 500

// Excel caps a data validation's prompt and error titles at 32 characters
// and the messages at 255; longer ones make Excel "repair" the file.
const (
	maxDVTitle   = 32
	maxDVMessage = 255
)

// Dates outside 2000..2099 are typing mistakes; the serials bound the date
// validation.
var (
	minDate = model.Date{Year: 2000, Month: time.January, Day: 1}
	maxDate = model.Date{Year: 2099, Month: time.December, Day: 31}
)

// PackID identifies one generated workbook: the country, the campaign year
// and a hash of everything the workbook is built from, so that a return can
// be matched to the pack it came from and a changed pack gets a new id.
func PackID(c *model.Country, camp *model.Campaign, version string) string {
	h := sha256.New()
	put := func(s string) { fmt.Fprintf(h, "%d:%s;", len(s), s) }
	put(version)
	put(c.Code)
	put(c.Name)
	put(c.Language)
	put(c.Event.Date.String())
	for _, k := range c.CasesUpTo(model.ConfidentialityEvent) {
		put(k.ID)
		put(k.Title)
	}
	if camp != nil {
		// The campaign's texts by language enter once, in their
		// language-neutral form, so that translating them does not make
		// every returned workbook look foreign.
		put(camp.Name.String())
		put(camp.Coalition.String())
		put(camp.Contact)
		put(camp.SignatureDate.String())
	}
	year := 0
	if camp != nil {
		year = camp.SignatureDate.Year
	}
	if year == 0 {
		year = c.Event.Date.Year
	}
	return fmt.Sprintf("%s-%04d-%s", strings.ToUpper(c.Code), year, hex.EncodeToString(h.Sum(nil))[:10])
}

// packLang is the language the workbook is written in.
func packLang(c *model.Country) string {
	return model.OutputLanguage(c.Language)
}

// Write builds the outcome workbook of a country. The same country, campaign
// and options give byte-identical output.
func Write(c *model.Country, camp *model.Campaign, opt WriteOptions) ([]byte, error) {
	if c == nil {
		return nil, errors.New("write outcome workbook: no country")
	}
	if camp == nil {
		camp = &model.Campaign{}
	}
	version := opt.TemplateVersion
	if version == "" {
		version = TemplateVersion
	}
	w := &writer{f: excelize.NewFile(), c: c, camp: camp, lang: packLang(c), version: version}
	defer w.f.Close()
	w.packID = PackID(c, camp, version)
	if err := w.build(); err != nil {
		return nil, fmt.Errorf("write outcome workbook for %s: %w", c.Code, err)
	}
	data, err := xlsxkit.Write(w.f, xlsxkit.Props{
		Title:      fmt.Sprintf(txtDocTitle.In(w.lang), c.Name),
		Subject:    txtSubject.In(w.lang),
		Creator:    camp.Coalition.In(w.lang),
		Company:    camp.Coalition.In(w.lang),
		Stamp:      opt.Stamp,
		Language:   w.lang,
		Identifier: w.packID,
		Version:    version,
		Keywords:   "OP-ICESCR; " + c.Code,
		Category:   camp.Name.In(w.lang),
	})
	if err != nil {
		return nil, fmt.Errorf("write outcome workbook for %s: %w", c.Code, err)
	}
	return data, nil
}

type writer struct {
	f       *excelize.File
	c       *model.Country
	camp    *model.Campaign
	lang    string
	version string
	packID  string
	st      styles
	paper   xlsxkit.Paper
	// lists maps a list key (field name or table.column) to its range on the
	// lists sheet.
	lists   map[string]string
	listCol int
	err     error
}

type styles struct {
	title, intro, section, label, hint, input, inputDate, inputLong, prefilled, header, cell, cellDate, para int
}

// check keeps the first error so that the layout code reads as a sequence of
// steps rather than a ladder of if-statements.
func (w *writer) check(err error) {
	if err != nil && w.err == nil {
		w.err = err
	}
}

func (w *writer) build() error {
	f := w.f
	w.paper = xlsxkit.PaperFor(w.c.Code)
	instr := SheetName(SheetInstructions, w.lang)
	w.check(f.SetSheetName("Sheet1", instr))
	event := SheetName(SheetEvent, w.lang)
	sheets := []string{event}
	for _, t := range Tables {
		sheets = append(sheets, SheetName(t.Sheet, w.lang))
	}
	for _, name := range append(sheets, SheetLists, SheetMeta) {
		_, err := f.NewSheet(name)
		w.check(err)
	}
	if w.err != nil {
		return w.err
	}
	w.makeStyles()
	w.lists = map[string]string{}
	w.writeLists()
	w.writeInstructions(instr)
	w.writeEvent(event)
	for i := range Tables {
		w.writeTable(&Tables[i])
	}
	w.writeMeta()
	w.check(rightToLeft(f, w.lang, append([]string{instr}, sheets...))) // rtl.go
	// The structure is not locked (Gnumeric does not read workbook
	// protection): a partner may rename, move or add sheets, which the
	// reader survives since it goes by defined names and table parts.
	w.check(xlsxkit.Conceal(f, SheetLists))
	w.check(xlsxkit.Conceal(f, SheetMeta))
	f.SetActiveSheet(0)
	return w.err
}

func (w *writer) style(s *excelize.Style) int {
	id, err := xlsxkit.Style(w.f, s)
	w.check(err)
	return id
}

// print sets a visible sheet's page: the country's paper, the area written,
// fitted to the page width.
func (w *writer) print(sheet, area string, landscape bool, titleRows string) {
	w.check(xlsxkit.SetPrint(w.f, sheet, xlsxkit.Print{Paper: w.paper, Landscape: landscape, Area: area, TitleRows: titleRows}))
}

func (w *writer) makeStyles() {
	unlocked := &excelize.Protection{Locked: false}
	locked := &excelize.Protection{Locked: true}
	border := xlsxkit.InputBorder()
	yellow, grey := xlsxkit.InputFill, xlsxkit.PrefilledFill
	dateFmt := xlsxkit.DateFormat
	wrapTop := &excelize.Alignment{WrapText: true, Vertical: "top"}
	center := &excelize.Alignment{WrapText: true, Vertical: "center"}
	w.st = styles{
		title:     w.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14, Color: "1F3864"}}),
		intro:     w.style(&excelize.Style{Font: &excelize.Font{Italic: true, Color: "595959"}}),
		para:      w.style(&excelize.Style{Alignment: wrapTop}),
		section:   w.style(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "1F3864"}, Border: []excelize.Border{{Type: "bottom", Color: "1F3864", Style: 1}}}),
		label:     w.style(&excelize.Style{Alignment: center, Protection: locked}),
		hint:      w.style(&excelize.Style{Font: &excelize.Font{Italic: true, Size: 9, Color: "7F7F7F"}, Alignment: center, Protection: locked}),
		input:     w.style(&excelize.Style{Fill: yellow, Border: border, Alignment: center, Protection: unlocked}),
		inputDate: w.style(&excelize.Style{Fill: yellow, Border: border, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}, CustomNumFmt: &dateFmt, Protection: unlocked}),
		inputLong: w.style(&excelize.Style{Fill: yellow, Border: border, Alignment: wrapTop, Protection: unlocked}),
		prefilled: w.style(&excelize.Style{Fill: grey, Border: border, Font: &excelize.Font{Bold: true}, Alignment: center, Protection: locked}),
		header: w.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: center,
			Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
			Border: []excelize.Border{{Type: "bottom", Color: "1F3864", Style: 1}}}),
		// Table cells are inputs too, and look it: "fill in the yellow
		// cells" holds on every sheet.
		cell:     w.style(&excelize.Style{Fill: yellow, Border: border, Alignment: wrapTop, Protection: unlocked}),
		cellDate: w.style(&excelize.Style{Fill: yellow, Border: border, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"}, CustomNumFmt: &dateFmt, Protection: unlocked}),
	}
}

// writeLists fills the hidden sheet the drop-downs point at. Options live in
// cells rather than in the validation formula because labels may contain
// commas and quotes, and an inline list is cut at commas and 255 characters.
func (w *writer) writeLists() {
	add := func(key string, labels []string) {
		if len(labels) == 0 {
			return
		}
		w.listCol++
		col, _ := excelize.ColumnNumberToName(w.listCol)
		w.setStr(SheetLists, col+"1", key)
		for i, l := range labels {
			w.setStr(SheetLists, col+strconv.Itoa(i+2), l)
		}
		w.lists[key] = fmt.Sprintf("%s!$%s$2:$%s$%d", SheetLists, col, col, len(labels)+1)
	}
	labels := func(opts []Option) []string {
		out := make([]string, len(opts))
		for i, o := range opts {
			out[i] = o.Label.In(w.lang)
		}
		return out
	}
	for _, fd := range Fields {
		if fd.Kind == KindChoice {
			add(fd.Name, labels(fd.Options))
		}
	}
	for _, t := range Tables {
		for _, col := range t.Columns {
			switch col.Kind {
			case KindChoice:
				add(t.Name+"."+col.Key, labels(col.Options))
			case KindCase:
				var ids []string
				for _, k := range w.c.CasesUpTo(model.ConfidentialityEvent) {
					ids = append(ids, caseLabel(k))
				}
				add(t.Name+"."+col.Key, ids)
			}
		}
	}
	w.check(w.f.SetColWidth(SheetLists, "A", "Z", 30))
}

// caseSep separates a case id from its title in the drop-down; the reader
// keeps what stands before it.
const caseSep = " — "

func caseLabel(k model.Case) string {
	title := k.Title
	if utf8.RuneCountInString(title) > 80 {
		title = string([]rune(title)[:79]) + "…"
	}
	if title == "" {
		return k.ID
	}
	return k.ID + caseSep + title
}

func (w *writer) setStr(sheet, cell, s string) {
	w.check(w.f.SetCellStr(sheet, cell, s))
}

func (w *writer) writeInstructions(sheet string) {
	f := w.f
	w.check(f.SetColWidth(sheet, "A", "A", 100))
	w.setStr(sheet, "A1", fmt.Sprintf(txtTitle.In(w.lang), w.c.Name))
	w.check(f.SetCellStyle(sheet, "A1", "A1", w.st.title))
	row := 3
	for _, p := range instructions(w.lang, w.c.Name, coalitionName(w.camp, w.lang), w.camp.Contact) {
		cell := "A" + strconv.Itoa(row)
		w.setStr(sheet, cell, p)
		w.check(f.SetCellStyle(sheet, cell, cell, w.st.para))
		// Rows do not grow with wrapped text on their own in every program.
		lines := 1 + utf8.RuneCountInString(p)/95
		// 409 points is the tallest row the format allows.
		w.check(f.SetRowHeight(sheet, row, min(float64(15*lines+3), 409)))
		row++
	}
	row++
	cell := "A" + strconv.Itoa(row)
	w.setStr(sheet, cell, fmt.Sprintf(txtPackID.In(w.lang), w.packID, w.version))
	w.check(f.SetCellStyle(sheet, cell, cell, w.st.intro))
	w.check(f.SetSheetView(sheet, 0, &excelize.ViewOptions{ShowGridLines: ptr(false)}))
	w.protect(sheet)
	w.print(sheet, "A1:A"+strconv.Itoa(row), false, "")
}

func coalitionName(camp *model.Campaign, lang string) string {
	if s := camp.Coalition.In(lang); s != "" {
		return s
	}
	return "The Coalition"
}

func ptr[T any](v T) *T { return &v }

// protect locks a sheet's layout, leaving unlocked cells editable.
func (w *writer) protect(sheet string) { w.check(xlsxkit.Protect(w.f, sheet)) }

func absRef(sheet, col string, row int) string {
	return fmt.Sprintf("%s!$%s$%d", xlsxkit.QuoteSheet(sheet), col, row)
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

func (w *writer) writeEvent(sheet string) {
	f := w.f
	w.check(f.SetColWidth(sheet, "A", "A", 44))
	w.check(f.SetColWidth(sheet, InputCol, InputCol, 52))
	w.check(f.SetColWidth(sheet, "C", "C", 48))
	w.setStr(sheet, "A1", fmt.Sprintf(txtTitle.In(w.lang), w.c.Name))
	w.check(f.SetCellStyle(sheet, "A1", "A1", w.st.title))
	w.setStr(sheet, "A2", txtFill.In(w.lang))
	w.check(f.SetCellStyle(sheet, "A2", "A2", w.st.intro))
	for _, fd := range Fields {
		if fd.Sheet != SheetEvent {
			continue
		}
		row := strconv.Itoa(fd.Row)
		if fd.Section != "" {
			cell := "A" + strconv.Itoa(fd.Row-1)
			w.setStr(sheet, cell, fd.Section.In(w.lang))
			w.check(f.SetCellStyle(sheet, cell, "C"+strconv.Itoa(fd.Row-1), w.st.section))
		}
		label := fd.Label.In(w.lang)
		if fd.Required && !fd.Prefilled {
			label += " *"
		}
		w.setStr(sheet, "A"+row, label)
		w.check(f.SetCellStyle(sheet, "A"+row, "A"+row, w.st.label))
		w.setStr(sheet, "C"+row, fd.Hint.In(w.lang))
		w.check(f.SetCellStyle(sheet, "C"+row, "C"+row, w.st.hint))
		cell := InputCol + row
		switch {
		case fd.Prefilled:
			w.setStr(sheet, cell, w.prefill(fd.Name))
			w.check(f.SetCellStyle(sheet, cell, cell, w.st.prefilled))
		case fd.Kind == KindDate:
			w.check(f.SetCellStyle(sheet, cell, cell, w.st.inputDate))
			if d := w.known(fd.Name); d != "" {
				dt, _ := model.ParseDate(d)
				w.check(f.SetCellFloat(sheet, cell, float64(dt.ExcelSerial()), -1, 64))
			}
		case fd.Kind == KindLongText:
			w.check(f.SetCellStyle(sheet, cell, cell, w.st.inputLong))
			w.check(f.SetRowHeight(sheet, fd.Row, 75))
		default:
			w.check(f.SetCellStyle(sheet, cell, cell, w.st.input))
		}
		if v := w.known(fd.Name); v != "" && fd.Kind != KindDate {
			w.setStr(sheet, cell, v)
		}
		if fd.Known {
			hint := fd.Hint.In(w.lang)
			if w.known(fd.Name) != "" {
				hint = hintKnown.In(w.lang)
			}
			w.setStr(sheet, "C"+row, hint)
		}
		if fd.Kind == KindChoice {
			// Room for the longer labels of French and Spanish.
			w.check(f.SetRowHeight(sheet, fd.Row, 30))
		}
		if !fd.Prefilled {
			w.validate(sheet, cell, fd.Label.In(w.lang), fd.Hint.In(w.lang), fd.Kind, fd.Name, fd.MaxLen, fd.Min, fd.Max)
		}
		w.check(f.SetDefinedName(&excelize.DefinedName{Name: fd.Name, RefersTo: absRef(sheet, InputCol, fd.Row)}))
	}
	w.check(f.SetSheetView(sheet, 0, &excelize.ViewOptions{ShowGridLines: ptr(false)}))
	w.protect(sheet)
	last := 0
	for _, fd := range Fields {
		last = max(last, fd.Row)
	}
	w.print(sheet, "A1:C"+strconv.Itoa(last), false, "")
}

// known is what the country file says of a Known field, as the cell shows
// it: the event's date (YYYY-MM-DD), city and format, and the first
// confirmed authority. "" when the file does not say.
func (w *writer) known(name string) string {
	ev := &w.c.Event
	switch name {
	case EventDate:
		if !ev.Date.IsZero() {
			return ev.Date.String()
		}
	case EventCity:
		return strings.TrimSpace(ev.City)
	case EventFormat:
		if ev.Format != "" && ev.Format != model.FormatNone {
			return OptionLabel(FieldByName(EventFormat).Options, string(ev.Format), w.lang)
		}
	case AuthorityName, AuthorityTitle, AuthorityInstitution:
		a := ev.ConfirmedAuthority()
		if a == nil {
			return ""
		}
		return strings.TrimSpace(map[string]string{AuthorityName: a.Name, AuthorityTitle: a.Title, AuthorityInstitution: a.Institution}[name])
	}
	return ""
}

func (w *writer) prefill(name string) string {
	switch name {
	case CountryCode:
		return strings.ToUpper(w.c.Code)
	case CountryName:
		return w.c.Name
	}
	return ""
}

// validate attaches the data validation of a kind to sqref. listKey names
// the options' range on the lists sheet.
func (w *writer) validate(sheet, sqref, title, hint string, kind Kind, listKey string, maxLen, lo, hi int) {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	style := excelize.DataValidationErrorStyleStop
	var msg string
	switch kind {
	case KindChoice, KindCase:
		rng, ok := w.lists[listKey]
		if !ok {
			return
		}
		dv.SetSqrefDropList(rng)
		msg = txtInvalidChoice.In(w.lang)
		if kind == KindCase {
			// A partner may discuss a case that is not in the briefing.
			style, msg = excelize.DataValidationErrorStyleWarning, txtCaseOther.In(w.lang)
		}
	case KindDate:
		w.check(dv.SetRange(minDate.ExcelSerial(), maxDate.ExcelSerial(), excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween))
		msg = txtInvalidDate.In(w.lang)
	case KindInt:
		w.check(dv.SetRange(lo, hi, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween))
		msg = fmt.Sprintf(txtInvalidInt.In(w.lang), lo, hi)
	case KindEmail:
		first := strings.SplitN(sqref, ":", 2)[0]
		formula := fmt.Sprintf(`AND(ISNUMBER(SEARCH("@",%s)),LEN(%s)<=%d)`, first, first, maxLen)
		w.check(dv.SetRange(xmlEscape(formula), "", excelize.DataValidationTypeCustom, excelize.DataValidationOperatorBetween))
		dv.Operator = ""
		msg = txtInvalidEmail.In(w.lang)
	default:
		if maxLen <= 0 {
			return
		}
		w.check(dv.SetRange(0, maxLen, excelize.DataValidationTypeTextLength, excelize.DataValidationOperatorBetween))
		msg = fmt.Sprintf(txtInvalidLen.In(w.lang), maxLen)
	}
	dv.SetInput(truncate(title, maxDVTitle), truncate(hint, maxDVMessage))
	dv.SetError(style, truncate(txtErrorTitle.In(w.lang), maxDVTitle), truncate(msg, maxDVMessage))
	w.check(w.f.AddDataValidation(sheet, dv))
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

func (w *writer) writeTable(t *Table) {
	f := w.f
	sheet := SheetName(t.Sheet, w.lang)
	w.setStr(sheet, "A1", t.Title.In(w.lang))
	w.check(f.SetCellStyle(sheet, "A1", "A1", w.st.title))
	w.setStr(sheet, "A2", t.Intro.In(w.lang))
	w.check(f.SetCellStyle(sheet, "A2", "A2", w.st.intro))
	w.setStr(sheet, "A3", txtTableFill.In(w.lang))
	w.check(f.SetCellStyle(sheet, "A3", "A3", w.st.intro))
	first, last := t.HeaderRow+1, t.HeaderRow+t.Rows
	for i, col := range t.Columns {
		name, _ := excelize.ColumnNumberToName(i + 1)
		w.check(f.SetColWidth(sheet, name, name, col.Width))
		w.setStr(sheet, name+strconv.Itoa(t.HeaderRow), col.Header.In(w.lang))
		st := w.st.cell
		if col.Kind == KindDate {
			st = w.st.cellDate
		}
		w.check(f.SetCellStyle(sheet, name+strconv.Itoa(first), name+strconv.Itoa(last), st))
		hint := col.Hint.In(w.lang)
		if hint == "" {
			hint = txtTableFill.In(w.lang)
		}
		sqref := fmt.Sprintf("%s%d:%s%d", name, first, name, last+growRows)
		w.validate(sheet, sqref, col.Header.In(w.lang), hint, col.Kind, t.Name+"."+col.Key, col.MaxLen, 0, 0)
	}
	lastCol, _ := excelize.ColumnNumberToName(len(t.Columns))
	w.check(f.SetCellStyle(sheet, "A"+strconv.Itoa(t.HeaderRow), lastCol+strconv.Itoa(t.HeaderRow), w.st.header))
	w.check(f.AddTable(sheet, &excelize.Table{
		Range:          fmt.Sprintf("A%d:%s%d", t.HeaderRow, lastCol, last),
		Name:           t.Name,
		StyleName:      "TableStyleMedium2",
		ShowRowStripes: ptr(true),
	}))
	// A defined name over the same range lets the reader find the rows in a
	// program that keeps named ranges but drops Excel tables on export.
	w.check(f.SetDefinedName(&excelize.DefinedName{Name: TableRangeName(t.Name),
		RefersTo: fmt.Sprintf("%s!$A$%d:$%s$%d", xlsxkit.QuoteSheet(sheet), t.HeaderRow, lastCol, last)}))
	w.check(f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: t.HeaderRow, TopLeftCell: "A" + strconv.Itoa(first), ActivePane: "bottomLeft"}))
	w.print(sheet, fmt.Sprintf("A1:%s%d", lastCol, last), true, fmt.Sprintf("%d:%d", t.HeaderRow, t.HeaderRow))
}

func (w *writer) writeMeta() {
	rows := []struct{ key, value string }{
		{NameTemplateVersion, w.version},
		{NamePackID, w.packID},
		{"language", w.lang},
		{"country", strings.ToUpper(w.c.Code)},
	}
	for i, r := range rows {
		w.setStr(SheetMeta, "A"+strconv.Itoa(i+1), r.key)
		w.setStr(SheetMeta, "B"+strconv.Itoa(i+1), r.value)
		if strings.HasPrefix(r.key, namePrefix) {
			w.check(w.f.SetDefinedName(&excelize.DefinedName{Name: r.key, RefersTo: absRef(SheetMeta, "B", i+1)}))
		}
	}
	w.check(w.f.SetColWidth(SheetMeta, "A", "B", 28))
}

// DocTime is a workbook's created/modified property for stamp
// (xlsxkit.DocTime, kept here for the packages that name it so).
func DocTime(stamp time.Time) string { return xlsxkit.DocTime(stamp) }
