package clearance

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldByDefinition is fold as its comment defines it, one character at a
// time with no shortcut: fold's ASCII path and its cache of characters
// must give the same text and offsets.
func foldByDefinition(s string) folded {
	var b strings.Builder
	var off []int
	space := true
	for i, r := range s {
		for _, d := range norm.NFKD.String(string(r)) {
			switch {
			case unicode.Is(unicode.Mn, d), unicode.Is(unicode.Me, d), unicode.Is(unicode.Cf, d), d == 'ـ':
			case unicode.IsLetter(d) || unicode.IsDigit(d):
				t := latin(unicode.ToLower(d))
				for range len(t) {
					off = append(off, i)
				}
				b.WriteString(t)
				space = false
			default:
				if !space {
					off = append(off, i)
					b.WriteByte(' ')
					space = true
				}
			}
		}
	}
	t := b.String()
	if strings.HasSuffix(t, " ") {
		t, off = t[:len(t)-1], off[:len(off)-1]
	}
	return folded{s: t, off: append(off, len(s))}
}

func TestFoldByDefinition(t *testing.T) {
	texts := []string{
		"", " ", "Ukraine", "UKRAINE — Kyiv, 2027!", "Україна", "Київ", "Киев", "Ελλάδα", "أوكرانيا",
		"Côte d'Ivoire", "Co\u0302te", "ﬁnance", "Ｋｙｉｖ", "soft\u00adhyphen", "no\u00a0break", "tab\tand\nnew line",
		"ctrl\x01char\x7f", "Łódź", "straße", "ـكـ", "١٢٣", "Yy", " lead and trail ",
	}
	// Every character of the Basic Multilingual Plane, alone and between letters.
	for r := rune(0); r < 0x10000; r++ {
		if r >= 0xd800 && r < 0xe000 {
			continue
		}
		texts = append(texts, string(r), "a"+string(r)+"b")
	}
	for _, s := range texts {
		got, want := fold(s), foldByDefinition(s)
		if got.s != want.s || !slices.Equal(got.off, want.off) {
			t.Fatalf("fold(%q) = %q %v, want %q %v", s, got.s, got.off, want.s, want.off)
		}
		if !utf8.ValidString(got.s) && utf8.ValidString(s) {
			t.Fatalf("fold(%q) is not UTF-8", s)
		}
	}
}
