package report

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"opkit/internal/intake"
	"opkit/internal/model"
	"opkit/internal/outcome"
	"opkit/internal/xlsxkit"
)

// The consolidated workbook is for Coalition staff: it holds every accepted
// value, names included, whatever a return's sharing says (the sharing
// column says it, and the PDF honours it). Text is always written with
// SetCellStr, so a partner's "=HYPERLINK(...)" stays text and never becomes
// a formula.

type book struct {
	f      *excelize.File
	lang   string
	paper  xlsxkit.Paper
	header int
	date   int
	wrap   int
	title  int
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
	b.check(b.f.SetCellStr(sheet, cell(col, row), b.fit(sheet, col, row, s)))
}

func (b *book) int(sheet string, col, row, n int) {
	b.check(b.f.SetCellInt(sheet, cell(col, row), int64(n)))
}

func (b *book) style(sheet string, c1, r1, c2, r2, style int) {
	b.check(b.f.SetCellStyle(sheet, cell(c1, r1), cell(c2, r2), style))
}

func cell(col, row int) string { return xlsxkit.Cell(col, row) }

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

// table writes headers on row 1 and turns the range into an Excel table
// with filters. A table needs one data row, so an empty one gets a blank.
func (b *book) table(sheet, name string, headers []string, widths []float64, rows int) {
	for i, h := range headers {
		b.str(sheet, i+1, 1, h)
		w := 18.0
		if i < len(widths) && widths[i] > 0 {
			w = widths[i]
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		b.check(b.f.SetColWidth(sheet, col, col, w))
	}
	last := max(rows, 1) + 1
	b.check(b.f.AddTable(sheet, &excelize.Table{
		Range:     cell(1, 1) + ":" + cell(len(headers), last),
		Name:      name,
		StyleName: "TableStyleMedium2",
	}))
	b.check(b.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
}

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
	b := &book{f: excelize.NewFile(), lang: lang, paper: paper}
	defer b.f.Close()
	var err error
	if b.header, err = xlsxkit.Style(b.f, &excelize.Style{Font: &excelize.Font{Bold: true}}); err != nil {
		return nil, err
	}
	if b.title, err = xlsxkit.Style(b.f, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}); err != nil {
		return nil, err
	}
	fmtDate := "yyyy-mm-dd"
	if b.date, err = xlsxkit.Style(b.f, &excelize.Style{CustomNumFmt: &fmtDate}); err != nil {
		return nil, err
	}
	if b.wrap, err = xlsxkit.Style(b.f, &excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}); err != nil {
		return nil, err
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
		Creator:  ws.Campaign.Coalition.In(lang),
		Company:  ws.Campaign.Coalition.In(lang),
		Stamp:    stamp,
		Language: lang,
	})
}

// scalarFields are the columns of the returns sheet: every field of the
// outcome table but the pre-filled country, which the Country and Code
// columns already give from the workspace.
func scalarFields() []*outcome.Field {
	var out []*outcome.Field
	for i := range outcome.Fields {
		if !outcome.Fields[i].Prefilled {
			out = append(out, &outcome.Fields[i])
		}
	}
	return out
}

func (b *book) countryCols(ws *model.Workspace, sheet string, row int, e *intake.Entry) {
	name := e.Country
	if c := ws.Country(e.Country); c != nil {
		name = c.Name
	}
	b.str(sheet, 1, row, name)
	b.str(sheet, 2, row, e.Country)
}

func (b *book) returnsSheet(ws *model.Workspace, accepted []*intake.Entry) {
	sheet := tReturns.In(b.lang)
	_, err := b.f.NewSheet(sheet)
	b.check(err)
	fields := scalarFields()
	headers := []string{tCountry.In(b.lang), tCode.In(b.lang), tFile.In(b.lang)}
	widths := []float64{22, 8, 24}
	for _, f := range fields {
		headers = append(headers, f.Label.In(b.lang))
		w := 18.0
		if f.Kind == outcome.KindLongText {
			w = 50
		}
		widths = append(widths, w)
	}
	headers = append(headers, tTemplate.In(b.lang), tPackID.In(b.lang))
	for i, e := range accepted {
		row := i + 2
		b.countryCols(ws, sheet, row, e)
		b.str(sheet, 3, row, e.File)
		for j, f := range fields {
			b.value(sheet, 4+j, row, f.Kind, f.Options, e.Outcome.Scalars[f.Name])
		}
		b.str(sheet, 4+len(fields), row, e.Outcome.TemplateVersion)
		b.str(sheet, 5+len(fields), row, e.Outcome.PackID)
	}
	b.table(sheet, "Returns", unique(headers), widths, len(accepted))
	b.style(sheet, 1, 1, len(headers), 1, b.header)
}

// topicSheet lists one outcome table's rows across returns. The case
// column is followed by the case's title and confidentiality from the
// country file, so staff see at once which cases may not be published.
func (b *book) topicSheet(ws *model.Workspace, t *outcome.Table, accepted []*intake.Entry) {
	sheet := t.Title.In(b.lang)
	_, err := b.f.NewSheet(sheet)
	b.check(err)
	headers := []string{tCountry.In(b.lang), tCode.In(b.lang)}
	widths := []float64{22, 8}
	for _, c := range t.Columns {
		headers = append(headers, c.Header.In(b.lang))
		widths = append(widths, c.Width)
		if c.Kind == outcome.KindCase {
			headers = append(headers, tCaseTitle.In(b.lang), tConfidential.In(b.lang))
			widths = append(widths, 40, 16)
		}
	}
	total := 0
	for _, e := range accepted {
		total += len(e.Outcome.Tables[t.Name])
	}
	if total > 0 {
		// Before the values, so that date cells keep their own style.
		b.style(sheet, 3, 2, len(headers), total+1, b.wrap)
	}
	row := 1
	for _, e := range accepted {
		c := ws.Country(e.Country)
		for _, r := range e.Outcome.Tables[t.Name] {
			row++
			b.countryCols(ws, sheet, row, e)
			col := 3
			for _, cd := range t.Columns {
				v := r[cd.Key]
				b.value(sheet, col, row, cd.Kind, cd.Options, v)
				col++
				if cd.Kind == outcome.KindCase {
					if k := findCase(c, v.Text); k != nil {
						b.str(sheet, col, row, k.Title)
						b.str(sheet, col+1, row, string(k.Confidentiality))
					}
					col += 2
				}
			}
		}
	}
	b.table(sheet, t.Name, unique(headers), widths, row-1)
	b.style(sheet, 1, 1, len(headers), 1, b.header)
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
	_, err := b.f.NewSheet(sheet)
	b.check(err)
	headers := []string{tFile.In(b.lang), tSHA.In(b.lang), tStatus.In(b.lang), tCountry.In(b.lang), tReasons.In(b.lang), tWarnings.In(b.lang)}
	for i, e := range log.Entries {
		row := i + 2
		b.str(sheet, 1, row, e.File)
		b.str(sheet, 2, row, e.SHA256)
		b.str(sheet, 3, row, tStatusLabel[e.Status].In(b.lang))
		b.str(sheet, 4, row, e.Country)
		b.str(sheet, 5, row, strings.Join(e.Reasons, "\n"))
		b.str(sheet, 6, row, strings.Join(e.Warnings(), "\n"))
	}
	b.table(sheet, "IntakeLog", headers, []float64{28, 20, 12, 9, 60, 60}, len(log.Entries))
	b.style(sheet, 1, 1, len(headers), 1, b.header)
	if len(log.Entries) > 0 {
		b.style(sheet, 5, 2, 6, len(log.Entries)+1, b.wrap)
	}
}

func (b *book) awaitedSheet(ws *model.Workspace, log *intake.Log) {
	sheet := tAwaited.In(b.lang)
	_, err := b.f.NewSheet(sheet)
	b.check(err)
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
	cs := awaited(ws, accepted)
	for i, c := range cs {
		row := i + 2
		b.str(sheet, 1, row, c.Code)
		b.str(sheet, 2, row, c.Name)
		b.str(sheet, 3, row, string(c.Region))
		b.str(sheet, 4, row, string(c.Visibility))
		b.str(sheet, 5, row, strings.Join(received[c.Code], "\n"))
	}
	b.table(sheet, "Awaited", headers, []float64{8, 24, 24, 14, 50}, len(cs))
	b.style(sheet, 1, 1, len(headers), 1, b.header)
}

// overviewSheet comes last so its figures can point at nothing but itself;
// the chart reads the signature rows so it follows any edit staff make.
func (b *book) overviewSheet(sheet string, d *Data) {
	lang := b.lang
	b.str(sheet, 1, 1, tConsolidated.In(lang))
	b.style(sheet, 1, 1, 1, 1, b.title)
	b.str(sheet, 1, 2, d.Campaign.Name.In(lang))
	b.check(b.f.SetColWidth(sheet, "A", "A", 44))
	b.check(b.f.SetColWidth(sheet, "B", "B", 10))

	row := 4
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

	positions := func(field string, bars []Bar) (int, int) {
		row += 2
		b.str(sheet, 1, row, outcome.FieldByName(field).Label.In(lang))
		b.str(sheet, 2, row, tNumber.In(lang))
		b.style(sheet, 1, row, 2, row, b.header)
		first := row + 1
		for _, bar := range bars {
			row++
			b.str(sheet, 1, row, bar.Label)
			b.int(sheet, 2, row, bar.Count)
		}
		return first, row
	}
	s1, s2 := positions(outcome.SignPosition, d.SignBars)
	r1, r2 := positions(outcome.RatifyPosition, d.RatifyBars)

	q := xlsxkit.QuoteSheet(sheet)
	chart := func(anchor string, first, last int, title string) {
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
			YAxis:      excelize.ChartAxis{MajorGridLines: true},
			XAxis:      excelize.ChartAxis{ReverseOrder: true},
			Format:     excelize.GraphicOptions{OffsetX: 10, OffsetY: 0},
			Dimension: excelize.ChartDimension{
				Width: 560, Height: 300,
			},
		}))
	}
	chart("D4", s1, s2, outcome.FieldByName(outcome.SignPosition).Label.In(lang))
	chart("D21", r1, r2, outcome.FieldByName(outcome.RatifyPosition).Label.In(lang))
}
