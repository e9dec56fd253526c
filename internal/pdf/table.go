package pdf

import (
	east "github.com/yuin/goldmark/extension/ast"
)

const (
	cellPadX = 1.8
	cellPadY = 1.4
)

type cell struct {
	toks  []token
	runs  []run // logical text, for the element's ActualText
	lines []lineBox
	align east.Alignment
	elem  int // its TH or TD element (tags.go)
}

type row struct {
	cells  []cell
	header bool
	h      float64
	tr     int // its TR element, once drawn
}

// rowTags makes the row's TR and its cells' TH or TD elements inside the
// open Table element, once.
func (l *layout) rowTags(r *row) {
	if l.tags == nil || r.tr != 0 || l.elem < 0 {
		return
	}
	r.tr = l.begin("TR")
	for i := range r.cells {
		role := "TD"
		if r.header {
			role = "TH"
		}
		id := l.begin(role)
		if r.header {
			l.tags.elems[id].attrs = "/A <</O /Table /Scope /Column>>"
		}
		l.actualText(r.cells[i].runs, "")
		l.end(id)
		r.cells[i].elem = id
	}
	l.end(r.tr)
}

// table lays out a GFM table: column widths from content, text wrapped
// inside cells, rows never split across pages (unless one row alone is
// taller than a page), and the header row repeated on every page the table
// continues onto.
func (l *layout) table(t *east.Table, x, w float64) {
	var rows []*row
	ncol := len(t.Alignments)
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		_, isHead := r.(*east.TableHeader)
		rw := &row{header: isHead}
		p := para{size: tableSize, color: textColor}
		if isHead {
			p.st = bold
			p.color = headColor
		}
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			al := east.AlignNone
			if tc, ok := c.(*east.TableCell); ok {
				al = tc.Alignment
			}
			runs := collectRuns(c, l.src, regular, "", nil)
			rw.cells = append(rw.cells, cell{toks: l.tokens(runs, p), runs: runs, align: al})
		}
		ncol = max(ncol, len(rw.cells))
		rows = append(rows, rw)
	}
	if ncol == 0 || len(rows) == 0 {
		return
	}
	widths := l.columnWidths(rows, ncol, w)
	lh := tableSize * 1.35 * ptToMM
	for _, r := range rows {
		n := 1
		for i := range r.cells {
			r.cells[i].lines = l.wrap(r.cells[i].toks, widths[i]-2*cellPadX)
			n = max(n, len(r.cells[i].lines))
		}
		r.h = float64(n)*lh + 2*cellPadY
	}
	var head *row
	if rows[0].header {
		head = rows[0]
		rows = rows[1:]
	}
	headH := 0.0
	if head != nil {
		headH = head.h
	}
	first, total := 0.0, headH
	if len(rows) > 0 {
		first = rows[0].h
	}
	for _, r := range rows {
		total += r.h
	}
	bodyH := l.ph - l.bott - l.top
	if total <= bodyH/3 {
		// A small table reads better whole than split over two pages.
		l.ensure(total)
	} else {
		l.ensure(headH + first)
	}
	if head != nil {
		l.drawRow(head, nil, x, widths, lh, 0)
	}
	for i, r := range rows {
		if l.y+r.h > l.ph-l.bott+0.01 && r.h <= bodyH-headH {
			l.newPage()
			if head != nil {
				l.drawRow(head, nil, x, widths, lh, 0)
			}
		}
		l.drawRow(r, head, x, widths, lh, i)
	}
	l.add(op{kind: opLine, x: x, y: l.y, w: x + sum(widths), h: l.y, color: ruleColor, size: 0.3})
	l.space(bodySize * 0.9 * ptToMM)
}

func sum(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s
}

// drawRow draws one row at l.y. A row taller than the page is continued
// line by line on the following pages, under the repeated header.
func (l *layout) drawRow(r, head *row, x float64, widths []float64, lh float64, index int) {
	// The header row is read once; where it is repeated on the following
	// pages it is an artifact.
	repeat := r.header && r.tr != 0
	l.rowTags(r)
	saved := l.elem
	defer func() { l.elem = saved }()
	total := sum(widths)
	from := 0 // first line not yet drawn
	nlines := 0
	for _, c := range r.cells {
		nlines = max(nlines, len(c.lines))
	}
	for {
		room := l.ph - l.bott - l.y - 2*cellPadY
		fit := nlines - from
		if float64(fit)*lh > room+0.01 {
			fit = max(int((room+0.01)/lh), 1)
		}
		h := float64(fit)*lh + 2*cellPadY
		switch {
		case r.header:
			l.add(op{kind: opRect, x: x, y: l.y, w: total, h: h, color: tableHeadBg})
		case index%2 == 1:
			l.add(op{kind: opRect, x: x, y: l.y, w: total, h: h, color: tableZebra})
		}
		cx := x
		for i, c := range r.cells {
			cw := widths[i]
			switch {
			case repeat:
				l.elem = -1
			case c.elem != 0:
				l.elem = c.elem
			}
			for j := from; j < from+fit && j < len(c.lines); j++ {
				ln := c.lines[j]
				off := cellPadX
				switch c.align {
				case east.AlignRight:
					off = cw - cellPadX - ln.w
				case east.AlignCenter:
					off = (cw - ln.w) / 2
				}
				base := l.y + cellPadY + float64(j-from)*lh + lh/2 + tableSize*ptToMM*0.36
				l.drawLineAt(ln, cx+off, base)
			}
			cx += cw
		}
		l.y += h
		if !r.header {
			l.add(op{kind: opLine, x: x, y: l.y, w: x + total, h: l.y, color: ruleColor, size: 0.15})
		}
		from += fit
		if from >= nlines {
			return
		}
		l.newPage()
		if head != nil {
			l.drawRow(head, nil, x, widths, lh, 0)
		}
	}
}

// columnWidths shares w between columns: each gets at least its longest
// word where possible, and the rest goes where text is longest, so short
// columns stay on one line and long ones wrap.
func (l *layout) columnWidths(rows []*row, ncol int, w float64) []float64 {
	natural := make([]float64, ncol)
	minimum := make([]float64, ncol)
	for _, r := range rows {
		for i, c := range r.cells {
			nat, longest := 0.0, 0.0
			for _, t := range c.toks {
				nat += t.w
				if t.kind == tokWord {
					longest = max(longest, t.w)
				}
			}
			natural[i] = max(natural[i], nat+2*cellPadX+0.5)
			minimum[i] = max(minimum[i], longest+2*cellPadX+0.5)
		}
	}
	for i := range ncol {
		natural[i] = max(natural[i], 8)
		minimum[i] = max(min(minimum[i], w/float64(ncol)*1.6), 8)
	}
	out := make([]float64, ncol)
	if tn := sum(natural); tn <= w {
		// Everything fits on one line: spread the spare width evenly so the
		// table spans the column.
		for i := range out {
			out[i] = natural[i] + (w-tn)/float64(ncol)
		}
		return out
	}
	// Columns whose text fits in a fair share of what is left get their
	// natural width, so short columns never wrap because a long one is
	// greedy; the long columns share the rest in proportion to their text.
	fixed := make([]bool, ncol)
	left, nleft := w, ncol
	for changed := true; changed && nleft > 0; {
		changed = false
		share := left / float64(nleft)
		for i := range ncol {
			if !fixed[i] && natural[i] <= share {
				fixed[i], out[i] = true, natural[i]
				left -= natural[i]
				nleft--
				changed = true
			}
		}
	}
	var natLeft, minLeft float64
	for i := range ncol {
		if !fixed[i] {
			natLeft += natural[i]
			minLeft += minimum[i]
		}
	}
	if nleft > 0 && minLeft <= left {
		for i := range ncol {
			if !fixed[i] {
				out[i] = left * natural[i] / natLeft
			}
		}
		// Proportional shares can fall below a column's longest word:
		// lift those and take the difference from the others.
		for range ncol {
			short, spare := 0.0, 0.0
			for i := range ncol {
				if fixed[i] {
					continue
				}
				if out[i] < minimum[i] {
					short += minimum[i] - out[i]
					out[i] = minimum[i]
				} else {
					spare += out[i] - minimum[i]
				}
			}
			if short == 0 || spare <= 0 {
				break
			}
			for i := range ncol {
				if !fixed[i] && out[i] > minimum[i] {
					out[i] -= short * (out[i] - minimum[i]) / spare
				}
			}
		}
		return out
	}
	tm := sum(minimum)
	if tm >= w {
		for i := range out {
			out[i] = minimum[i] * w / tm
		}
		return out
	}
	extra := 0.0
	for i := range ncol {
		extra += natural[i] - minimum[i]
	}
	for i := range out {
		out[i] = minimum[i]
		if extra > 0 {
			out[i] += (w - tm) * (natural[i] - minimum[i]) / extra
		}
	}
	return out
}
