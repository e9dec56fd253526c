package plan

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"opkit/internal/i18n"
	"opkit/internal/model"
	"opkit/internal/xlsxkit"
)

// sheet is one table of the workbook: what staff sort, filter and edit.
type sheet struct {
	name    string // sheet name, in the plan's language
	table   string // Excel table name: stable, language-free, for formulas
	headers []string
	rows    [][]any // string, int or model.Date
}

// summarySheet is the plan in figures, the first sheet of the workbook and
// the summary table of the PDF.
func (p *Plan) summarySheet() sheet {
	w := p.Words
	sum := sheet{name: w("sheet.summary"), table: "Summary", headers: []string{w("col.item"), w("col.count")}}
	sum.rows = append(sum.rows, []any{w("sum.countries"), len(p.Countries)})
	for _, kc := range p.TriageCounts() {
		sum.rows = append(sum.rows, []any{w("sum.triage", w("kindshort."+string(kc.Kind))), kc.Count})
	}
	sum.rows = append(sum.rows,
		[]any{w("sum.events"), p.Events()},
		[]any{w("sum.requests"), len(p.Requests)},
		[]any{w("sum.covered"), len(p.Assignments)},
		[]any{w("sum.uncovered"), len(p.Gaps)},
		[]any{w("sum.warnings"), p.Warnings()},
	)
	sum.rows = append(sum.rows, p.standingCounts()...)
	return sum
}

// sheets lays the plan out as tables; the workbook and the tests read the
// same structure.
func (p *Plan) sheets() []sheet {
	w := p.Words
	yesNo := func(b bool) string {
		if b {
			return w("yes")
		}
		return w("no")
	}
	sum := p.summarySheet()

	countries := sheet{name: w("sheet.countries"), table: "Countries", headers: []string{
		w("col.code"), w("col.country"), w("col.region"), w("col.stance"), w("col.visibility"), w("col.phase"),
		w("col.triage"), w("col.reason"), w("col.aim"), w("col.event-needed"), w("col.date"), w("col.date-status"),
		w("col.format"), w("col.city"), w("col.languages"), w("col.authority"), w("col.pack"), w("col.sc-request"), w("col.sc-member"), w("col.checks"),
	}}
	checks := sheet{name: w("sheet.checks"), table: "Checks", headers: []string{w("col.code"), w("col.country"), w("col.severity"), w("col.message")}}
	for i := range p.Countries {
		c := &p.Countries[i]
		sc := c.SCMember
		if c.SCRequested && sc == "" {
			sc = "—"
		}
		countries.rows = append(countries.rows, []any{
			c.Code, c.Name, c.RegionName, w("stance." + string(c.Stance)), w("visibility." + string(c.Visibility)), w("phase." + string(c.Phase)),
			w("kindshort." + string(c.Triage.Kind)), p.ReasonWords(c), w("aim." + string(c.Triage.Aim)), yesNo(c.Triage.EventNeeded),
			c.EventDate, w("date." + c.DateStatus), w("format." + formatCode(c.Format)), c.City, strings.Join(c.Languages, ", "),
			w("authority." + c.Authority), p.PackWords(c), yesNo(c.SCRequested), sc, len(c.Checks),
		})
		for _, k := range c.Checks {
			checks.rows = append(checks.rows, []any{c.Code, c.Name, w("severity." + k.Severity), p.CheckWords(k)})
		}
	}

	assigned := sheet{name: w("sheet.assignments"), table: "Assignments", headers: []string{
		w("col.date"), w("col.code"), w("col.country"), w("col.region"), w("col.languages"),
		w("col.member-id"), w("col.member"), w("col.organisation"), w("col.same-region"),
	}}
	for _, a := range p.Assignments {
		c := p.Country(a.Country)
		m := p.SCMember(a.Member)
		assigned.rows = append(assigned.rows, []any{a.Date, a.Country, c.Name, c.RegionName, strings.Join(c.Languages, ", "), m.ID, m.Name, m.Organisation, yesNo(a.SameRegion)})
	}
	gaps := sheet{name: w("sheet.gaps"), table: "Gaps", headers: []string{
		w("col.date"), w("col.code"), w("col.country"), w("col.region"), w("col.languages"), w("col.reason"), w("col.able"),
	}}
	for _, g := range p.Gaps {
		c := p.Country(g.Country)
		gaps.rows = append(gaps.rows, []any{g.Date, g.Country, c.Name, c.RegionName, strings.Join(g.Languages, ", "), p.GapWords(g), strings.Join(g.Able, ", ")})
	}
	members := sheet{name: w("sheet.members"), table: "Members", headers: []string{
		w("col.member-id"), w("col.member"), w("col.organisation"), w("col.region"), w("col.languages"),
		w("col.max-events"), w("col.assigned"), w("col.countries"),
	}}
	for _, m := range p.Members {
		members.rows = append(members.rows, []any{m.ID, m.Name, m.Organisation, strings.Join(p.regionNames(m.Regions), ", "),
			strings.Join(p.SCMember(m.ID).Languages, ", "), m.MaxEvents, len(m.Countries), strings.Join(m.Countries, ", ")})
	}
	return []sheet{sum, countries, checks, assigned, gaps, members, p.standingSheet(), p.contactsSheet()}
}

// formatCode keeps an unset format readable as "none".
func formatCode(f model.Format) string {
	if f == "" {
		return string(model.FormatNone)
	}
	return string(f)
}

// Events counts the countries with an event planned.
func (p *Plan) Events() int {
	n := 0
	for _, c := range p.Countries {
		if plannedFormat(c.Format) {
			n++
		}
	}
	return n
}

// Workbook builds coordination.xlsx. Dates are real dates so that staff can
// sort and filter by them; every sheet is an Excel table (autofilter) with a
// frozen header row, printed on paper landscape and fitted to its width.
func Workbook(p *Plan, stamp time.Time, paper xlsxkit.Paper) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	dateStyle, err := xlsxkit.Style(f, &excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd"), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"}})
	if err != nil {
		return nil, fmt.Errorf("date style: %w", err)
	}
	textStyle, err := xlsxkit.Style(f, &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	if err != nil {
		return nil, fmt.Errorf("text style: %w", err)
	}
	headerStyle, err := xlsxkit.Style(f, &excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	if err != nil {
		return nil, fmt.Errorf("header style: %w", err)
	}
	for i, sh := range p.sheets() {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.name); err != nil {
				return nil, fmt.Errorf("sheet %s: %w", sh.name, err)
			}
		} else if _, err := f.NewSheet(sh.name); err != nil {
			return nil, fmt.Errorf("sheet %s: %w", sh.name, err)
		}
		if err := writeSheet(f, sh, dateStyle, textStyle, headerStyle); err != nil {
			return nil, fmt.Errorf("sheet %s: %w", sh.name, err)
		}
		area := cellName(0, 0) + ":" + cellName(len(sh.headers)-1, max(len(sh.rows), 1))
		if err := xlsxkit.SetPrint(f, sh.name, xlsxkit.Print{Paper: paper, Landscape: true, Area: area, TitleRows: "1:1",
			Marking: p.Words("doc.marking"), Footer: i18n.T(p.Lang, "workbook.page")}); err != nil {
			return nil, fmt.Errorf("sheet %s: %w", sh.name, err)
		}
	}
	f.SetActiveSheet(0)
	data, err := xlsxkit.Write(f, xlsxkit.Props{
		Title:    p.Words("doc.title") + " — " + p.Campaign.Name.In(p.Lang),
		Creator:  p.Campaign.Coalition.In(p.Lang),
		Company:  p.Campaign.Coalition.In(p.Lang),
		Stamp:    stamp,
		Language: p.Lang,
	})
	if err != nil {
		return nil, fmt.Errorf("write workbook: %w", err)
	}
	return data, nil
}

func ptr[T any](v T) *T { return &v }

func writeSheet(f *excelize.File, sh sheet, dateStyle, textStyle, headerStyle int) error {
	widths := make([]int, len(sh.headers))
	for j, h := range sh.headers {
		if err := f.SetCellStr(sh.name, cellName(j, 0), h); err != nil {
			return err
		}
		widths[j] = utf8.RuneCountInString(h) + 4 // room for the filter button
	}
	if err := f.SetCellStyle(sh.name, cellName(0, 0), cellName(len(sh.headers)-1, 0), headerStyle); err != nil {
		return err
	}
	for i, row := range sh.rows {
		for j, v := range row {
			ref := cellName(j, i+1)
			var n int
			switch v := v.(type) {
			case model.Date:
				if v.IsZero() {
					continue
				}
				if err := f.SetCellFloat(sh.name, ref, float64(v.ExcelSerial()), -1, 64); err != nil {
					return err
				}
				if err := f.SetCellStyle(sh.name, ref, ref, dateStyle); err != nil {
					return err
				}
				n = 10
			case int:
				if err := f.SetCellInt(sh.name, ref, int64(v)); err != nil {
					return err
				}
				n = len(strconv.Itoa(v))
			case string:
				// SetCellStr stores text as text: a name starting with "="
				// never becomes a formula.
				if err := f.SetCellStr(sh.name, ref, v); err != nil {
					return err
				}
				if err := f.SetCellStyle(sh.name, ref, ref, textStyle); err != nil {
					return err
				}
				n = utf8.RuneCountInString(v)
			default:
				return fmt.Errorf("cell %s: unexpected %T", ref, v)
			}
			widths[j] = max(widths[j], n+2)
		}
	}
	for j, wd := range widths {
		col := colName(j)
		if err := f.SetColWidth(sh.name, col, col, float64(min(max(wd, 8), 60))); err != nil {
			return err
		}
	}
	// A table needs a body row; an empty one keeps the headers filterable.
	last := max(len(sh.rows), 1)
	if err := f.AddTable(sh.name, &excelize.Table{
		Range:          cellName(0, 0) + ":" + cellName(len(sh.headers)-1, last),
		Name:           sh.table,
		StyleName:      "TableStyleMedium2",
		ShowRowStripes: ptr(true),
	}); err != nil {
		return err
	}
	return f.SetPanes(sh.name, &excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	})
}

func colName(j int) string { return xlsxkit.Col(j + 1) }

func cellName(j, i int) string { return xlsxkit.Cell(j+1, i+1) }
