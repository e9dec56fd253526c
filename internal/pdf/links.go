package pdf

import (
	"strings"
	"unicode/utf8"
)

// Web addresses in the text become links, and words too long for their
// line (addresses, mostly) break where a reader expects.

// appendLinked appends r to out, split so that every web address in its
// text (http://, https://, www.) is a run of its own linking to itself.
// Text already inside a link, and code, is left alone.
func appendLinked(out []run, r run) []run {
	if r.link != "" || r.code {
		return append(out, r)
	}
	s := r.text
	for {
		i, j := findURL(s)
		if i < 0 {
			break
		}
		if i > 0 {
			pre := r
			pre.text, pre.hard = s[:i], false
			out = append(out, pre)
		}
		u := r
		u.text, u.hard = s[i:j], false
		u.link = u.text
		if strings.HasPrefix(strings.ToLower(u.link), "www.") {
			u.link = "https://" + u.link
		}
		out = append(out, u)
		s = s[j:]
	}
	if s != "" || len(out) == 0 {
		r.text = s
		out = append(out, r)
	} else {
		out[len(out)-1].hard = r.hard
	}
	return out
}

// findURL returns the byte range of the first web address in s, or -1.
// The address ends at a space, a quote or an angle bracket; punctuation
// that ends a sentence or closes a bracket opened before it is not part
// of it.
func findURL(s string) (int, int) {
	start := -1
	for _, p := range []string{"https://", "http://", "www."} {
		for off := 0; ; {
			k := indexFold(s[off:], p)
			if k < 0 {
				break
			}
			k += off
			// "www." inside a word (awww.) or an address is not a start.
			if p != "www." || k == 0 || !isWordByte(s[k-1]) {
				if start < 0 || k < start {
					start = k
				}
				break
			}
			off = k + len(p)
		}
	}
	if start < 0 {
		return -1, -1
	}
	end := start
	for end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		if r == ' ' || r == '\t' || r == '\n' || r == '"' || r == '<' || r == '>' || r == '«' || r == '»' || r == '“' || r == '”' {
			break
		}
		end += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(s[start:end])
		trim := strings.ContainsRune(".,;:!?'’", r)
		if r == ')' && strings.Count(s[start:end], "(") < strings.Count(s[start:end], ")") {
			trim = true
		}
		if !trim {
			break
		}
		end -= n
	}
	scheme := strings.Index(s[start:end], "//")
	if end-start <= len("www.") || (scheme >= 0 && end-start <= scheme+2) {
		return -1, -1 // a bare "www." or "https://"
	}
	return start, end
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b >= 0x80
}

// indexFold is the first index of p (lower-case ASCII) in s, ignoring the
// case of ASCII letters: offsets stay those of s, which a lower-cased copy
// does not keep when a letter lowers to more bytes (İ).
func indexFold(s, p string) int {
	for i := 0; i+len(p) <= len(s); i++ {
		if s[i]|0x20 != p[0] {
			continue
		}
		j := 1
		for j < len(p) && lowerASCII(s[i+j]) == p[j] {
			j++
		}
		if j == len(p) {
			return i
		}
	}
	return -1
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// breakAfter are the characters after which a web address or a long
// word may break without a mark: a reader sees the address continues.
const breakAfter = "/.-?&=_#~,;"

// splitWord cuts a word wider than maxW into chunks that fit: after the
// last of breakAfter that leaves at least a third of the line filled,
// else between two characters with a hyphen at the end of the chunk when
// mark is set (never mid-word without a marker). Code lines pass mark
// false: a hyphen would read as part of the code.
func (l *layout) splitWord(pcs []piece, maxW float64, mark bool) [][]piece {
	type char struct {
		r   rune
		pc  int     // index into pcs
		off int     // byte offset in pcs[pc].text
		w   float64 // advance
	}
	var cs []char
	for i, pc := range pcs {
		face := l.fonts.faces[pc.ts.st&3]
		for off, r := range pc.text {
			cs = append(cs, char{r: r, pc: i, off: off, w: float64(face.runeWidth(r)) * pc.ts.size / 1000 * ptToMM})
		}
	}
	width := func(a, b int) float64 {
		w := 0.0
		for _, c := range cs[a:b] {
			w += c.w
		}
		return w
	}
	// chunk is the pieces of cs[a:b], plus a hyphen.
	chunk := func(a, b int, hyphen bool) []piece {
		var out []piece
		for i := a; i < b; {
			j := i
			for j < b && cs[j].pc == cs[i].pc {
				j++
			}
			pc := pcs[cs[i].pc]
			endOff := len(pc.text)
			if j < len(cs) && cs[j].pc == cs[i].pc {
				endOff = cs[j].off
			}
			out = append(out, piece{text: pc.text[cs[i].off:endOff], ts: pc.ts, w: width(i, j)})
			i = j
		}
		if hyphen && len(out) > 0 {
			last := &out[len(out)-1]
			face := l.fonts.faces[last.ts.st&3]
			last.text += "-"
			last.w += face.width("-", last.ts.size)
		}
		return out
	}
	var chunks [][]piece
	for start := 0; start < len(cs); {
		end, w := start, 0.0
		for end < len(cs) && (end == start || w+cs[end].w <= maxW) {
			w += cs[end].w
			end++
		}
		if end == len(cs) {
			chunks = append(chunks, chunk(start, end, false))
			break
		}
		cut := -1
		for i := end; i > start; i-- {
			if strings.ContainsRune(breakAfter, cs[i-1].r) && width(start, i) >= maxW/3 {
				cut = i
				break
			}
		}
		hyphen := false
		if cut < 0 {
			cut = end
			if mark {
				hw := l.fonts.faces[pcs[cs[end-1].pc].ts.st&3].width("-", pcs[cs[end-1].pc].ts.size)
				for cut > start+1 && width(start, cut)+hw > maxW {
					cut--
				}
				hyphen = true
			}
		}
		chunks = append(chunks, chunk(start, cut, hyphen))
		start = cut
	}
	return chunks
}
