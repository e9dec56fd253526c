package pdf

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sync"

	"opkit/assets"
)

// style indexes the four embedded font files; the bits combine as bold|italic.
type style uint8

const (
	regular style = 0
	bold    style = 1
	italic  style = 2
	boldIt  style = 3
)

// fpdfStyle is the style string fpdf keys its fonts by.
func (s style) fpdfStyle() string { return [...]string{"", "B", "I", "BI"}[s&3] }

// face is what layout needs from one font file: advance widths in the
// same 1/1000 em units fpdf uses (so positions computed here match what fpdf
// draws) and the set of runes the cmap maps.
type face struct {
	widths []uint16 // indexed by rune below 0x10000; slot 0 holds the missing width
	mapped []bool   // indexed by rune below 0x10000
	ar     *face    // the Arabic face of the same weight (arabic.go), for runes this one lacks
}

type fontSet struct {
	faces [4]*face
	err   error
}

var (
	fontsOnce sync.Once
	fonts     fontSet
)

// loadFonts parses the embedded fonts once per process: layout is pure Go
// arithmetic on these tables, so no per-document font parsing is needed to
// measure text.
func loadFonts() (*fontSet, error) {
	fontsOnce.Do(func() {
		files := fontFiles()
		names := [4]string{"regular", "bold", "italic", "bold italic"}
		for i, data := range files {
			f, err := parseFace(data)
			if err != nil {
				fonts.err = fmt.Errorf("parse embedded %s font: %w", names[i], err)
				return
			}
			fonts.faces[i] = f
		}
		fonts.err = attachArabic(&fonts)
	})
	return &fonts, fonts.err
}

// width returns the advance of s at size pt, in mm. Arabic letters are
// measured shaped, as they are drawn.
func (f *face) width(s string, size float64) float64 {
	if f.ar != nil && needsShaping(s) {
		s = shape(s)
	}
	w := 0
	for _, r := range s {
		w += f.runeWidth(r)
	}
	return float64(w) * size / 1000 * ptToMM
}

// runeWidth mirrors fpdf's GetStringSymbolWidth: mapped runes (combining
// marks included, at zero) use their advance, runes only the Arabic face
// has use its advance (they are drawn with it), others the missing width.
func (f *face) runeWidth(r rune) int {
	if r > 0 && int(r) < len(f.widths) && f.mapped[r] {
		return int(f.widths[r])
	}
	if f.ar != nil && r > 0 && int(r) < len(f.ar.widths) && f.ar.mapped[r] {
		return int(f.ar.widths[r])
	}
	return int(f.widths[0]) // slot 0 holds the missing width, see parseFace
}

var errBadFont = errors.New("not a TrueType font with glyf outlines")

func parseFace(data []byte) (*face, error) {
	be := binary.BigEndian
	if len(data) < 12 {
		return nil, errBadFont
	}
	if v := be.Uint32(data); v != 0x00010000 && v != 0x74727565 { // CFF ("OTTO") is rejected
		return nil, errBadFont
	}
	n := int(be.Uint16(data[4:]))
	tables := map[string][]byte{}
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return nil, errBadFont
		}
		tag := string(data[rec : rec+4])
		off, ln := int(be.Uint32(data[rec+8:])), int(be.Uint32(data[rec+12:]))
		if off < 0 || ln < 0 || off+ln > len(data) {
			return nil, fmt.Errorf("table %q out of range", tag)
		}
		tables[tag] = data[off : off+ln]
	}
	for _, t := range []string{"head", "hhea", "hmtx", "cmap", "glyf", "loca"} {
		if tables[t] == nil {
			return nil, fmt.Errorf("%w: no %s table", errBadFont, t)
		}
	}
	head, hhea, hmtx := tables["head"], tables["hhea"], tables["hmtx"]
	if len(head) < 54 || len(hhea) < 36 {
		return nil, errBadFont
	}
	upem := float64(be.Uint16(head[18:]))
	if upem == 0 {
		return nil, errBadFont
	}
	scale := 1000 / upem
	nMetrics := int(be.Uint16(hhea[34:]))
	if nMetrics == 0 || len(hmtx) < 4*nMetrics {
		return nil, errBadFont
	}
	advance := func(glyph int) int {
		if glyph >= nMetrics {
			glyph = nMetrics - 1
		}
		return int(math.Round(scale * float64(be.Uint16(hmtx[4*glyph:]))))
	}
	f := &face{
		widths: make([]uint16, 0x10000),
		mapped: make([]bool, 0x10000),
	}
	if err := parseCmap(tables["cmap"], func(r rune, glyph int) {
		if r < 0x10000 && glyph != 0 {
			f.mapped[r] = true
			f.widths[r] = uint16(advance(glyph))
		}
	}); err != nil {
		return nil, err
	}
	f.widths[0] = uint16(advance(0)) // fpdf's MissingWidth is glyph 0's advance
	return f, nil
}

// parseCmap walks the Unicode subtable (format 12 preferred, else format 4).
func parseCmap(cmap []byte, emit func(r rune, glyph int)) error {
	be := binary.BigEndian
	if len(cmap) < 4 {
		return errBadFont
	}
	var sub4, sub12 []byte
	for i := range int(be.Uint16(cmap[2:])) {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			return errBadFont
		}
		pid, eid, off := be.Uint16(cmap[rec:]), be.Uint16(cmap[rec+2:]), int(be.Uint32(cmap[rec+4:]))
		if off+4 > len(cmap) {
			continue
		}
		sub := cmap[off:]
		unicode := pid == 0 || (pid == 3 && (eid == 1 || eid == 10))
		if !unicode {
			continue
		}
		switch be.Uint16(sub) {
		case 4:
			sub4 = sub
		case 12:
			sub12 = sub
		}
	}
	switch {
	case sub12 != nil:
		if len(sub12) < 16 {
			return errBadFont
		}
		n := int(be.Uint32(sub12[12:]))
		if len(sub12) < 16+12*n {
			return errBadFont
		}
		for i := range n {
			g := sub12[16+12*i:]
			start, end, gid := be.Uint32(g), be.Uint32(g[4:]), be.Uint32(g[8:])
			for c := start; c <= end && c < 0x110000; c++ {
				emit(rune(c), int(gid+c-start))
			}
		}
	case sub4 != nil:
		if len(sub4) < 14 {
			return errBadFont
		}
		segs := int(be.Uint16(sub4[6:])) / 2
		ends := 14
		starts := ends + 2*segs + 2
		deltas := starts + 2*segs
		offsets := deltas + 2*segs
		if len(sub4) < offsets+2*segs {
			return errBadFont
		}
		for s := range segs {
			end := int(be.Uint16(sub4[ends+2*s:]))
			start := int(be.Uint16(sub4[starts+2*s:]))
			delta := int(be.Uint16(sub4[deltas+2*s:]))
			ro := int(be.Uint16(sub4[offsets+2*s:]))
			for c := start; c <= end && c < 0xFFFF; c++ {
				var g int
				if ro == 0 {
					g = (c + delta) & 0xFFFF
				} else {
					p := offsets + 2*s + ro + 2*(c-start)
					if p+2 > len(sub4) {
						continue
					}
					g = int(be.Uint16(sub4[p:]))
					if g != 0 {
						g = (g + delta) & 0xFFFF
					}
				}
				emit(rune(c), g)
			}
		}
	default:
		return fmt.Errorf("%w: no Unicode cmap", errBadFont)
	}
	return nil
}

// fontFiles are the embedded TrueType files, indexed by style.
func fontFiles() [4][]byte {
	return [4][]byte{assets.FontRegular, assets.FontBold, assets.FontItalic, assets.FontBoldItalic}
}
