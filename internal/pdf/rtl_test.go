package pdf

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"opkit/internal/testtool"
)

// rev reverses the runes of s: an Arabic word as it is drawn, left to
// right.
func rev(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func TestShape(t *testing.T) {
	if _, err := loadFonts(); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		in   string
		want []rune
	}{
		// seen initial, lam-alef final (the lam joins the seen), meem
		// isolated (alef does not join forward).
		{"سلام", []rune{0xFEB3, 0xFEFC, 0xFEE1}},
		{"لا", []rune{0xFEFB}},
		{"محمد", []rune{0xFEE3, 0xFEA4, 0xFEE4, 0xFEAA}},
		// dal and waw join only backwards: every letter after them starts anew.
		{"دول", []rune{0xFEA9, 0xFEED, 0xFEDD}},
		// ta marbuta final, hamza never joins.
		{"دولة", []rune{0xFEA9, 0xFEED, 0xFEDF, 0xFE94}},
		{"ماء", []rune{0xFEE3, 0xFE8E, 0x0621}},
		// A shadda is transparent: the letters around it still join.
		{"حيّز", []rune{0xFEA3, 0xFEF4, 0x0651, 0xFEB0}},
		// Tatweel joins on both sides; Latin and digits are left alone.
		{"بـ ICESCR 2008", []rune{0xFE91, 0x0640, ' ', 'I', 'C', 'E', 'S', 'C', 'R', ' ', '2', '0', '0', '8'}},
		// A zero width non-joiner stops joining and is dropped.
		{"ب\u200cب", []rune{0xFE8F, 0xFE8F}},
	}
	for _, c := range cases {
		if got := []rune(shape(c.in)); string(got) != string(c.want) {
			t.Errorf("shape(%q) = %U, want %U", c.in, got, c.want)
		}
	}
}

// TestShapeCoverage puts every Arabic letter in each position and checks
// that what is drawn is in both Arabic fonts and normalises (NFKC) back to
// the letter: no form is emitted that the fonts lack.
func TestShapeCoverage(t *testing.T) {
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	const tatweel = "\u0640"
	n := 0
	for r := rune(0x0620); r <= 0x06FF; r++ {
		if !fs.faces[regular].ar.mapped[r] {
			continue
		}
		for _, ctx := range [][2]string{{"", ""}, {tatweel, ""}, {"", tatweel}, {tatweel, tatweel}} {
			in := ctx[0] + string(r) + ctx[1]
			out := shape(in)
			for _, g := range out {
				if !drawable(fs, nil, g) || (isArabicScript(g) && !mappedBoth(g)) {
					t.Errorf("shape(%q) draws %U, which a font lacks", in, g)
				}
			}
			if got, want := norm.NFKC.String(out), norm.NFKC.String(in); got != want {
				t.Errorf("NFKC(shape(%q)) = %q, want %q", in, got, want)
			}
			n++
		}
	}
	if n < 4*100 {
		t.Fatalf("only %d shaped forms checked", n)
	}
}

// TestVisualOrder checks the drawing order of mixed lines: each want is
// the line as drawn from left to right.
func TestVisualOrder(t *testing.T) {
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		para    uint8
		in      string
		want    string
		actuals []string // the extraction text of the pieces that have one
	}{
		{1, "في New York عام 2013", "2013 " + rev("عام") + " New York " + rev("في"), []string{"\u200f \u200f", "\u200f \u200f", "\u200f \u200f"}},
		// Brackets are mirrored at a right-to-left level and extract as typed.
		{1, "(CESCR) بعد", rev("بعد") + " (CESCR)", []string{"\u200f \u200f", "\u200f)\u200f", "\u200f(\u200f"}},
		{1, "عام 2013، وصادقت", rev("وصادقت") + " ،2013 " + rev("عام"), []string{"\u200f،\u200f", "\u200f \u200f"}},
		{1, "موقع https://www.ohchr.org.", ".https://www.ohchr.org " + rev("موقع"), []string{"\u200f.\u200f", "\u200f \u200f"}},
		{1, "المادة 11 (opt-in)", "(opt-in) 11 " + rev("المادة"), nil},
		{0, "the country مصر (Egypt) signed", "the country " + rev("مصر") + " (Egypt) signed", nil},
		{0, "Lebanon (لبنان) and Jordan", "Lebanon (" + rev("لبنان") + ") and Jordan", nil},
		// Trailing spaces go back to the paragraph's side (rule L1).
		{1, "مصر  ", "  " + rev("مصر"), nil},
	}
	for _, c := range cases {
		vis := visualPieces([]piece{{text: c.in, ts: textStyle{size: 10}}}, c.para, fs)
		var b strings.Builder
		var actuals []string
		for _, pc := range vis {
			b.WriteString(pc.text)
			if pc.actual != "" {
				actuals = append(actuals, pc.actual)
			}
		}
		if got := b.String(); got != c.want {
			t.Errorf("para %d %q: drawn %q, want %q", c.para, c.in, got, c.want)
		}
		if c.actuals != nil && strings.Join(actuals, "|") != strings.Join(c.actuals, "|") {
			t.Errorf("para %d %q: actual texts %q, want %q", c.para, c.in, actuals, c.actuals)
		}
	}
}

// extracted is pdftotext output in comparable form (testtool.Logical).
func extracted(s string) string { return testtool.Logical(s) }

type bboxWord struct {
	x0, x1, y0 float64
	text       string // as drawn: an Arabic word is reversed
}

var (
	bboxLineRe = regexp.MustCompile(`<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"`)
	bboxWordRe = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>`)
)

// bboxLines returns the lines of page p, each as its words.
func bboxLines(t *testing.T, file string, p int) [][]bboxWord {
	out := sh(t, "pdftotext", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), "-bbox-layout", file, "-")
	var lines [][]bboxWord
	for _, chunk := range strings.Split(out, "<line ")[1:] {
		var ws []bboxWord
		for _, m := range bboxWordRe.FindAllStringSubmatch(chunk, -1) {
			x0, _ := strconv.ParseFloat(m[1], 64)
			y0, _ := strconv.ParseFloat(m[2], 64)
			x1, _ := strconv.ParseFloat(m[3], 64)
			ws = append(ws, bboxWord{x0, x1, y0, m[4]})
		}
		lines = append(lines, ws)
	}
	return lines
}

// logicalWord is a drawn word as it is read: reversed before
// normalisation, since a lam-alef ligature expands in logical order.
func logicalWord(w string) string {
	if l := extracted(w); !hasRTL(l) {
		return l
	}
	return extracted(rev(w))
}

func arabicFixture(t *testing.T) []byte {
	t.Helper()
	src, err := os.ReadFile("testdata/briefing.ar.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := parse(src)
	doc.Lang = "ar"
	doc.Title = "مصر — إحاطة حول البروتوكول الاختياري"
	doc.Subtitle = "نسخة المشاركين · القاهرة، أيلول/سبتمبر 2027"
	doc.Header = "مصر · نسخة المشاركين"
	doc.Author = "تحالف المنظمات غير الحكومية من أجل البروتوكول الاختياري"
	doc.Cover, doc.Contents = true, true
	doc.Date = time.Date(2027, 9, 24, 0, 0, 0, 0, time.UTC)
	out, err := Render(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestArabicDocument(t *testing.T) {
	out := arabicFixture(t)
	if again := arabicFixture(t); string(again) != string(out) {
		t.Error("two renders of the same Arabic document differ")
	}
	file := writePDF(t, "briefing.ar.pdf", out)
	sh(t, "qpdf", "--check", file)
	if qdf := sh(t, "qpdf", "--qdf", "--object-streams=disable", file, "-"); !strings.Contains(qdf, "/Lang (ar)") {
		t.Error("PDF lacks /Lang (ar)")
	}

	// pdftotext gives every sentence in logical order.
	all := extracted(sh(t, "pdftotext", file, "-"))
	for _, want := range []string{
		"مصر — إحاطة حول البروتوكول الاختياري",
		"نسخة المشاركين · القاهرة، أيلول/سبتمبر 2027",
		"يتيح البروتوكول الاختياري لعام 2008 للأفراد تقديم شكاوى إلى لجنة الحقوق الاقتصادية والاجتماعية والثقافية (CESCR) بعد استنفاد سبل الانتصاف المحلية.",
		"دخل حيّز النفاذ في 5 أيار/مايو 2013، وصادقت عليه حتى الآن 29 دولة.",
		"الهدف: أن توقّع الحكومة على البروتوكول في مقر الأمم المتحدة في New York خلال حدث المعاهدات، ثم تصادق عليه.",
		"للمزيد انظر موقع التحالف أو https://www.ohchr.org.",
		"تتيح المادة 11 إجراء التحقيق، وهو اختياري (opt-in).",
		"الدول الأطراف: البرتغال (Portugal)، الأرجنتين، إسبانيا.",
		"قضية الحق في السكن: أُخلي 120 أسرة في عام 2021 دون سكن بديل، والمبلغ المطلوب 3.5 مليون دولار.",
		"تتطلب إعلاناً (declaration)",
		"نص بعد الرسم: الحكومة وقّعت على العهد (ICESCR) في 1967 وصادقت عليه في 1982.",
		"الدول الأطراف حسب المنطقة", "حفل التوقيع", "المحتويات", "الصفحة 3 من 4",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("pdftotext lacks %q", want)
		}
	}

	// Paragraph lines end at the right margin, the last one too; a
	// heading's lines start right of its number, a list item's right of
	// its bullet.
	right := (210.0 - marginX) / ptToMM
	starts := map[string]bool{"يتيح": true, ")CESCR(": true, "دولة": true, "الهدف": true, "عليه.": true}
	lines := bboxLines(t, file, 3)
	found := 0
	for _, ln := range lines {
		if len(ln) == 0 {
			continue
		}
		last := ln[len(ln)-1] // the rightmost word: where the line starts reading
		if !starts[logicalWord(last.text)] {
			continue
		}
		found++
		if d := right - last.x1; d < -0.5 || d > 0.5 {
			t.Errorf("line starting %q ends %.1fpt from the right margin", logicalWord(last.text), d)
		}
	}
	if found < len(starts) {
		t.Errorf("found %d of the paragraph lines to check", found)
	}

	// In an Arabic sentence, a Latin name and a number keep their order:
	// the words are drawn right to left, the Latin name and the number
	// left to right.
	pos := func(word string) float64 {
		for _, ln := range lines {
			for _, w := range ln {
				if logicalWord(w.text) == word {
					return w.x0
				}
			}
		}
		t.Errorf("word %q not on page 3", word)
		return 0
	}
	for _, order := range [][]string{
		{"خلال", "New", "York", "في"}, // read right to left: في New York خلال
		{"للأفراد", "2008", "لعام"},   // read: لعام 2008 للأفراد
		{"مليون", "3.5", "المطلوب"},
	} {
		for i := 1; i < len(order); i++ {
			if a, b := pos(order[i-1]), pos(order[i]); a >= b {
				t.Errorf("%q (x=%.1f) is not left of %q (x=%.1f)", order[i-1], a, order[i], b)
			}
		}
	}
	// Mirrored furniture: bullets right of their item, table columns right
	// to left, the page number at the left of the footer.
	for _, order := range [][]string{
		{"الملاحظات", "الموضوع", "المادة"},
		{"الجماعات", "•"},
		{"الصفحة", "إحاطة"},
	} {
		for i := 1; i < len(order); i++ {
			if a, b := pos(order[i-1]), pos(order[i]); a >= b {
				t.Errorf("%q (x=%.1f) is not left of %q (x=%.1f)", order[i-1], a, order[i], b)
			}
		}
	}
}

// TestArabicInEnglish: an Arabic name inside an English sentence is shaped,
// drawn right to left in its place and extracted as written.
func TestArabicInEnglish(t *testing.T) {
	src := []byte("# Partners\n\nThe event in مصر (Egypt) is hosted by جمعية الحقوق, founded in 1999.\n\n| Country | Name |\n|---|---|\n| Egypt | مصر |\n")
	doc := parse(src)
	doc.Lang = "en"
	doc.Title = "Partners — الشركاء"
	doc.Date = time.Date(2027, 9, 24, 0, 0, 0, 0, time.UTC)
	out, err := Render(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	file := writePDF(t, "arabic-in-english.pdf", out)
	sh(t, "qpdf", "--check", file)
	all := extracted(sh(t, "pdftotext", file, "-"))
	for _, want := range []string{
		"The event in مصر (Egypt) is hosted by جمعية الحقوق, founded in 1999.",
		"Egypt مصر", "Partners — الشركاء",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("pdftotext lacks %q in\n%s", want, all)
		}
	}
	// Left-aligned: the sentence starts at the left margin.
	for _, ln := range bboxLines(t, file, 1) {
		if len(ln) > 0 && ln[0].text == "The" {
			if d := ln[0].x0 - marginX/ptToMM; d < -0.5 || d > 0.5 {
				t.Errorf("English line starts %.1fpt from the left margin", d)
			}
			return
		}
	}
	t.Error(fmt.Sprint("line starting \"The\" not found"))
}
