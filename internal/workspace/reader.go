package workspace

import (
	"fmt"
	"net/mail"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"opkit/internal/diag"
	"opkit/internal/model"
)

// file is one input file being decoded: where its diagnostics go and, for
// country files, where its string values are collected.
type file struct {
	name  string // as shown to the user
	d     *doc
	diags *diag.List
	texts *[]model.Text // nil: not collected (campaign.toml)
}

func (f *file) errorf(off int, format string, args ...any) {
	l, c := f.d.pos(off)
	f.diags.Errorf(f.name, l, c, format, args...)
}

// seenBefore records v as the first value of key in seen, or, when key
// already has one, returns the line it stands on.
func (f *file) seenBefore(seen map[string]*val, key string, v *val) (line int, dup bool) {
	if first, ok := seen[key]; ok {
		return f.d.line(first.off), true
	}
	seen[key] = v
	return 0, false
}

func (f *file) warnf(off int, format string, args ...any) {
	l, c := f.d.pos(off)
	f.diags.Warnf(f.name, l, c, format, args...)
}

// tr reads one table against the schema its caller spells out key by key.
// Every key asked for is remembered, so that done can report the keys the
// schema does not know, with a suggestion.
type tr struct {
	f     *file
	t     *table
	path  string // key path of the table: "", "country", "cases[2]"
	known []string
	// missing required keys wait for done: a misspelt key there already
	// says what is wrong, so the key it stands for is not reported again.
	missing []missingKey
}

func (r *tr) sub(key string) string {
	if r.path == "" {
		return key
	}
	return r.path + "." + key
}

// lookup finds key. A missing required key is reported by done, at the
// table's header, unless the file had syntax errors (the key may sit on a
// line that could not be read) or an unknown key looks like a misspelling
// of it (Name for name, stanse for stance).
func (r *tr) lookup(key string, required bool) *entry {
	r.known = append(r.known, key)
	e := r.t.get(key)
	if keyHook != nil {
		keyHook(r.f.name, r.sub(key), e != nil)
	}
	if e == nil && required {
		r.missing = append(r.missing, missingKey{key, "missing required key " + r.sub(key)})
	}
	return e
}

type missingKey struct{ key, msg string }

// keyHook, when set by a test, hears of every key the schema asks for and
// whether the file has it: the starter must have them all.
var keyHook func(file, path string, present bool)

// done reports every key of the table that the schema does not have.
// TOML keys are case-sensitive, so `Name` is not `name`: it gets its own
// hint, since a partner would not guess why it is refused.
func (r *tr) done() {
	meant := map[string]bool{}
	for _, e := range r.t.entries {
		if slices.Contains(r.known, e.key) {
			continue
		}
		s := diag.Suggest(e.key, r.known)
		meant[s] = true
		switch {
		case s != "" && strings.EqualFold(s, e.key):
			r.f.errorf(e.keyOff, "unknown key %s; keys are case-sensitive: did you mean %s?", r.sub(e.key), s)
		case s != "":
			r.f.errorf(e.keyOff, "unknown key %s; did you mean %s?", r.sub(e.key), s)
		default:
			r.f.errorf(e.keyOff, "unknown key %s; allowed here: %s", r.sub(e.key), strings.Join(r.known, ", "))
		}
	}
	if r.f.d.syntax {
		return
	}
	for _, m := range r.missing {
		if !meant[m.key] {
			r.f.errorf(r.t.off, "%s", m.msg)
		}
	}
}

// describe names a value for a "must be X, not Y" message, in words a
// partner with no programming background recognises.
func describe(v *val) string {
	switch v.kind {
	case kString:
		return fmt.Sprintf("text %q", clip(v.raw))
	case kInteger, kFloat:
		return "the number " + v.raw
	case kBool:
		return v.raw
	case kDate:
		return "the date " + v.raw
	case kTime:
		return "the time " + v.raw
	case kLocalDateTime, kDateTime:
		return "the date and time " + v.raw
	case kArray:
		return "a list"
	default:
		return "a table"
	}
}

func clip(s string) string {
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	return string([]rune(s)[:37]) + "..."
}

const (
	wantText    = "text in quotes"
	wantInt     = "a whole number"
	wantBool    = "true or false"
	wantDate    = "a date such as 2027-08-05 (without quotes)"
	wantList    = "a list of texts such as [\"a\", \"b\"]"
	wantTable   = "a table"
	wantClock   = "a time such as 09:30"
	wantPeriod  = "a period such as {start = 2027-08-01, end = 2027-08-31}"
	wantTableAr = "a list of tables: write [[%s]] (double brackets) before each entry"
)

func (r *tr) typeErr(path string, v *val, want string) {
	r.f.errorf(v.off, "%s must be %s, not %s", path, want, describe(v))
}

// Text limits, in characters. Names and titles appear in page headers,
// table cells and spreadsheet cells (Excel holds at most 32,767 characters
// in a cell and 409 points of row height); longer prose still has to fit a
// cell of the outcome workbook and stay readable in a briefing.
const (
	maxShortText = 200
	maxLongText  = 10000
)

// addText checks a text against its limit, at the value, and records it
// for the font check.
func (r *tr) addText(path string, v *val, limit int) {
	if n := utf8.RuneCountInString(v.raw); n > limit {
		r.f.errorf(v.off, "%s is %d characters long; the limit is %d", path, n, limit)
	}
	if r.f.texts == nil {
		return
	}
	l, c := r.f.d.pos(v.off)
	*r.f.texts = append(*r.f.texts, model.Text{Key: path, Line: l, Col: c, Value: v.raw})
}

// str reads a one-line text value: a name, title, place or id.
func (r *tr) str(key string, required bool) string {
	s, _ := r.strAt(key, required)
	return s
}

// prose reads a text value that may run to paragraphs.
func (r *tr) prose(key string, required bool) string {
	s, _ := r.text(key, required, maxLongText)
	return s
}

// strAt is str that also returns the value's node (nil when absent or
// wrong) for later checks that point at it.
func (r *tr) strAt(key string, required bool) (string, *val) {
	return r.text(key, required, maxShortText)
}

func (r *tr) text(key string, required bool, limit int) (string, *val) {
	e := r.lookup(key, required)
	if e == nil {
		return "", nil
	}
	if e.v.kind != kString {
		r.typeErr(r.sub(key), e.v, wantText)
		return "", nil
	}
	r.addText(r.sub(key), e.v, limit)
	if required && strings.TrimSpace(e.v.raw) == "" {
		r.f.errorf(e.v.off, "%s must not be empty", r.sub(key))
	}
	return e.v.raw, e.v
}

// strs reads a list of texts.
func (r *tr) strs(key string, required bool) []string {
	out, _ := r.strsAt(key, required)
	return out
}

func (r *tr) strsAt(key string, required bool) ([]string, []*val) {
	e := r.lookup(key, required)
	if e == nil {
		return nil, nil
	}
	if e.v.kind != kArray {
		r.typeErr(r.sub(key), e.v, wantList)
		return nil, nil
	}
	var out []string
	var vals []*val
	for i, it := range e.v.items {
		p := fmt.Sprintf("%s[%d]", r.sub(key), i+1)
		if it.kind != kString {
			r.typeErr(p, it, wantText)
			continue
		}
		r.addText(p, it, maxLongText)
		out = append(out, it.raw)
		vals = append(vals, it)
	}
	return out, vals
}

// enumMsg reports a value outside a closed list, with a suggestion.
func (r *tr) enumMsg(path, what, got string, allowed []string, v *val) {
	msg := fmt.Sprintf("%s: unknown %s %q;", path, what, got)
	if s := diag.Suggest(got, allowed); s != "" {
		msg += fmt.Sprintf(" did you mean %s?", s)
	}
	r.f.errorf(v.off, "%s allowed: %s", msg, strings.Join(allowed, ", "))
}

// enum reads a value of a closed list.
func (r *tr) enum(key string, required bool, what string, allowed []string) string {
	s, _ := r.enumAt(key, required, what, allowed)
	return s
}

func (r *tr) enumAt(key string, required bool, what string, allowed []string) (string, *val) {
	s, v := r.strAt(key, required)
	if v == nil {
		return "", nil
	}
	if !slices.Contains(allowed, s) {
		r.enumMsg(r.sub(key), what, s, allowed, v)
		return "", nil
	}
	return s, v
}

// enums reads a list of values of a closed list.
func (r *tr) enums(key string, required bool, what string, allowed []string) []string {
	vals, nodes := r.strsAt(key, required)
	var out []string
	for i, s := range vals {
		if !slices.Contains(allowed, s) {
			r.enumMsg(r.sub(key), what, s, allowed, nodes[i])
			continue
		}
		out = append(out, s)
	}
	return out
}

// integer reads a whole number that must be at least min.
func (r *tr) integer(key string, required bool, min int) int {
	e := r.lookup(key, required)
	if e == nil {
		return 0
	}
	if e.v.kind != kInteger {
		r.typeErr(r.sub(key), e.v, wantInt)
		return 0
	}
	n, err := strconv.ParseInt(strings.ReplaceAll(e.v.raw, "_", ""), 0, 64)
	if err != nil || n > 1<<31-1 || n < -(1<<31) {
		r.f.errorf(e.v.off, "%s: %s is too large", r.sub(key), e.v.raw)
		return 0
	}
	if int(n) < min {
		if min == 0 {
			r.f.errorf(e.v.off, "%s must not be negative (%d)", r.sub(key), n)
		} else {
			r.f.errorf(e.v.off, "%s must be at least %d, not %d", r.sub(key), min, n)
		}
		return 0
	}
	return int(n)
}

// boolean reads true or false.
func (r *tr) boolean(key string, required bool) bool {
	e := r.lookup(key, required)
	if e == nil {
		return false
	}
	if e.v.kind != kBool {
		r.typeErr(r.sub(key), e.v, wantBool)
		return false
	}
	return e.v.raw == "true"
}

// date reads a calendar date. TOML local dates are the form, since they
// carry no zone; a quoted date is refused with the unquoted form to write,
// so that every file writes dates one way.
func (r *tr) date(key string, required bool) (model.Date, *val) {
	e := r.lookup(key, required)
	if e == nil {
		return model.Date{}, nil
	}
	return r.dateOf(r.sub(key), e.v)
}

func (r *tr) dateOf(path string, v *val) (model.Date, *val) {
	switch v.kind {
	case kDate:
		d, err := model.ParseDate(v.raw)
		if err != nil {
			r.f.errorf(v.off, "%s: %v", path, err)
			return model.Date{}, nil
		}
		return d, v
	case kString:
		if _, err := model.ParseDate(strings.TrimSpace(v.raw)); err == nil {
			r.f.errorf(v.off, "%s must be a date without quotes: write %s = %s", path, lastKey(path), strings.TrimSpace(v.raw))
			return model.Date{}, nil
		}
	case kLocalDateTime, kDateTime:
		r.f.errorf(v.off, "%s must be a date alone such as 2027-08-05, without a time of day", path)
		return model.Date{}, nil
	}
	r.typeErr(path, v, wantDate)
	return model.Date{}, nil
}

func lastKey(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[i+1:]
	}
	return path
}

// clock reads a local time of day: a TOML local time (09:30 or 09:30:00)
// or the text "09:30".
func (r *tr) clock(key string) (model.Clock, bool) {
	e := r.lookup(key, false)
	if e == nil {
		return model.Clock{}, false
	}
	p := r.sub(key)
	switch e.v.kind {
	case kTime:
		hm, rest := e.v.raw, ""
		if len(hm) > 5 {
			hm, rest = hm[:5], hm[5:]
		}
		c, err := model.ParseClock(hm)
		if err != nil {
			r.f.errorf(e.v.off, "%s: %v", p, err)
			return model.Clock{}, false
		}
		if strings.Trim(rest, ":.0") != "" {
			r.f.errorf(e.v.off, "%s: give hours and minutes only, such as %s", p, c)
			return model.Clock{}, false
		}
		return c, true
	case kString:
		r.addText(p, e.v, maxLongText)
		c, err := model.ParseClock(strings.TrimSpace(e.v.raw))
		if err != nil {
			r.f.errorf(e.v.off, "%s: %v", p, err)
			return model.Clock{}, false
		}
		return c, true
	}
	r.typeErr(p, e.v, wantClock)
	return model.Clock{}, false
}

// table reads a sub-table.
func (r *tr) table(key string, required bool) *tr {
	e := r.lookup(key, false)
	if e == nil {
		if required {
			r.missing = append(r.missing, missingKey{key, "missing required table [" + r.sub(key) + "]"})
		}
		return nil
	}
	if e.v.kind != kTable {
		if e.v.kind == kArray && e.v.headers {
			r.f.errorf(e.v.off, "%s must be a single table: write [%s], not [[%s]]", r.sub(key), r.sub(key), r.sub(key))
		} else {
			r.typeErr(r.sub(key), e.v, wantTable)
		}
		return nil
	}
	return &tr{f: r.f, t: e.v.tab, path: r.sub(key)}
}

// tables reads a list of tables, written [[key]] or key = [{...}, ...].
func (r *tr) tables(key string) []*tr {
	e := r.lookup(key, false)
	if e == nil {
		return nil
	}
	p := r.sub(key)
	if e.v.kind != kArray {
		if e.v.kind == kTable {
			r.f.errorf(e.v.off, "%s must be "+wantTableAr, p, p)
		} else {
			r.typeErr(p, e.v, fmt.Sprintf(wantTableAr, p))
		}
		return nil
	}
	var out []*tr
	for i, it := range e.v.items {
		ip := fmt.Sprintf("%s[%d]", p, i+1)
		if it.kind != kTable {
			r.typeErr(ip, it, wantTable)
			continue
		}
		out = append(out, &tr{f: r.f, t: it.tab, path: ip})
	}
	return out
}

// period reads {start = DATE, end = DATE}.
func (r *tr) period(key string, required bool) (model.Period, bool) {
	e := r.lookup(key, required)
	if e == nil {
		return model.Period{}, false
	}
	return r.periodOf(r.sub(key), e.v)
}

func (r *tr) periodOf(path string, v *val) (model.Period, bool) {
	if v.kind != kTable {
		r.typeErr(path, v, wantPeriod)
		return model.Period{}, false
	}
	pr := &tr{f: r.f, t: v.tab, path: path}
	s, sv := pr.date("start", true)
	en, ev := pr.date("end", true)
	pr.done()
	if sv == nil || ev == nil {
		return model.Period{}, false
	}
	if en.Before(s) {
		r.f.errorf(ev.off, "%s: end %s is before start %s", path, en, s)
		return model.Period{}, false
	}
	return model.Period{Start: s, End: en}, true
}

// periods reads a list of periods.
func (r *tr) periods(key string, required bool) []model.Period {
	e := r.lookup(key, required)
	if e == nil {
		return nil
	}
	if e.v.kind != kArray {
		r.typeErr(r.sub(key), e.v, "a list of periods such as [{start = 2027-08-01, end = 2027-08-15}]")
		return nil
	}
	var out []model.Period
	for i, it := range e.v.items {
		if p, ok := r.periodOf(fmt.Sprintf("%s[%d]", r.sub(key), i+1), it); ok {
			out = append(out, p)
		}
	}
	return out
}

// iso639 reads a list of ISO 639-1 language codes.
func (r *tr) iso639(key string, required bool) []string {
	vals, nodes := r.strsAt(key, required)
	var out []string
	for i, s := range vals {
		if !isISO639(s) {
			r.f.errorf(nodes[i].off, "%s: %q is not an ISO 639-1 language code (two lower-case letters such as en, fr, es, ar)", r.sub(key), s)
			continue
		}
		out = append(out, s)
	}
	return out
}

func isISO639(s string) bool {
	if len(s) != 2 || s[0] < 'a' || s[0] > 'z' || s[1] < 'a' || s[1] > 'z' {
		return false
	}
	_, err := language.ParseBase(s)
	return err == nil
}

// email reads an optional e-mail address.
func (r *tr) email(key string) string {
	s, v := r.strAt(key, false)
	if v == nil {
		return ""
	}
	if !isEmail(s) {
		r.f.errorf(v.off, "%s: %q is not an e-mail address such as name@example.org", r.sub(key), s)
		return ""
	}
	return s
}

func isEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	dom := s[at+1:]
	return at > 0 && strings.Contains(dom, ".") && !strings.HasSuffix(dom, ".") && !strings.HasPrefix(dom, ".")
}

// IsISO3166 reports whether code (upper case) is an assigned country code.
// golang.org/x/text carries the registry, so the list is not kept here.
func IsISO3166(code string) bool {
	r, err := language.ParseRegion(code)
	return err == nil && r.IsCountry() && r.String() == code
}
