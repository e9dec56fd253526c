package pdf

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"opkit/internal/render"
)

const ptToMM = 25.4 / 72

type rgb struct{ r, g, b uint8 }

var (
	textColor   = rgb{0x22, 0x26, 0x2e}
	headColor   = rgb{0x1f, 0x3a, 0x5f}
	mutedColor  = rgb{0x6b, 0x72, 0x80}
	linkColor   = rgb{0x1a, 0x56, 0xa8}
	codeColor   = rgb{0x7a, 0x2e, 0x1f}
	codeBg      = rgb{0xf1, 0xf2, 0xf4}
	ruleColor   = rgb{0xc9, 0xcf, 0xd8}
	quoteBg     = rgb{0xf3, 0xf6, 0xfa}
	quoteBar    = rgb{0x8d, 0xa4, 0xc2}
	tableHeadBg = rgb{0xdf, 0xe6, 0xef}
	tableZebra  = rgb{0xf6, 0xf8, 0xfb}
	markRed     = rgb{0xb3, 0x1b, 0x1b}
	accentGold  = rgb{0xe0, 0xa4, 0x1b}
	white       = rgb{0xff, 0xff, 0xff}
)

// Type scale, in points. Body text at 10.5 pt with 1.45 leading reads well
// on both A4 and Letter at the margins below.
const (
	bodySize  = 10.5
	leading   = 1.45
	tableSize = 9
	codeSize  = 8.8
)

type opKind uint8

const (
	opText     opKind = iota // text at baseline (x, y)
	opRect                   // filled rectangle
	opLine                   // stroked line (x,y)-(w,h as x2,y2), dotted when level is 1
	opCircle                 // filled circle at (x,y) radius w
	opImage                  // the logo
	opLinkURL                // clickable area to url
	opLinkDest               // clickable area to heading dest
	opDest                   // heading dest anchor at y
	opBookmark               // outline entry at y
	opPageRef                // right-aligned page number of heading dest, ending at x
)

type op struct {
	kind       opKind
	x, y, w, h float64
	text       string
	st         style
	size       float64
	color      rgb
	url        string
	dest       int    // heading index, for opLinkDest, opDest, opPageRef
	level      int    // outline level for opBookmark
	visual     bool   // in its final place; text in drawing order, in one font (rtl.go)
	actual     string // text extracted instead of the glyphs (rtl.go)
	elem, seq  int32  // structure element of text, and its order (tags.go)
}

type page struct {
	ops []op
}

type heading struct {
	level  int
	number string
	text   string
	page   int // index into the body pages
	y      float64
}

// deco is a background or bar drawn behind a block that may cross pages:
// each page's segment is inserted below the block's content once known.
type deco struct {
	x, w    float64
	page    int
	opIndex int
	y0      float64
	fill    rgb
	bar     rgb
	barW    float64
	pad     float64 // extra height above and below
}

type marker struct {
	x    float64
	text string
	ts   textStyle
	elem int // the list item's Lbl element
}

type layout struct {
	doc   *render.Document
	src   []byte
	fonts *fontSet
	lab   labels

	pw, ph                 float64
	left, right, top, bott float64 // content box

	pages    []*page
	y        float64
	gap      float64 // pending space before the next block, collapsed like CSS margins
	decos    []*deco
	marker   *marker
	headings []heading
	counters [6]int
	numbered bool
	err      error

	outlineTop bool // a top-level bookmark exists for level 2 ones to hang under
	measuring  bool // a scratch layout on an endless page

	tags *tagTree // nil on scratch layouts (tags.go)

	merged  []piece  // drawLineAt's scratch: the pieces of the line it draws
	scratch struct { // paragraph's
		runs                  []run
		toks                  []token
		tokPieces, linePieces []piece
		lines                 []lineBox
	}
	elem int // the open structure element: 0 none, -1 inside an artifact
	part int // partCover, partContents or partBody
}

func (l *layout) width() float64 { return l.pw - l.left - l.right }

func (l *layout) cur() *page { return l.pages[len(l.pages)-1] }

func (l *layout) add(o op) { l.tag(&o); p := l.cur(); p.ops = append(p.ops, o) }

func (l *layout) newPage() {
	if len(l.pages) > 0 {
		// Innermost first: closing inserts ops, which would shift the
		// insertion points of decos opened later on the page.
		for i := len(l.decos) - 1; i >= 0; i-- {
			l.closeDeco(l.decos[i], l.y)
		}
	}
	// A page holds about as many ops as the one before: sized so, its ops
	// are not grown from nothing on every page.
	var ops []op
	if n := len(l.pages); n > 0 {
		ops = make([]op, 0, len(l.pages[n-1].ops)+16)
	}
	l.pages = append(l.pages, &page{ops: ops})
	l.y = l.top
	l.gap = 0
	for _, d := range l.decos {
		d.page, d.opIndex, d.y0 = len(l.pages)-1, 0, l.y
	}
}

// atTop reports whether nothing has been placed on the page yet, so a
// forced break or leading space would only waste paper.
func (l *layout) atTop() bool { return l.y <= l.top+0.01 }

// ensure applies the pending gap and starts a new page unless h more
// millimetres fit on this one.
func (l *layout) ensure(h float64) {
	if l.atTop() {
		l.gap = 0
		return
	}
	if l.y+l.gap+h > l.ph-l.bott+0.01 {
		l.newPage()
		return
	}
	l.y += l.gap
	l.gap = 0
}

// space asks for at least h millimetres before the next block.
func (l *layout) space(h float64) { l.gap = max(l.gap, h) }

func (l *layout) openDeco(d *deco) {
	d.page, d.opIndex, d.y0 = len(l.pages)-1, len(l.cur().ops), l.y
	l.decos = append(l.decos, d)
}

func (l *layout) endDeco(d *deco) {
	l.closeDeco(d, l.y)
	l.decos = l.decos[:len(l.decos)-1]
}

func (l *layout) closeDeco(d *deco, y1 float64) {
	if y1 <= d.y0+0.01 {
		return
	}
	p := l.pages[d.page]
	var ins []op
	y0, h := d.y0-d.pad, y1-d.y0+2*d.pad
	if d.fill != (rgb{}) {
		ins = append(ins, op{kind: opRect, x: d.x, y: y0, w: d.w, h: h, color: d.fill})
	}
	if d.barW > 0 {
		ins = append(ins, op{kind: opRect, x: d.x, y: y0, w: d.barW, h: h, color: d.bar})
	}
	p.ops = append(p.ops[:d.opIndex], append(ins, p.ops[d.opIndex:]...)...)
}

func (l *layout) fail(err error) {
	if l.err == nil {
		l.err = err
	}
}

// blocks lays out the block children of parent in the column [x, x+w].
func (l *layout) blocks(parent ast.Node, x, w float64) {
	for c := parent.FirstChild(); c != nil && l.err == nil; c = c.NextSibling() {
		l.block(c, x, w)
	}
}

func (l *layout) block(n ast.Node, x, w float64) {
	switch n := n.(type) {
	case *ast.Heading:
		id := l.begin(fmt.Sprintf("H%d", min(max(n.Level, 1), 6)))
		l.heading(n, x, w)
		l.end(id)
	case *ast.Paragraph:
		l.leadIn(n, x, w)
		id := l.begin("P")
		l.paragraph(n, x, w, para{size: bodySize, color: textColor})
		l.end(id)
		l.space(bodySize * 0.75 * ptToMM)
	case *ast.TextBlock:
		id := l.begin("P")
		l.paragraph(n, x, w, para{size: bodySize, color: textColor})
		l.end(id)
		if n.NextSibling() != nil {
			l.space(bodySize * 0.35 * ptToMM)
		}
	case *ast.List:
		id := l.begin("L")
		l.list(n, x, w, 0)
		l.end(id)
		l.space(bodySize * 0.5 * ptToMM)
	case *ast.Blockquote:
		id := l.begin("BlockQuote")
		l.quote(n, x, w)
		l.end(id)
	case *ast.FencedCodeBlock:
		lines := codeLines(n, l.src)
		switch l.chartKind(n) {
		case chartBars:
			id := l.begin("Figure")
			l.fail(l.bars(lines, x, w))
			l.end(id)
		case chartTimeline:
			id := l.begin("Figure")
			l.fail(l.timeline(lines, x, w))
			l.end(id)
		default:
			id := l.begin("Code")
			l.code(lines, x, w)
			l.end(id)
		}
	case *ast.CodeBlock:
		id := l.begin("Code")
		l.code(codeLines(n, l.src), x, w)
		l.end(id)
	case *ast.ThematicBreak:
		if !l.atTop() {
			l.newPage()
		}
	case *east.Table:
		id := l.begin("Table")
		l.table(n, x, w)
		l.end(id)
	case *ast.HTMLBlock:
		// Raw HTML cannot be laid out; templates are Markdown only.
	default:
		l.blocks(n, x, w)
	}
}

func codeLines(n ast.Node, src []byte) []string {
	var out []string
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		out = append(out, strings.TrimRight(string(seg.Value(src)), "\r\n"))
	}
	return out
}

// textLines places wrapped lines at x, one per line height, breaking pages
// as needed. A paragraph neither leaves its first line alone at a page foot
// (orphan) nor carries its last line alone to the next page (widow).
func (l *layout) textLines(lines []lineBox, x float64, lh, size float64) {
	n := len(lines)
	for i, ln := range lines {
		need := lh
		if (i == 0 && n > 1) || (i == n-2 && n >= 4) {
			need = 2 * lh
		}
		l.ensure(need)
		base := l.y + lh/2 + size*ptToMM*0.36
		l.drawLine(ln, x, base, size)
		l.y += lh
	}
}

func (l *layout) drawLine(ln lineBox, x, base, size float64) {
	if m := l.marker; m != nil {
		saved := l.elem
		if m.elem != 0 {
			l.elem = m.elem
		}
		l.add(op{kind: opText, x: m.x, y: base, text: m.text, st: m.ts.st, size: m.ts.size, color: m.ts.color})
		l.elem = saved
		l.marker = nil
	}
	l.drawLineAt(ln, x, base)
}

func (l *layout) drawPiece(pc piece, x, base float64) {
	ts := pc.ts
	px := x + pc.x
	if ts.code && strings.TrimSpace(pc.text) != "" {
		l.add(op{kind: opRect, x: px - 0.4, y: base - ts.size*ptToMM*0.8, w: pc.w + 0.8, h: ts.size * ptToMM * 1.05, color: codeBg})
	}
	l.add(op{kind: opText, x: px, y: base, text: pc.text, st: ts.st, size: ts.size, color: ts.color})
	if ts.link != "" {
		l.add(op{kind: opLine, x: px, y: base + 0.6, w: px + pc.w, h: base + 0.6, color: ts.color, size: 0.2})
		l.add(op{kind: opLinkURL, x: px, y: base - ts.size*ptToMM*0.85, w: pc.w, h: ts.size * ptToMM * 1.15, url: ts.link})
	}
}

// leadIn keeps a one-line paragraph that ends in a colon ("Obstacles:")
// on the page of the list or table it introduces.
func (l *layout) leadIn(n ast.Node, x, w float64) {
	next := n.NextSibling()
	if next == nil {
		return
	}
	if _, ok := next.(*ast.Heading); ok {
		return
	}
	t := strings.TrimSpace(plainText(n, l.src))
	if !strings.HasSuffix(t, ":") {
		return
	}
	lines := l.wrap(l.tokens(collectRuns(n, l.src, regular, "", nil), para{size: bodySize}), w)
	if len(lines) > 1 {
		return
	}
	l.ensure(bodySize*leading*ptToMM + bodySize*0.75*ptToMM + l.firstChunk(next, x, w))
}

func (l *layout) paragraph(n ast.Node, x, w float64, p para) {
	// A paragraph is drawn as soon as it is broken into lines, and drawing
	// breaks no other text, so its runs, tokens and lines are scratch
	// arrays the next paragraph reuses.
	s := &l.scratch
	s.runs = collectRuns(n, l.src, regular, "", s.runs[:0])
	l.actualText(s.runs, "")
	s.toks, s.tokPieces = tokensInto(l.fonts, s.toks, s.tokPieces, s.runs, p)
	s.lines, s.linePieces = l.wrapInto(s.lines, s.linePieces, s.toks, w)
	l.textLines(s.lines, x, p.size*leading*ptToMM, p.size)
}

var (
	headSizes  = [...]float64{18, 14, 11.5, 10.5, 10.5, 10.5}
	headBefore = [...]float64{9, 7, 5, 4, 4, 4}
	headAfter  = [...]float64{3.5, 2.5, 1.8, 1.2, 1.2, 1.2}
)

func (l *layout) heading(n *ast.Heading, x, w float64) {
	lv := min(max(n.Level, 1), 6)
	size := headSizes[lv-1]
	number := ""
	if l.numbered && lv <= 3 {
		l.counters[lv-1]++
		for i := lv; i < len(l.counters); i++ {
			l.counters[i] = 0
		}
		var parts []string
		for i := range lv {
			if l.counters[i] > 0 || len(parts) > 0 {
				parts = append(parts, fmt.Sprint(l.counters[i]))
			}
		}
		number = strings.Join(parts, ".")
	}
	text := plainText(n, l.src)
	color := headColor
	st := bold
	if lv >= 4 {
		st = boldIt
		color = textColor
	}
	p := para{size: size, st: st, color: color}
	runs := collectRuns(n, l.src, regular, "", nil)
	if number != "" {
		l.actualText(runs, number+" ")
	} else {
		l.actualText(runs, "")
	}
	numW := 0.0
	if number != "" {
		numW = l.fonts.faces[bold].width(number, size) + size*ptToMM*0.9
	}
	lines := l.wrap(l.tokens(runs, p), w-numW)
	lh := size * 1.3 * ptToMM
	before, after := headBefore[lv-1], headAfter[lv-1]
	l.space(before)
	// Keep the heading with two lines of what follows, and with the next
	// heading too when one follows directly.
	need := float64(len(lines))*lh + after
	if lv == 1 {
		need++ // the rule drawn under a level 1 heading
	}
	if next, ok := n.NextSibling().(*ast.Heading); ok {
		nl := min(max(next.Level, 1), 6)
		need += headBefore[nl-1] + headSizes[nl-1]*1.3*ptToMM + headAfter[nl-1]
		// What the next heading keeps with it: a table or chart after it
		// is taller than two lines, and would carry it, and leave this
		// heading alone, on the next page.
		if after := next.NextSibling(); after != nil {
			if _, h := after.(*ast.Heading); !h {
				need += l.firstChunk(after, x, w)
			} else {
				need += 2 * bodySize * leading * ptToMM
			}
		} else {
			need += 2 * bodySize * leading * ptToMM
		}
	} else if n.NextSibling() != nil {
		need += l.firstChunk(n.NextSibling(), x, w)
	}
	l.ensure(need)
	y0 := l.y
	if number != "" {
		base := l.y + lh/2 + size*ptToMM*0.36
		l.add(op{kind: opText, x: x, y: base, text: number + l.numberGap(), st: bold, size: size, color: color})
	}
	for _, ln := range lines {
		base := l.y + lh/2 + size*ptToMM*0.36
		l.drawLineAt(ln, x+numW, base)
		l.y += lh
	}
	if lv == 1 {
		l.y += 1
		l.add(op{kind: opLine, x: x, y: l.y, w: x + w, h: l.y, color: ruleColor, size: 0.35})
	}
	l.y += after
	id := len(l.headings)
	l.headings = append(l.headings, heading{level: lv, number: number, text: text, page: len(l.pages) - 1, y: y0})
	l.add(op{kind: opDest, y: y0, dest: id})
	if lv <= 2 {
		title := text
		if number != "" {
			title = number + " " + text
		}
		// An outline entry cannot be a child of nothing: a level 2 heading
		// before any level 1 goes at the top level.
		bl := lv - 1
		if bl == 1 && !l.outlineTop {
			bl = 0
		}
		l.outlineTop = l.outlineTop || bl == 0
		l.add(op{kind: opBookmark, y: y0, text: title, level: bl})
	}
}

// firstChunk estimates the height of the start of block n that must share
// a page with the heading before it: two lines of text, a table's header
// and first row, or a whole chart (charts are never split).
func (l *layout) firstChunk(n ast.Node, x, w float64) float64 {
	two := 2 * bodySize * leading * ptToMM
	switch n := n.(type) {
	case *east.Table:
		// table() moves a small table whole to the next page: keep room
		// for all of it then, else for its header and a row.
		if h := l.measure(n, x, w); h <= (l.ph-l.bott-l.top)/3+bodySize*0.9*ptToMM {
			return h
		}
		return 3*tableSize*1.35*ptToMM + 4*cellPadY
	case *ast.Blockquote:
		return two + 6
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		if l.chartKind(n) != "" {
			return l.measure(n, x, w)
		}
		return min(float64(n.Lines().Len()), 3)*codeSize*1.4*ptToMM + 5
	}
	return two
}

// measure lays block n out on an endless scratch page to learn its height.
func (l *layout) measure(n ast.Node, x, w float64) float64 {
	s := &layout{doc: l.doc, src: l.src, fonts: l.fonts, lab: l.lab, numbered: l.numbered, measuring: true,
		pw: l.pw, ph: 1e6, left: l.left, right: l.right, top: l.top, bott: l.bott}
	s.newPage()
	s.block(n, x, w)
	return s.y - s.top
}

var bullets = [...]string{"•", "–", "‣"}

func (l *layout) list(n *ast.List, x, w float64, depth int) {
	num := n.Start
	indent := 6.5
	if n.IsOrdered() {
		// Room for the widest number in the list.
		last := num + n.ChildCount() - 1
		indent = max(indent, l.fonts.faces[regular].width(fmt.Sprintf("%d.", last), bodySize)+2.5)
	}
	for item := n.FirstChild(); item != nil && l.err == nil; item = item.NextSibling() {
		ts := textStyle{st: regular, size: bodySize, color: textColor}
		text := bullets[depth%len(bullets)]
		mx := x + 1.5
		if n.IsOrdered() {
			text = fmt.Sprintf("%d%c", num, n.Marker)
			mx = x + indent - 2 - l.fonts.faces[regular].width(text, bodySize)
		} else {
			ts.color = headColor
			ts.st = bold
		}
		num++
		li := l.begin("LI")
		lbl := l.begin("Lbl")
		l.end(lbl)
		l.marker = &marker{x: mx, text: text, ts: ts, elem: lbl}
		body := l.begin("LBody")
		for c := item.FirstChild(); c != nil && l.err == nil; c = c.NextSibling() {
			if sub, ok := c.(*ast.List); ok {
				l.marker = nil
				id := l.begin("L")
				l.list(sub, x+indent, w-indent, depth+1)
				l.end(id)
				continue
			}
			l.block(c, x+indent, w-indent)
		}
		l.end(body)
		l.end(li)
		l.marker = nil
		if !n.IsTight && item.NextSibling() != nil {
			l.space(bodySize * 0.3 * ptToMM)
		} else if item.NextSibling() != nil {
			l.space(0.8)
		}
	}
}

// quote draws a block quote (the templates use them for case summaries) on
// a pale panel with a coloured bar at the left.
func (l *layout) quote(n *ast.Blockquote, x, w float64) {
	const pad = 3.0
	// A case summary of up to a third of a page is kept whole.
	need := 2*bodySize*leading*ptToMM + 2*pad
	if !l.measuring {
		if h := l.measure(n, x, w); h <= (l.ph-l.top-l.bott)/3 {
			need = h
		}
	}
	l.ensure(need)
	l.y += pad
	d := &deco{x: x, w: w, fill: quoteBg, bar: quoteBar, barW: 1.4, pad: pad}
	l.openDeco(d)
	l.blocks(n, x+pad+3, w-2*pad-3)
	l.gap = 0 // the panel's padding replaces the last paragraph's gap
	l.endDeco(d)
	l.y += pad
	l.space(bodySize * 0.75 * ptToMM)
}

func (l *layout) code(lines []string, x, w float64) {
	const pad = 2.5
	lh := codeSize * 1.4 * ptToMM
	l.ensure(min(float64(len(lines)), 3)*lh + 2*pad)
	l.y += pad
	d := &deco{x: x, w: w, fill: codeBg, pad: pad}
	l.openDeco(d)
	face := l.fonts.faces[regular]
	for _, s := range lines {
		// Spaces are kept as typed (indentation matters in code); a line
		// too long for the panel is cut between characters.
		s = cleanText(strings.ReplaceAll(s, "\t", "    "))
		pc := piece{text: s, ts: textStyle{size: codeSize, color: textColor}, w: face.width(s, codeSize)}
		var boxes []lineBox
		for _, chunk := range l.splitWord([]piece{pc}, w-2*pad-2, false) {
			boxes = append(boxes, lineBox{pieces: chunk})
		}
		if len(boxes) == 0 {
			boxes = []lineBox{{}}
		}
		l.textLines(boxes, x+pad+1, lh, codeSize)
	}
	l.gap = 0
	l.endDeco(d)
	l.y += pad
	l.space(bodySize * 0.75 * ptToMM)
}

// The info strings of fenced blocks drawn as charts (see render.Document).
const (
	chartBars     = "opkit-bars"
	chartTimeline = "opkit-timeline"
)

// chartKind is chartBars or chartTimeline for a block drawn as a chart,
// "" for any other block.
func (l *layout) chartKind(n ast.Node) string {
	fc, ok := n.(*ast.FencedCodeBlock)
	if !ok || fc.Info == nil {
		return ""
	}
	switch info := strings.TrimSpace(string(fc.Info.Segment.Value(l.src))); info {
	case chartBars, chartTimeline:
		return info
	}
	return ""
}
