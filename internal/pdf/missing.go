package pdf

import (
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"opkit/internal/diag"
	"opkit/internal/model"
)

// Missing reports the first rune of s that the embedded fonts cannot draw:
// one that any of the four styles lacks (text may be set in any of them),
// or any rune above U+FFFF, which fpdf's UTF-8 fonts cannot address.
// Control characters such as \n and \t are fine: layout turns them into
// spaces. The check runs on the NFC form of s, which is what gets drawn.
func Missing(s string) (rune, bool) { return missingIn(norm.NFC.String(s)) }

func drawable(fs *fontSet, err error, r rune) bool {
	switch {
	case r < ' ' || r == 0x7f:
		return true
	case r == utf8.RuneError || r > 0xFFFF || err != nil:
		return false
	}
	for _, f := range fs.faces {
		if !f.mapped[r] && (f.ar == nil || !f.ar.mapped[r]) {
			return false
		}
	}
	return true
}

// checkText returns an error naming the first undrawable character of s,
// with its line and column when s is the document source.
func checkText(what string, s string, withPos bool) error {
	fs, ferr := loadFonts()
	if ferr != nil {
		return ferr
	}
	line, col := 1, 0
	for _, r := range s {
		col++
		if r == '\n' {
			line, col = line+1, 0
			continue
		}
		if drawable(fs, nil, r) {
			continue
		}
		// A decomposed sequence may still compose into a drawable rune.
		if r2, bad := Missing(string(r)); !bad || r2 != r {
			continue
		}
		if withPos {
			return fmt.Errorf("%s:%d:%d: character %U %q is not in the embedded fonts", what, line, col, r, r)
		}
		return fmt.Errorf("%s: character %U %q is not in the embedded fonts", what, r, r)
	}
	return nil
}

// missingIn is Missing for text that is already NFC.
func missingIn(s string) (rune, bool) {
	fs, err := loadFonts()
	for _, r := range s {
		if !drawable(fs, err, r) {
			return r, true
		}
	}
	return 0, false
}

// CheckTexts reports, at its position in file, every text of a country
// file (model.Country.Texts) holding a character the fonts cannot draw,
// naming its key. keep, when not nil, limits the check to the keys a
// document prints.
func CheckTexts(file string, texts []model.Text, keep func(key string) bool) diag.List {
	var l diag.List
	for _, t := range texts {
		if keep != nil && !keep(t.Key) {
			continue
		}
		if r, bad := Missing(t.Value); bad {
			l.Errorf(file, t.Line, t.Col, "character %U is not in the PDF font (%s)", r, t.Key)
		}
	}
	l.Sort()
	return l
}
