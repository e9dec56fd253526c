package render

import (
	"errors"
	"fmt"
	"strconv"
	"text/template"
	"text/template/parse"
	"time"
)

// Templates are files staff edit, so their execution is bounded like any
// other input: a {{range 100000000}} or two nested ranges must end with
// an error naming the template and its line, not with a 26 000-page agenda
// or a machine out of memory.
//
// text/template cannot be interrupted, so the bound is checked from inside:
// after parsing, a call to the function tickName is put at the top of every
// range body and of every template (a {{template}} can recurse). The call
// prints nothing; it fails once the execution has run longer than its time
// or written more than its output allows, and text/template reports the
// failure at the range's line. The writer stops at twice the output bound,
// for output that no tick sees (a single action printing a long value).

const tickName = "opkitBound"

// Bounds of one template execution; Engine.SetBounds changes them.
const (
	DefaultTimeout   = 5 * time.Second
	DefaultMaxOutput = 24 << 20 // bytes of Markdown: the report of intake.DefaultLimits().MaxBatchText of returns has about 13 MB
	maxTemplateSize  = 1 << 20  // bytes of a template file
	maxPrintfWidth   = 1000     // a printf width or precision, in characters
)

// ErrBound is matched (errors.Is) by the error of an execution that ran
// over its time or output bound.
var ErrBound = errors.New("template over its bounds")

// execState is one execution's clock and output.
type execState struct {
	start   time.Time
	timeout time.Duration
	max     int64
	written int64
}

func (s *execState) tick() (string, error) {
	if s.written > s.max {
		return "", fmt.Errorf("%w: it wrote over %d MB of Markdown, more than any document needs (a range over a large number?)", ErrBound, s.max>>20)
	}
	if time.Since(s.start) > s.timeout {
		return "", fmt.Errorf("%w: it ran longer than %s (a range over a large number, or ranges nested too deep?)", ErrBound, s.timeout)
	}
	return "", nil
}

// boundedWriter collects the output and fails at twice the bound.
type boundedWriter struct {
	s   *execState
	buf []byte
}

func (w *boundedWriter) Write(p []byte) (int, error) {
	w.s.written += int64(len(p))
	if w.s.written > 2*w.s.max {
		return 0, fmt.Errorf("%w: it wrote over %d MB of Markdown", ErrBound, 2*w.s.max>>20)
	}
	w.buf = append(w.buf, p...)
	return len(p), nil
}

// addTicks puts the bound check into every template of t.
func addTicks(t *template.Template) {
	for _, tt := range t.Templates() {
		if tt.Tree == nil || tt.Tree.Root == nil {
			continue
		}
		root := tt.Tree.Root
		tickList(root)
		root.Nodes = append([]parse.Node{tickNode(root.Position(), lineOf(tt.Tree, root))}, root.Nodes...)
	}
}

func tickList(l *parse.ListNode) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.RangeNode:
			tickList(n.List)
			tickList(n.ElseList)
			if n.List != nil {
				n.List.Nodes = append([]parse.Node{tickNode(n.Position(), n.Line)}, n.List.Nodes...)
			}
		case *parse.IfNode:
			tickList(n.List)
			tickList(n.ElseList)
		case *parse.WithNode:
			tickList(n.List)
			tickList(n.ElseList)
		case *parse.ListNode:
			tickList(n)
		}
	}
}

func lineOf(t *parse.Tree, n parse.Node) int {
	loc, _ := t.ErrorContext(n)
	// loc is "name:line:col"
	for i := len(loc) - 1; i >= 0; i-- {
		if loc[i] == ':' {
			for j := i - 1; j >= 0; j-- {
				if loc[j] == ':' {
					l, _ := strconv.Atoi(loc[j+1 : i])
					return l
				}
			}
		}
	}
	return 0
}

// tickNode is the action {{opkitBound}} at pos. It belongs to no tree, so
// text/template places its errors in the tree being executed, at pos: the
// line of the range it sits in.
func tickNode(pos parse.Pos, line int) *parse.ActionNode {
	id := parse.NewIdentifier(tickName).SetPos(pos)
	cmd := &parse.CommandNode{NodeType: parse.NodeCommand, Pos: pos, Args: []parse.Node{id}}
	pipe := &parse.PipeNode{NodeType: parse.NodePipe, Pos: pos, Line: line, Cmds: []*parse.CommandNode{cmd}}
	return &parse.ActionNode{NodeType: parse.NodeAction, Pos: pos, Line: line, Pipe: pipe}
}

// safePrintf is fmt.Sprintf without the widths that make one action print
// a gigabyte ({{printf "%0999999999d" 0}}, or a width from an argument).
func safePrintf(format string, args ...any) (string, error) {
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		n := 0
		for i++; i < len(format); i++ {
			c := format[i]
			switch {
			case c == '*':
				return "", errors.New("printf: a width or precision given by an argument (*) is not allowed")
			case c >= '0' && c <= '9':
				n = min(n*10+int(c-'0'), 1<<30)
				if n > maxPrintfWidth {
					return "", fmt.Errorf("printf: a width or precision over %d characters", maxPrintfWidth)
				}
				continue
			case c == '.' || c == '-' || c == '+' || c == '#' || c == ' ' || c == '[' || c == ']':
				n = 0
				continue
			}
			break
		}
	}
	return fmt.Sprintf(format, args...), nil
}
