package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Severity says whether a diagnostic stops the work.
type Severity int

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem found in an input.
type Diagnostic struct {
	File     string // path as the user knows it: "countries/ar.toml"
	Line     int    // 1-based; 0 when the problem is the whole file
	Col      int    // 1-based; 0 when unknown
	Cell     string // for workbooks: "Event!C7"; then Line and Col are 0
	Severity Severity
	Message  string
}

// String formats the diagnostic as `path:line:col: error: message`, or
// `path: Sheet!C7: error: message` for a workbook cell.
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.File)
	switch {
	case d.Cell != "":
		fmt.Fprintf(&b, ": %s", d.Cell)
	case d.Line > 0 && d.Col > 0:
		fmt.Fprintf(&b, ":%d:%d", d.Line, d.Col)
	case d.Line > 0:
		fmt.Fprintf(&b, ":%d", d.Line)
	}
	fmt.Fprintf(&b, ": %s: %s", d.Severity, d.Message)
	return b.String()
}

// List is a set of diagnostics; it is also an error when it holds errors.
type List []Diagnostic

// Errorf adds an error at a line and column.
func (l *List) Errorf(file string, line, col int, format string, args ...any) {
	*l = append(*l, Diagnostic{File: file, Line: line, Col: col, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

// Warnf adds a warning at a line and column.
func (l *List) Warnf(file string, line, col int, format string, args ...any) {
	*l = append(*l, Diagnostic{File: file, Line: line, Col: col, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// CellErrorf adds an error at a workbook cell.
func (l *List) CellErrorf(file, cell string, format string, args ...any) {
	*l = append(*l, Diagnostic{File: file, Cell: cell, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

// CellWarnf adds a warning at a workbook cell.
func (l *List) CellWarnf(file, cell string, format string, args ...any) {
	*l = append(*l, Diagnostic{File: file, Cell: cell, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Errors returns only the errors.
func (l List) Errors() List { return l.filter(Error) }

// Warnings returns only the warnings.
func (l List) Warnings() List { return l.filter(Warning) }

func (l List) filter(s Severity) List {
	var out List
	for _, d := range l {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// Sort orders by file, line, column, cell, then message, so output is stable.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			compareCells(a.Cell, b.Cell),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// Error joins the errors, one per line, so a List can travel as an error.
func (l List) Error() string {
	var lines []string
	for _, d := range l.Errors() {
		lines = append(lines, d.String())
	}
	return strings.Join(lines, "\n")
}

// Err returns the list as an error when it holds errors, else nil.
func (l List) Err() error {
	if l.HasErrors() {
		return l
	}
	return nil
}

// Suggest returns the candidate closest to s by edit distance (case
// ignored), when it is close enough to be what the user meant.
func Suggest(s string, candidates []string) string {
	// Edit distance is quadratic in the length, and nothing a suggestion
	// can be made from (keys, codes, names of lists) is this long.
	if len(s) > 64 {
		return ""
	}
	best, bestD := "", 1<<30
	ls := strings.ToLower(s)
	for _, c := range candidates {
		d := distance(ls, strings.ToLower(c))
		if d < bestD {
			best, bestD = c, d
		}
	}
	limit := max(1, min(3, len([]rune(s))/3))
	if strings.EqualFold(s, best) || bestD <= limit {
		return best
	}
	return ""
}

// distance is the optimal-string-alignment (restricted Damerau–Levenshtein)
// distance: insertions, deletions, substitutions and swaps of two
// neighbours each cost 1, so "biuld" is one step from "build".
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	// Three rows: the one before the previous is needed for a swap.
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// compareCells orders "Event!B9" before "Event!B12": by sheet, then row,
// then column, as a reader scans a sheet.
func compareCells(a, b string) int {
	sa, ca, ra := splitCell(a)
	sb, cb, rb := splitCell(b)
	return cmp.Or(cmp.Compare(sa, sb), cmp.Compare(ra, rb), cmp.Compare(len(ca), len(cb)), cmp.Compare(ca, cb))
}

func splitCell(c string) (sheet, col string, row int) {
	ref := c
	if i := strings.LastIndexByte(c, '!'); i >= 0 {
		sheet, ref = c[:i], c[i+1:]
	}
	i := 0
	for i < len(ref) && (ref[i] < '0' || ref[i] > '9') {
		i++
	}
	col = ref[:i]
	for _, r := range ref[i:] {
		if r < '0' || r > '9' {
			return sheet, ref, 0
		}
		row = row*10 + int(r-'0')
	}
	return sheet, col, row
}
