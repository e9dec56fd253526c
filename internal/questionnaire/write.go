package questionnaire

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"opkit/internal/i18n"
	"opkit/internal/model"
	"opkit/internal/xlsxkit"
)

// Sheet codes of the two hidden sheets; never shown, so not translated.
const (
	sheetLists = "Lists"
	sheetMeta  = "Meta"
)

// spareRows are the empty rows written below a table's filled ones, and
// growRows how far below those the drop-downs still reach.
const (
	spareRows = 10
	growRows  = 500
)

// Options carries what the workbook takes from outside the country file.
type Options struct {
	Stamp time.Time // the document date; never the clock
}

// Write builds the questionnaire of the country code in lang, pre-filled
// from c when the country file exists (c may be nil). The same inputs give
// byte-identical bytes.
func Write(code, lang string, c *model.Country, opt Options) ([]byte, error) {
	code = strings.ToUpper(strings.TrimSpace(code))
	if code == "" {
		return nil, errors.New("write questionnaire: no country code")
	}
	if !i18n.Supported(lang) {
		return nil, fmt.Errorf("write questionnaire: %q is not a language of opkit (%s)", lang, strings.Join(i18n.Languages, ", "))
	}
	known := c != nil
	if !known {
		c = &model.Country{Code: code, Language: lang}
	}
	w := &writer{f: excelize.NewFile(), c: c, known: known, code: code, lang: lang, lists: map[string]string{}}
	defer w.f.Close()
	w.build(opt)
	if w.err != nil {
		return nil, fmt.Errorf("write questionnaire for %s: %w", code, w.err)
	}
	data, err := xlsxkit.Write(w.f, xlsxkit.Props{
		Title:    fmt.Sprintf(word(lang, "text.title"), w.countryName()),
		Creator:  "opkit",
		Language: lang,
		Version:  TemplateVersion,
		Stamp:    opt.Stamp,
		Keywords: "OP-ICESCR; " + code,
	})
	if err != nil {
		return nil, fmt.Errorf("write questionnaire for %s: %w", code, err)
	}
	return data, nil
}

type writer struct {
	f       *excelize.File
	c       *model.Country
	known   bool // c was read from a country file, so its booleans are answers
	code    string
	lang    string
	lists   map[string]string
	listCol int
	st      struct{ title, intro, section, label, help, input, inputDate, inputLong, locked, header, colHelp, cell, cellDate, para int }
	err     error
}

func (w *writer) check(err error) {
	if err != nil && w.err == nil {
		w.err = err
	}
}

func (w *writer) sheetName(code string) string { return word(w.lang, "sheet."+code) }

func (w *writer) build(opt Options) {
	f := w.f
	instr := w.sheetName("instructions")
	w.check(f.SetSheetName("Sheet1", instr))
	visible := []string{instr, w.sheetName("country")}
	for _, t := range Tables {
		visible = append(visible, w.sheetName(t.Name))
	}
	for _, s := range append(visible[1:], sheetLists, sheetMeta) {
		_, err := f.NewSheet(s)
		w.check(err)
	}
	if w.err != nil {
		return
	}
	w.styles()
	w.writeLists()
	w.writeInstructions(instr)
	w.writeCountry(w.sheetName("country"))
	for i := range Tables {
		w.writeTable(&Tables[i])
	}
	w.writeMeta()
	for _, s := range visible {
		w.check(xlsxkit.SetPrint(f, s, xlsxkit.Print{Paper: xlsxkit.PaperFor(w.code), Landscape: true}))
		w.check(f.SetSheetView(s, 0, &excelize.ViewOptions{RightToLeft: ptr(i18n.RTL(w.lang))}))
	}
	// Very hidden and protected rather than a locked structure, which
	// Gnumeric does not read (xlsxkit.Conceal).
	w.check(xlsxkit.Conceal(f, sheetLists))
	w.check(xlsxkit.Conceal(f, sheetMeta))
	f.SetActiveSheet(0)
}

func ptr[T any](v T) *T { return &v }

func (w *writer) style(s *excelize.Style) int {
	if s.Font == nil {
		s.Font = &excelize.Font{}
	}
	if i18n.RTL(w.lang) {
		if s.Alignment == nil {
			s.Alignment = &excelize.Alignment{}
		}
		s.Alignment.ReadingOrder = 2
	}
	id, err := xlsxkit.Style(w.f, s)
	w.check(err)
	return id
}

func (w *writer) styles() {
	unlocked := &excelize.Protection{Locked: false}
	locked := &excelize.Protection{Locked: true}
	border := xlsxkit.InputBorder()
	yellow, grey := xlsxkit.InputFill, xlsxkit.PrefilledFill
	date := xlsxkit.DateFormat
	// Dates sit at the reading start of the cell: the right in Arabic.
	start := "left"
	if i18n.RTL(w.lang) {
		start = "right"
	}
	wrap := func(v string) *excelize.Alignment { return &excelize.Alignment{WrapText: true, Vertical: v} }
	w.st.title = w.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14, Color: "1F3864"}})
	w.st.intro = w.style(&excelize.Style{Font: &excelize.Font{Italic: true, Color: "595959"}, Alignment: wrap("top")})
	w.st.para = w.style(&excelize.Style{Alignment: wrap("top")})
	w.st.section = w.style(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "1F3864"}, Border: []excelize.Border{{Type: "bottom", Color: "1F3864", Style: 1}}})
	w.st.label = w.style(&excelize.Style{Alignment: wrap("center"), Protection: locked})
	w.st.help = w.style(&excelize.Style{Font: &excelize.Font{Italic: true, Size: 9, Color: "595959"}, Alignment: wrap("center"), Protection: locked})
	w.st.input = w.style(&excelize.Style{Fill: yellow, Border: border, Alignment: wrap("center"), Protection: unlocked, NumFmt: 49})
	w.st.inputDate = w.style(&excelize.Style{Fill: yellow, Border: border, Alignment: &excelize.Alignment{Horizontal: start, Vertical: "center"}, CustomNumFmt: &date, Protection: unlocked})
	w.st.inputLong = w.style(&excelize.Style{Fill: yellow, Border: border, Alignment: wrap("top"), Protection: unlocked, NumFmt: 49})
	w.st.locked = w.style(&excelize.Style{Fill: grey, Border: border, Font: &excelize.Font{Bold: true}, Alignment: wrap("center"), Protection: locked})
	w.st.header = w.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: wrap("center"),
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}, Border: []excelize.Border{{Type: "bottom", Color: "1F3864", Style: 1}}})
	w.st.colHelp = w.style(&excelize.Style{Font: &excelize.Font{Italic: true, Size: 9, Color: "595959"}, Alignment: wrap("top")})
	w.st.cell = w.style(&excelize.Style{Fill: yellow, Border: border, Alignment: wrap("top"), Protection: unlocked, NumFmt: 49})
	w.st.cellDate = w.style(&excelize.Style{Fill: yellow, Border: border, Alignment: &excelize.Alignment{Horizontal: start, Vertical: "top"}, CustomNumFmt: &date, Protection: unlocked})
}

func (w *writer) set(sheet, cell string, v any, style int) {
	switch v := v.(type) {
	case string:
		w.check(w.f.SetCellStr(sheet, cell, v))
	case nil:
	default:
		w.check(w.f.SetCellValue(sheet, cell, v))
	}
	w.check(w.f.SetCellStyle(sheet, cell, cell, style))
}

// listKey names the options of an item on the lists sheet.
func listKey(it *Item) string {
	if it.Kind == KBool || it.Kind == KFlag {
		return "yesno"
	}
	return it.OptGroup
}

func (w *writer) labels(it *Item) []string {
	if it.Kind == KBool || it.Kind == KFlag {
		return []string{optionLabel(w.lang, "yesno", "yes"), optionLabel(w.lang, "yesno", "no")}
	}
	var out []string
	for _, code := range it.Options() {
		out = append(out, optionLabel(w.lang, it.OptGroup, code))
	}
	return out
}

// writeLists fills the hidden sheet the drop-downs point at: labels may hold
// commas, which an inline list would split.
func (w *writer) writeLists() {
	add := func(it *Item) {
		key := listKey(it)
		if _, done := w.lists[key]; done || key == "" || it.Kind == KCodes {
			return
		}
		w.listCol++
		col, _ := excelize.ColumnNumberToName(w.listCol)
		w.check(w.f.SetCellStr(sheetLists, col+"1", key))
		labels := w.labels(it)
		for i, l := range labels {
			w.check(w.f.SetCellStr(sheetLists, col+strconv.Itoa(i+2), l))
		}
		w.lists[key] = fmt.Sprintf("%s!$%s$2:$%s$%d", sheetLists, col, col, len(labels)+1)
	}
	for i := range Sections {
		for j := range Sections[i].Items {
			add(&Sections[i].Items[j])
		}
	}
	for i := range Tables {
		for j := range Tables[i].Columns {
			add(&Tables[i].Columns[j])
		}
	}
}

func (w *writer) writeInstructions(sheet string) {
	f := w.f
	w.check(f.SetColWidth(sheet, "A", "A", 100))
	w.set(sheet, "A1", fmt.Sprintf(word(w.lang, "text.title"), w.countryName()), w.st.title)
	row := 3
	for _, p := range append(instructions(w.lang), word(w.lang, "text.conf")) {
		cell := "A" + strconv.Itoa(row)
		w.set(sheet, cell, p, w.st.para)
		w.check(f.SetRowHeight(sheet, row, min(float64(15*(1+len([]rune(p))/95)+3), 409)))
		row++
	}
	w.check(f.SetSheetView(sheet, 0, &excelize.ViewOptions{ShowGridLines: ptr(false)}))
	w.protect(sheet)
}

// countryName is how the questionnaire titles the country: the partner's own
// spelling when the file has one, else the code.
func (w *writer) countryName() string {
	if w.c.Name != "" {
		return w.c.Name
	}
	return w.code
}

func (w *writer) protect(sheet string) { w.check(xlsxkit.Protect(w.f, sheet)) }

func (w *writer) writeCountry(sheet string) {
	f := w.f
	w.check(f.SetColWidth(sheet, "A", "A", 40))
	w.check(f.SetColWidth(sheet, "B", "B", 60))
	w.check(f.SetColWidth(sheet, "C", "C", 60))
	w.set(sheet, "A1", fmt.Sprintf(word(w.lang, "text.title"), w.countryName()), w.st.title)
	w.set(sheet, "A2", word(w.lang, "text.fill"), w.st.intro)
	w.check(f.MergeCell(sheet, "A2", "C2"))
	row := 3
	for si := range Sections {
		s := &Sections[si]
		row++
		cell := "A" + strconv.Itoa(row)
		w.set(sheet, cell, word(w.lang, "section."+s.Table), w.st.section)
		w.check(f.SetCellStyle(sheet, cell, "C"+strconv.Itoa(row), w.st.section))
		row++
		for ii := range s.Items {
			it := &s.Items[ii]
			path := Path(s.Table, it.Key)
			r := strconv.Itoa(row)
			label := word(w.lang, "label."+path)
			if it.Required || it.RequiredUnless[0] != "" {
				label += " *"
			}
			hlp := w.itemHelp(path, it)
			w.set(sheet, "A"+r, label, w.st.label)
			w.set(sheet, "C"+r, hlp, w.st.help)
			in := "B" + r
			v := w.value(reflect.ValueOf(w.c).Elem(), it)
			// Rows as tall as their longest text: not every program grows
			// a row to fit wrapped text when it opens the file. The help
			// is set smaller, so more of it fits on a line.
			lines := max(2, xlsxkit.Lines(label, 40), xlsxkit.Lines(hlp, 60*1.25))
			if sv, ok := v.(string); ok {
				lines = max(lines, xlsxkit.Lines(sv, 60))
			}
			switch {
			case it.Locked:
				w.set(sheet, in, w.code, w.st.locked)
			case it.Kind == KDate:
				w.set(sheet, in, v, w.st.inputDate)
			case it.Kind == KProse || it.Kind == KLines:
				w.set(sheet, in, v, w.st.inputLong)
				lines = max(lines, 6)
			default:
				w.set(sheet, in, v, w.st.input)
			}
			w.check(f.SetRowHeight(sheet, row, xlsxkit.RowHeight(lines)))
			if !it.Locked {
				w.validate(sheet, in, label, it)
			}
			w.check(f.SetDefinedName(&excelize.DefinedName{Name: DefinedName(s.Table, it.Key), RefersTo: fmt.Sprintf("%s!$B$%d", xlsxkit.QuoteSheet(sheet), row)}))
			row++
		}
	}
	w.check(f.SetSheetView(sheet, 0, &excelize.ViewOptions{ShowGridLines: ptr(false)}))
	w.protect(sheet)
}

// itemHelp is the help of a key, with the way to type it for the kinds a
// drop-down does not explain.
func (w *writer) itemHelp(path string, it *Item) string {
	if it.Kind == KFlag {
		path, _, _ = cutLast(path) // one explanation for the list's members
	}
	if path == "cases.confidentiality" {
		return word(w.lang, "text.conf")
	}
	return w.how(help(w.lang, path), it)
}

// columnHelp is the help of a table column: a list's own explanation for
// its one column, the parent's column for the key that names a parent row.
func columnHelp(lang string, t *Table, col *Item) string {
	if t.List {
		return help(lang, t.Key)
	}
	h := help(lang, Path(t.Key, col.Key))
	if h == "" && t.Parent != "" && col.Key == t.ParentKey {
		parent, _, _ := cutLast(t.Key)
		h = help(lang, Path(parent, col.Key))
	}
	if Path(t.Key, col.Key) == "cases.confidentiality" {
		h = word(lang, "text.conf")
	}
	return h
}

// how adds to a help text the way to type the kinds a drop-down does not
// explain.
func (w *writer) how(h string, it *Item) string {
	var how string
	switch it.Kind {
	case KCodes:
		how = word(w.lang, "text.codes")
	case KLines:
		how = word(w.lang, "text.lines")
	case KLangs:
		how = word(w.lang, "text.langs")
	case KClock:
		how = word(w.lang, "text.clock")
	}
	if how != "" {
		h = strings.TrimSpace(h + " " + how)
	}
	return h
}

func (w *writer) validate(sheet, sqref, title string, it *Item) {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	switch it.Kind {
	case KChoice, KBool, KFlag:
		rng, ok := w.lists[listKey(it)]
		if !ok {
			return
		}
		dv.SetSqrefDropList(rng)
		dv.SetError(excelize.DataValidationErrorStyleStop, truncate(word(w.lang, "text.error"), 32), truncate(word(w.lang, "text.invalid"), 255))
		dv.SetInput(truncate(title, 32), truncate(word(w.lang, "text.choose"), 255))
	case KDate:
		w.check(dv.SetRange(outcomeMinSerial, outcomeMaxSerial, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween))
		dv.SetError(excelize.DataValidationErrorStyleStop, truncate(word(w.lang, "text.error"), 32), "YYYY-MM-DD")
	case KInt:
		w.check(dv.SetRange(0, 1000000, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween))
		dv.SetError(excelize.DataValidationErrorStyleStop, truncate(word(w.lang, "text.error"), 32), "0 – 1000000")
	default:
		return
	}
	w.check(w.f.AddDataValidation(sheet, dv))
}

// The date validation's bounds: 2000-01-01 to 2099-12-31, the years the
// reader accepts.
var (
	outcomeMinSerial = model.Date{Year: 2000, Month: time.January, Day: 1}.ExcelSerial()
	outcomeMaxSerial = model.Date{Year: 2099, Month: time.December, Day: 31}.ExcelSerial()
)

func truncate(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func (w *writer) writeTable(t *Table) {
	f := w.f
	sheet := w.sheetName(t.Name)
	rows := w.rows(t)
	header := 4
	first, last := header+1, header+len(rows)+spareRows
	w.set(sheet, "A1", sheet, w.st.title)
	intro := strings.TrimSpace(help(w.lang, t.Key) + " " + word(w.lang, "text.table"))
	w.set(sheet, "A2", intro, w.st.intro)
	lastCol, _ := excelize.ColumnNumberToName(len(t.Columns))
	w.check(f.MergeCell(sheet, "A2", lastCol+"2"))
	w.check(f.SetRowHeight(sheet, 2, xlsxkit.RowHeight(max(2, xlsxkit.Lines(intro, 100)))))
	helpLines := 2
	for i := range t.Columns {
		helpLines = max(helpLines, xlsxkit.Lines(w.how(columnHelp(w.lang, t, &t.Columns[i]), &t.Columns[i]), t.Columns[i].Width*1.25))
	}
	w.check(f.SetRowHeight(sheet, 3, xlsxkit.RowHeight(helpLines)*0.85))
	headLines := 1
	for i := range t.Columns {
		headLines = max(headLines, xlsxkit.Lines(word(w.lang, "label."+Path(t.Key, t.Columns[i].Key)), t.Columns[i].Width))
	}
	w.check(f.SetRowHeight(sheet, header, xlsxkit.RowHeight(headLines)))
	for i := range t.Columns {
		col := &t.Columns[i]
		path := Path(t.Key, col.Key)
		name, _ := excelize.ColumnNumberToName(i + 1)
		w.check(f.SetColWidth(sheet, name, name, col.Width))
		w.set(sheet, name+"3", w.how(columnHelp(w.lang, t, col), col), w.st.colHelp)
		label := word(w.lang, "label."+path)
		w.set(sheet, name+strconv.Itoa(header), label, w.st.header)
		st := w.st.cell
		if col.Kind == KDate {
			st = w.st.cellDate
		}
		w.check(f.SetCellStyle(sheet, name+strconv.Itoa(first), name+strconv.Itoa(last), st))
		for r, vals := range rows {
			w.set(sheet, name+strconv.Itoa(first+r), vals[i], st)
		}
		w.validate(sheet, fmt.Sprintf("%s%d:%s%d", name, first, name, last+growRows), label, col)
	}
	w.check(f.AddTable(sheet, &excelize.Table{
		Range: fmt.Sprintf("A%d:%s%d", header, lastCol, last), Name: t.Name,
		StyleName: "TableStyleLight1", ShowRowStripes: ptr(false),
	}))
	w.check(f.SetDefinedName(&excelize.DefinedName{Name: namePrefix + "table_" + t.Name,
		RefersTo: fmt.Sprintf("%s!$A$%d:$%s$%d", xlsxkit.QuoteSheet(sheet), header, lastCol, last)}))
	w.check(f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: header, TopLeftCell: "A" + strconv.Itoa(first), ActivePane: "bottomLeft"}))
}

// rows are the cell values of a table pre-filled from the country file.
func (w *writer) rows(t *Table) [][]any {
	root := reflect.ValueOf(w.c).Elem()
	var out [][]any
	if t.Parent != "" {
		// Nested rows: every indicator of every right, with the right named.
		parent := lookupGo(root, strings.Split(t.Go, "[]")[0])
		child := strings.TrimPrefix(strings.Split(t.Go, "[]")[1], ".")
		for i := 0; i < parent.Len(); i++ {
			p := parent.Index(i)
			kids := lookupGo(p, child)
			for j := 0; j < kids.Len(); j++ {
				var vals []any
				for ci := range t.Columns {
					col := &t.Columns[ci]
					if col.Key == t.ParentKey {
						vals = append(vals, w.value(p, &Item{Go: "Right", Kind: KChoice, Options: col.Options, OptGroup: col.OptGroup}))
						continue
					}
					vals = append(vals, w.value(kids.Index(j), col))
				}
				out = append(out, vals)
			}
		}
		return out
	}
	list := lookupGo(root, t.Go)
	for i := 0; i < list.Len(); i++ {
		el := list.Index(i)
		var vals []any
		for ci := range t.Columns {
			if t.List {
				vals = append(vals, el.String())
				continue
			}
			vals = append(vals, w.value(el, &t.Columns[ci]))
		}
		out = append(out, vals)
	}
	return out
}

// lookupGo follows a dotted path of struct fields.
func lookupGo(v reflect.Value, path string) reflect.Value {
	for _, name := range strings.Split(path, ".") {
		v = v.FieldByName(name)
	}
	return v
}

// value is what a cell shows for an item of the struct v; nil for nothing.
func (w *writer) value(v reflect.Value, it *Item) any {
	if it.Go == "" {
		return nil
	}
	fv := lookupGo(v, it.Go)
	yes := func(b bool) string {
		if b {
			return optionLabel(w.lang, "yesno", "yes")
		}
		return optionLabel(w.lang, "yesno", "no")
	}
	switch it.Kind {
	case KText, KProse:
		return fv.String()
	case KInt:
		if fv.Int() == 0 {
			return nil
		}
		return int(fv.Int())
	case KBool:
		if !w.known { // a new questionnaire: false means "not answered yet"
			return nil
		}
		return yes(fv.Bool())
	case KFlag:
		if !w.known {
			return nil
		}
		for i := 0; i < fv.Len(); i++ {
			if fv.Index(i).String() == it.Member {
				return yes(true)
			}
		}
		return yes(false)
	case KDate:
		d := fv.Interface().(model.Date)
		if d.IsZero() {
			return nil
		}
		return d.Time()
	case KClock:
		if !w.c.Event.HasStart {
			return nil
		}
		return fv.Interface().(model.Clock).String()
	case KChoice:
		if fv.String() == "" {
			return nil
		}
		return optionLabel(w.lang, it.OptGroup, fv.String())
	case KCodes:
		var parts []string
		for i := 0; i < fv.Len(); i++ {
			parts = append(parts, optionLabel(w.lang, it.OptGroup, fv.Index(i).String()))
		}
		return strings.Join(parts, "; ")
	case KLines:
		var parts []string
		for i := 0; i < fv.Len(); i++ {
			parts = append(parts, fv.Index(i).String())
		}
		return strings.Join(parts, "\n")
	case KLangs:
		var parts []string
		for i := 0; i < fv.Len(); i++ {
			parts = append(parts, fv.Index(i).String())
		}
		return strings.Join(parts, ", ")
	}
	return nil
}

func (w *writer) writeMeta() {
	rows := [][2]string{
		{nameVersion, TemplateVersion},
		{nameID, w.code + "-" + w.lang},
		{"language", w.lang},
		{"country", w.code},
	}
	for i, r := range rows {
		w.check(w.f.SetCellStr(sheetMeta, "A"+strconv.Itoa(i+1), r[0]))
		w.check(w.f.SetCellStr(sheetMeta, "B"+strconv.Itoa(i+1), r[1]))
		if strings.HasPrefix(r[0], namePrefix) {
			w.check(w.f.SetDefinedName(&excelize.DefinedName{Name: r[0], RefersTo: fmt.Sprintf("%s!$B$%d", sheetMeta, i+1)}))
		}
	}
}
