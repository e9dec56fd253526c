package i18n

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Non-breaking spaces of French typography: a full one (U+00A0) before a
// colon and inside guillemets, a narrow one (U+202F) before ; ! ?. The
// PDF layout breaks lines only at ASCII spaces, so neither lets a line
// start with the punctuation.
const (
	nbsp       = "\u00a0"
	narrowNbsp = "\u202f"
)

// Typography applies the punctuation rules of lang to Markdown produced
// for a document, template words and partners' text alike:
//
//   - French: a non-breaking space before : ; ! ? (the plain space there
//     becomes one; one is added before ; ! ? that follow a word directly)
//     and inside « » — so that no line can start with » : ; ! or ?.
//   - Spanish, Portuguese and Russian: «» hug their words («texto»), as
//     their readers expect.
//
// Fenced code blocks (the chart data), inline code and web addresses are
// left alone. Other languages come back unchanged.
func Typography(lang string, md []byte) []byte {
	switch lang {
	case "fr", "es", "pt", "ru":
	default:
		return md
	}
	lines := bytes.Split(md, []byte("\n"))
	fenced := false
	for i, l := range lines {
		if bytes.HasPrefix(bytes.TrimLeft(l, " "), []byte("```")) {
			fenced = !fenced
			continue
		}
		if fenced {
			continue
		}
		lines[i] = []byte(typoLine(lang, string(l)))
	}
	return bytes.Join(lines, []byte("\n"))
}

// typoLine works word by word (split at ASCII spaces, which stay the only
// break points), leaving code spans and addresses as they are.
func typoLine(lang, line string) string {
	if !strings.ContainsAny(line, ":;!?«»") {
		return line
	}
	var b strings.Builder
	inCode := false
	words := strings.Split(line, " ")
	for i, w := range words {
		if strings.Count(w, "`")%2 == 1 {
			inCode = !inCode
		}
		plain := !inCode && !strings.Contains(w, "`") && !isAddress(w)
		if i > 0 {
			// The space before this word: non-breaking when the word is
			// French closing punctuation, or the space after « .
			prev := words[i-1]
			if isAddress(prev) {
				// A web address ends at the ASCII space: keep it, so the
				// link found in the text stays exactly the address.
				b.WriteByte(' ')
				if plain && lang == "fr" {
					w = frenchInside(w)
				}
				b.WriteString(w)
				continue
			}
			switch {
			case plain && lang == "fr" && startsWithPunct(w, ":") && !strings.HasSuffix(prev, "|"):
				b.WriteString(nbsp)
			case plain && lang == "fr" && startsWithPunct(w, ";!?"):
				b.WriteString(narrowNbsp)
			case plain && lang == "fr" && startsWithPunct(w, "»"):
				b.WriteString(nbsp)
			case plain && lang == "fr" && strings.HasSuffix(prev, "«"):
				b.WriteString(nbsp)
			case plain && lang != "fr" && (startsWithPunct(w, "»") || strings.HasSuffix(prev, "«")):
				// «texto»: no space inside.
			default:
				b.WriteByte(' ')
			}
		}
		if plain && lang == "fr" {
			w = frenchInside(w)
		}
		b.WriteString(w)
	}
	return b.String()
}

// startsWithPunct reports whether a word is one of the marks in set,
// possibly escaped for Markdown ("\!") or followed by markup ("»,", ":**").
func startsWithPunct(w, set string) bool {
	w = strings.TrimPrefix(w, `\`)
	r, _ := utf8.DecodeRuneInString(w)
	return r != utf8.RuneError && strings.ContainsRune(set, r)
}

// frenchInside adds the space French wants where a word carries its
// punctuation directly: "«mot" → "« mot", "mot»" → "mot »", "Attention!" →
// "Attention !" (narrow, non-breaking). A colon glued to a word is left
// alone: it is a time (10:30), a reference or an address.
func frenchInside(w string) string {
	var b strings.Builder
	rs := []rune(w)
	for i, r := range rs {
		switch {
		case r == '«' && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]):
			b.WriteRune(r)
			b.WriteString(nbsp)
			continue
		case r == '»' && i > 0 && !unicode.IsSpace(rs[i-1]) && rs[i-1] != '\u00a0':
			b.WriteString(nbsp)
		case (r == ';' || r == '!' || r == '?') && i > 0 && (unicode.IsLetter(rs[i-1]) || unicode.IsDigit(rs[i-1]) || rs[i-1] == ')' || rs[i-1] == '»' || rs[i-1] == '*'):
			// "*" ends bold or italic text: "**Attention**!" still needs it.
			if r == '!' && i+1 < len(rs) && rs[i+1] == '[' {
				break // a Markdown image
			}
			b.WriteString(narrowNbsp)
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isAddress(w string) bool {
	return strings.Contains(w, "://") || strings.HasPrefix(strings.TrimLeft(w, "(<*_"), "www.") || strings.Contains(w, "@")
}
