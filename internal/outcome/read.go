package outcome

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"opkit/internal/diag"
	"opkit/internal/model"
)

// Limits bound the work Read does on an untrusted file. A zero field takes
// the value of DefaultLimits.
type Limits struct {
	MaxFileSize int64 // bytes of the file itself
	MaxUnzipped int64 // bytes of all parts unzipped
	MaxXMLSize  int64 // bytes of any one part unzipped
	MaxRows     int   // a cell with content beyond this row is an error
	MaxCols     int   // a cell with content beyond this column is an error
	MaxCellLen  int   // bytes of any one cell's text
	// MaxText bounds the text of every cell read, in bytes, after shared
	// strings are expanded: a 60 KB file whose cells all point at one long
	// shared string would otherwise hand gigabytes to the report.
	MaxText int64
	// MaxDepth bounds the nesting of XML elements in any part read.
	MaxDepth int
}

// DefaultLimits are generous for a filled outcome workbook (about 40 KB,
// 200 KB unzipped) and small enough that a hostile file cannot exhaust
// memory: nothing read is larger than a few times MaxUnzipped.
func DefaultLimits() Limits {
	return Limits{
		MaxFileSize: 20 << 20,
		MaxUnzipped: 100 << 20,
		MaxXMLSize:  25 << 20,
		MaxRows:     10000,
		MaxCols:     200,
		MaxCellLen:  32767 * 4, // Excel's cap in characters, as UTF-8 bytes
		MaxText:     4 << 20,
		MaxDepth:    64, // SpreadsheetML nests about 8 deep; rich text a few more
	}
}

// blankRun is how many blank rows end a table read past its range: partners
// often type below a table without the program extending it.
const blankRun = 10

// Read reads a returned outcome workbook. name is the file name diagnostics
// give. The error is for a file that cannot be read at all: not a workbook,
// encrypted, over a limit, or not an outcome workbook (no template
// version). Everything wrong with single cells is a diagnostic.
func Read(name string, data []byte, lim Limits) (*model.Outcome, diag.List, error) {
	return ReadSchema(name, data, lim, &outcomeSchema)
}

// Schema is one kind of workbook written under this package's discipline:
// scalar inputs reached through workbook-scoped defined names starting with
// Prefix, Excel tables found by name, and on a hidden sheet a template
// version (VersionName, whose major part must equal that of Version) and an
// identifier (IDName). The outcome workbook is one; the country
// questionnaire (package questionnaire) is another, so both are read by the
// same bounded reader.
type Schema struct {
	Kind        string // what the workbook is, for messages: "outcome workbook"
	Prefix      string
	VersionName string
	IDName      string
	Version     string
	Fields      []Field
	Tables      []Table
}

var outcomeSchema = Schema{
	Kind: "outcome workbook", Prefix: namePrefix, VersionName: NameTemplateVersion, IDName: NamePackID, Version: TemplateVersion,
	Fields: Fields, Tables: Tables,
}

func (s *Schema) fieldByName(name string) *Field {
	for i := range s.Fields {
		if strings.EqualFold(s.Fields[i].Name, name) {
			return &s.Fields[i]
		}
	}
	return nil
}

// TableRangeName is the defined name written over a table's range, the
// reader's fallback when a program drops the table itself.
func (s *Schema) TableRangeName(table string) string { return s.Prefix + "table_" + table }

// ReadSchema reads a workbook of the kind s describes; Read is ReadSchema of
// the outcome workbook. The returned Outcome holds the scalars by defined
// name, the tables by name, and the version and identifier.
func ReadSchema(name string, data []byte, lim Limits, s *Schema) (*model.Outcome, diag.List, error) {
	out, ds, err := read(name, data, lim, s)
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", name, err)
	}
	ds.Sort()
	return out, ds, nil
}

func read(name string, data []byte, lim Limits, s *Schema) (*model.Outcome, diag.List, error) {
	def := DefaultLimits()
	if lim.MaxFileSize <= 0 {
		lim.MaxFileSize = def.MaxFileSize
	}
	if lim.MaxUnzipped <= 0 {
		lim.MaxUnzipped = def.MaxUnzipped
	}
	if lim.MaxXMLSize <= 0 {
		lim.MaxXMLSize = def.MaxXMLSize
	}
	if lim.MaxRows <= 0 {
		lim.MaxRows = def.MaxRows
	}
	if lim.MaxCols <= 0 {
		lim.MaxCols = def.MaxCols
	}
	if lim.MaxCellLen <= 0 {
		lim.MaxCellLen = def.MaxCellLen
	}
	if lim.MaxText <= 0 {
		lim.MaxText = def.MaxText
	}
	if lim.MaxDepth <= 0 {
		lim.MaxDepth = def.MaxDepth
	}
	if int64(len(data)) > lim.MaxFileSize {
		return nil, nil, fmt.Errorf("%w: the file is %d bytes (at most %d)", ErrLimit, len(data), lim.MaxFileSize)
	}
	p, err := openPackage(data, lim)
	if err != nil {
		return nil, nil, err
	}
	wb, err := p.workbook()
	if err != nil {
		return nil, nil, err
	}
	r := &reader{p: p, wb: wb, s: s, file: name, cache: map[string]map[cellKey]rawCell{}}
	return r.read()
}

type reader struct {
	p     *pkg
	wb    *workbook
	s     *Schema
	file  string
	ds    diag.List
	cache map[string]map[cellKey]rawCell // sheet name -> wanted cells
}

// target is a cell a defined name points at.
type target struct {
	sheet    string
	col, row int
}

func (t target) String() string { return t.sheet + "!" + cellName(t.col, t.row) }

func (r *reader) read() (*model.Outcome, diag.List, error) {
	names, missing, err := r.resolveNames()
	if err != nil {
		return nil, nil, err
	}
	// The meta cells first: the template version says which names and
	// tables the file should have.
	metaNames := map[string]target{}
	for _, n := range []string{r.s.VersionName, r.s.IDName} {
		if t, ok := names[n]; ok {
			metaNames[n] = t
		}
	}
	if err := r.scan(metaNames, nil); err != nil {
		return nil, nil, err
	}
	o := &model.Outcome{File: r.file, Scalars: map[string]model.Value{}, Tables: map[string][]model.Row{}, Where: map[string]string{}}
	for n, t := range names {
		o.Where[n] = t.String()
	}
	meta := func(n string) (string, error) {
		t, ok := names[n]
		if !ok {
			return "", &notWorkbook{ErrNoMeta, fmt.Sprintf("no %s: this is not an opkit %s, or its hidden Meta sheet was removed", n, r.s.Kind)}
		}
		v := strings.TrimSpace(r.p.asText(r.cell(t)))
		if v == "" {
			return "", &notWorkbook{ErrNoMeta, fmt.Sprintf("%s at %s is empty", n, t)}
		}
		return v, nil
	}
	if o.TemplateVersion, err = meta(r.s.VersionName); err != nil {
		return nil, nil, err
	}
	if major(o.TemplateVersion) != major(r.s.Version) {
		return nil, nil, &notWorkbook{ErrTemplateVersion, fmt.Sprintf("template version %s; this opkit reads version %s", o.TemplateVersion, r.s.Version)}
	}
	if o.PackID, err = meta(r.s.IDName); err != nil {
		r.ds.CellWarnf(r.file, "", "%s", err.Error())
	}
	for _, n := range missing {
		if f := r.s.fieldByName(n); f != nil && !before(o.TemplateVersion, f.Since) {
			r.fileErrorf("the defined name %s is missing: the cell of %q was deleted or renamed", n, f.Label.In("en"))
		}
	}
	var tables []resolvedTable
	for i := range r.s.Tables {
		if before(o.TemplateVersion, r.s.Tables[i].Since) && !r.hasTable(&r.s.Tables[i]) {
			continue // an earlier template had no such table
		}
		if rt, ok := r.resolveTable(&r.s.Tables[i]); ok {
			tables = append(tables, rt)
		}
	}
	if err := r.scan(names, tables); err != nil {
		return nil, nil, err
	}

	for i := range r.s.Fields {
		f := &r.s.Fields[i]
		t, ok := names[f.Name]
		if !ok {
			continue // reported by resolveNames
		}
		v, prob, ok := r.p.parse(fieldSpec(f), r.cell(t))
		r.report(t.String(), prob)
		if ok {
			v.Cell = t.String()
			o.Scalars[f.Name] = v
		}
	}
	r.checkRequired(o, names)
	for _, rt := range tables {
		o.Tables[rt.def.Name] = r.readTable(rt)
	}
	return o, r.ds, nil
}

func major(v string) string {
	m, _, _ := strings.Cut(v, ".")
	return m
}

// before reports whether template version v predates since ("1.0" before
// "1.1"); an empty since is the first template, which nothing predates.
func before(v, since string) bool {
	if since == "" {
		return false
	}
	num := func(s string) (int, int) {
		a, b, _ := strings.Cut(strings.TrimSpace(s), ".")
		x, _ := strconv.Atoi(a)
		y, _ := strconv.Atoi(b)
		return x, y
	}
	vm, vn := num(v)
	sm, sn := num(since)
	return vm < sm || vm == sm && vn < sn
}

// hasTable reports whether the workbook holds the table or the defined name
// over its range.
func (r *reader) hasTable(def *Table) bool {
	for _, t := range r.wb.tables {
		if strings.EqualFold(t.display, def.Name) || strings.EqualFold(t.name, def.Name) {
			return true
		}
	}
	return r.tableFromName(def) != nil
}

func (r *reader) report(cell string, prob *problem) {
	if prob == nil {
		return
	}
	if prob.warn {
		r.ds.CellWarnf(r.file, cell, "%s", prob.msg)
	} else {
		r.ds.CellErrorf(r.file, cell, "%s", prob.msg)
	}
}

// fileDiag reports a problem with no cell to point at.
func (r *reader) fileErrorf(format string, args ...any) {
	r.ds = append(r.ds, diag.Diagnostic{File: r.file, Severity: diag.Error, Message: fmt.Sprintf(format, args...)})
}

func (r *reader) sheet(name string) (sheetInfo, bool) {
	for _, s := range r.wb.sheets {
		if s.name == name {
			return s, true
		}
	}
	for _, s := range r.wb.sheets {
		if strings.EqualFold(s.name, name) {
			return s, true
		}
	}
	return sheetInfo{}, false
}

// resolveNames maps each op_* name the workbook defines to its cell. A
// workbook-scoped definition wins over a sheet-scoped one, which some
// programs write when a sheet is copied.
func (r *reader) resolveNames() (map[string]target, []string, error) {
	found := map[string]definedName{}
	for _, dn := range r.wb.names {
		key := strings.ToLower(dn.name)
		if !strings.HasPrefix(key, r.s.Prefix) {
			continue
		}
		if prev, ok := found[key]; ok && !prev.local {
			continue
		}
		found[key] = dn
	}
	out := map[string]target{}
	var missing []string
	want := []string{r.s.VersionName, r.s.IDName}
	for _, f := range r.s.Fields {
		want = append(want, f.Name)
	}
	// Names whose sheet is gone, by sheet, reported once per sheet: the
	// workbook's structure is not locked, so a partner can rename or
	// delete a sheet, which takes every name on it along.
	var lost []string
	lostNames := map[string][]string{}
	for _, n := range want {
		dn, ok := found[n]
		if !ok {
			if n != r.s.VersionName && n != r.s.IDName {
				missing = append(missing, n) // an error unless the template predates it
			}
			continue
		}
		sheet, col, row, err := parseRefersTo(dn.refersTo)
		if err != nil && !errors.Is(err, errSheetDeleted) {
			r.fileErrorf("the defined name %s: %v", n, err)
			continue
		}
		s, ok := r.sheet(sheet)
		if err != nil || !ok {
			if n == r.s.VersionName {
				if err != nil {
					return nil, nil, &notWorkbook{ErrNoMeta, fmt.Sprintf("the sheet holding %s was deleted", n)}
				}
				return nil, nil, &notWorkbook{ErrNoMeta, fmt.Sprintf("the sheet %q holding %s is missing: it was renamed or deleted", sheet, n)}
			}
			if _, seen := lostNames[sheet]; !seen {
				lost = append(lost, sheet)
			}
			lostNames[sheet] = append(lostNames[sheet], n)
			continue
		}
		out[n] = target{s.name, col, row}
	}
	for _, sheet := range lost {
		ns := lostNames[sheet]
		list := strings.Join(ns, ", ")
		if len(ns) > 4 {
			list = fmt.Sprintf("%s and %d more", strings.Join(ns[:3], ", "), len(ns)-3)
		}
		if sheet == "" {
			r.fileErrorf("the cells named %s were deleted with their sheet", list)
			continue
		}
		r.fileErrorf("the sheet %q is missing, and with it the cells named %s: it was renamed or deleted; give it back its name %q", sheet, list, sheet)
	}
	return out, missing, nil
}

// resolvedTable is a table found in the workbook, with its columns mapped.
type resolvedTable struct {
	def                  *Table
	sheet                string
	c1, r1, c2           int
	header               int   // header row, 0 when the table has none
	cols                 []int // sheet column of each def column, 0 if absent
	firstData, lastInRef int
}

func (r *reader) resolveTable(def *Table) (resolvedTable, bool) {
	var ti *tableInfo
	for i := range r.wb.tables {
		t := &r.wb.tables[i]
		if strings.EqualFold(t.display, def.Name) || strings.EqualFold(t.name, def.Name) {
			ti = t
			break
		}
	}
	if ti == nil {
		ti = r.tableFromName(def)
	}
	if ti == nil {
		r.fileErrorf("the table %s is missing: its sheet was deleted or the table converted to a plain range", def.Name)
		return resolvedTable{}, false
	}
	c1, r1, c2, r2, err := splitRange(ti.ref)
	if err != nil || c2 < c1 || r2 < r1 {
		r.fileErrorf("the table %s has a damaged range %q", def.Name, ti.ref)
		return resolvedTable{}, false
	}
	rt := resolvedTable{def: def, sheet: ti.sheet, c1: c1, r1: r1, c2: min(c2, c1+r.p.lim.MaxCols),
		cols: make([]int, len(def.Columns))}
	if ti.headerRows > 0 {
		rt.header = r1
	}
	rt.firstData = r1 + ti.headerRows
	rt.lastInRef = r2 - ti.totalRows
	return rt, true
}

// tableFromName finds a table through the defined name written over its
// range, for files saved by programs that keep names but not tables.
func (r *reader) tableFromName(def *Table) *tableInfo {
	want := strings.ToLower(r.s.TableRangeName(def.Name))
	for _, dn := range r.wb.names {
		if strings.ToLower(dn.name) != want {
			continue
		}
		sheet, ref, err := splitRefersTo(dn.refersTo)
		if err != nil {
			return nil
		}
		s, ok := r.sheet(sheet)
		if !ok {
			return nil
		}
		return &tableInfo{name: def.Name, ref: strings.ReplaceAll(ref, "$", ""), sheet: s.name, headerRows: 1}
	}
	return nil
}

// scan streams each sheet that holds a name or a table once, keeping only
// the cells those need.
func (r *reader) scan(names map[string]target, tables []resolvedTable) error {
	type need struct {
		cells map[cellKey]bool
		spans [][3]int // c1, c2, from row
	}
	needs := map[string]*need{}
	get := func(sheet string) *need {
		if needs[sheet] == nil {
			needs[sheet] = &need{cells: map[cellKey]bool{}}
		}
		return needs[sheet]
	}
	for _, t := range names {
		get(t.sheet).cells[cellKey{t.row, t.col}] = true
	}
	for _, t := range tables {
		n := get(t.sheet)
		n.spans = append(n.spans, [3]int{t.c1, t.c2, t.r1})
	}
	var text int64
	for _, s := range r.wb.sheets {
		n := needs[s.name]
		if n == nil {
			continue
		}
		cells, err := r.p.scanSheet(s.part, func(row, col int) bool {
			if n.cells[cellKey{row, col}] {
				return true
			}
			for _, sp := range n.spans {
				if col >= sp[0] && col <= sp[1] && row >= sp[2] {
					return true
				}
			}
			return false
		})
		if err != nil {
			return fmt.Errorf("sheet %s: %w", s.name, err)
		}
		// Counted here, before any value is decoded or copied.
		for _, c := range cells {
			text += r.expandedLen(c)
		}
		if text > r.p.lim.MaxText {
			return fmt.Errorf("%w: the cells read hold over %d bytes of text once shared strings are expanded (at most %d)", ErrLimit, text, r.p.lim.MaxText)
		}
		r.cache[s.name] = cells
	}
	return nil
}

// expandedLen is the length of a cell's text once a shared-string index
// is replaced by the string.
func (r *reader) expandedLen(c rawCell) int64 {
	n := int64(len(c.v) + len(c.f) + len(c.inline))
	if c.t == "s" {
		if i, err := strconv.Atoi(strings.TrimSpace(c.v)); err == nil && i >= 0 && i < len(r.wb.strings) {
			n += int64(len(r.wb.strings[i]))
		}
	}
	return n
}

func (r *reader) cell(t target) cell {
	return r.p.decode(r.cache[t.sheet][cellKey{t.row, t.col}], r.wb.strings)
}

func (r *reader) checkRequired(o *model.Outcome, names map[string]target) {
	held := o.Scalar(EventHeld) == Yes
	for _, f := range r.s.Fields {
		t, ok := names[f.Name]
		if !ok {
			continue
		}
		if _, has := o.Scalars[f.Name]; has {
			continue
		}
		// A value that failed to parse was reported already.
		if r.cell(t).kind != cEmpty {
			continue
		}
		switch {
		case f.Required:
			r.ds.CellErrorf(r.file, t.String(), "%q is required", f.Label.In("en"))
		case f.NeededIfHeld && held:
			r.ds.CellWarnf(r.file, t.String(), "%q is empty although the event took place", f.Label.In("en"))
		}
	}
}

// readTable reads a table's rows: every row of its range, then on below it
// until a run of blank rows, skipping blank rows in between.
func (r *reader) readTable(rt resolvedTable) []model.Row {
	cells := r.cache[rt.sheet]
	at := func(col, row int) cell { return r.p.decode(cells[cellKey{row, col}], r.wb.strings) }
	used := make([]bool, rt.c2-rt.c1+1)
	if rt.header > 0 {
		// Columns by their header in any language, then by position for
		// headers a partner retyped.
		for i, col := range rt.def.Columns {
			for c := rt.c1; c <= rt.c2; c++ {
				h := fold(r.p.asText(at(c, rt.header)))
				if used[c-rt.c1] || h == "" {
					continue
				}
				match := h == fold(col.Key)
				for _, l := range col.Header.All() {
					match = match || h == fold(l)
				}
				if match {
					rt.cols[i], used[c-rt.c1] = c, true
					break
				}
			}
		}
	}
	for i := range rt.def.Columns {
		if rt.cols[i] != 0 {
			continue
		}
		c := rt.c1 + i
		if c <= rt.c2 && !used[c-rt.c1] {
			rt.cols[i], used[c-rt.c1] = c, true
			if rt.header > 0 {
				r.ds.CellWarnf(r.file, rt.sheet+"!"+cellName(c, rt.header), "table %s: header %q is not %q; read as that column by its position",
					rt.def.Name, r.p.asText(at(c, rt.header)), rt.def.Columns[i].Header.In("en"))
			}
		} else {
			r.fileErrorf("table %s: the column %q is missing", rt.def.Name, rt.def.Columns[i].Header.In("en"))
		}
	}
	var rows []model.Row
	blank := 0
	for row := rt.firstData; row <= r.p.lim.MaxRows; row++ {
		if row > rt.lastInRef && blank >= blankRun {
			break
		}
		empty := true
		for c := rt.c1; c <= rt.c2; c++ {
			if at(c, row).kind != cEmpty {
				empty = false
				break
			}
		}
		if empty {
			if row > rt.lastInRef {
				blank++
			}
			continue
		}
		blank = 0
		out := model.Row{}
		for i := range rt.def.Columns {
			col := &rt.def.Columns[i]
			if rt.cols[i] == 0 {
				continue
			}
			ref := rt.sheet + "!" + cellName(rt.cols[i], row)
			v, prob, ok := r.p.parse(columnSpec(col), at(rt.cols[i], row))
			r.report(ref, prob)
			if ok {
				v.Cell = ref
				out[col.Key] = v
			}
		}
		for i := range rt.def.Columns {
			col := &rt.def.Columns[i]
			if _, has := out[col.Key]; !has && col.Required && rt.cols[i] != 0 && at(rt.cols[i], row).kind == cEmpty {
				r.ds.CellWarnf(r.file, rt.sheet+"!"+cellName(rt.cols[i], row), "table %s: %s is empty in a row with other values", rt.def.Name, col.Header.In("en"))
			}
		}
		if len(out) > 0 {
			rows = append(rows, out)
		}
	}
	return rows
}

// IsFileError reports whether err came from the workbook itself (not a
// workbook, encrypted, over a limit) rather than from the program.
func IsFileError(err error) bool {
	return errors.Is(err, ErrNotWorkbook) || errors.Is(err, ErrEncrypted) || errors.Is(err, ErrLimit)
}
