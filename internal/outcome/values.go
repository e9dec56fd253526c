package outcome

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"opkit/internal/model"
)

// cellKind says what a stored cell holds once its type, cached value and
// formula are taken together.
type cellKind int

const (
	cEmpty cellKind = iota
	cText
	cNumber
	cBool
	cDate
	cError
	cFormula // a formula with no cached value that we could not evaluate
)

type cell struct {
	kind cellKind
	text string // cText, cError, cFormula (the formula)
	num  float64
	b    bool
	date model.Date
}

// decode turns a stored cell into a value. Formulas keep their cached
// value; openpyxl saves formulas without one, so the few forms a script or a
// partner writes for a plain value (TRUE(), "text", 12, DATE(2027,8,5)) are
// evaluated here and anything else is kept as the formula text.
func (p *pkg) decode(c rawCell, sst []string) cell {
	if c.hasF && c.v == "" && c.inline == "" {
		return evalFormula(c.f)
	}
	switch c.t {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(c.v))
		if err != nil || i < 0 || i >= len(sst) {
			return cell{kind: cError, text: "#BADSTRING"}
		}
		return textCell(sst[i])
	case "inlineStr":
		return textCell(c.inline)
	case "str":
		return textCell(c.v)
	case "b":
		return cell{kind: cBool, b: c.v == "1" || strings.EqualFold(c.v, "true")}
	case "e":
		return cell{kind: cError, text: c.v}
	case "d":
		if d, ok := parseISO(c.v); ok {
			return cell{kind: cDate, date: d}
		}
		return textCell(c.v)
	}
	if c.v == "" {
		if c.isInline {
			return textCell(c.inline)
		}
		return cell{}
	}
	n, err := strconv.ParseFloat(strings.TrimSpace(c.v), 64)
	if err != nil {
		return textCell(c.v)
	}
	return cell{kind: cNumber, num: n}
}

// reXEscape matches the _xHHHH_ escapes OOXML uses for characters XML
// cannot carry (Excel writes a carriage return as _x000D_).
var reXEscape = regexp.MustCompile(`_x([0-9A-Fa-f]{4})_`)

func textCell(s string) cell {
	if strings.Contains(s, "_x") {
		s = reXEscape.ReplaceAllStringFunc(s, func(m string) string {
			n, _ := strconv.ParseUint(m[2:6], 16, 16)
			return string(rune(n))
		})
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if strings.TrimSpace(s) == "" {
		return cell{}
	}
	return cell{kind: cText, text: s}
}

var (
	reDateFn = regexp.MustCompile(`(?i)^DATE\(\s*(\d{4})\s*[,;]\s*(\d{1,2})\s*[,;]\s*(\d{1,2})\s*\)$`)
	reStrLit = regexp.MustCompile(`^"((?:[^"]|"")*)"$`)
	// reThousands matches 1,200 / 1.200 / 12,345,678: digits grouped by three.
	reThousands = regexp.MustCompile(`^\d{1,3}([.,]\d{3})+$`)
)

func evalFormula(f string) cell {
	s := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(f), "="))
	switch strings.ToUpper(s) {
	case "TRUE()", "TRUE":
		return cell{kind: cBool, b: true}
	case "FALSE()", "FALSE":
		return cell{kind: cBool, b: false}
	case "":
		return cell{}
	}
	if m := reStrLit.FindStringSubmatch(s); m != nil {
		return textCell(strings.ReplaceAll(m[1], `""`, `"`))
	}
	if n, err := strconv.ParseFloat(s, 64); err == nil {
		return cell{kind: cNumber, num: n}
	}
	if m := reDateFn.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		if dt, ok := model.NewDate(y, time.Month(mo), d); ok {
			return cell{kind: cDate, date: dt}
		}
	}
	return cell{kind: cFormula, text: "=" + s}
}

// asText renders any cell as the text a partner sees, for text fields and
// for messages.
func (p *pkg) asText(c cell) string {
	switch c.kind {
	case cText, cError, cFormula:
		return c.text
	case cNumber:
		return strconv.FormatFloat(c.num, 'f', -1, 64)
	case cBool:
		if c.b {
			return "TRUE"
		}
		return "FALSE"
	case cDate:
		return c.date.String()
	}
	return ""
}

// serialDate converts a spreadsheet serial number to a date, in the
// workbook's date system. The time of day is dropped.
func (p *pkg) serialDate(n float64) (model.Date, bool) {
	if n < 1 || n > 2958465 || math.IsNaN(n) {
		return model.Date{}, false
	}
	base := model.ExcelEpoch
	if p.date1904 {
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return model.DateOf(base.AddDate(0, 0, int(math.Floor(n)))), true
}

// problem is a message about one value; warn tells a warning from an error.
type problem struct {
	warn bool
	msg  string
}

func errorf(format string, args ...any) *problem {
	return &problem{msg: fmt.Sprintf(format, args...)}
}

func warnf(format string, args ...any) *problem {
	return &problem{warn: true, msg: fmt.Sprintf(format, args...)}
}

// spec is what parsing needs to know of a field or column.
type spec struct {
	label   string
	kind    Kind
	options []Option
	maxLen  int
	min     int
	max     int
}

func fieldSpec(f *Field) spec {
	return spec{label: f.Label.In("en"), kind: f.Kind, options: f.Options, maxLen: f.MaxLen, min: f.Min, max: f.Max}
}

func columnSpec(c *Column) spec {
	return spec{label: c.Header.In("en"), kind: c.Kind, options: c.Options, maxLen: c.MaxLen, max: math.MaxInt32}
}

var reEmail = regexp.MustCompile(`^[^\s@]+@[^\s@]+\.[^\s@]+$`)

// parse turns a cell into the canonical value of a field. ok is false when
// nothing usable came out; a value with a warning is still ok.
func (p *pkg) parse(s spec, c cell) (v model.Value, prob *problem, ok bool) {
	if c.kind == cEmpty {
		return v, nil, false
	}
	if c.kind == cError {
		return v, errorf("%s: the cell shows the error %s", s.label, c.text), false
	}
	// A formula whose value was never computed (openpyxl writes none)
	// leaves only the formula itself, which is kept as text.
	var uncomputed *problem
	if c.kind == cFormula {
		uncomputed = warnf("%s: the formula %s has no computed value; kept as text", s.label, c.text)
		if s.kind != KindText && s.kind != KindLongText {
			return model.Value{Text: c.text}, uncomputed, true
		}
	}
	switch s.kind {
	case KindDate:
		return p.parseDate(s, c)
	case KindInt:
		return parseInt(s, c, p)
	case KindChoice:
		return parseChoice(s, c, p)
	}
	text := strings.TrimSpace(p.asText(c))
	prob = uncomputed
	if s.maxLen > 0 && utf8.RuneCountInString(text) > s.maxLen {
		return model.Value{Text: text}, errorf("%s: %d characters, more than the %d allowed", s.label, utf8.RuneCountInString(text), s.maxLen), true
	}
	switch s.kind {
	case KindEmail:
		text = strings.TrimPrefix(text, "mailto:")
		if !reEmail.MatchString(text) {
			return model.Value{Text: text}, errorf("%s: %q is not an e-mail address", s.label, text), true
		}
	case KindCase:
		// The drop-down offers "id — title"; the id is what the report
		// matches against the country's cases.
		if id, _, found := strings.Cut(text, strings.TrimSpace(caseSep)); found && strings.TrimSpace(id) != "" {
			return model.Value{Text: strings.TrimSpace(id), Coded: true}, prob, true
		}
	}
	return model.Value{Text: text}, prob, true
}

func (p *pkg) parseDate(s spec, c cell) (model.Value, *problem, bool) {
	var d model.Date
	var prob *problem
	switch c.kind {
	case cDate:
		d = c.date
	case cNumber:
		var ok bool
		if d, ok = p.serialDate(c.num); !ok {
			return model.Value{}, errorf("%s: %s is not a date", s.label, p.asText(c)), false
		}
	case cText:
		var ambiguous, ok bool
		d, ambiguous, ok = parseDateText(c.text)
		if !ok {
			return model.Value{}, errorf("%s: %q is not a date; write it as YYYY-MM-DD", s.label, c.text), false
		}
		if ambiguous {
			prob = warnf("%s: %q read as day/month/year, %s", s.label, c.text, d)
		}
	default:
		return model.Value{}, errorf("%s: %s is not a date", s.label, p.asText(c)), false
	}
	if d.Before(minDate) || d.After(maxDate) {
		return model.Value{Text: d.String()}, errorf("%s: %s is outside 2000-2099; check the year", s.label, d), false
	}
	return model.Value{Text: d.String()}, prob, true
}

func parseInt(s spec, c cell, p *pkg) (model.Value, *problem, bool) {
	var n float64
	switch c.kind {
	case cNumber:
		n = c.num
	case cText:
		// Thousands separators differ by language: 1,200 / 1.200 / 1 200.
		t := strings.TrimSpace(c.text)
		t = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", "'", "").Replace(t)
		if reThousands.MatchString(t) {
			t = strings.NewReplacer(",", "", ".", "").Replace(t)
		}
		v, err := strconv.ParseFloat(t, 64)
		if err != nil {
			return model.Value{}, errorf("%s: %q is not a whole number", s.label, c.text), false
		}
		n = v
	default:
		return model.Value{}, errorf("%s: %s is not a whole number", s.label, p.asText(c)), false
	}
	if n != math.Trunc(n) || math.IsInf(n, 0) {
		return model.Value{}, errorf("%s: %s is not a whole number", s.label, p.asText(c)), false
	}
	if n < float64(s.min) || n > float64(s.max) {
		return model.Value{}, errorf("%s: %s is outside %d..%d", s.label, strconv.FormatFloat(n, 'f', -1, 64), s.min, s.max), false
	}
	return model.Value{Text: strconv.FormatInt(int64(n), 10)}, nil, true
}

func parseChoice(s spec, c cell, p *pkg) (model.Value, *problem, bool) {
	if c.kind == cBool {
		// LibreOffice turns a typed "TRUE"/"yes" into a boolean; read it as
		// the yes/no option when the list has one.
		code := No
		if c.b {
			code = Yes
		}
		if OptionByCode(s.options, code) != nil {
			return model.Value{Text: code, Coded: true}, nil, true
		}
	}
	text := strings.TrimSpace(p.asText(c))
	if o, ok := Lookup(s.options, text); ok {
		return model.Value{Text: o.Code, Coded: true}, nil, true
	}
	labels := make([]string, len(s.options))
	for i, o := range s.options {
		labels[i] = o.Label.In("en")
	}
	return model.Value{Text: text}, warnf("%s: %q is not one of the list (%s); kept as text", s.label, text, strings.Join(labels, ", ")), true
}

// Month names of the three languages, full and abbreviated, accents folded.
var monthNames = map[string]time.Month{}

func init() {
	names := [][]string{
		{"january", "janvier", "enero", "jan", "janv", "ene"},
		{"february", "fevrier", "febrero", "feb", "fev", "fevr"},
		{"march", "mars", "marzo", "mar"},
		{"april", "avril", "abril", "apr", "avr", "abr"},
		{"may", "mai", "mayo", "may"},
		{"june", "juin", "junio", "jun"},
		{"july", "juillet", "julio", "jul", "juil"},
		{"august", "aout", "agosto", "aug", "ago"},
		{"september", "septembre", "septiembre", "setiembre", "sep", "sept", "set"},
		{"october", "octobre", "octubre", "oct"},
		{"november", "novembre", "noviembre", "nov"},
		{"december", "decembre", "diciembre", "dec", "dic"},
	}
	for i, ns := range names {
		for _, n := range ns {
			monthNames[n] = time.Month(i + 1)
		}
	}
}

func parseISO(s string) (model.Date, bool) {
	s = strings.TrimSpace(s)
	if len(s) >= 10 {
		if d, err := model.ParseDate(s[:10]); err == nil && (len(s) == 10 || s[10] == 'T' || s[10] == ' ') {
			return d, true
		}
	}
	return model.Date{}, false
}

// parseDateText reads the ways people type a date: 2027-08-05, 5/8/2027,
// 05.08.2027, 5 August 2027, August 5, 2027, 5 août 2027, 5 de agosto de
// 2027. Numeric day/month orders are read day first, the convention of most
// partners; ambiguous reports that the month could have been first.
func parseDateText(s string) (d model.Date, ambiguous, ok bool) {
	if d, ok := parseISO(s); ok {
		return d, false, true
	}
	var nums []int
	var numLens []int
	var month time.Month
	for _, tok := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r > 0x7f)
	}) {
		if n, err := strconv.Atoi(tok); err == nil {
			nums, numLens = append(nums, n), append(numLens, len(tok))
			continue
		}
		// "1er", "5th": a number with a suffix.
		if i := strings.IndexFunc(tok, func(r rune) bool { return r < '0' || r > '9' }); i > 0 {
			if n, err := strconv.Atoi(tok[:i]); err == nil {
				switch tok[i:] {
				case "st", "nd", "rd", "th", "er", "o", "º":
					nums, numLens = append(nums, n), append(numLens, i)
					continue
				}
			}
		}
		if m, found := monthNames[strings.TrimSuffix(fold(tok), ".")]; found && month == 0 {
			month = m
			continue
		}
		switch tok {
		case "de", "del", "of", "the", "le":
			continue
		}
		return d, false, false
	}
	year := func(n, l int) int {
		if l <= 2 {
			return 2000 + n
		}
		return n
	}
	if month != 0 {
		if len(nums) != 2 {
			return d, false, false
		}
		day, y := nums[0], year(nums[1], numLens[1])
		if numLens[0] == 4 {
			y, day = nums[0], nums[1]
		}
		d, ok = model.NewDate(y, month, day)
		return d, false, ok
	}
	if len(nums) != 3 {
		return d, false, false
	}
	if numLens[0] == 4 { // 2027/08/05
		d, ok = model.NewDate(nums[0], time.Month(nums[1]), nums[2])
		return d, false, ok
	}
	day, mon, y := nums[0], nums[1], year(nums[2], numLens[2])
	if numLens[2] != 4 && numLens[2] != 2 {
		return d, false, false
	}
	if mon > 12 && day <= 12 { // 8/25/2027 can only be month first
		day, mon = mon, day
	} else if day <= 12 && mon <= 12 && day != mon {
		ambiguous = true
	}
	d, ok = model.NewDate(y, time.Month(mon), day)
	return d, ambiguous && ok, ok
}
