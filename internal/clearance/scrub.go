package clearance

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Scrubber finds in a text the words that could name one country.
type Scrubber struct {
	terms  []term
	codes  []string // the country code and its variants, matched as words
	codeRE []*regexp.Regexp
}

type term struct {
	f        string // folded
	orig     string // as given, for the message
	anywhere bool   // a script written without spaces: no word start to wait for
	// prefix: the term may begin a longer word ("Ukrain" in "Ukrainian");
	// else it must be a whole word, so "Tran" does not hit "Translated".
	prefix bool
}

// Hit is one name found in a text: bytes [Start, End) of the text as given.
type Hit struct {
	Start, End int
	Name       string // the spelling it matched, as the Scrubber was given it
}

// minRunes is the shortest name matched: shorter words ("Li", "Ha") are
// common syllables in other languages and would hit everywhere. The
// country code is matched apart, as a whole word.
const minRunes = 3

// NewScrubber knows the country's own names, names of places and
// organisations, names of people (any script, any case) and the country
// code. Names of several words are also known without their spaces ("Viet
// Nam" finds "Vietnamese"); a person's name is also known by each of its
// words of four letters or more, since a surname alone names someone.
// A name of the first list (the country's, its capitals', the event
// city's) matches at the start of a word, so its demonyms and declined
// forms go too ("Peruvian", "Iraqi", "у Київі"); other names of fewer than
// six letters only as whole words.
func NewScrubber(code string, countries, names, people []string) *Scrubber {
	s := &Scrubber{}
	seen := map[string]bool{}
	country := false
	add := func(f, orig string) {
		n := utf8.RuneCountInString(f)
		if n < minRunes || seen[f] {
			return
		}
		seen[f] = true
		s.terms = append(s.terms, term{f: f, orig: orig, anywhere: unspaced(f), prefix: n >= 6 || country && n >= 4})
	}
	for i, list := range [][]string{countries, names, people} {
		country = i == 0
		for _, n := range list {
			n = strings.TrimSpace(n)
			if n == "" {
				continue
			}
			f := fold(n).s
			add(f, n)
			if !strings.Contains(f, " ") {
				continue
			}
			add(strings.ReplaceAll(f, " ", ""), n)
			if i == 2 {
				for _, w := range strings.Fields(f) {
					if utf8.RuneCountInString(w) >= 4 && !common[w] {
						add(w, n)
					}
				}
			}
		}
	}
	// Longest first, so a hit names the fullest spelling.
	slices.SortFunc(s.terms, func(a, b term) int { return cmp.Or(cmp.Compare(len(b.f), len(a.f)), cmp.Compare(a.f, b.f)) })
	if code = strings.TrimSpace(code); code != "" {
		s.codes = append(s.codes, strings.ToUpper(code))
		if !common[fold(code).s] {
			s.codes = append(s.codes, strings.ToLower(code))
		}
		for _, c := range s.codes {
			s.codeRE = append(s.codeRE, codeRE(c))
		}
	}
	return s
}

// unspaced reports whether f is in a script written without spaces between
// words (Chinese, Japanese, Thai, Lao, Khmer, Burmese) or one that joins
// particles to the word before a name (Arabic "بالجزائر"), where a name
// can start anywhere.
func unspaced(f string) bool {
	for _, r := range f {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer,
			unicode.Myanmar, unicode.Arabic, unicode.Hebrew, unicode.Tibetan) {
			return true
		}
	}
	return false
}

// Find returns every name in text, in order, overlapping hits merged.
func (s *Scrubber) Find(text string) []Hit {
	ft := fold(text)
	var hits []Hit
	for _, t := range s.terms {
		for from := 0; from < len(ft.s); {
			i := strings.Index(ft.s[from:], t.f)
			if i < 0 {
				break
			}
			i += from
			end := i + len(t.f)
			if t.anywhere || (i == 0 || ft.s[i-1] == ' ') && (t.prefix || end == len(ft.s) || ft.s[end] == ' ') {
				hits = append(hits, Hit{Start: ft.off[i], End: endAt(ft, i+len(t.f), text), Name: t.orig})
			}
			from = i + 1
		}
	}
	hits = append(hits, s.findCodes(text)...)
	slices.SortFunc(hits, func(a, b Hit) int { return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End)) })
	var out []Hit
	for _, h := range hits {
		if n := len(out); n > 0 && h.Start < out[n-1].End {
			out[n-1].End = max(out[n-1].End, h.End)
			continue
		}
		out = append(out, h)
	}
	return out
}

// endAt is the original byte offset just after the folded byte j-1.
func endAt(ft folded, j int, text string) int {
	if j >= len(ft.s) {
		return len(text)
	}
	start := ft.off[j-1]
	_, n := utf8.DecodeRuneInString(text[start:])
	return start + n
}

// findCodes finds the code as a word: upper case always, lower case unless
// it is a common word ("in", "es", "no"). It looks at the NFKC form, so a
// full-width "ＶＮ" counts.
func (s *Scrubber) findCodes(text string) []Hit {
	var hits []Hit
	src := text
	if !norm.NFKC.IsNormalString(text) {
		src = norm.NFKC.String(text)
	}
	for i, re := range s.codeRE {
		for _, m := range re.FindAllStringSubmatchIndex(src, -1) {
			st, en := m[2], m[3]
			if src != text {
				st, en = mapNFKC(text, st, en)
			}
			hits = append(hits, Hit{Start: st, End: en, Name: s.codes[i]})
		}
	}
	return hits
}

// codeRE matches c as a word. \b is ASCII-only in Go's regexp; a code next
// to a letter of another script ("UAгромада") is not a word of its own.
func codeRE(c string) *regexp.Regexp {
	// A consolidation clears every country with its own code: compiled
	// once per code (a Regexp is safe for concurrent use).
	if re, ok := codeREs.Load(c); ok {
		return re.(*regexp.Regexp)
	}
	re := regexp.MustCompile(`(?:^|[^\p{L}\p{N}])(` + regexp.QuoteMeta(c) + `)(?:$|[^\p{L}\p{N}])`)
	codeREs.Store(c, re)
	return re
}

var codeREs sync.Map // code -> *regexp.Regexp

// mapNFKC finds the original bytes whose NFKC form covers [a, b) of the
// NFKC form of text.
func mapNFKC(text string, a, b int) (int, int) {
	pos := 0
	st, en := 0, len(text)
	found := false
	for i, r := range text {
		n := len(norm.NFKC.String(string(r)))
		if !found && pos+n > a {
			st, found = i, true
		}
		if pos >= b {
			en = i
			break
		}
		pos += n
	}
	return st, en
}

// common words of the campaign's languages that are also country codes or
// words of organisation names; they are not matched lower-case on their
// own.
var common = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`in to at it be no is am me my us so do ad al as by de el es la le se si un et en ni pe ne
		nu ma mo ca co ga gy il io km lu mu na pa pt re sa sc sd sg sh sl sm sn st sv tv th tn tt ve vi ws ye
		para pour with from that this from their ministry ministère ministerio ministério national nationale nacional
		council conseil consejo human rights droits derechos direitos social sociale sociales civic civique civil society
		société sociedad sociedade organisation organization organización organização association asociación
		associação initiative iniciativa network réseau coalition coalición coalizão centre center centro institute
		institut instituto committee comité comisión commission comissão justice justicia justiça fictional fictif
		ficticio ficticia office oficina bureau public pública publico público people pueblo peuple women femmes mujeres
		union unión government gouvernement gobierno governo parliament parlement congreso assembly assemblée asamblea
		república republic république democratic démocratique democrática democratica federal state état estado united
		unis unidos kingdom royaume reino islamic islamique islámica people's populaire popular plurinational
		plurinacional`) {
		m[fold(w).s] = true
	}
	return m
}()
