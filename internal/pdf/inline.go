package pdf

import (
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/text/unicode/norm"

	"opkit/internal/render"
)

// run is a stretch of inline text with one look.
type run struct {
	text string
	st   style
	code bool
	link string
	hard bool // a hard line break follows
}

// collectRuns flattens the inline children of n into runs, resolving
// escapes and entities the way goldmark's HTML renderer does.
func collectRuns(n ast.Node, src []byte, st style, link string, out []run) []run {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Value(src)
			s := string(v)
			if !c.IsRaw() {
				s = render.Unescape(v)
			}
			out = appendLinked(out, run{text: s, st: st, link: link})
			if c.HardLineBreak() {
				out[len(out)-1].hard = true
			} else if c.SoftLineBreak() {
				out = append(out, run{text: " ", st: st, link: link})
			}
		case *ast.String:
			s := string(c.Value)
			if !c.IsRaw() && !c.IsCode() {
				s = render.Unescape(c.Value)
			}
			out = appendLinked(out, run{text: s, st: st, link: link, code: c.IsCode()})
		case *ast.CodeSpan:
			var b strings.Builder
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				switch t := t.(type) {
				case *ast.Text:
					b.Write(t.Value(src))
					if t.SoftLineBreak() {
						b.WriteByte(' ')
					}
				case *ast.String:
					b.Write(t.Value)
				}
			}
			out = append(out, run{text: b.String(), st: st, code: true, link: link})
		case *ast.Emphasis:
			s := st
			if c.Level >= 2 {
				s |= bold
			} else {
				s |= italic
			}
			out = collectRuns(c, src, s, link, out)
		case *ast.Link:
			out = collectRuns(c, src, st, string(c.Destination), out)
		case *ast.AutoLink:
			url := string(c.URL(src))
			out = append(out, run{text: string(c.Label(src)), st: st, link: url})
		case *ast.Image:
			// Templates cannot ship images; the alt text keeps the meaning.
			out = collectRuns(c, src, st|italic, link, out)
		case *ast.RawHTML:
			// Raw HTML has no meaning in a PDF; dropping it beats printing tags.
		default:
			out = collectRuns(c, src, st, link, out)
		}
	}
	return out
}

// plainText is the text of an inline tree without styling, for bookmarks,
// the table of contents and PDF metadata.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	for _, r := range collectRuns(n, src, regular, "", nil) {
		b.WriteString(r.text)
		if r.hard {
			b.WriteByte(' ')
		}
	}
	return cleanText(b.String())
}

// cleanText normalises to NFC, so that decomposed Vietnamese or Greek input
// draws with the font's precomposed glyphs (fpdf does no mark positioning)
// and extracts as the same characters; turns control characters into
// spaces; and drops soft hyphens and byte-order marks, which fpdf would
// otherwise draw as visible glyphs.
func cleanText(s string) string {
	plain := true // ASCII without control characters: NFC and the rest keep it
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || c < ' ' || c == 0x7f {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	s = norm.NFC.String(s)
	odd := func(r rune) bool { return r < ' ' || r == 0x7f || r == 0xad || r == 0xfeff }
	if strings.IndexFunc(s, odd) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == 0xad || r == 0xfeff:
			return -1
		case r < ' ' || r == 0x7f:
			return ' '
		}
		return r
	}, s)
}

// textStyle is how a piece of inline text is drawn.
type textStyle struct {
	st    style
	size  float64 // pt
	color rgb
	code  bool
	link  string
}

// piece is a measured stretch of text on a line, at offset x from the line
// start.
type piece struct {
	text   string
	ts     textStyle
	x, w   float64
	actual string // what to extract instead: the logical bracket of a mirrored one (rtl.go)
}

type lineBox struct {
	pieces []piece
	w      float64
}

// token is a word (one or more pieces without spaces), a space, or a
// forced break.
type token struct {
	kind   int // tokWord, tokSpace, tokBreak
	pieces []piece
	w      float64
}

const (
	tokWord = iota
	tokSpace
	tokBreak
)

// para holds the look of a block of inline text.
type para struct {
	size  float64 // pt
	st    style   // added to every run (headings are bold)
	color rgb
}

func (l *layout) tokens(runs []run, p para) []token {
	toks, _ := tokensInto(l.fonts, nil, nil, runs, p)
	return toks
}

// tokensInto is tokens appending to toks and buf, which it returns, for a
// caller that reuses them (paragraph): the tokens' pieces live in buf.
// Every piece of the paragraph lives in one array, and each token holds
// a slice of it: a slice per word was the largest allocation of a build.
// A word's slice is cut at its length, so later appends never reach into
// it.
func tokensInto(fonts *fontSet, toks []token, buf []piece, runs []run, p para) ([]token, []piece) {
	runs = shapeRuns(runs) // Arabic letters take their contextual forms (arabic.go)
	n := 1
	for _, r := range runs {
		n += 2 + strings.Count(r.text, " ")*2
	}
	buf = slices.Grow(buf[:0], n)
	toks = slices.Grow(toks[:0], n)
	word := 0 // buf[word:] is the word being read
	flush := func() {
		if len(buf) > word {
			w := 0.0
			for _, pc := range buf[word:] {
				w += pc.w
			}
			toks = append(toks, token{kind: tokWord, pieces: buf[word:len(buf):len(buf)], w: w})
			word = len(buf)
		}
	}
	for _, r := range runs {
		ts := textStyle{st: r.st | p.st, size: p.size, color: p.color, code: r.code, link: r.link}
		if r.link != "" {
			ts.color = linkColor
		}
		if r.code {
			ts.size = p.size * 0.92
			ts.color = codeColor
		}
		text := cleanText(r.text)
		face := fonts.faces[ts.st]
		for len(text) > 0 {
			i := strings.IndexByte(text, ' ')
			if i < 0 {
				i = len(text)
			}
			if i > 0 {
				t := text[:i]
				buf = append(buf, piece{text: t, ts: ts, w: face.width(t, ts.size)})
			}
			if i < len(text) {
				flush()
				sw := face.width(" ", ts.size)
				buf = append(buf, piece{text: " ", ts: ts, w: sw})
				toks = append(toks, token{kind: tokSpace, pieces: buf[len(buf)-1 : len(buf) : len(buf)], w: sw})
				word = len(buf)
				text = text[i+1:]
			} else {
				text = ""
			}
		}
		if r.hard {
			flush()
			toks = append(toks, token{kind: tokBreak})
		}
	}
	flush()
	return toks, buf
}

// wrap breaks tokens into lines no wider than maxW: greedy, ragged right,
// which reads best at the column widths used here. A word wider than the
// line is cut between characters rather than overflowing.
func (l *layout) wrap(toks []token, maxW float64) []lineBox {
	lines, _ := l.wrapInto(nil, nil, toks, maxW)
	return lines
}

// wrapInto is wrap appending to lines and out, which it returns, for a
// caller that reuses them: the lines' pieces live in out.
func (l *layout) wrapInto(lines []lineBox, out []piece, toks []token, maxW float64) ([]lineBox, []piece) {
	// The lines' pieces share one array, as the tokens' do; a line is
	// out[start:], cut at its length when it is done.
	n := 1
	for _, t := range toks {
		n += len(t.pieces)
	}
	out = slices.Grow(out[:0], n)
	lines = lines[:0]
	start := 0
	curW := 0.0
	var space *piece
	empty := func() bool { return len(out) == start }
	put := func(pcs []piece, at float64) {
		for _, pc := range pcs {
			pc.x = at
			at += pc.w
			out = append(out, pc)
		}
		curW = at
	}
	flush := func() {
		lines = append(lines, lineBox{pieces: out[start:len(out):len(out)], w: curW})
		start, curW = len(out), 0
		space = nil
	}
	// The space a line breaks at stays at its end, drawn but not
	// measured: text extraction, and a screen reader following the
	// structure tree, read "word word", not "wordword".
	keepSpace := func() {
		if space != nil {
			sp := *space
			sp.x, sp.w = curW, 0
			out = append(out, sp)
		}
	}
	for _, t := range toks {
		switch t.kind {
		case tokSpace:
			if !empty() {
				space = &t.pieces[0]
			}
		case tokBreak:
			flush()
		case tokWord:
			sw := 0.0
			if space != nil {
				sw = space.w
			}
			switch {
			case !empty() && curW+sw+t.w <= maxW+0.01:
				if space != nil {
					put([]piece{*space}, curW)
				}
				put(t.pieces, curW)
				space = nil
			case t.w <= maxW+0.01:
				if !empty() {
					keepSpace()
					flush()
				}
				put(t.pieces, 0)
				space = nil
			default:
				if !empty() {
					keepSpace()
					flush()
				}
				for _, chunk := range l.splitWord(t.pieces, maxW, true) {
					if !empty() {
						flush()
					}
					put(chunk, 0)
				}
				space = nil
			}
		}
	}
	if !empty() || len(lines) == 0 {
		lines = append(lines, lineBox{pieces: out[start:len(out):len(out)], w: curW})
	}
	return lines, out
}

// merge joins neighbouring pieces that look the same, so a line is drawn
// with few text operations and extracts with real spaces. It appends to
// out (a scratch array the caller reuses) and leaves pcs as they are.
func merge(out, pcs []piece) []piece {
	for _, pc := range pcs {
		if n := len(out); n > 0 && out[n-1].ts == pc.ts && !pc.ts.code {
			out[n-1].text += pc.text
			out[n-1].w += pc.w
			continue
		}
		out = append(out, pc)
	}
	return out
}
