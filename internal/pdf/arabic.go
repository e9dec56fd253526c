package pdf

import (
	"fmt"
	"strings"
	"unicode"

	"opkit/assets"
)

//go:generate go run gen_arabic.go

// Arabic is written with letters that change shape with their neighbours.
// fpdf draws one glyph per code point and has no shaper, so text is shaped
// here into the Arabic Presentation Forms A/B (U+FB50..U+FDFF,
// U+FE70..U+FEFF), which Noto Sans Arabic maps to its contextual glyphs:
// every joining letter becomes its isolated, final, initial or medial form,
// and lam followed by alef becomes the mandatory lam-alef ligature. A form
// is only used when both embedded Arabic weights map it (formsFor); a
// letter without the forms it needs is drawn as it is and joins nothing.
//
// Shaping happens on logical text, before line breaking, so that lines are
// measured with the glyphs that are drawn. pdftotext then extracts the
// presentation forms, which NFKC normalisation maps back to the letters.

// arabicBit marks a style as drawn with Noto Sans Arabic (regular or bold;
// Arabic has no italic, so italic Arabic is upright). It is set only on
// the pieces of a finished line (rtl.go), never during layout.
const arabicBit style = 4

// family is the fpdf family a style is registered under.
func (s style) family() string {
	if s&arabicBit != 0 {
		return assets.FontArabicFamily
	}
	return assets.FontFamily
}

// file is the font file of a style.
func (s style) file() []byte {
	if s&arabicBit != 0 {
		if s&bold != 0 {
			return assets.FontArabicBold
		}
		return assets.FontArabicRegular
	}
	return fontFiles()[s&3]
}

// fontStyle is the style a drawn op registers: Arabic pieces are upright.
func (s style) fontStyle() style {
	if s&arabicBit != 0 {
		return arabicBit | s&bold
	}
	return s
}

// isArabicScript reports whether r belongs to the Arabic blocks, whose
// characters are drawn with Noto Sans Arabic.
func isArabicScript(r rune) bool {
	switch {
	case r >= 0x0600 && r <= 0x06FF, r >= 0x0750 && r <= 0x077F, r >= 0x0870 && r <= 0x08FF,
		r >= 0xFB50 && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFF:
		return true
	}
	return false
}

// arabicFaces are Noto Sans Arabic regular and bold, parsed by
// attachArabic.
var arabicFaces [2]*face

// attachArabic parses the Arabic fonts and gives each Latin face the
// Arabic face of its weight, so that widths of mixed text are measured
// with the font each character is drawn in.
func attachArabic(fs *fontSet) error {
	for i, data := range [2][]byte{assets.FontArabicRegular, assets.FontArabicBold} {
		f, err := parseFace(data)
		if err != nil {
			return fmt.Errorf("parse embedded Arabic font: %w", err)
		}
		arabicFaces[i] = f
	}
	for st, f := range fs.faces {
		f.ar = arabicFaces[style(st)&bold]
	}
	shaper.init()
	return nil
}

// arabicFace is the face a piece drawn in style st (arabicBit set) uses.
func arabicFace(st style) *face { return arabicFaces[st&bold] }

// Joining types of ArabicShaping.txt.
const (
	joinU = 'U' // non-joining
	joinR = 'R' // joins the letter before it only (alef, dal, reh, waw)
	joinL = 'L'
	joinD = 'D' // joins on both sides
	joinC = 'C' // join-causing (tatweel, ZWJ)
	joinT = 'T' // transparent (harakat)
)

type arabicShaper struct {
	// join is the effective joining type of U+0600..U+08FF: the type of
	// ArabicShaping.txt lowered to what the presentation forms the fonts
	// map allow.
	join [0x300]byte
}

var shaper arabicShaper

// mappedBoth reports whether both Arabic weights draw r.
func mappedBoth(r rune) bool {
	return r > 0 && r < 0x10000 && arabicFaces[0].mapped[r] && arabicFaces[1].mapped[r]
}

func (s *arabicShaper) init() {
	for i, t := range joiningTypes {
		r := rune(0x0600 + i)
		if t == 0 {
			t = joinU
		}
		if t == joinD || t == joinR || t == joinL {
			f, ok := presentationForms[r]
			has := func(k int) bool { return ok && f[k] != 0 && mappedBoth(f[k]) }
			switch {
			case t == joinD && !(has(0) && has(1) && has(2) && has(3)):
				if has(0) && has(1) {
					t = joinR
				} else {
					t = joinU
				}
			case t == joinR && !(has(0) && has(1)):
				t = joinU
			case t == joinL && !(has(0) && has(2)):
				t = joinU
			}
		}
		s.join[i] = t
	}
}

func (s *arabicShaper) joinType(r rune) byte {
	switch {
	case r >= 0x0600 && r < 0x0900:
		return s.join[r-0x0600]
	case r == 0x200D: // zero width joiner
		return joinC
	case r == 0x200C: // zero width non-joiner
		return joinU
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return joinT
	}
	return joinU
}

// needsShaping reports whether s holds a letter of the Arabic block; text
// without one is returned unchanged by shape.
func needsShaping(s string) bool {
	for _, r := range s {
		if r >= 0x0600 && r < 0x0900 {
			return true
		}
	}
	return false
}

// shapeParts shapes the concatenation of parts (the runs of one paragraph,
// so that a word that changes style mid-way still joins) and returns the
// parts shaped. A lam-alef ligature is only formed inside one part.
func (s *arabicShaper) shapeParts(parts []string) []string {
	var text []rune
	var owner []int
	for p, t := range parts {
		for _, r := range t {
			text = append(text, r)
			owner = append(owner, p)
		}
	}
	n := len(text)
	types := make([]byte, n)
	for i, r := range text {
		types[i] = s.joinType(r)
	}
	// The neighbour of i in direction d that is not transparent, or -1.
	near := func(i, d int) int {
		for j := i + d; j >= 0 && j < n; j += d {
			if types[j] != joinT {
				return j
			}
		}
		return -1
	}
	joinsBefore := func(t byte) bool { return t == joinD || t == joinL || t == joinC }
	joinsAfter := func(t byte) bool { return t == joinD || t == joinR || t == joinC }
	out := make([]strings.Builder, len(parts))
	for i := 0; i < n; i++ {
		r, t := text[i], types[i]
		b := &out[owner[i]]
		if t != joinD && t != joinR && t != joinL {
			if r != 0x200C && r != 0x200D { // joiners have done their work
				b.WriteRune(r)
			}
			continue
		}
		prev, next := near(i, -1), near(i, 1)
		jp := (t == joinR || t == joinD) && prev >= 0 && joinsBefore(types[prev])
		jn := (t == joinL || t == joinD) && next >= 0 && joinsAfter(types[next])
		if r == 0x0644 && next == i+1 && owner[next] == owner[i] {
			if lig, ok := lamAlefForms[text[next]]; ok && mappedBoth(lig[0]) && mappedBoth(lig[1]) {
				if jp {
					b.WriteRune(lig[1])
				} else {
					b.WriteRune(lig[0])
				}
				i++ // the alef is inside the ligature
				continue
			}
		}
		f := presentationForms[r]
		switch {
		case jp && jn:
			b.WriteRune(f[3])
		case jp:
			b.WriteRune(f[1])
		case jn:
			b.WriteRune(f[2])
		default:
			b.WriteRune(f[0])
		}
	}
	res := make([]string, len(parts))
	for i := range out {
		res[i] = out[i].String()
	}
	return res
}

// shape shapes one string.
func shape(s string) string {
	if !needsShaping(s) || arabicFaces[0] == nil {
		return s
	}
	return shaper.shapeParts([]string{s})[0]
}

// shapeRuns cleans and shapes the runs of one paragraph.
func shapeRuns(runs []run) []run {
	any := false
	for _, r := range runs {
		any = any || needsShaping(r.text) // NFC creates no Arabic letter
	}
	if !any || arabicFaces[0] == nil {
		return runs
	}
	parts := make([]string, len(runs))
	for i, r := range runs {
		parts[i] = cleanText(r.text)
	}
	out := make([]run, len(runs))
	for i, p := range shaper.shapeParts(parts) {
		out[i] = runs[i]
		out[i].text = p
	}
	return out
}
