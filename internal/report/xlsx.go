package report

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"opkit/internal/i18n"
	"opkit/internal/intake"
	"opkit/internal/model"
	"opkit/internal/names"
	"opkit/internal/outcome"
	"opkit/internal/xlsxkit"
)

// The consolidated workbook is for Coalition staff: it holds every accepted
// value, names included, whatever a return's sharing says (the Visibility
// column says what the New York report may show, and the PDF honours it).
// Every visible sheet says so in its first row and in its page header.
// Text is always written with SetCellStr, so a partner's "=HYPERLINK(...)"
// stays text and never becomes a formula.
//
// Layout: row 1 the staff marking, row 2 the table's headers, data from
// row 3. Text columns wrap and rows are as tall as their text, so nothing
// is cut on screen; pages are landscape, fitted to the width, with the
// header row repeated. The Returns sheet, one column per field, is too wide
// for that: it prints across pages with Country, Code and Visibility
// repeated at the left of each.

const (
	markRow  = 1
	headRow  = 2
	firstRow = 3
)

type book struct {
	f     *excelize.File
	lang  string
	paper xlsxkit.Paper
	// styles
	header, date, wrap, title, banner int
	// widths of the columns of the sheet being written, for row heights
	widths map[string][]float64
	lines  map[string]map[int]int // sheet -> row -> lines of its tallest cell
	err    error
	long   []longPart // longtext.go
}

func (b *book) check(err error) {
	if err != nil && b.err == nil {
		b.err = err
	}
}

func (b *book) str(sheet string, col, row int, s string) {
	if s == "" {
		return
	}
	s = b.fit(sheet, col, row, s) // longtext.go: never more than a cell holds
	b.check(b.f.SetCellStr(sheet, cell(col, row), s))
	if ws := b.widths[sheet]; col <= len(ws) {
		if b.lines[sheet] == nil {
			b.lines[sheet] = map[int]int{}
		}
		b.lines[sheet][row] = max(b.lines[sheet][row], xlsxkit.Lines(s, ws[col-1]))
	}
}

func (b *book) int(sheet string, col, row, n int) {
	b.check(b.f.SetCellInt(sheet, cell(col, row), int64(n)))
}

func (b *book) style(sheet string, c1, r1, c2, r2, style int) {
	b.check(b.f.SetCellStyle(sheet, cell(c1, r1), cell(c2, r2), style))
}

func cell(col, row int) string { return xlsxkit.Cell(col, row) }

func (b *book) t(key string) string { return i18n.T(b.lang, key) }

// value writes a read-back value the way its kind wants: numbers and dates
// as such (so filters and sums work), choices as labels, the rest as text.
func (b *book) value(sheet string, col, row int, kind outcome.Kind, opts []outcome.Option, v model.Value) {
	switch {
	case v.Text == "":
		return
	case kind == outcome.KindInt:
		if n, err := strconv.Atoi(v.Text); err == nil {
			b.int(sheet, col, row, n)
			return
		}
	case kind == outcome.KindDate:
		if d, err := model.ParseDate(v.Text); err == nil {
			b.check(b.f.SetCellFloat(sheet, cell(col, row), float64(d.ExcelSerial()), -1, 64))
			b.style(sheet, col, row, col, row, b.date)
			return
		}
	case kind == outcome.KindChoice:
		b.str(sheet, col, row, outcome.Display(opts, v, b.lang))
		return
	}
	b.str(sheet, col, row, v.Text)
}

// begin makes a sheet with the staff marking, the headers and the column
// widths.
func (b *book) begin(sheet string, headers []string, widths []float64) {
	if idx, _ := b.f.GetSheetIndex(sheet); idx < 0 {
		_, err := b.f.NewSheet(sheet)
		b.check(err)
	}
	b.widths[sheet] = widths
	b.str(sheet, 1, markRow, b.t("workbook.staff-only"))
	b.style(sheet, 1, markRow, 1, markRow, b.banner)
	for i, h := range headers {
		b.str(sheet, i+1, headRow, h)
		b.check(b.f.SetColWidth(sheet, xlsxkit.Col(i+1), xlsxkit.Col(i+1), widths[i]))
	}
	b.style(sheet, 1, headRow, len(headers), headRow, b.header)
}

// end turns the rows written into an Excel table with filters, sizes the
// rows to their text, freezes the headers (and the first columns when
// freeze > 0) and sets the page. A table needs a body row, so an empty one
// gets a blank.
func (b *book) end(sheet, table string, cols, rows, freeze int) {
	last := firstRow + max(rows, 1) - 1
	if rows > 0 {
		// Before the values' own styles would be lost: wrap every body cell,
		// then dates keep their format through value's own style.
		b.wrapBody(sheet, cols, last)
	}
	for row, n := range b.lines[sheet] {
		if row >= headRow && n > 1 {
			b.check(b.f.SetRowHeight(sheet, row, xlsxkit.RowHeight(n)))
		}
	}
	b.check(b.f.AddTable(sheet, &excelize.Table{
		Range:          cell(1, headRow) + ":" + cell(cols, last),
		Name:           table,
		StyleName:      "TableStyleMedium2",
		ShowRowStripes: ptr(true),
	}))
	panes := &excelize.Panes{Freeze: true, YSplit: headRow, TopLeftCell: cell(1, firstRow), ActivePane: "bottomLeft"}
	if freeze > 0 {
		panes = &excelize.Panes{Freeze: true, XSplit: freeze, YSplit: headRow, TopLeftCell: cell(freeze+1, firstRow), ActivePane: "bottomRight"}
	}
	b.check(b.f.SetPanes(sheet, panes))
	b.print(sheet, cell(1, 1)+":"+cell(cols, last), freeze == 0)
}

// wrapBody wraps the body cells that hold no date; wrapping is written
// column by column so that a date column keeps its number format.
func (b *book) wrapBody(sheet string, cols, last int) {
	for c := 1; c <= cols; c++ {
		for r := firstRow; r <= last; r++ {
			if id, _ := b.f.GetCellStyle(sheet, cell(c, r)); id == b.date {
				continue
			}
			b.style(sheet, c, r, c, r, b.wrap)
		}
	}
}

// print sets a sheet's page: landscape, marked for staff, numbered. fit
// fits the width to the page; a wide sheet instead repeats its first
// columns on every page across.
func (b *book) print(sheet, area string, fit bool) {
	p := xlsxkit.Print{Paper: b.paper, Landscape: true, Area: area, Marking: b.t("workbook.marking"), Footer: b.t("workbook.page")}
	if fit {
		p.TitleRows = fmt.Sprintf("%d:%d", headRow, headRow)
	}
	b.check(xlsxkit.SetPrint(b.f, sheet, p))
	if !fit {
		// Pages across, then down, Country to Visibility repeated at the left.
		b.check(b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: ptr(false)}))
		b.check(b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{FitToWidth: ptr(0), FitToHeight: ptr(0), AdjustTo: ptr(uint(80))}))
		// Only the columns: a union of rows and columns is what Excel writes
		// but Gnumeric cannot read, and across the pages the country is what
		// a reader loses first.
		b.check(b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
			RefersTo: xlsxkit.QuoteSheet(sheet) + "!$A:$C"}))
		b.check(b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{PageOrder: ptr("overThenDown")}))
	}
}

func ptr[T any](v T) *T { return &v }

// unique makes table headers distinct, as Excel requires.
func unique(hs []string) []string {
	seen := map[string]int{}
	out := make([]string, len(hs))
	for i, h := range hs {
		k := strings.ToLower(h)
		seen[k]++
		if seen[k] > 1 {
			h = fmt.Sprintf("%s (%d)", h, seen[k])
		}
		out[i] = h
	}
	return out
}

// consolidatedXLSX writes the workbook: overview, returns, one sheet per
// outcome table, the intake log and the countries awaited.
func consolidatedXLSX(ws *model.Workspace, log *intake.Log, d *Data, stamp time.Time, paper xlsxkit.Paper) ([]byte, error) {
	lang := d.Lang
	b := &book{f: excelize.NewFile(), lang: lang, paper: paper, widths: map[string][]float64{}, lines: map[string]map[int]int{}}
	defer b.f.Close()
	fmtDate := "yyyy-mm-dd"
	for _, s := range []struct {
		id    *int
		style *excelize.Style
	}{
		{&b.header, &excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&b.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&b.banner, &excelize.Style{Font: &excelize.Font{Bold: true, Color: "C00000"}}},
		{&b.date, &excelize.Style{CustomNumFmt: &fmtDate, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"}}},
		{&b.wrap, &excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
	} {
		id, err := xlsxkit.Style(b.f, s.style)
		if err != nil {
			return nil, err
		}
		*s.id = id
	}

	overview := tOverview.In(lang)
	b.check(b.f.SetSheetName("Sheet1", overview))
	accepted := log.Accepted()
	b.returnsSheet(ws, accepted)
	for i := range outcome.Tables {
		b.topicSheet(ws, &outcome.Tables[i], accepted)
	}
	b.intakeSheet(log)
	b.awaitedSheet(ws, log)
	b.overviewSheet(overview, d)
	b.longTextsSheet() // longtext.go: the rest of texts too long for a cell

	b.f.SetActiveSheet(0)
	if b.err != nil {
		return nil, b.err
	}
	return xlsxkit.Write(b.f, xlsxkit.Props{
		Title:    tConsolidated.In(lang) + ": " + ws.Campaign.Name.In(lang),
		Subject:  b.t("workbook.staff-only"),
		Creator:  ws.Campaign.Coalition.In(lang),
		Company:  ws.Campaign.Coalition.In(lang),
		Stamp:    stamp,
		Language: lang,
	})
}

// countryName is the country in the workbook's language, the partner's
// own spelling for a code the names table does not know.
func (b *book) countryName(ws *model.Workspace, code string) string {
	if names.Known(code) {
		return names.Country(code, b.lang)
	}
	if c := ws.Country(code); c != nil && c.Name != "" {
		return c.Name
	}
	return code
}

// visibility says what the New York report may show of a return: the rule
// the report itself follows (sharingOf), so a low-profile country's return
// never reads "Public" here, and whether the government's stated position
// may be named although the rest is not.
func (b *book) visibility(ws *model.Workspace, e *intake.Entry) string {
	c := ws.Country(e.Country)
	if c == nil || e.Outcome == nil {
		return ""
	}
	var s string
	switch sharingOf(c, e.Outcome) {
	case Public:
		return b.t("workbook.visibility.public")
	case Anonymised:
		s = b.t("workbook.visibility.anonymised")
	default:
		s = b.t("workbook.visibility.coalition-only")
	}
	if v := e.Outcome.Scalars[outcome.PositionPublic]; v.Coded && v.Text == outcome.Yes {
		s += "; " + b.t("workbook.visibility.position-named")
	}
	return s
}

// countryCols writes Country, Code and Visibility, the first three columns
// of every sheet of returns.
func (b *book) countryCols(ws *model.Workspace, sheet string, row int, e *intake.Entry) {
	b.str(sheet, 1, row, b.countryName(ws, e.Country))
	b.str(sheet, 2, row, e.Country)
	b.str(sheet, 3, row, b.visibility(ws, e))
}

func (b *book) countryHeaders() ([]string, []float64) {
	return []string{tCountry.In(b.lang), tCode.In(b.lang), tVisibility.In(b.lang)}, []float64{20, 7, 18}
}

// fieldWidth is a column's width for a field: wide for paragraphs, narrow
// for numbers and dates.
func fieldWidth(k outcome.Kind) float64 {
	switch k {
	case outcome.KindLongText:
		return 60
	case outcome.KindInt:
		return 15
	case outcome.KindDate:
		return 12
	case outcome.KindText, outcome.KindEmail:
		return 24
	}
	return 20
}

func (b *book) returnsSheet(ws *model.Workspace, accepted []*intake.Entry) {
	sheet := tReturns.In(b.lang)
	// Every field, the pre-filled country too: the return in full, with the
	// partner's spelling of the country beside the workbook's.
	fields := outcome.Fields
	headers, widths := b.countryHeaders()
	headers, widths = append(headers, tFile.In(b.lang)), append(widths, 24)
	for _, f := range fields {
		h := f.Label.In(b.lang)
		if f.Prefilled {
			h = i18n.Tf(b.lang, "workbook.in-return", h)
		}
		headers = append(headers, h)
		widths = append(widths, fieldWidth(f.Kind))
	}
	headers = append(headers, tTemplate.In(b.lang), tPackID.In(b.lang))
	widths = append(widths, 10, 20)
	b.begin(sheet, unique(headers), widths)
	for i, e := range accepted {
		row := firstRow + i
		b.countryCols(ws, sheet, row, e)
		b.str(sheet, 4, row, e.File)
		for j, f := range fields {
			b.value(sheet, 5+j, row, f.Kind, f.Options, e.Outcome.Scalars[f.Name])
		}
		b.str(sheet, 5+len(fields), row, e.Outcome.TemplateVersion)
		b.str(sheet, 6+len(fields), row, e.Outcome.PackID)
	}
	b.end(sheet, "Returns", len(headers), len(accepted), 3)
}

// topicSheet lists one outcome table's rows across returns. The case
// column is followed by the case's title and confidentiality from the
// country file, so staff see at once which cases may not be published.
func (b *book) topicSheet(ws *model.Workspace, t *outcome.Table, accepted []*intake.Entry) {
	sheet := t.Title.In(b.lang)
	headers, widths := b.countryHeaders()
	for _, c := range t.Columns {
		headers = append(headers, c.Header.In(b.lang))
		widths = append(widths, min(c.Width, 60))
		if c.Kind == outcome.KindCase {
			headers = append(headers, tCaseTitle.In(b.lang), tConfidential.In(b.lang))
			widths = append(widths, 40, 16)
		}
	}
	b.begin(sheet, unique(headers), widths)
	row := firstRow - 1
	for _, e := range accepted {
		c := ws.Country(e.Country)
		for _, r := range e.Outcome.Tables[t.Name] {
			row++
			b.countryCols(ws, sheet, row, e)
			col := 4
			for _, cd := range t.Columns {
				v := r[cd.Key]
				b.value(sheet, col, row, cd.Kind, cd.Options, v)
				col++
				if cd.Kind == outcome.KindCase {
					if k := findCase(c, v.Text); k != nil {
						b.str(sheet, col, row, k.Title)
						b.str(sheet, col+1, row, i18n.T(b.lang, "confidentiality."+string(k.Confidentiality)))
					}
					col += 2
				}
			}
		}
	}
	b.end(sheet, t.Name, len(headers), row-firstRow+1, 0)
}

func findCase(c *model.Country, id string) *model.Case {
	if c == nil {
		return nil
	}
	id = strings.TrimSpace(id)
	for i := range c.Cases {
		if strings.EqualFold(c.Cases[i].ID, id) {
			return &c.Cases[i]
		}
	}
	return nil
}

func (b *book) intakeSheet(log *intake.Log) {
	sheet := tIntake.In(b.lang)
	headers := []string{tFile.In(b.lang), tSHA.In(b.lang), tStatus.In(b.lang), tCountry.In(b.lang), tReasons.In(b.lang), tWarnings.In(b.lang)}
	b.begin(sheet, headers, []float64{28, 20, 12, 9, 60, 60})
	for i, e := range log.Entries {
		row := firstRow + i
		b.str(sheet, 1, row, e.File)
		b.str(sheet, 2, row, e.SHA256)
		b.str(sheet, 3, row, tStatusLabel[e.Status].In(b.lang))
		b.str(sheet, 4, row, e.Country)
		b.str(sheet, 5, row, strings.Join(e.Reasons, "\n"))
		b.str(sheet, 6, row, strings.Join(e.Warnings(), "\n"))
	}
	b.end(sheet, "IntakeLog", len(headers), len(log.Entries), 0)
}

func (b *book) awaitedSheet(ws *model.Workspace, log *intake.Log) {
	sheet := tAwaited.In(b.lang)
	accepted := map[string]bool{}
	received := map[string][]string{}
	for _, e := range log.Entries {
		if e.Status == intake.Accepted {
			accepted[e.Country] = true
		} else if e.Country != "" {
			received[e.Country] = append(received[e.Country], e.File+" ("+tStatusLabel[e.Status].In(b.lang)+")")
		}
	}
	headers := []string{tCode.In(b.lang), tCountry.In(b.lang), tRegion.In(b.lang), tVisibility.In(b.lang), tNotAccepted.In(b.lang)}
	b.begin(sheet, headers, []float64{8, 24, 24, 14, 50})
	cs := awaited(ws, accepted)
	for i, c := range cs {
		row := firstRow + i
		b.str(sheet, 1, row, c.Code)
		b.str(sheet, 2, row, b.countryName(ws, c.Code))
		b.str(sheet, 3, row, regionName(string(c.Region), b.lang))
		b.str(sheet, 4, row, i18n.T(b.lang, "visibility."+string(c.Visibility)))
		b.str(sheet, 5, row, strings.Join(received[c.Code], "\n"))
	}
	b.end(sheet, "Awaited", len(headers), len(cs), 0)
}

// regionName is a region code in lang, the code itself when unknown.
func regionName(code, lang string) string { return names.Region(code, lang) }

// overviewSheet comes last so its figures can point at nothing but itself;
// the charts read the position rows so they follow any edit staff make.
// It prints on one landscape page: figures at the left, the two charts
// stacked at the right.
func (b *book) overviewSheet(sheet string, d *Data) {
	lang := b.lang
	b.widths[sheet] = []float64{46, 10}
	b.str(sheet, 1, 1, tConsolidated.In(lang))
	b.style(sheet, 1, 1, 1, 1, b.title)
	b.str(sheet, 1, 2, b.t("workbook.staff-only"))
	b.style(sheet, 1, 2, 1, 2, b.banner)
	b.str(sheet, 1, 3, d.Campaign.Name.In(lang))
	b.check(b.f.SetColWidth(sheet, "A", "A", 46))
	b.check(b.f.SetColWidth(sheet, "B", "B", 10))

	row := 5
	b.str(sheet, 1, row, tFigure.In(lang))
	b.str(sheet, 2, row, tNumber.In(lang))
	b.style(sheet, 1, row, 2, row, b.header)
	c := d.Counts
	for _, f := range []struct {
		l L
		n int
	}{
		{tCountriesWS, c.Countries}, {tFilesReceived, c.Files}, {tAcceptedN, c.Returns}, {tRejectedN, c.Rejected},
		{tSupersededN, c.Superseded}, {tDuplicateN, c.Duplicate}, {tAwaitedN, c.Awaited},
		{tPublicN, c.Public}, {tAnonN, c.Anonymised}, {tCoalitionN, c.CoalitionOnly},
		{tHeldN, c.Held}, {tPostponedN, c.Postponed}, {tNotHeldN, c.NotHeld}, {tAuthoritiesN, c.Authorities},
		{tParticipantsN, c.Participants}, {tOrgsN, c.Organisations},
	} {
		row++
		b.str(sheet, 1, row, f.l.In(lang))
		b.int(sheet, 2, row, f.n)
	}

	positions := func(field string, bars []Bar) (int, int, int) {
		row += 2
		b.str(sheet, 1, row, outcome.FieldByName(field).Label.In(lang))
		b.str(sheet, 2, row, tNumber.In(lang))
		b.style(sheet, 1, row, 2, row, b.header)
		first, most := row+1, 0
		for _, bar := range bars {
			row++
			b.str(sheet, 1, row, bar.Label)
			b.int(sheet, 2, row, bar.Count)
			most = max(most, bar.Count)
		}
		return first, row, most
	}
	s1, s2, sMax := positions(outcome.SignPosition, d.SignBars)
	r1, r2, rMax := positions(outcome.RatifyPosition, d.RatifyBars)

	q := xlsxkit.QuoteSheet(sheet)
	// excelize's axis labels are a pale grey that barely prints.
	axisFont := excelize.Font{Family: xlsxkit.Font, Size: 9, Color: "262626"}
	const chartRows = 20 // rows of 15 pt a 300-pixel chart covers
	chart := func(anchor string, first, last, most int, title string) {
		// Counts of countries: whole-number steps from zero, at most ten.
		step := float64(max(1, (most+9)/10))
		top := step * float64(max(1, (most+int(step)-1)/int(step)))
		b.check(b.f.AddChart(sheet, anchor, &excelize.Chart{
			Type: excelize.Bar,
			Series: []excelize.ChartSeries{{
				Name:       fmt.Sprintf("%s!$A$%d", q, first-1),
				Categories: fmt.Sprintf("%s!$A$%d:$A$%d", q, first, last),
				Values:     fmt.Sprintf("%s!$B$%d:$B$%d", q, first, last),
			}},
			Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title}}},
			Legend:     excelize.ChartLegend{Position: "none"},
			VaryColors: new(bool),
			YAxis: excelize.ChartAxis{MajorGridLines: true, MajorUnit: step, Minimum: ptr(0.0), Maximum: ptr(top),
				NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0"}, Font: axisFont,
				Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: b.t("workbook.countries"), Font: &axisFont}}}},
			XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: axisFont},
			Format:    excelize.GraphicOptions{OffsetX: 10, OffsetY: 0},
			Dimension: excelize.ChartDimension{Width: 560, Height: 300},
		}))
	}
	chart("D5", s1, s2, sMax, outcome.FieldByName(outcome.SignPosition).Label.In(lang))
	chart(fmt.Sprintf("D%d", 5+chartRows+1), r1, r2, rMax, outcome.FieldByName(outcome.RatifyPosition).Label.In(lang))
	last := max(row, 5+2*chartRows+2)
	b.check(xlsxkit.SetPrint(b.f, sheet, xlsxkit.Print{Paper: b.paper, Landscape: true, FitHeight: true,
		Area: "A1:L" + strconv.Itoa(last), Marking: b.t("workbook.marking"), Footer: b.t("workbook.page")}))
}
