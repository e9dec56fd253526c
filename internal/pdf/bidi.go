package pdf

import (
	"golang.org/x/text/unicode/bidi"
)

// The Unicode Bidirectional Algorithm (UAX #9) for one line of text, with
// the character classes of golang.org/x/text/unicode/bidi. The package's
// own Paragraph/Ordering API is not used: the run order it gave for Arabic
// mixed with digits and Latin was wrong, so levels and the visual order are
// computed here, rule by rule, and tested against the Unicode Consortium's
// BidiCharacterTest.txt (see bidi_test.go).
//
// Scope: explicit embeddings, overrides and isolates (U+202A..U+202E,
// U+2066..U+2069) are not honoured — they are removed like boundary
// neutrals (rule X9), so text holding them is laid out as if they were
// absent. Documents are written from templates and country files, which
// have no use for them; everything else (W1–W7, N0 bracket pairs, N1–N2,
// I1–I2, L1, L2, L4) is implemented.
//
// Lines are broken on logical text first, then each line is resolved and
// reordered on its own, which is what rule L1 onwards ask; resolving the
// weak and neutral types per line rather than per paragraph can only
// differ for neutrals at a line's ends, and L1 resets trailing spaces.

// bidiClass is a character's Bidi_Class, with the explicit formatting
// characters folded into BN (see the scope above).
func bidiClass(r rune) bidi.Class {
	p, _ := bidi.LookupRune(r)
	c := p.Class()
	switch c {
	case bidi.LRE, bidi.RLE, bidi.LRO, bidi.RLO, bidi.PDF, bidi.LRI, bidi.RLI, bidi.FSI, bidi.PDI, bidi.Control:
		return bidi.BN
	}
	return c
}

// isRTLRune reports whether r is strongly right to left (R or AL): only
// text holding one needs the algorithm at all in a left-to-right document.
func isRTLRune(r rune) bool {
	if r < 0x0590 {
		return false
	}
	c := bidiClass(r)
	return c == bidi.R || c == bidi.AL
}

func hasRTL(s string) bool {
	for _, r := range s {
		if isRTLRune(r) {
			return true
		}
	}
	return false
}

// bidiLevels resolves the embedding level of each rune of one line at
// paragraph level para (0 left to right, 1 right to left). Removed
// characters (BN) get the level of the character before them, as UAX #9
// section 5.2 suggests for drawing them.
func bidiLevels(text []rune, para uint8) []uint8 {
	n := len(text)
	levels := make([]uint8, n)
	orig := make([]bidi.Class, n)
	// The resolution works on the characters X9 keeps.
	var idx []int
	for i, r := range text {
		orig[i] = bidiClass(r)
		if orig[i] != bidi.BN {
			idx = append(idx, i)
		}
	}
	m := len(idx)
	t := make([]bidi.Class, m)
	for j, i := range idx {
		t[j] = orig[i]
	}
	e := bidi.L // embedding direction
	if para&1 == 1 {
		e = bidi.R
	}
	sos := e

	// W1: a non-spacing mark takes the type of what it follows.
	for j := range t {
		if t[j] == bidi.NSM {
			if j == 0 {
				t[j] = sos
			} else {
				t[j] = t[j-1]
			}
		}
	}
	// W2: European digits after Arabic letters are Arabic numbers.
	// W3: AL becomes R.
	last := sos
	for j := range t {
		switch t[j] {
		case bidi.L, bidi.R, bidi.AL:
			last = t[j]
		case bidi.EN:
			if last == bidi.AL {
				t[j] = bidi.AN
			}
		}
	}
	for j := range t {
		if t[j] == bidi.AL {
			t[j] = bidi.R
		}
	}
	// W4: one separator between two numbers of the same kind joins them.
	for j := 1; j+1 < m; j++ {
		switch {
		case t[j] == bidi.ES && t[j-1] == bidi.EN && t[j+1] == bidi.EN:
			t[j] = bidi.EN
		case t[j] == bidi.CS && t[j-1] == bidi.EN && t[j+1] == bidi.EN:
			t[j] = bidi.EN
		case t[j] == bidi.CS && t[j-1] == bidi.AN && t[j+1] == bidi.AN:
			t[j] = bidi.AN
		}
	}
	// W5: terminators (%, $, #) next to European numbers join them.
	for j := 0; j < m; {
		if t[j] != bidi.ET {
			j++
			continue
		}
		k := j
		for k < m && t[k] == bidi.ET {
			k++
		}
		if (j > 0 && t[j-1] == bidi.EN) || (k < m && t[k] == bidi.EN) {
			for x := j; x < k; x++ {
				t[x] = bidi.EN
			}
		}
		j = k
	}
	// W6: other separators and terminators are neutral.
	for j := range t {
		switch t[j] {
		case bidi.ES, bidi.ET, bidi.CS:
			t[j] = bidi.ON
		}
	}
	// W7: European numbers in left-to-right context are L.
	last = sos
	for j := range t {
		switch t[j] {
		case bidi.L, bidi.R:
			last = t[j]
		case bidi.EN:
			if last == bidi.L {
				t[j] = bidi.L
			}
		}
	}

	bracketPairs(text, idx, orig, t, e, sos)

	// N1, N2: a run of neutrals between two strong types of the same
	// direction takes it (numbers count as R); others take the embedding
	// direction.
	strong := func(c bidi.Class) bidi.Class {
		switch c {
		case bidi.L:
			return bidi.L
		case bidi.R, bidi.EN, bidi.AN:
			return bidi.R
		}
		return bidi.ON
	}
	for j := 0; j < m; {
		if !isNI(t[j]) {
			j++
			continue
		}
		k := j
		for k < m && isNI(t[k]) {
			k++
		}
		before, after := sos, e // eos is the embedding direction (no isolates)
		if j > 0 {
			before = strong(t[j-1])
		}
		if k < m {
			after = strong(t[k])
		}
		dir := e
		if before == after && before != bidi.ON {
			dir = before
		}
		for x := j; x < k; x++ {
			t[x] = dir
		}
		j = k
	}
	// I1, I2.
	for j, i := range idx {
		lv := para
		switch {
		case para&1 == 0 && t[j] == bidi.R:
			lv++
		case para&1 == 0 && (t[j] == bidi.AN || t[j] == bidi.EN):
			lv += 2
		case para&1 == 1 && (t[j] == bidi.L || t[j] == bidi.AN || t[j] == bidi.EN):
			lv++
		}
		levels[i] = lv
	}
	// L1: separators, and whitespace before them or at the end of the
	// line, go back to the paragraph level.
	trailing := true
	for i := n - 1; i >= 0; i-- {
		switch orig[i] {
		case bidi.S, bidi.B:
			levels[i] = para
			trailing = true
		case bidi.WS, bidi.BN:
			if trailing {
				levels[i] = para
			}
		default:
			trailing = false
		}
	}
	// Removed characters sit at the level of what precedes them.
	prev := para
	for i := range n {
		if orig[i] == bidi.BN && levels[i] == 0 {
			levels[i] = prev
		}
		prev = levels[i]
	}
	return levels
}

func isNI(c bidi.Class) bool {
	switch c {
	case bidi.B, bidi.S, bidi.WS, bidi.ON:
		return true
	}
	return false
}

// bracketPairs applies rule N0 to the resolved types t of the kept
// characters idx: a pair of brackets takes the embedding direction when
// the text inside has it, else the opposite direction when the text inside
// and the context before agree on it.
func bracketPairs(text []rune, idx []int, orig, t []bidi.Class, e, sos bidi.Class) {
	type pair struct{ open, close int }
	var pairs []pair
	type entry struct {
		close rune
		pos   int
	}
	var stack []entry
	canon := func(r rune) rune {
		switch r {
		case 0x2329:
			return 0x3008
		case 0x232A:
			return 0x3009
		}
		return r
	}
scan:
	for j, i := range idx {
		if t[j] != bidi.ON {
			continue
		}
		r := text[i]
		if c, ok := bidiOpeners[r]; ok {
			if len(stack) == 63 {
				break scan
			}
			stack = append(stack, entry{canon(c), j})
			continue
		}
		if _, isClose := closers[r]; isClose {
			for k := len(stack) - 1; k >= 0; k-- {
				if stack[k].close == canon(r) {
					pairs = append(pairs, pair{stack[k].pos, j})
					stack = stack[:k]
					break
				}
			}
		}
	}
	if len(pairs) == 0 {
		return
	}
	// Pairs in order of their opening bracket.
	for a := 1; a < len(pairs); a++ {
		for b := a; b > 0 && pairs[b].open < pairs[b-1].open; b-- {
			pairs[b], pairs[b-1] = pairs[b-1], pairs[b]
		}
	}
	dirOf := func(c bidi.Class) bidi.Class {
		switch c {
		case bidi.L:
			return bidi.L
		case bidi.R, bidi.AL, bidi.EN, bidi.AN:
			return bidi.R
		}
		return bidi.ON
	}
	opp := bidi.R
	if e == bidi.R {
		opp = bidi.L
	}
	for _, p := range pairs {
		found := bidi.ON
		for j := p.open + 1; j < p.close; j++ {
			d := dirOf(t[j])
			if d == e {
				found = e
				break
			}
			if d == opp {
				found = opp
			}
		}
		var set bidi.Class
		switch found {
		case bidi.ON:
			continue
		case e:
			set = e
		default:
			ctx := sos
			for j := p.open - 1; j >= 0; j-- {
				if d := dirOf(t[j]); d != bidi.ON {
					ctx = d
					break
				}
			}
			set = e
			if ctx == opp {
				set = opp
			}
		}
		for _, j := range []int{p.open, p.close} {
			t[j] = set
			// Marks on a bracket follow its new type.
			for k := j + 1; k < len(idx) && orig[idx[k]] == bidi.NSM; k++ {
				t[k] = set
			}
		}
	}
}

// closers is the set of closing paired brackets.
var closers = func() map[rune]bool {
	m := make(map[rune]bool, len(bidiOpeners))
	for _, c := range bidiOpeners {
		m[c] = true
	}
	return m
}()

// visualOrder applies rule L2: from the highest level down to the lowest
// odd one, every run at that level or above is reversed. It returns the
// logical index of each visual position. Non-spacing marks are reversed
// with their base (rule L3 is not applied): Noto Sans Arabic draws a
// zero-width mark over the glyph that follows it on the left-to-right
// pen, which is where a reversed run puts its base, and pdftotext, which
// reverses the run back, then extracts the mark after its letter.
func visualOrder(levels []uint8) []int {
	order := make([]int, len(levels))
	hi, lo := uint8(0), uint8(255)
	for i, lv := range levels {
		order[i] = i
		hi = max(hi, lv)
		if lv&1 == 1 {
			lo = min(lo, lv)
		}
	}
	for lv := hi; lv >= lo && lv > 0; lv-- {
		for a := 0; a < len(order); {
			if levels[order[a]] < lv {
				a++
				continue
			}
			b := a
			for b < len(order) && levels[order[b]] >= lv {
				b++
			}
			for x, y := a, b-1; x < y; x, y = x+1, y-1 {
				order[x], order[y] = order[y], order[x]
			}
			a = b
		}
	}
	return order
}

// mirrored is rule L4: at a right-to-left level a mirrored character
// (brackets, < >) is drawn with its counterpart's glyph.
func mirrored(r rune, level uint8) rune {
	if level&1 == 1 {
		if m, ok := bidiMirrors[r]; ok {
			return m
		}
	}
	return r
}
