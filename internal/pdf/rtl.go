package pdf

import (
	"strconv"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/unicode/bidi"

	"opkit/internal/i18n"
)

// Right-to-left documents and bidirectional lines.
//
// Layout works in left-to-right geometry for every document. A line of
// text is broken on logical text (shaped, see arabic.go) and then, when it
// holds right-to-left characters or the document is right to left,
// reordered with the bidi algorithm (bidi.go) into visual pieces, each
// drawn in one font: Noto Sans Arabic for Arabic, Noto Sans for the rest
// (Latin names, digits, URLs). Those pieces are placed at their final
// position and marked visual.
//
// A right-to-left document (Arabic) is then mirrored as a whole (mirror):
// every other op — rules, panels and their bars, table cells, list
// markers, heading numbers, the contents' leaders and page numbers, charts
// — is reflected about the page's vertical axis, so that paragraphs end at
// the right margin, bullets and numbers stand at the right, table columns
// run right to left and page numbers sit at the left. Text the layout
// places on its own (markers, labels) keeps its logical order until it is
// drawn (emitter.text reorders it then).

// isRTLLang reports whether documents in lang are written right to left
// (the catalogue's language.direction).
func isRTLLang(lang string) bool { return i18n.Supported(lang) && i18n.RTL(lang) }

func (l *layout) rtl() bool { return l.doc != nil && isRTLLang(l.doc.Lang) }

// paraLevel is the bidi paragraph level of the document's text.
func paraLevel(rtl bool) uint8 {
	if rtl {
		return 1
	}
	return 0
}

// drawLineAt draws one laid-out line whose left-to-right box starts at x.
func (l *layout) drawLineAt(ln lineBox, x, base float64) {
	l.merged = merge(l.merged[:0], ln.pieces)
	pcs := l.merged
	rtl := l.rtl()
	if !rtl && !piecesRTL(pcs) {
		for _, pc := range pcs {
			l.drawPiece(pc, x, base)
		}
		return
	}
	vis := visualPieces(pcs, paraLevel(rtl), l.fonts)
	total := 0.0
	for _, pc := range vis {
		total += pc.w
	}
	at := x
	if rtl {
		// The mirror of the line's box: it ends where the column ends.
		at = l.pw - x - total
	}
	for _, pc := range vis {
		start := len(l.cur().ops)
		pc.x = 0
		l.drawPiece(pc, at, base)
		at += pc.w
		ops := l.cur().ops
		for i := start; i < len(ops); i++ {
			ops[i].visual = true
			if ops[i].kind == opText {
				ops[i].actual = pc.actual
			}
		}
	}
}

func piecesRTL(pcs []piece) bool {
	for _, pc := range pcs {
		if hasRTL(pc.text) {
			return true
		}
	}
	return false
}

// visualPieces reorders the logical pieces of one line (rules L1–L4) into
// pieces in drawing order, left to right, each in one font: a piece's
// style has arabicBit when it is drawn with Noto Sans Arabic. A neutral
// character (space, digit, full stop) stays in the font of the piece
// before it when both fonts give it the same advance, so that a line of
// Arabic words is one text operation and widths stay those measured
// during layout.
//
// Text extraction reads the drawn glyphs back. pdftotext (poppler) turns
// a visual line into logical order with a simple rule: from the line's
// starting edge it takes alternating sections of right-to-left and
// left-to-right characters, and a neutral character (space, bracket,
// comma) joins whatever section is being read. That is wrong wherever a
// neutral sits between text of the two directions — ")CESCR(", "2013 ،",
// "org." before its address. Such a neutral, and a mirrored bracket, is
// drawn as a piece of its own whose actual text (ActualText) is the
// logical character between two marks of its resolved direction (RLM or
// LRM), which pin it to the right section. Extracted text then reads in
// logical order once those invisible marks are dropped.
func visualPieces(pcs []piece, para uint8, fs *fontSet) []piece {
	n := 0
	for _, pc := range pcs {
		n += len(pc.text) // bytes: at least the runes
	}
	text := make([]rune, 0, n)
	owner := make([]int, 0, n)
	for i, pc := range pcs {
		for _, r := range pc.text {
			text = append(text, r)
			owner = append(owner, i)
		}
	}
	levels := bidiLevels(text, para)
	// The visual sequence, without the characters that draw nothing.
	type vchar struct {
		r, logical rune
		level      uint8
		owner      int
		dir        byte // poppler's view: 'L' letters, 'R' right-to-left letters, 'N' digits, 0 neutral
		pin        bool // needs its direction pinned for extraction
	}
	vs := make([]vchar, 0, len(text))
	for _, i := range visualOrder(levels) {
		c := bidiClass(text[i])
		if c == bidi.BN {
			continue // marks, joiners and isolates draw nothing
		}
		v := vchar{r: mirrored(text[i], levels[i]), logical: text[i], level: levels[i], owner: owner[i]}
		switch c {
		case bidi.L:
			v.dir = 'L'
		case bidi.R, bidi.AL:
			v.dir = 'R'
		case bidi.EN, bidi.AN, bidi.ES, bidi.ET, bidi.CS:
			// poppler reads digits and their separators (. , : / - %)
			// left to right; a separator that is part of right-to-left
			// text (a full stop, an Arabic comma) must be pinned.
			v.dir = 'N'
			if levels[i]&1 == 1 {
				v.dir, v.pin = 'R', true
			}
		}
		vs = append(vs, v)
	}
	// Pin each neutral of a stretch whose neighbours do not both read in
	// its direction.
	for a := 0; a < len(vs); {
		if vs[a].dir != 0 {
			a++
			continue
		}
		b := a
		for b < len(vs) && vs[b].dir == 0 {
			b++
		}
		ltr := func(d byte) byte {
			if d == 'R' {
				return 'R'
			}
			return 'L'
		}
		var left, right byte
		if a > 0 {
			left = ltr(vs[a-1].dir)
		}
		if b < len(vs) {
			right = ltr(vs[b].dir)
		}
		if left == 0 {
			left = right
		}
		if right == 0 {
			right = left
		}
		for k := a; k < b; k++ {
			own := byte('L')
			if vs[k].level&1 == 1 {
				own = 'R'
			}
			vs[k].pin = left != 0 && (left != own || right != own)
		}
		a = b
	}
	var out []piece
	var b strings.Builder
	cur := -1
	var curSt style
	w := 0
	flush := func() {
		if cur >= 0 && b.Len() > 0 {
			ts := pcs[cur].ts
			ts.st = curSt
			out = append(out, piece{text: b.String(), ts: ts, w: float64(w) * ts.size / 1000 * ptToMM})
		}
		b.Reset()
		w = 0
	}
	for _, v := range vs {
		r := v.r
		st := pcs[v.owner].ts.st &^ arabicBit
		lat, ar := fs.faces[st&3], arabicFace(st)
		fst := st
		adv := 0
		switch {
		case cur == v.owner && curSt&arabicBit != 0 && ar.maps(r) && lat.maps(r) && ar.widths[r] == lat.widths[r]:
			fst, adv = curSt, int(ar.widths[r])
		case lat.maps(r) || !ar.maps(r):
			adv = lat.runeWidth(r)
		default:
			fst, adv = st|arabicBit, int(ar.widths[r])
		}
		if v.pin || r != v.logical {
			flush()
			actual := string(v.logical)
			if v.pin {
				mark := "\u200E"
				if v.level&1 == 1 {
					mark = "\u200F"
				}
				actual = mark + actual + mark
			}
			ts := pcs[v.owner].ts
			ts.st = fst
			out = append(out, piece{text: string(r), ts: ts, actual: actual, w: float64(adv) * ts.size / 1000 * ptToMM})
			cur = -1
			continue
		}
		if cur != v.owner || fst != curSt {
			flush()
			cur, curSt = v.owner, fst
		}
		b.WriteRune(r)
		w += adv
	}
	flush()
	return out
}

// maps reports whether f has a glyph for r.
func (f *face) maps(r rune) bool { return r > 0 && int(r) < len(f.mapped) && f.mapped[r] }

// mirror reflects every op of a right-to-left document that is not yet
// in its final place about the vertical axis of the page. final holds the
// page number of each heading, whose width places the contents' numbers.
func (l *layout) mirror(pages []*page, final []int) {
	pw := l.pw
	for _, p := range pages {
		for i := range p.ops {
			o := &p.ops[i]
			if o.visual {
				continue
			}
			switch o.kind {
			case opText:
				o.x = pw - o.x - l.fonts.faces[o.st&3].width(o.text, o.size)
			case opPageRef:
				// Drawn ending at x; its mirror starts at pw-x.
				s := strconv.Itoa(final[o.dest])
				o.x = pw - o.x + l.fonts.faces[o.st&3].width(s, o.size)
			case opRect, opImage, opLinkURL, opLinkDest:
				o.x = pw - o.x - o.w
			case opLine:
				o.x, o.w = pw-o.x, pw-o.w
			case opCircle:
				o.x = pw - o.x
			}
		}
	}
}

// at is where a box of width w that starts at x in left-to-right geometry
// goes on the page.
func (l *layout) at(x, w float64) float64 {
	if l.rtl() {
		return l.pw - x - w
	}
	return x
}

// bidiText draws logical text s starting at x: reordered into visual
// pieces when it holds right-to-left text or the document is right to
// left.
func (e *emitter) bidiText(x, y float64, s string, st style, size float64, c rgb) {
	fs, _ := loadFonts()
	s = shape(cleanText(s))
	pc := piece{text: s, ts: textStyle{st: st &^ arabicBit, size: size, color: c}}
	vis := visualPieces([]piece{pc}, paraLevel(e.rtl), fs)
	// A number or a Latin word on its own in a right-to-left document (a
	// heading's or a list item's number, a page number) is extracted as
	// typed and kept apart from the Arabic text beside it.
	whole := e.rtl && !hasRTL(s) && strings.TrimSpace(s) != ""
	if whole {
		e.spanStart("\u200f" + s + "\u200f")
	}
	for _, v := range vis {
		if whole {
			v.actual = ""
		}
		e.visual(x, y, v.text, v.actual, v.ts.st, size, c)
		x += v.w
	}
	if whole {
		e.spanEnd()
	}
}

// visual draws text already in drawing order; when actual is set, inside
// a marked-content span whose ActualText is what text extraction gives.
func (e *emitter) visual(x, y float64, s, actual string, st style, size float64, c rgb) {
	if actual == "" {
		e.glyphs(x, y, s, st, size, c)
		return
	}
	e.spanStart(actual)
	e.glyphs(x, y, s, st, size, c)
	e.spanEnd()
}

// utf16Hex is s as a PDF text string: UTF-16BE with a byte order mark,
// in hexadecimal.
func utf16Hex(s string) string {
	const hex = "0123456789ABCDEF"
	b := make([]byte, 0, 4+4*len(s))
	b = append(b, "FEFF"...)
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, hex[u>>12], hex[u>>8&15], hex[u>>4&15], hex[u&15])
	}
	return string(b)
}

// usesArabic reports whether drawing s needs the Arabic fonts.
func usesArabic(s string) bool {
	for _, r := range s {
		if isArabicScript(r) {
			return true
		}
	}
	return false
}
