package outcome

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// This file is a small, bounded reader of the parts of an xlsx package the
// outcome needs. excelize is not used for reading untrusted files because its
// cell getters and GetTables load a whole worksheet and pad every row to its
// widest cell (one value in column XFD on a few thousand rows costs
// gigabytes), and its streaming Rows iterator drops formulas, which returns
// saved by openpyxl carry without values.

// ErrEncrypted is returned for password-protected workbooks, which cannot be
// read without the password.
var ErrEncrypted = errors.New("the workbook is encrypted or password-protected: save it again without a password")

// ErrNotWorkbook is returned for files that are not xlsx workbooks.
var ErrNotWorkbook = errors.New("not an xlsx workbook")

// ErrNoMeta and ErrTemplateVersion say why a workbook is not one opkit can
// read: its hidden Meta sheet (op_template_version) is gone, or it comes
// from another major template version. Errors that match them match
// ErrNotWorkbook too.
var (
	ErrNoMeta          = errors.New("missing hidden Meta sheet")
	ErrTemplateVersion = errors.New("unknown template version")
)

// notWorkbook is an ErrNotWorkbook error of a known kind; it reads as
// ErrNotWorkbook's text followed by the detail.
type notWorkbook struct {
	kind   error
	detail string
}

func (e *notWorkbook) Error() string   { return ErrNotWorkbook.Error() + ": " + e.detail }
func (e *notWorkbook) Unwrap() []error { return []error{ErrNotWorkbook, e.kind} }

// ErrLimit is wrapped by every error about a file over Limits.
var ErrLimit = errors.New("over the reading limits")

const (
	relOfficeDocument = "officeDocument"
	relWorksheet      = "worksheet"
	relSharedStrings  = "sharedStrings"
	relTable          = "table"
	maxZipEntries     = 2000
)

type pkg struct {
	files map[string]*zip.File
	lim   Limits
	// date1904 is set when the workbook counts serial dates from 1904
	// (old Mac Excel), so that serials convert to the right day.
	date1904 bool
}

// cfbMagic starts an OLE compound file: an encrypted OOXML workbook or an
// old binary .xls.
var cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

func openPackage(data []byte, lim Limits) (*pkg, error) {
	if bytes.HasPrefix(data, cfbMagic) {
		// An encrypted OOXML file is a compound file holding an
		// EncryptionInfo stream; anything else in that container is the old
		// binary format.
		if bytes.Contains(data, utf16le("EncryptionInfo")) {
			return nil, ErrEncrypted
		}
		return nil, fmt.Errorf("%w: this is an Excel 97-2003 .xls file; save it as .xlsx", ErrNotWorkbook)
	}
	if !bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return nil, fmt.Errorf("%w: not a zip package", ErrNotWorkbook)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotWorkbook, err)
	}
	if len(zr.File) > maxZipEntries {
		return nil, fmt.Errorf("%w: %d parts in the package (at most %d)", ErrLimit, len(zr.File), maxZipEntries)
	}
	p := &pkg{files: map[string]*zip.File{}, lim: lim}
	var total uint64
	for _, f := range zr.File {
		// archive/zip fails a read that runs past the declared size, so the
		// declared sizes are safe bounds.
		total += f.UncompressedSize64
		if total > uint64(lim.MaxUnzipped) {
			return nil, fmt.Errorf("%w: unzipped size over %d bytes", ErrLimit, lim.MaxUnzipped)
		}
		p.files[strings.ToLower(strings.TrimPrefix(f.Name, "/"))] = f
	}
	if p.files["[content_types].xml"] == nil {
		return nil, fmt.Errorf("%w: no [Content_Types].xml", ErrNotWorkbook)
	}
	return p, nil
}

func utf16le(s string) []byte {
	out := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		out = append(out, s[i], 0)
	}
	return out
}

// part returns the content of a part. Its reader checks it is well-formed
// to its end as it goes (scanXML): a truncated or corrupted part is an
// error, not partial data.
func (p *pkg) part(name string) ([]byte, error) {
	f := p.files[strings.ToLower(strings.TrimPrefix(name, "/"))]
	if f == nil {
		return nil, fmt.Errorf("%w: part %s is missing", ErrNotWorkbook, name)
	}
	if f.UncompressedSize64 > uint64(p.lim.MaxXMLSize) {
		return nil, fmt.Errorf("%w: part %s is %d bytes (at most %d)", ErrLimit, name, f.UncompressedSize64, p.lim.MaxXMLSize)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: part %s: %v", ErrNotWorkbook, name, err)
	}
	defer rc.Close()
	// Sized by the size the zip declares, so a part is read into one
	// array rather than grown into one; a declared size is only a claim,
	// so no more than 4 MiB is set aside on its word.
	buf := bytes.NewBuffer(make([]byte, 0, min(f.UncompressedSize64, uint64(p.lim.MaxXMLSize), 4<<20)+bytes.MinRead))
	_, err = buf.ReadFrom(io.LimitReader(rc, p.lim.MaxXMLSize+1))
	if err != nil {
		return nil, fmt.Errorf("%w: part %s: %v", ErrNotWorkbook, name, err)
	}
	data := buf.Bytes()
	if int64(len(data)) > p.lim.MaxXMLSize {
		return nil, fmt.Errorf("%w: part %s is over %d bytes", ErrLimit, name, p.lim.MaxXMLSize)
	}
	return data, nil
}

func (p *pkg) has(name string) bool {
	return p.files[strings.ToLower(strings.TrimPrefix(name, "/"))] != nil
}

func attr(se xml.StartElement, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// rel is one relationship of a part.
type rel struct{ id, kind, target string }

// rels reads the relationships of a part; a part without any has none.
func (p *pkg) rels(of string) ([]rel, error) {
	dir, file := path.Split(of)
	name := dir + "_rels/" + file + ".rels"
	if !p.has(name) {
		return nil, nil
	}
	data, err := p.part(name)
	if err != nil {
		return nil, err
	}
	var out []rel
	d := p.scanXML(name, data)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Relationship" {
			continue
		}
		id, _ := attr(se, "Id")
		typ, _ := attr(se, "Type")
		target, _ := attr(se, "Target")
		mode, _ := attr(se, "TargetMode")
		if mode == "External" {
			continue
		}
		// The type is a URI whose last segment says what the part is, in
		// both the transitional and the strict namespaces.
		kind := typ[strings.LastIndex(typ, "/")+1:]
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(target, "/")
		} else {
			target = path.Join(dir, target)
		}
		out = append(out, rel{id, kind, target})
	}
	return out, nil
}

// sheetInfo is one sheet of the workbook.
type sheetInfo struct {
	name, part string
	// state is the sheet's visibility as written: "" (visible), "hidden"
	// or "veryHidden". Reading does not depend on it.
	state string
}

// definedName is one definedName element.
type definedName struct {
	name, refersTo string
	local          bool
}

type workbook struct {
	sheets  []sheetInfo
	names   []definedName
	strings []string
	tables  []tableInfo
}

type tableInfo struct {
	name, display, ref, sheet string
	headerRows, totalRows     int
}

func (p *pkg) workbook() (*workbook, error) {
	root, err := p.rels("")
	if err != nil {
		return nil, err
	}
	var wbPart string
	for _, r := range root {
		if r.kind == relOfficeDocument {
			wbPart = r.target
		}
	}
	if wbPart == "" || !p.has(wbPart) {
		return nil, fmt.Errorf("%w: no workbook part", ErrNotWorkbook)
	}
	data, err := p.part(wbPart)
	if err != nil {
		return nil, err
	}
	wbRels, err := p.rels(wbPart)
	if err != nil {
		return nil, err
	}
	byID := map[string]rel{}
	wb := &workbook{}
	for _, r := range wbRels {
		byID[r.id] = r
		if r.kind == relSharedStrings && p.has(r.target) {
			if wb.strings, err = p.sharedStrings(r.target); err != nil {
				return nil, err
			}
		}
	}
	d := p.scanXML(wbPart, data)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "workbookPr":
			v, _ := attr(se, "date1904")
			p.date1904 = v == "1" || v == "true"
		case "sheet":
			name, _ := attr(se, "name")
			id, _ := attr(se, "id") // r:id; the prefix's namespace varies
			state, _ := attr(se, "state")
			if r, ok := byID[id]; ok && r.kind == relWorksheet {
				wb.sheets = append(wb.sheets, sheetInfo{name, r.target, state})
			}
		case "definedName":
			name, _ := attr(se, "name")
			_, local := attr(se, "localSheetId")
			text, err := d.text()
			if err != nil {
				return nil, err
			}
			wb.names = append(wb.names, definedName{name, strings.TrimSpace(text), local})
		}
	}
	for _, s := range wb.sheets {
		if err := p.sheetTables(wb, s); err != nil {
			return nil, err
		}
	}
	return wb, nil
}

func (p *pkg) sheetTables(wb *workbook, s sheetInfo) error {
	rs, err := p.rels(s.part)
	if err != nil {
		return err
	}
	for _, r := range rs {
		if r.kind != relTable || !p.has(r.target) {
			continue
		}
		data, err := p.part(r.target)
		if err != nil {
			return err
		}
		d := p.scanXML(r.target, data)
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				return err
			}
			if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "table" {
				t := tableInfo{sheet: s.name, headerRows: 1}
				t.name, _ = attr(se, "name")
				t.display, _ = attr(se, "displayName")
				t.ref, _ = attr(se, "ref")
				if v, ok := attr(se, "headerRowCount"); ok {
					t.headerRows, _ = strconv.Atoi(v)
				}
				if v, ok := attr(se, "totalsRowCount"); ok {
					t.totalRows, _ = strconv.Atoi(v)
				}
				wb.tables = append(wb.tables, t)
				break
			}
		}
		if err := d.finish(); err != nil {
			return err
		}
	}
	return nil
}

// sharedStrings reads the shared string table: the plain text of each item,
// rich-text runs joined, phonetic hints left out.
func (p *pkg) sharedStrings(name string) ([]string, error) {
	data, err := p.part(name)
	if err != nil {
		return nil, err
	}
	var out []string
	var cur strings.Builder
	inSI, inT, inPh := false, false, false
	d := p.scanXML(name, data)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				inSI = true
				cur.Reset()
			case "t":
				inT = true
			case "rPh":
				inPh = true
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				inSI = false
				if cur.Len() > p.lim.MaxCellLen {
					return nil, fmt.Errorf("%w: a text of %d characters (at most %d)", ErrLimit, cur.Len(), p.lim.MaxCellLen)
				}
				out = append(out, cur.String())
			case "t":
				inT = false
			case "rPh":
				inPh = false
			}
		case xml.CharData:
			if inSI && inT && !inPh {
				cur.Write(t)
			}
		}
	}
	return out, nil
}

// rawCell is a cell as stored: its type attribute, cached value, formula
// and inline string.
type rawCell struct {
	t, v, f  string
	hasF     bool
	inline   string
	isInline bool
}

func (c rawCell) empty() bool {
	return c.v == "" && !c.hasF && c.inline == ""
}

type cellKey struct{ row, col int }

// scanSheet streams a worksheet and keeps the cells want accepts. Any cell
// with content beyond the row or column limit is an error: such a sheet is
// either damaged or built to exhaust the reader.
func (p *pkg) scanSheet(part string, want func(row, col int) bool) (map[cellKey]rawCell, error) {
	data, err := p.part(part)
	if err != nil {
		return nil, err
	}
	out := map[cellKey]rawCell{}
	d := p.scanXML(part, data)
	row, col := 0, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "row":
			if r, ok := attr(se, "r"); ok {
				row, _ = strconv.Atoi(r)
			} else {
				row++
			}
			col = 0
		case "c":
			if r, ok := attr(se, "r"); ok {
				c, rr, err := splitRef(r)
				if err != nil {
					return nil, fmt.Errorf("%w: %s: cell reference %q", ErrNotWorkbook, part, r)
				}
				col, row = c, rr
			} else {
				col++
			}
			var c rawCell
			c.t, _ = attr(se, "t")
			if err := p.readCell(d, &c); err != nil {
				if err == d.err {
					return nil, err // the part itself is damaged or too deep
				}
				return nil, fmt.Errorf("%w: %s: %v", ErrNotWorkbook, part, err)
			}
			if c.empty() {
				continue
			}
			if row > p.lim.MaxRows || col > p.lim.MaxCols {
				return nil, fmt.Errorf("%w: a cell at %s, beyond %d rows or %d columns", ErrLimit, cellName(col, row), p.lim.MaxRows, p.lim.MaxCols)
			}
			if want(row, col) {
				out[cellKey{row, col}] = c
			}
		}
	}
	return out, nil
}

// readCell reads the children of a <c> element up to its end.
func (p *pkg) readCell(d *xmlScan, c *rawCell) error {
	depth := 1
	var in string
	inPh := false // phonetic guides inside an inline string are not its text
	var b strings.Builder
	for depth > 0 {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "v", "f", "t":
				in = t.Name.Local
				b.Reset()
			case "is":
				c.isInline = true
			case "rPh":
				inPh = true
			}
			if t.Name.Local == "f" {
				c.hasF = true
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "v":
				c.v = b.String()
			case "f":
				c.f = b.String()
			case "t":
				if !inPh {
					c.inline += b.String()
				}
			case "rPh":
				inPh = false
			}
			if t.Name.Local == in {
				in = ""
			}
		case xml.CharData:
			if in != "" && !inPh {
				if b.Len()+len(t) > p.lim.MaxCellLen {
					return fmt.Errorf("%w: a cell of over %d characters", ErrLimit, p.lim.MaxCellLen)
				}
				b.Write(t)
			}
		}
	}
	return nil
}

// splitRef parses "B12" (also "$B$12") into column and row numbers.
func splitRef(ref string) (col, row int, err error) {
	ref = strings.ReplaceAll(ref, "$", "")
	i := 0
	for i < len(ref) && (ref[i] >= 'A' && ref[i] <= 'Z' || ref[i] >= 'a' && ref[i] <= 'z') {
		col = col*26 + int(ref[i]&^0x20-'A'+1)
		i++
		if col > 1<<20 {
			return 0, 0, errors.New("bad column")
		}
	}
	if i == 0 || i == len(ref) || i > 3 {
		return 0, 0, fmt.Errorf("bad cell reference %q", ref)
	}
	row, err = strconv.Atoi(ref[i:])
	if err != nil || row < 1 {
		return 0, 0, fmt.Errorf("bad cell reference %q", ref)
	}
	return col, row, nil
}

// splitRange parses "A4:B14" (a single cell is a one-cell range).
func splitRange(ref string) (c1, r1, c2, r2 int, err error) {
	a, b, ok := strings.Cut(ref, ":")
	if !ok {
		b = a
	}
	if c1, r1, err = splitRef(a); err != nil {
		return
	}
	c2, r2, err = splitRef(b)
	return
}

func colName(n int) string {
	var s []byte
	for n > 0 {
		n--
		s = append([]byte{byte('A' + n%26)}, s...)
		n /= 26
	}
	return string(s)
}

func cellName(col, row int) string { return colName(col) + strconv.Itoa(row) }

// parseRefersTo splits a defined name's formula "Event!$B$5" or
// "'Événement'!$B$5" (also "=Event!$B$5") into sheet and first cell.
func parseRefersTo(s string) (sheet string, col, row int, err error) {
	sheet, rest, err := splitRefersTo(s)
	if err != nil {
		return "", 0, 0, err
	}
	first, _, _ := strings.Cut(rest, ":")
	col, row, err = splitRef(first)
	if err != nil {
		return "", 0, 0, fmt.Errorf("%q does not point at a cell", s)
	}
	return sheet, col, row, nil
}

// errSheetDeleted is a reference whose sheet was deleted.
var errSheetDeleted = errors.New("its sheet was deleted")

// splitRefersTo splits a reference into its sheet name, unquoted, and the
// cell or range after the "!".
func splitRefersTo(s string) (sheet, rest string, err error) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "=")
	if strings.HasPrefix(s, "'") {
		i := 1
		var b strings.Builder
		for ; i < len(s); i++ {
			if s[i] == '\'' {
				if i+1 < len(s) && s[i+1] == '\'' {
					b.WriteByte('\'')
					i++
					continue
				}
				break
			}
			b.WriteByte(s[i])
		}
		if i >= len(s) || i+1 >= len(s) || s[i+1] != '!' {
			return "", "", fmt.Errorf("%q does not point at a cell", s)
		}
		sheet, rest = b.String(), s[i+2:]
	} else {
		var ok bool
		sheet, rest, ok = strings.Cut(s, "!")
		if !ok {
			return "", "", fmt.Errorf("%q does not point at a cell", s)
		}
	}
	if strings.Contains(sheet, "#REF") {
		// Excel writes a name whose sheet was deleted as #REF!$B$8.
		return "", "", fmt.Errorf("%w (%s)", errSheetDeleted, s)
	}
	if strings.Contains(rest, "#REF") {
		return "", "", fmt.Errorf("its cell was deleted (%s)", s)
	}
	return sheet, rest, nil
}
