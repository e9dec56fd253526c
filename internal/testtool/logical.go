package testtool

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Logical is pdftotext output made comparable with the logical text it was
// drawn from: NFKC (Arabic presentation forms back to their letters), the
// invisible direction marks and embeddings (U+200E, U+200F,
// U+202A..U+202E) that the PDF's ActualText and poppler's reordering add
// dropped, and runs of white space collapsed to one space.
func Logical(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == 0x200E || r == 0x200F || (r >= 0x202A && r <= 0x202E) {
			return -1
		}
		return r
	}, norm.NFKC.String(s))
	return strings.Join(strings.Fields(s), " ")
}
