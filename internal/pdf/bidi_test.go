package pdf

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/bidi"
)

// The full conformance file of Debian's unicode-data package; .ci/run
// installs it. The sample in testdata runs everywhere.
const ucdBidiTest = "/usr/share/unicode/BidiCharacterTest.txt"

func TestBidiCharacterTestSample(t *testing.T) {
	runBidiConformance(t, "testdata/bidi-character-test.txt", 1800)
}

func TestBidiCharacterTestFull(t *testing.T) {
	if _, err := os.Stat(ucdBidiTest); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s missing: install unicode-data", ucdBidiTest)
		}
		t.Skip(ucdBidiTest, " missing (Debian package unicode-data)")
	}
	runBidiConformance(t, ucdBidiTest, 90000)
}

// runBidiConformance checks levels and visual order against a
// BidiCharacterTest.txt file, leaving out the tests with explicit
// embeddings or isolates, which bidiLevels does not honour; at least min
// tests must run, so that an unreadable file cannot pass.
func runBidiConformance(t *testing.T, path string, min int) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	ran, failed := 0, 0
	for line := 1; sc.Scan(); line++ {
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		fs := strings.Split(s, ";")
		if len(fs) != 5 {
			t.Fatalf("%s:%d: %d fields", path, line, len(fs))
		}
		var text []rune
		explicit := false
		for _, h := range strings.Fields(fs[0]) {
			v, err := strconv.ParseUint(h, 16, 32)
			if err != nil {
				t.Fatalf("%s:%d: %v", path, line, err)
			}
			r := rune(v)
			p, _ := bidi.LookupRune(r)
			switch p.Class() {
			case bidi.LRE, bidi.RLE, bidi.LRO, bidi.RLO, bidi.PDF, bidi.LRI, bidi.RLI, bidi.FSI, bidi.PDI:
				explicit = true
			}
			text = append(text, r)
		}
		if explicit {
			continue
		}
		para := uint8(fs[1][0] - '0')
		if para == 2 {
			para = firstStrongLevel(text)
		}
		if want := fs[2]; strconv.Itoa(int(para)) != want {
			t.Errorf("%s:%d: paragraph level %d, want %s", path, line, para, want)
			failed++
			continue
		}
		levels := bidiLevels(text, para)
		wantLv := strings.Fields(fs[3])
		ok := len(wantLv) == len(text)
		var kept []int
		for i := 0; ok && i < len(text); i++ {
			if wantLv[i] == "x" {
				continue
			}
			kept = append(kept, i)
			if strconv.Itoa(int(levels[i])) != wantLv[i] {
				ok = false
			}
		}
		// The expected order leaves out the removed characters: order
		// the kept ones only.
		var sub []rune
		var subLv []uint8
		for _, i := range kept {
			sub = append(sub, text[i])
			subLv = append(subLv, levels[i])
		}
		var got []string
		if ok {
			for _, j := range visualOrder(subLv) {
				got = append(got, strconv.Itoa(kept[j]))
			}
			ok = strings.Join(got, " ") == strings.Join(strings.Fields(fs[4]), " ")
		}
		ran++
		if !ok {
			failed++
			if failed <= 10 {
				t.Errorf("%s:%d: %s\n got levels %v order %v\nwant levels %s order %s", path, line, fs[0], levels, got, fs[3], fs[4])
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if ran < min {
		t.Fatalf("%s: only %d tests ran, want at least %d", path, ran, min)
	}
	if failed > 0 {
		t.Errorf("%s: %d of %d tests failed", path, failed, ran)
	}
}

// firstStrongLevel is rules P2 and P3 (the tests' "auto" direction).
func firstStrongLevel(text []rune) uint8 {
	for _, r := range text {
		switch bidiClass(r) {
		case bidi.L:
			return 0
		case bidi.R, bidi.AL:
			return 1
		}
	}
	return 0
}
