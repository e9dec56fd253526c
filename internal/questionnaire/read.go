package questionnaire

import (
	"fmt"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"
	"testing/fstest"
	"time"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"opkit/internal/diag"
	"opkit/internal/i18n"
	"opkit/internal/inputfile"
	"opkit/internal/intake"
	"opkit/internal/model"
	"opkit/internal/outcome"
	"opkit/internal/workspace"
)

// Imported is a questionnaire read back: the country file it makes and where
// each of its lines came from.
type Imported struct {
	Code string // upper case, from the pre-filled code cell
	Lang string // the questionnaire's language
	TOML []byte // countries/cc.toml, with comments
}

// File is the country file's path inside a workspace: countries/cc.toml.
func (im *Imported) File() string { return path.Join("countries", strings.ToLower(im.Code)+".toml") }

// schema is the questionnaire as the bounded workbook reader of package
// outcome sees it: every input as text, date or number; codes, lists and
// yes/no are worked out here, where every language's labels are known.
func schema() *outcome.Schema {
	s := &outcome.Schema{Kind: "country questionnaire", Prefix: namePrefix, VersionName: nameVersion, IDName: nameID, Version: TemplateVersion}
	spec := func(path string, it *Item) (outcome.Kind, outcome.L) {
		l := outcome.L("questionnaire.label." + path)
		switch it.Kind {
		case KDate:
			return outcome.KindDate, l
		case KProse, KLines:
			return outcome.KindLongText, l
		}
		return outcome.KindText, l
	}
	for _, sec := range Sections {
		for i := range sec.Items {
			it := &sec.Items[i]
			k, l := spec(Path(sec.Table, it.Key), it)
			s.Fields = append(s.Fields, outcome.Field{Name: DefinedName(sec.Table, it.Key), Kind: k, Label: l})
		}
	}
	for _, t := range Tables {
		ot := outcome.Table{Name: t.Name}
		for i := range t.Columns {
			col := &t.Columns[i]
			k, l := spec(Path(t.Key, col.Key), col)
			ot.Columns = append(ot.Columns, outcome.Column{Key: col.Key, Kind: k, Header: l})
		}
		s.Tables = append(s.Tables, ot)
	}
	return s
}

// Import reads a filled questionnaire under lim, turns it into a country
// file and checks that file with the workspace loader against campaign (the
// workspace's campaign.toml, nil when there is none). Every problem names
// the questionnaire and the cell: "q.xlsx: Country!B7: ...". The error is
// for a file that cannot be read at all.
func Import(name string, data []byte, lim outcome.Limits, campaign []byte) (*Imported, diag.List, error) {
	o, ds, err := outcome.ReadSchema(name, data, lim, schema())
	if err != nil {
		return nil, nil, err
	}
	im := &Imported{}
	b := &builder{name: name, o: o, ds: ds, lines: map[int]string{}}
	b.emit(im)
	if b.ds.HasErrors() || im.Code == "" {
		b.ds.Sort()
		return im, b.ds, nil
	}
	// The loader is the one judge of a country file: what it says of the
	// generated lines is said of the cells they came from.
	fsys := fstest.MapFS{im.File(): &fstest.MapFile{Data: im.TOML}}
	if campaign != nil {
		fsys["campaign.toml"] = &fstest.MapFile{Data: campaign}
	}
	_, lds := workspace.Load(fsys, "")
	for _, d := range lds {
		if d.File != im.File() {
			continue // the campaign's own problems are check's to report
		}
		cell := b.cellAt(d.Line)
		if d.Line > 0 && b.echo[d.Line] && d.Severity == diag.Error && b.reported {
			continue // a missing key the required check already named at its cell
		}
		b.ds = append(b.ds, diag.Diagnostic{File: name, Cell: cell, Severity: d.Severity, Message: d.Message})
	}
	b.ds.Sort()
	return im, b.ds, nil
}

// builder writes the TOML text and remembers the cell of every line.
type builder struct {
	name     string
	o        *model.Outcome
	ds       diag.List
	out      strings.Builder
	line     int
	lines    map[int]string // TOML line -> the cell it came from
	echo     map[int]bool   // header lines: where the loader reports missing keys
	reported bool           // a required value was reported missing
	lang     string
	// lastComment is the comment written last, not repeated for the next key.
	lastComment string
}

func (b *builder) cellAt(line int) string {
	for l := line; l > 0; l-- {
		if c, ok := b.lines[l]; ok {
			return c
		}
	}
	return ""
}

func (b *builder) write(s, cell string) {
	for _, l := range strings.Split(s, "\n") {
		b.line++
		if cell != "" {
			b.lines[b.line] = cell
		}
		b.out.WriteString(l)
		b.out.WriteByte('\n')
	}
}

func (b *builder) errorf(cell, format string, args ...any) {
	b.ds.CellErrorf(b.name, cell, format, args...)
}

// comment writes the starter's explanation of path above its key, once for
// keys that share it (city and venue).
func (b *builder) comment(path string) {
	lines := starterComment(path)
	if strings.Join(lines, "\n") == b.lastComment {
		return
	}
	b.lastComment = strings.Join(lines, "\n")
	for _, l := range lines {
		b.write(strings.TrimRight("# "+l, " "), "")
	}
}

func (b *builder) header(h, cell string) {
	if b.echo == nil {
		b.echo = map[int]bool{}
	}
	b.write(h, cell)
	b.echo[b.line] = true
}

func (b *builder) emit(im *Imported) {
	meta := strings.ToLower(strings.TrimSpace(b.o.PackID))
	_, lang, _ := strings.Cut(meta, "-")
	if !i18n.Supported(lang) {
		lang = "en"
	}
	b.lang, im.Lang = lang, lang
	code := strings.ToUpper(strings.TrimSpace(b.o.Scalar(DefinedName("country", "code"))))
	im.Code = code
	if code == "" {
		b.errorf(b.o.Where[DefinedName("country", "code")], "the country code is empty: use the questionnaire opkit made for the country")
		return
	}
	b.write(fmt.Sprintf("# countries/%s.toml — written by opkit import from the country questionnaire\n# %s. Check it with `opkit check`; the comments explain every key.", strings.ToLower(code), path.Base(b.name)), "")
	b.write("", "")
	for si := range Sections {
		s := &Sections[si]
		var lines []func()
		flags := map[string][]string{} // a list key -> the members answered Yes
		for ii := range s.Items {
			it := &s.Items[ii]
			v, ok := b.o.Scalars[DefinedName(s.Table, it.Key)]
			if it.Kind == KFlag {
				key, _, _ := strings.Cut(it.Key, ".")
				first := flags[key] == nil
				if flags[key] == nil {
					flags[key] = []string{}
				}
				if ok && v.Text != "" {
					yes, good := yesNoOf(strings.TrimSpace(v.Text))
					if !good {
						b.errorf(v.Cell, "%s: %q is not %s", word("en", "label."+Path(s.Table, it.Key)), v.Text, strings.Join(yesNoLabels(b.lang), " / "))
					} else if yes {
						flags[key] = append(flags[key], it.Member)
					}
				}
				if first {
					p, cell := Path(s.Table, key), b.o.Where[DefinedName(s.Table, it.Key)]
					lines = append(lines, func() {
						b.comment(p)
						b.write(key+" = "+stringList(flags[key]), cell)
					})
				}
				continue
			}
			if b.required(Path(s.Table, it.Key), it, v, ok) {
				b.reported = true
			}
			if !ok || v.Text == "" {
				continue
			}
			if l := b.keyLine(Path(s.Table, it.Key), it, v); l != nil {
				lines = append(lines, l)
			}
		}
		// Lists of texts kept on their own sheet are keys of this table,
		// so they stand before its sub-tables.
		for ti := range Tables {
			if t := &Tables[ti]; t.List && strings.HasPrefix(t.Key, s.Table+".") {
				if l := b.list(t); l != nil {
					lines = append(lines, l)
				}
			}
		}
		if len(lines) == 0 && s.Table != "country" && s.Table != "event" {
			continue
		}
		b.comment(s.Table)
		b.header("["+s.Table+"]", b.firstCell(s))
		for _, l := range lines {
			l()
		}
		b.write("", "")
		if s.Table == "event" {
			b.tables("event.")
		}
		if s.Table == "country" {
			b.tables("partners")
		}
		if s.Table == "situation" {
			b.rights()
		}
		if s.Table == "remedies" {
			b.tables("remedies.")
		}
		if s.Table == "politics" {
			b.tables("politics.")
			b.tables("cases")
		}
	}
	im.TOML = []byte(b.out.String())
}

func (b *builder) firstCell(s *Section) string {
	for _, it := range s.Items {
		if v, ok := b.o.Scalars[DefinedName(s.Table, it.Key)]; ok {
			return v.Cell
		}
	}
	return ""
}

// required reports an empty required value at its cell.
func (b *builder) required(path string, it *Item, v model.Value, ok bool) bool {
	if ok && strings.TrimSpace(v.Text) != "" {
		return false
	}
	need := it.Required
	if u := it.RequiredUnless; u[0] != "" {
		need = b.code(u[0]) != u[1]
	}
	table, key, _ := strings.Cut(path, ".")
	cell := b.o.Where[DefinedName(table, key)]
	if !need || cell == "" {
		return false
	}
	b.errorf(cell, "%s is required", word("en", "label."+path))
	return true
}

// code is the code a scalar choice holds, "" when empty or unknown.
func (b *builder) code(path string) string {
	_, it := item(path)
	v, ok := b.o.Scalars[DefinedName(strings.Split(path, ".")[0], strings.Split(path, ".")[1])]
	if it == nil || !ok {
		return ""
	}
	c, _ := matchOption(it, v.Text)
	return c
}

// tables emits the arrays whose key starts with prefix, in field-table order.
func (b *builder) tables(prefix string) {
	for ti := range Tables {
		t := &Tables[ti]
		if t.Parent != "" || t.Key == "situation.rights" || !strings.HasPrefix(t.Key, prefix) {
			continue
		}
		if t.List {
			continue // written with its table's keys
		}
		for _, row := range b.o.Tables[t.Name] {
			b.row(t, row)
		}
	}
}

func (b *builder) row(t *Table, row model.Row) {
	var lines []func()
	first := ""
	for ci := range t.Columns {
		col := &t.Columns[ci]
		v, ok := row[col.Key]
		if first == "" && ok {
			first = v.Cell
		}
		if !ok || v.Text == "" || col.Key == t.ParentKey && t.Parent != "" {
			continue
		}
		if l := b.keyLine(Path(t.Key, col.Key), col, v); l != nil {
			lines = append(lines, l)
		}
	}
	for ci := range t.Columns {
		col := &t.Columns[ci]
		if v, ok := row[col.Key]; col.Required && (!ok || v.Text == "") {
			b.errorf(t.cellOf(row, ci, first), "%s: %s is required in every row", t.Name, word("en", "label."+Path(t.Key, col.Key)))
			b.reported = true
		}
	}
	b.lastComment = ""
	b.comment(t.Key)
	b.header("[["+t.Key+"]]", first)
	for _, l := range lines {
		l()
	}
	b.write("", "")
}

// keyLine returns the writer of one key = value line with its comment, or
// nil when the cell cannot be read as the item's kind (reported already).
func (b *builder) keyLine(path string, it *Item, v model.Value) func() {
	lit, good := b.literal(path, it, v)
	if !good {
		return nil
	}
	return func() {
		b.comment(path)
		b.write(it.Key+" = "+lit, v.Cell)
	}
}

// cellOf names the cell of column ci in row, guessed from another cell of
// the same row when that one is empty (the reader keeps no empty cells).
func (t *Table) cellOf(row model.Row, ci int, first string) string {
	if v, ok := row[t.Columns[ci].Key]; ok {
		return v.Cell
	}
	sheet, ref, ok := strings.Cut(first, "!")
	if !ok {
		return first
	}
	i := strings.IndexFunc(ref, unicode.IsDigit)
	if i < 0 {
		return first
	}
	col := ""
	for n := ci + 1; n > 0; n = (n - 1) / 26 {
		col = string(rune('A'+(n-1)%26)) + col
	}
	return sheet + "!" + col + ref[i:]
}

// list returns the writer of a list-of-texts key, nil when it is empty.
func (b *builder) list(t *Table) func() {
	col := &t.Columns[0]
	var items []string
	first := ""
	for _, row := range b.o.Tables[t.Name] {
		v, ok := row[col.Key]
		if !ok || strings.TrimSpace(v.Text) == "" {
			continue
		}
		if first == "" {
			first = v.Cell
		}
		items = append(items, v.Text)
	}
	if len(items) == 0 {
		return nil
	}
	_, key, _ := cutLast(t.Key)
	return func() {
		b.comment(t.Key)
		b.write(key+" = "+stringList(items), first)
	}
}

func cutLast(p string) (string, string, bool) {
	i := strings.LastIndexByte(p, '.')
	if i < 0 {
		return "", p, false
	}
	return p[:i], p[i+1:], true
}

// rights emits [[situation.rights]] with each right's indicators under it.
func (b *builder) rights() {
	var rt, it *Table
	for i := range Tables {
		switch Tables[i].Key {
		case "situation.rights":
			rt = &Tables[i]
		case "situation.rights.indicators":
			it = &Tables[i]
		}
	}
	used := map[int]bool{}
	for _, row := range b.o.Tables[rt.Name] {
		b.row(rt, row)
		rc, ok := matchOption(&rt.Columns[0], row["right"].Text)
		if !ok {
			continue
		}
		for i, ir := range b.o.Tables[it.Name] {
			if c, ok := matchOption(&it.Columns[0], ir["right"].Text); ok && c == rc {
				used[i] = true
				b.row(it, ir)
			}
		}
	}
	for i, ir := range b.o.Tables[it.Name] {
		if used[i] {
			continue
		}
		v := ir["right"]
		if _, ok := matchOption(&it.Columns[0], v.Text); ok || v.Text == "" {
			b.errorf(it.cellOf(ir, 0, firstCellOf(ir)), "Indicators: the right %q has no row on the Rights sheet; add it there with a summary", v.Text)
		} else {
			b.errorf(v.Cell, "Indicators: %q is not a right of the list (%s)", v.Text, strings.Join(allLabels(&it.Columns[0], b.lang), ", "))
		}
	}
}

func firstCellOf(row model.Row) string {
	best := ""
	for _, v := range row {
		if best == "" || v.Cell < best {
			best = v.Cell
		}
	}
	return best
}

// literal turns a cell into a TOML value of the item's kind; false (with an
// error at the cell) when it cannot.
func (b *builder) literal(path string, it *Item, v model.Value) (string, bool) {
	text := strings.TrimSpace(v.Text)
	bad := func(format string, args ...any) (string, bool) {
		b.errorf(v.Cell, "%s: "+format, append([]any{word("en", "label."+path)}, args...)...)
		return "", false
	}
	switch it.Kind {
	case KText, KProse:
		return tomlString(text), true
	case KDate:
		return text, true // the reader gave YYYY-MM-DD
	case KInt:
		n, err := strconv.ParseFloat(strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "").Replace(text), 64)
		if err != nil || n != math.Trunc(n) || n < 0 || n > 1e9 {
			return bad("%q is not a whole number", text)
		}
		return strconv.FormatInt(int64(n), 10), true
	case KBool:
		yes, ok := yesNoOf(text)
		if !ok {
			return bad("%q is not %s", text, strings.Join(yesNoLabels(b.lang), " / "))
		}
		return strconv.FormatBool(yes), true
	case KClock:
		c, ok := clockOf(text)
		if !ok {
			return bad("%q is not a time of day such as 09:30", text)
		}
		return c, true
	case KChoice:
		c, ok := matchOption(it, text)
		if !ok {
			return bad("%q is not one of the list (%s)", text, strings.Join(allLabels(it, b.lang), ", "))
		}
		return tomlString(c), true
	case KCodes:
		var out []string
		for _, part := range splitCodes(text, it) {
			c, ok := matchOption(it, part)
			if !ok {
				return bad("%q is not one of the list (%s)", part, strings.Join(allLabels(it, b.lang), ", "))
			}
			if !slices.Contains(out, c) {
				out = append(out, c)
			}
		}
		return stringList(out), true
	case KLines:
		var out []string
		for _, l := range strings.Split(strings.ReplaceAll(text, "\r", ""), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				out = append(out, l)
			}
		}
		return stringList(out), true
	case KLangs:
		var out []string
		for _, f := range strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ';' || unicode.IsSpace(r) }) {
			out = append(out, strings.ToLower(f))
		}
		return stringList(out), true
	}
	return bad("cannot be read")
}

// splitCodes splits a list of labels on ";" and new lines, and on commas
// only when every comma-separated piece is a label (some labels hold a comma).
func splitCodes(text string, it *Item) []string {
	var parts []string
	for _, p := range strings.FieldsFunc(text, func(r rune) bool { return r == ';' || r == '\n' || r == '\r' }) {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if _, ok := matchOption(it, p); !ok && strings.Contains(p, ",") {
			pieces := strings.Split(p, ",")
			all := true
			for _, q := range pieces {
				if _, ok := matchOption(it, strings.TrimSpace(q)); !ok {
					all = false
				}
			}
			if all {
				for _, q := range pieces {
					parts = append(parts, strings.TrimSpace(q))
				}
				continue
			}
		}
		parts = append(parts, p)
	}
	return parts
}

// matchOption finds the code of a label of any supported language, or of
// the code itself, ignoring case, accents and spacing.
func matchOption(it *Item, text string) (string, bool) {
	t := fold(text)
	if t == "" {
		return "", false
	}
	for _, code := range it.Options() {
		if fold(code) == t {
			return code, true
		}
		for _, lang := range i18n.Languages {
			if fold(optionLabel(lang, it.OptGroup, code)) == t {
				return code, true
			}
		}
	}
	return "", false
}

func allLabels(it *Item, lang string) []string {
	var out []string
	for _, code := range it.Options() {
		out = append(out, optionLabel(lang, it.OptGroup, code))
	}
	return out
}

func yesNoLabels(lang string) []string {
	return []string{optionLabel(lang, "yesno", "yes"), optionLabel(lang, "yesno", "no")}
}

func yesNoOf(text string) (bool, bool) {
	t := fold(text)
	switch t {
	case "true", "1", "yes":
		return true, true
	case "false", "0", "no":
		return false, true
	}
	for _, lang := range i18n.Languages {
		if t == fold(optionLabel(lang, "yesno", "yes")) {
			return true, true
		}
		if t == fold(optionLabel(lang, "yesno", "no")) {
			return false, true
		}
	}
	return false, false
}

// clockOf reads "9:30", "09:30", "09:30:00" or a spreadsheet time (a
// fraction of a day, which Excel stores when a partner types 09:30 into a
// cell it formats as time).
func clockOf(text string) (string, bool) {
	if f, err := strconv.ParseFloat(text, 64); err == nil && f >= 0 && f < 1 {
		m := int(math.Round(f * 24 * 60))
		return fmt.Sprintf("%02d:%02d:00", m/60, m%60), m < 24*60
	}
	parts := strings.Split(text, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return "", false
	}
	h, err1 := strconv.Atoi(parts[0])
	m, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil || h < 0 || h > 23 || m < 0 || m > 59 {
		return "", false
	}
	return fmt.Sprintf("%02d:%02d:00", h, m), true
}

var folder = transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// fold makes labels comparable however a partner typed them: case, accents,
// no-break spaces and runs of spaces do not count.
func fold(s string) string {
	out, _, err := transform.String(folder, s)
	if err != nil {
		out = s
	}
	return strings.Join(strings.Fields(strings.ToLower(out)), " ")
}

// tomlString drops the carriage returns a spreadsheet keeps in a cell's
// line ends, then quotes for TOML.
func tomlString(s string) string {
	return workspace.TOMLString(strings.ReplaceAll(s, "\r", ""))
}

func stringList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = tomlString(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// ImportFile reads the questionnaire at path as an untrusted file, under the
// limits returned workbooks are read with: only a regular file, at most
// lim.MaxFileSize bytes, parsed under lim.Read within lim.Timeout.
func ImportFile(path string, lim intake.Limits, campaign []byte) (*Imported, diag.List, error) {
	data, err := inputfile.ReadFile(path, lim.MaxFileSize)
	if err != nil {
		return nil, nil, err
	}
	type result struct {
		im  *Imported
		ds  diag.List
		err error
	}
	ch := make(chan result, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				ch <- result{err: fmt.Errorf("the reader failed on this file (%v)", p)}
			}
		}()
		im, ds, err := Import(path, data, lim.Read, campaign)
		ch <- result{im, ds, err}
	}()
	t := time.NewTimer(lim.Timeout)
	defer t.Stop()
	select {
	case r := <-ch:
		return r.im, r.ds, r.err
	case <-t.C:
		return nil, nil, fmt.Errorf("reading took longer than %s", lim.Timeout)
	}
}
