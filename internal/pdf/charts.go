package pdf

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// bars draws an opkit-bars block: an optional "title: ..." line, then one
// "label | value" line per bar.
func (l *layout) bars(lines []string, x, w float64) error {
	type bar struct {
		label, value string
		v            float64
	}
	var title string
	var data []bar
	for i, s := range lines {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if t, ok := strings.CutPrefix(s, "title:"); ok && len(data) == 0 && title == "" {
			title = cleanText(strings.TrimSpace(t))
			continue
		}
		label, value, ok := strings.Cut(s, "|")
		if !ok {
			return fmt.Errorf("opkit-bars line %d: want \"label | value\", got %q", i+1, s)
		}
		value = strings.TrimSpace(value)
		v, err := strconv.ParseFloat(strings.TrimSuffix(value, "%"), 64)
		if err != nil || v < 0 {
			return fmt.Errorf("opkit-bars line %d: value %q is not a number of at least 0", i+1, value)
		}
		data = append(data, bar{label: cleanText(strings.TrimSpace(label)), value: cleanText(value), v: v})
	}
	if len(data) == 0 {
		return fmt.Errorf("opkit-bars: no bars")
	}
	// What a screen reader says instead of the drawing: every bar.
	alt := make([]string, len(data))
	for i, b := range data {
		alt[i] = b.label + ": " + b.value
	}
	l.setAlt(strings.TrimPrefix(title+". ", ". ") + strings.Join(alt, "; "))
	const size = 9.0
	const rowH = 6.5
	reg := l.fonts.faces[regular]
	labelW := 0.0
	maxV, valueW := 0.0, 0.0
	for _, b := range data {
		labelW = max(labelW, reg.width(b.label, size))
		valueW = max(valueW, reg.width(b.value, size))
		maxV = max(maxV, b.v)
	}
	labelW = min(labelW+3, w*0.4)
	h := float64(len(data))*rowH + 3
	if title != "" {
		h += 7
	}
	l.ensure(h)
	if title != "" {
		l.add(op{kind: opText, x: x, y: l.y + 4.5, text: title, st: bold, size: 10, color: headColor})
		l.y += 7
	}
	track := w - labelW - valueW - 3
	for _, b := range data {
		base := l.y + rowH/2 + size*ptToMM*0.36
		label := b.label
		for reg.width(label, size) > labelW-3 && len([]rune(label)) > 1 {
			r := []rune(label)
			label = string(r[:len(r)-2]) + "…"
		}
		l.add(op{kind: opText, x: x, y: base, text: label, size: size, color: textColor})
		l.add(op{kind: opRect, x: x + labelW, y: l.y + 1.2, w: track, h: rowH - 2.4, color: codeBg})
		bw := 0.0
		if maxV > 0 {
			bw = track * b.v / maxV
		}
		if bw > 0 {
			l.add(op{kind: opRect, x: x + labelW, y: l.y + 1.2, w: bw, h: rowH - 2.4, color: headColor})
		}
		l.add(op{kind: opText, x: x + labelW + bw + 1.5, y: base, text: b.value, st: bold, size: size, color: textColor})
		l.y += rowH
	}
	l.y += 3
	l.space(bodySize * 0.75 * ptToMM)
	return nil
}

type tlItem struct {
	kind     string // mark, span, event
	from, to time.Time
	label    string
	date     string  // events: the date under the label
	lx, lw   float64 // label box
	cx       float64 // where its connector meets the axis
	row      int
}

// stackRows gives each label the row nearest the axis where it neither
// overlaps another label nor has a connector of a nearer label's row
// crossing it, so that no line crosses text.
func stackRows(items []*tlItem) int {
	type span struct{ x0, x1 float64 }
	var rows [][]span
	overlaps := func(it *tlItem, r int) bool {
		for _, s := range rows[r] {
			if it.lx < s.x1+2 && s.x0 < it.lx+it.lw+2 {
				return true
			}
		}
		return false
	}
	crosses := func(it *tlItem, r int) bool {
		for q := range r {
			for _, s := range rows[q] {
				if it.cx >= s.x0-0.8 && it.cx <= s.x1+0.8 {
					return true
				}
			}
		}
		return false
	}
	for _, it := range items {
		best := -1
		for r := 0; r <= len(rows); r++ {
			if r < len(rows) && overlaps(it, r) {
				continue
			}
			if best < 0 {
				best = r // fallback: the label's background hides the crossing
			}
			if !crosses(it, min(r, len(rows))) {
				best = r
				break
			}
		}
		if best == len(rows) {
			rows = append(rows, nil)
		}
		rows[best] = append(rows[best], span{it.lx, it.lx + it.lw})
		it.row = best
	}
	return len(rows)
}

// timeline draws an opkit-timeline block: a month axis from start to end,
// spans as a band on the axis, marks as red rules and events as dots, with
// their labels stacked above (marks, spans) and below (events) the axis.
func (l *layout) timeline(lines []string, x, w float64) error {
	var start, end time.Time
	var items []*tlItem
	date := func(i int, s string) (time.Time, error) {
		t, err := time.Parse("2006-01-02", strings.TrimSpace(s))
		if err != nil {
			return t, fmt.Errorf("opkit-timeline line %d: %q is not a date YYYY-MM-DD", i+1, strings.TrimSpace(s))
		}
		return t, nil
	}
	for i, s := range lines {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		key, rest, ok := strings.Cut(s, ":")
		if !ok {
			return fmt.Errorf("opkit-timeline line %d: want \"key: value\", got %q", i+1, s)
		}
		key = strings.TrimSpace(key)
		parts := strings.Split(rest, "|")
		var err error
		switch key {
		case "start", "end":
			var t time.Time
			if t, err = date(i, rest); err != nil {
				return err
			}
			if key == "start" {
				start = t
			} else {
				end = t
			}
		case "mark", "event":
			if len(parts) != 2 {
				return fmt.Errorf("opkit-timeline line %d: want \"%s: YYYY-MM-DD | label\"", i+1, key)
			}
			it := &tlItem{kind: key, label: cleanText(strings.TrimSpace(parts[1]))}
			if it.from, err = date(i, parts[0]); err != nil {
				return err
			}
			it.to = it.from
			items = append(items, it)
		case "span":
			if len(parts) != 3 {
				return fmt.Errorf("opkit-timeline line %d: want \"span: YYYY-MM-DD | YYYY-MM-DD | label\"", i+1)
			}
			it := &tlItem{kind: "span", label: cleanText(strings.TrimSpace(parts[2]))}
			if it.from, err = date(i, parts[0]); err != nil {
				return err
			}
			if it.to, err = date(i, parts[1]); err != nil {
				return err
			}
			if it.to.Before(it.from) {
				return fmt.Errorf("opkit-timeline line %d: span ends before it starts", i+1)
			}
			items = append(items, it)
		default:
			return fmt.Errorf("opkit-timeline line %d: unknown key %q (want start, end, mark, span or event)", i+1, key)
		}
	}
	if start.IsZero() || end.IsZero() || !end.After(start) {
		return fmt.Errorf("opkit-timeline: need \"start:\" and a later \"end:\" date")
	}
	alt := make([]string, len(items))
	for i, it := range items {
		alt[i] = it.label + " (" + l.lab.shortDate(it.from)
		if it.kind == "span" {
			alt[i] += " – " + l.lab.shortDate(it.to)
		}
		alt[i] += ")"
	}
	l.setAlt(l.lab.shortDate(start) + " – " + l.lab.shortDate(end) + ": " + strings.Join(alt, "; "))
	const size = 8.0
	reg, bld := l.fonts.faces[regular], l.fonts.faces[bold]
	total := end.Sub(start).Hours()
	pos := func(t time.Time) float64 {
		f := t.Sub(start).Hours() / total
		return x + w*min(max(f, 0), 1)
	}
	var above, below []*tlItem
	for _, it := range items {
		it.cx = pos(it.from)
		it.lw = bld.width(it.label, size)
		switch it.kind {
		case "event":
			it.date = l.lab.shortDate(it.from)
			it.lw = max(it.lw, reg.width(it.date, size-0.5))
			it.lx = it.cx - 1
			below = append(below, it)
		case "mark":
			it.lx = it.cx + 1
			above = append(above, it)
		case "span":
			it.lx = it.cx
		}
		it.lx = max(min(it.lx, x+w-it.lw), x)
	}
	// Spans take the rows nearest the axis, marks go above them.
	var spans []*tlItem
	for _, it := range items {
		if it.kind == "span" {
			spans = append(spans, it)
		}
	}
	above = append(spans, above...)
	nAbove, nBelow := stackRows(above), stackRows(below)
	const aboveRowH, belowRowH = 4.6, 8.0
	height := float64(nAbove)*aboveRowH + 4 + 6 + float64(nBelow)*belowRowH + 3
	l.ensure(height)
	axisY := l.y + float64(nAbove)*aboveRowH + 4
	aboveBase := func(r int) float64 { return axisY - 4.8 - float64(r)*aboveRowH }
	belowBase := func(r int) float64 { return axisY + 10.5 + float64(r)*belowRowH }

	// Span bands sit on the axis, under everything else.
	for _, it := range spans {
		x0, x1 := pos(it.from), max(pos(it.to), pos(it.from)+0.8)
		l.add(op{kind: opRect, x: x0, y: axisY - 2.6, w: x1 - x0, h: 2.6, color: rgb{0xf3, 0xd9, 0x98}})
	}
	l.add(op{kind: opLine, x: x, y: axisY, w: x + w, h: axisY, color: mutedColor, size: 0.4})
	months := 0
	first := time.Date(start.Year(), start.Month(), 1, 0, 0, 0, 0, time.UTC)
	for m := first; !m.After(end); m = m.AddDate(0, 1, 0) {
		months++
	}
	step := 1
	for months/step > 12 {
		step++
	}
	// Axis labels: the start and end dates unless a month starts there,
	// then the months that do not collide with them.
	type axisLabel struct {
		x    float64
		text string
	}
	var placed []axisLabel
	tryLabel := func(lx float64, text string) {
		lw := reg.width(text, size-1)
		lx = max(min(lx, x+w-lw), x)
		for _, p := range placed {
			if lx < p.x+reg.width(p.text, size-1)+2 && p.x < lx+lw+2 {
				return
			}
		}
		placed = append(placed, axisLabel{lx, text})
	}
	if start.Day() != 1 {
		tryLabel(x, l.lab.shortDate(start))
	}
	if end.AddDate(0, 0, 1).Day() != 1 {
		tryLabel(x+w, l.lab.shortDate(end))
	}
	i := 0
	for m := first; !m.After(end); m = m.AddDate(0, 1, 0) {
		if m.Before(start) {
			continue
		}
		mx := pos(m)
		l.add(op{kind: opLine, x: mx, y: axisY - 1, w: mx, h: axisY + 1, color: mutedColor, size: 0.3})
		if i%step == 0 {
			tryLabel(mx+0.6, l.lab.month(m))
		}
		i++
	}
	for _, p := range placed {
		l.add(op{kind: opText, x: p.x, y: axisY + 4.2, text: p.text, size: size - 1, color: mutedColor})
	}
	// Connectors first, then labels on white, so that a connector that
	// cannot avoid a label passes behind it.
	for _, it := range above {
		b := aboveBase(it.row)
		if it.kind == "span" {
			l.add(op{kind: opLine, x: it.cx, y: b + 1, w: it.cx, h: axisY - 2.6, color: accentGold, size: 0.35})
		} else {
			l.add(op{kind: opLine, x: it.cx, y: b - 2.8, w: it.cx, h: axisY + 1.5, color: markRed, size: 0.5})
		}
	}
	for _, it := range below {
		l.add(op{kind: opLine, x: it.cx, y: axisY + 5.5, w: it.cx, h: belowBase(it.row) - 3, color: ruleColor, size: 0.25})
		l.add(op{kind: opCircle, x: it.cx, y: axisY, w: 1.1, color: headColor})
	}
	for _, it := range above {
		b := aboveBase(it.row)
		c := markRed
		if it.kind == "span" {
			c = rgb{0x8a, 0x5a, 0x00}
		}
		l.add(op{kind: opRect, x: it.lx - 0.5, y: b - 2.9, w: it.lw + 1, h: 3.8, color: white})
		l.add(op{kind: opText, x: it.lx, y: b, text: it.label, st: bold, size: size, color: c})
	}
	for _, it := range below {
		b := belowBase(it.row)
		l.add(op{kind: opRect, x: it.lx - 0.5, y: b - 2.9, w: it.lw + 1, h: 7.2, color: white})
		l.add(op{kind: opText, x: it.lx, y: b, text: it.label, st: bold, size: size, color: textColor})
		l.add(op{kind: opText, x: it.lx, y: b + 3.3, text: it.date, size: size - 0.5, color: mutedColor})
	}
	l.y = axisY + 6 + float64(nBelow)*belowRowH + 3
	l.space(bodySize * 0.75 * ptToMM)
	return nil
}
