package clearance

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// folded is a text in the comparison form, with the byte offset in the
// original of the character each folded byte came from, so that a hit can
// be reported where the reader typed it.
type folded struct {
	s   string
	off []int // len(off) == len(s)+1; off[len(s)] is the original's length
}

// fold puts s into the one form names and texts are compared in: every
// character decomposed (NFKD, which also takes full-width letters,
// ligatures and Arabic presentation forms to their base letters), marks
// and invisible format characters (soft hyphen, zero-width space and
// joiners, tatweel) dropped, letters lower-cased and, for Cyrillic and
// Greek, spelt in Latin letters, y read as i (transliterations disagree
// on Київ: Kyiv, Kiev, Kijów), and every run of spaces of any kind
// (no-break, thin, ideographic), punctuation and symbols one space.
func fold(s string) folded {
	var b strings.Builder
	b.Grow(len(s))
	off := make([]int, 0, len(s)+1)
	space := true // no leading space
	emit := func(t string, at int) {
		for i := 0; i < len(t); i++ {
			off = append(off, at)
		}
		b.WriteString(t)
	}
	sep := func(at int) {
		if !space {
			emit(" ", at)
			space = true
		}
	}
	for i, r := range s {
		if r < utf8.RuneSelf {
			// ASCII, most of every text: its own decomposition.
			switch {
			case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
				if r == 'y' {
					r = 'i'
				}
				off = append(off, i)
				b.WriteByte(byte(r))
				space = false
			case 'A' <= r && r <= 'Z':
				r += 'a' - 'A'
				if r == 'y' {
					r = 'i'
				}
				off = append(off, i)
				b.WriteByte(byte(r))
				space = false
			default:
				sep(i)
			}
			continue
		}
		for _, p := range foldRune(r) {
			if p == " " {
				sep(i)
				continue
			}
			emit(p, i)
			space = false
		}
	}
	t := b.String()
	if strings.HasSuffix(t, " ") {
		t = t[:len(t)-1]
		off = off[:len(off)-1]
	}
	off = append(off, len(s))
	return folded{s: t, off: off}
}

// foldRune is what a character above ASCII folds to: for each character
// of its decomposition, the letters to write (ъ writes none but is a
// letter), or " " for a separator (marks and format characters give
// nothing). Texts repeat their
// characters, and NFKD of each was most of the cost of clearing a
// report, so the answers are kept.
func foldRune(r rune) []string {
	foldedRunes.RLock()
	p, ok := foldedRunes.m[r]
	foldedRunes.RUnlock()
	if ok {
		return p
	}
	p = []string{}
	for _, d := range norm.NFKD.String(string(r)) {
		switch {
		case unicode.Is(unicode.Mn, d), unicode.Is(unicode.Me, d), unicode.Is(unicode.Cf, d), d == 'ـ':
		case unicode.IsLetter(d) || unicode.IsDigit(d):
			p = append(p, latin(unicode.ToLower(d)))
		default:
			p = append(p, " ")
		}
	}
	foldedRunes.Lock()
	if len(foldedRunes.m) < 1<<16 {
		foldedRunes.m[r] = p
	}
	foldedRunes.Unlock()
	return p
}

var foldedRunes = struct {
	sync.RWMutex
	m map[rune][]string
}{m: map[rune][]string{}}

// latin spells a lower-case letter the way the fold compares it: Latin
// letters that do not decompose (ø, ł, ß, æ), Cyrillic and Greek by a
// plain transliteration, y as i. Other scripts stay as they are.
func latin(r rune) string {
	if s, ok := translit[r]; ok {
		return s
	}
	if r == 'y' {
		return "i"
	}
	return string(r)
}

var translit = func() map[rune]string {
	m := map[rune]string{
		'ß': "ss", 'ø': "o", 'æ': "ae", 'œ': "oe", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i", 'ħ': "h", 'ŧ': "t", 'ŋ': "n",
		// Greek (after NFKD: accents are gone).
		'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i", 'θ': "th", 'ι': "i", 'κ': "k", 'λ': "l",
		'μ': "m", 'ν': "n", 'ξ': "x", 'ο': "o", 'π': "p", 'ρ': "r", 'σ': "s", 'ς': "s", 'τ': "t", 'υ': "i", 'φ': "f",
		'χ': "ch", 'ψ': "ps", 'ω': "o",
	}
	// Cyrillic: one spelling for the Russian, Ukrainian, Belarusian,
	// Serbian, Bulgarian and Central Asian letters; y and i already meet.
	cyr := "а a б b в v г g ґ g д d е e є e ё e ж zh з z и i і i ї i й i к k л l м m н n о o п p р r с s т t у u ў u " +
		"ф f х kh ц ts ч ch ш sh щ shch ъ _ ы i ь _ э e ю iu я ia ђ dj ј j љ lj њ nj ћ c џ dz ѓ g ќ k ѕ dz " +
		"ә a ғ g қ k ң n ө o ұ u ү u һ h җ zh ҳ h ӣ i ӯ u"
	f := strings.Fields(cyr)
	for i := 0; i+1 < len(f); i += 2 {
		r, _ := utf8.DecodeRuneInString(f[i])
		m[r] = strings.TrimPrefix(f[i+1], "_")
	}
	return m
}()
