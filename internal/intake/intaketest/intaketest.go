// Package intaketest makes returned outcome workbooks for tests and
// benchmarks: the workbook opkit writes for a country, filled in the way a
// partner fills it (through the cells its defined names and tables point
// at, typing drop-down labels, numbers and dates), and a few hostile files.
package intaketest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"opkit/examples"
	"opkit/internal/model"
	"opkit/internal/outcome"
	"opkit/internal/workspace"
)

// Return is what a partner types: scalar fields by defined name and table
// rows by table name, each row in the table's column order. Values are what
// would be typed: drop-down labels ("Will sign later"), "2027-08-05",
// "45".
type Return struct {
	Scalars map[string]string
	Tables  map[string][][]string
}

// Demo is the demo workspace, as if at root, with Kenya and Myanmar added
// (countries with no return, and a low-profile one).
func Demo(root string) (*model.Workspace, error) {
	sub, err := fs.Sub(examples.Demo, "demo")
	if err != nil {
		return nil, err
	}
	ws, ds := workspace.Load(sub, "examples/demo")
	if ws == nil || ds.HasErrors() {
		return nil, fmt.Errorf("demo workspace: %v", ds)
	}
	ws.Root = root
	ws.Countries = append(ws.Countries, Kenya, Myanmar)
	slices.SortFunc(ws.Countries, func(a, b model.Country) int { return strings.Compare(a.Code, b.Code) })
	return ws, nil
}

// Stamp is the fixed date test workbooks are written with.
var Stamp = time.Date(2027, 9, 1, 0, 0, 0, 0, time.UTC)

// Fill writes c's outcome workbook and fills it in.
func Fill(c *model.Country, camp *model.Campaign, r Return) ([]byte, error) {
	return FillVersion(c, camp, r, "")
}

// FillVersion is Fill with another template version written in Meta.
func FillVersion(c *model.Country, camp *model.Campaign, r Return, version string) ([]byte, error) {
	blank, err := outcome.Write(c, camp, outcome.WriteOptions{Stamp: Stamp, TemplateVersion: version})
	if err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(blank))
	if err != nil {
		return nil, fmt.Errorf("reopen outcome workbook: %w", err)
	}
	defer f.Close()
	names := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		names[dn.Name] = dn.RefersTo
	}
	// Cells are set in a fixed order: excelize numbers shared strings in
	// the order they are set, so map order would make every file differ.
	for _, name := range slices.Sorted(maps.Keys(r.Scalars)) {
		v := r.Scalars[name]
		ref, ok := names[name]
		if !ok {
			return nil, fmt.Errorf("no defined name %s", name)
		}
		sheet, cell, err := splitRef(ref)
		if err != nil {
			return nil, err
		}
		kind := outcome.KindText
		if fd := outcome.FieldByName(name); fd != nil {
			kind = fd.Kind
		}
		if err := set(f, sheet, cell, kind, v); err != nil {
			return nil, err
		}
	}
	for _, name := range slices.Sorted(maps.Keys(r.Tables)) {
		rows := r.Tables[name]
		def := outcome.TableByName(name)
		if def == nil {
			return nil, fmt.Errorf("no table %s", name)
		}
		sheet, x1, y1, err := findTable(f, name)
		if err != nil {
			return nil, err
		}
		for i, row := range rows {
			for j, v := range row {
				if j >= len(def.Columns) || v == "" {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(x1+j, y1+1+i)
				if err := set(f, sheet, cell, def.Columns[j].Kind, v); err != nil {
					return nil, err
				}
			}
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// set types v as a partner would: numbers as numbers, dates as real dates,
// everything else as text.
func set(f *excelize.File, sheet, cell string, kind outcome.Kind, v string) error {
	switch kind {
	case outcome.KindInt:
		if n, err := strconv.Atoi(v); err == nil {
			return f.SetCellInt(sheet, cell, int64(n))
		}
	case outcome.KindDate:
		if d, err := model.ParseDate(v); err == nil {
			return f.SetCellFloat(sheet, cell, float64(d.ExcelSerial()), -1, 64)
		}
	}
	return f.SetCellStr(sheet, cell, v)
}

func splitRef(ref string) (sheet, cell string, err error) {
	i := strings.LastIndex(ref, "!")
	if i < 0 {
		return "", "", fmt.Errorf("defined name refers to %q, not a cell", ref)
	}
	sheet = strings.Trim(ref[:i], "'")
	sheet = strings.ReplaceAll(sheet, "''", "'")
	cell = strings.ReplaceAll(ref[i+1:], "$", "")
	return sheet, cell, nil
}

func findTable(f *excelize.File, name string) (string, int, int, error) {
	for _, s := range f.GetSheetList() {
		ts, err := f.GetTables(s)
		if err != nil {
			return "", 0, 0, err
		}
		for _, t := range ts {
			if strings.EqualFold(t.Name, name) {
				first, _, _ := strings.Cut(t.Range, ":")
				x, y, err := excelize.CellNameToCoordinates(first)
				return s, x, y, err
			}
		}
	}
	return "", 0, 0, fmt.Errorf("no table %s in the workbook", name)
}

// Typical is a complete, plausible return for c: the event held, an
// authority present, positions, and a row or two in every table. tag makes
// texts unique so tests can find each one in the outputs.
func Typical(c *model.Country, tag string) Return {
	date := c.Event.Date
	if date.IsZero() {
		date = model.Date{Year: 2027, Month: time.August, Day: 5}
	}
	caseID := "case-x"
	if len(c.Cases) > 0 {
		caseID = c.Cases[0].ID
	}
	return Return{
		Scalars: map[string]string{
			outcome.EventHeld:             "Yes",
			outcome.EventDate:             date.String(),
			outcome.EventCity:             c.Event.City,
			outcome.EventFormat:           "Roundtable",
			outcome.Participants:          "45",
			outcome.Organisations:         "12",
			outcome.AuthorityPresent:      "Yes",
			outcome.AuthorityName:         "Authority " + tag,
			outcome.AuthorityTitle:        "Deputy Minister",
			outcome.AuthorityInstitution:  "Ministry of Justice " + tag,
			outcome.SignPosition:          "Will sign later",
			outcome.RatifyPosition:        "Intends to ratify",
			outcome.AuthorityStatement:    "Statement " + tag + ": the government is studying the Protocol.",
			outcome.Media:                 "Article in a daily paper " + tag,
			outcome.SupportRequested:      "Support " + tag + ": a legal analysis.",
			outcome.Sharing:               "Public",
			outcome.SubmittedBy:           "Submitter " + tag,
			outcome.SubmitterOrganisation: "Organisation " + tag,
			outcome.SubmitterEmail:        "partner@example.org",
			outcome.SubmittedOn:           "2027-08-30",
		},
		Tables: map[string][][]string{
			outcome.TableOpportunities: {{"Opportunity " + tag + " one", "Parliament"}, {"Opportunity " + tag + " two", "Ombudsperson"}},
			outcome.TableChallenges:    {{"Challenge " + tag + " one", "Political"}, {"Challenge " + tag + " two", "Resources"}},
			outcome.TableNextSteps:     {{"Step " + tag + " one", "Partners", "2027-09-10", "Yes"}, {"Step " + tag + " two", "Coalition", "", "No"}},
			outcome.TableCasesRaised:   {{caseID, "Notes " + tag}},
		},
	}
}

// ZipBomb returns a small zip that unzips to about size bytes (at most
// 4 GB, the zip32 limit): an xlsx skeleton whose one worksheet is a huge
// run of spaces. The declared sizes are true, as zip tools write them.
func ZipBomb(size int64) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	put := func(name, body string) error {
		w, err := zw.Create(name)
		if err != nil {
			return err
		}
		_, err = w.Write([]byte(body))
		return err
	}
	if err := put("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`); err != nil {
		return nil, err
	}
	if err := put("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`); err != nil {
		return nil, err
	}
	if err := put("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Event" sheetId="1" r:id="rId1"/></sheets></workbook>`); err != nil {
		return nil, err
	}
	if err := put("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`); err != nil {
		return nil, err
	}
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate})
	if err != nil {
		return nil, err
	}
	if _, err := w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)); err != nil {
		return nil, err
	}
	// White space between elements is valid XML and deflate's fastest
	// level packs it about 800:1, so gigabytes take a second to make.
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for n := int64(0); n < size; n += int64(len(chunk)) {
		if _, err := w.Write(chunk); err != nil {
			return nil, err
		}
	}
	if _, err := w.Write([]byte(`</sheetData></worksheet>`)); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WideRows returns c's filled workbook with a value in column XFD (the
// last Excel has) on rows rows below the data of every worksheet. The XML
// is edited directly: excelize itself would pad each row to XFD in memory.
func WideRows(c *model.Country, camp *model.Campaign, rows int) ([]byte, error) {
	data, err := Fill(c, camp, Typical(c, "wide"))
	if err != nil {
		return nil, err
	}
	var extra strings.Builder
	for r := 1000; r < 1000+rows; r++ {
		fmt.Fprintf(&extra, `<row r="%d"><c r="XFD%d" t="inlineStr"><is><t>x</t></is></c></row>`, r, r)
	}
	return RewriteParts(data, func(name string, body []byte) []byte {
		if !strings.HasPrefix(name, "xl/worksheets/sheet") {
			return body
		}
		return bytes.Replace(body, []byte("</sheetData>"), []byte(extra.String()+"</sheetData>"), 1)
	})
}

// RewriteParts copies a zip package, passing each part through edit.
func RewriteParts(data []byte, edit func(name string, body []byte) []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		var body bytes.Buffer
		_, err = body.ReadFrom(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(edit(f.Name, body.Bytes())); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Encrypted returns c's filled workbook saved with a password.
func Encrypted(c *model.Country, camp *model.Campaign, password string) ([]byte, error) {
	data, err := Fill(c, camp, Typical(c, "secret"))
	if err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var buf bytes.Buffer
	if err := f.Write(&buf, excelize.Options{Password: password}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ExpandingStrings returns c's filled workbook with one shared string of
// textLen bytes that the cells of columns A to D on rows rows of every
// worksheet all point at: a file of a few dozen KB whose text, once shared
// strings are expanded, runs to gigabytes.
func ExpandingStrings(c *model.Country, camp *model.Campaign, rows, textLen int) ([]byte, error) {
	data, err := Fill(c, camp, Typical(c, "expanding"))
	if err != nil {
		return nil, err
	}
	var index int
	long := "<si><t>" + strings.Repeat("Long shared text. ", textLen/18+1)[:textLen] + "</t></si>"
	data, err = RewriteParts(data, func(name string, body []byte) []byte {
		if name != "xl/sharedStrings.xml" {
			return body
		}
		index = bytes.Count(body, []byte("<si>"))
		return bytes.Replace(body, []byte("</sst>"), []byte(long+"</sst>"), 1)
	})
	if err != nil {
		return nil, err
	}
	var extra strings.Builder
	for r := 8; r < 8+rows; r++ {
		fmt.Fprintf(&extra, `<row r="%d">`, r)
		for _, col := range "ABCD" {
			fmt.Fprintf(&extra, `<c r="%c%d" t="s"><v>%d</v></c>`, col, r, index)
		}
		extra.WriteString(`</row>`)
	}
	return RewriteParts(data, func(name string, body []byte) []byte {
		if !strings.HasPrefix(name, "xl/worksheets/sheet") {
			return body
		}
		return bytes.Replace(body, []byte("</sheetData>"), []byte(extra.String()+"</sheetData>"), 1)
	})
}

// NestedXML returns c's filled workbook with an inline-string cell on the
// Event sheet that nests depth elements: 2 million of them zip to a few
// dozen KB.
func NestedXML(c *model.Country, camp *model.Campaign, depth int) ([]byte, error) {
	data, err := Fill(c, camp, Typical(c, "nested"))
	if err != nil {
		return nil, err
	}
	cellXML := `<row r="999"><c r="C999" t="inlineStr"><is>` + strings.Repeat("<r>", depth) + strings.Repeat("</r>", depth) + `</is></c></row>`
	return RewriteParts(data, func(name string, body []byte) []byte {
		if name != "xl/worksheets/sheet2.xml" { // the Event sheet
			return body
		}
		return bytes.Replace(body, []byte("</sheetData>"), []byte(cellXML+"</sheetData>"), 1)
	})
}
