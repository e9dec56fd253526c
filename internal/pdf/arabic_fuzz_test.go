package pdf

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/bidi"
	"golang.org/x/text/unicode/norm"
)

// FuzzArabic checks properties of shaping and reordering on any text:
// levels stay within the paragraph level and two above it (there are no
// explicit embeddings), the visual order is a permutation, drawing keeps
// every character that draws something (mirrored at odd levels), and
// shaping changes the glyphs but not the text NFKC reads back. `go test`
// runs the seeds; `go test -fuzz FuzzArabic ./internal/pdf` searches.
func FuzzArabic(f *testing.F) {
	for _, s := range []string{
		"في New York عام 2013", "(CESCR) بعد", "عام 2013، وصادقت", "موقع https://www.ohchr.org.",
		"the country مصر (Egypt) signed", "لا ﻻ لأ لإ لآ", "حيّز أُخلي", "ب\u200cب\u200dب", "[a(b)c]{د}",
		"١٢٣ 456 ٧.٨", "a\tb\u2029c", "\u202eRLO\u202c \u2067isolate\u2069",
	} {
		f.Add(s, true)
		f.Add(s, false)
	}
	fs, err := loadFonts()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string, rtl bool) {
		if !utf8.ValidString(s) || len(s) > 2000 {
			return
		}
		s = cleanText(s)
		para := paraLevel(rtl)
		text := []rune(s)
		levels := bidiLevels(text, para)
		for i, lv := range levels {
			if lv < para || lv > para+2 {
				t.Fatalf("%q: level %d of %U outside %d..%d", s, lv, text[i], para, para+2)
			}
		}
		order := visualOrder(levels)
		seen := make([]bool, len(text))
		for _, i := range order {
			if i < 0 || i >= len(text) || seen[i] {
				t.Fatalf("%q: visual order %v is not a permutation", s, order)
			}
			seen[i] = true
		}
		var want []rune
		for _, i := range order {
			if bidiClass(text[i]) != bidi.BN {
				want = append(want, mirrored(text[i], levels[i]))
			}
		}
		var got strings.Builder
		for _, pc := range visualPieces([]piece{{text: s, ts: textStyle{size: 10}}}, para, fs) {
			got.WriteString(pc.text)
		}
		if got.String() != string(want) {
			t.Fatalf("%q: drawn %q, want %q", s, got.String(), string(want))
		}
		joiners := strings.NewReplacer("\u200c", "", "\u200d", "")
		if a, b := norm.NFKC.String(joiners.Replace(shape(s))), norm.NFKC.String(joiners.Replace(s)); a != b {
			t.Fatalf("%q: NFKC of the shaped text %q differs from %q", s, a, b)
		}
	})
}
