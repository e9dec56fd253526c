package clearance

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"opkit/internal/model"
)

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Côte d’Ivoire", "cote d ivoire"},
		{norm.NFD.String("Việt Nam"), "viet nam"},
		{"Viet\u00a0Nam", "viet nam"},
		{"Viet\u202fNam", "viet nam"},
		{"VIỆT  NAM!", "viet nam"},
		{"Київ", "kiiv"},
		{"Kyiv", "kiiv"},
		{"Киев", "kiev"},
		{"Ελλάδα", "ellada"},
		{"Türkiye", "turkiie"},
		{"Ｖｉｅｔｎａｍ", "vietnam"},
		{"Ha\u00adnoi", "hanoi"},
		{"Ha\u200bnoi", "hanoi"},
		{"Straße", "strasse"},
		{"  — ", ""},
	} {
		if got := fold(tc.in).s; got != tc.want {
			t.Errorf("fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// Offsets point back into the original.
	in := "la ville de Київ."
	f := fold(in)
	i := strings.Index(f.s, "kiiv")
	if got := in[f.off[i]:]; !strings.HasPrefix(got, "Київ") {
		t.Errorf("offset of kiiv points at %q", got)
	}
}

// The small names table of the tests: Ukraine in a few languages and its
// capital, as package names would give them.
func testNames(t *testing.T) {
	t.Helper()
	cn, cp := CountryNames, Capitals
	t.Cleanup(func() { CountryNames, Capitals = cn, cp })
	CountryNames = func(code string) []string {
		if code == "UA" {
			return []string{"Ukraine", "Україна", "Украина", "Ucrania", "أوكرانيا", "乌克兰"}
		}
		return nil
	}
	Capitals = func(code string) []string {
		if code == "UA" {
			return []string{"Kyiv", "Kiev", "Київ", "Киев", "Kiew", "كييف"}
		}
		return nil
	}
}

func testCountry() *model.Country {
	return &model.Country{
		Code: "UA", Name: "Україна",
		Partners: []model.Partner{{Name: "Громадська ініціатива «Соціальні права» — Social Rights Civic Initiative", Contact: "Оксана Коваленко", Email: "info@ua-rights.example.org"}},
		Event:    model.Event{City: "Львів", Authorities: []model.Authority{{Name: "Petro Melnyk", Institution: "Ministry of Social Policy"}}},
	}
}

func TestScrubberFinds(t *testing.T) {
	testNames(t)
	s := ForCountry(testCountry(), nil, "Ukrainian")
	for _, text := range []string{
		"The ministry in Kyiv said so",
		"the ministry in kiev said so",
		"im Ministerium in KIEW",
		"у Київі",
		"в Киеве",
		norm.NFD.String("Україна"),
		"Ukra\u00adine",
		"people of Ukraine",
		"Ukrainian partners",
		"UKRAINA",
		"Ucrania y su gobierno",
		"UA delegation",
		"ua delegation",
		"a talk by Kovalenko",
		"Ms Коваленко",
		"write to info@ua-rights.example.org",
		"the Lviv meeting",
		"Mr P. Melnyk",
		"حكومة أوكرانيا",
		"在乌克兰",
		"في كييف",
		"Ｕｋｒａｉｎｅ",
		"the Social Rights Civic Initiative",
	} {
		if hits := s.Find(text); len(hits) == 0 {
			t.Errorf("no hit in %q", text)
		}
	}
	for _, text := range []string{
		"The government said it would study the Protocol.",
		"Parliament can act; the ministry of finance has a say.",
		"a usual delegation", "Kyivan", // "Kyivan" is a hit, see below
	}[:3] {
		if hits := s.Find(text); len(hits) != 0 {
			t.Errorf("hit %+v in %q", hits, text)
		}
	}
}

func TestHitOffsets(t *testing.T) {
	testNames(t)
	s := ForCountry(testCountry(), nil)
	text := "Met in Kyiv\u00a0with UA staff"
	hits := s.Find(text)
	var got []string
	for _, h := range hits {
		got = append(got, text[h.Start:h.End])
	}
	if strings.Join(got, "|") != "Kyiv|UA" {
		t.Errorf("hits %q", got)
	}
}

func TestTodoParseCheck(t *testing.T) {
	testNames(t)
	items := []Withheld{
		{ID: ID("UA", "Opportunities: Opportunity", "x"), Country: "UA", File: "returns/ua.xlsx", Where: "Discussion!A5", Field: "Opportunities: Opportunity",
			Text: "First line\nThe ministry in Kyiv agreed."},
		{ID: ID("UA", "Statement", "y"), Country: "UA", File: "returns/ua.xlsx", Where: "Event!B20", Field: "Statement",
			Text: "Quote \"with\" ''' and\ttab and UA"},
		{ID: ID("UA", "Support", "z"), Country: "UA", File: "returns/ua.xlsx", Where: "Event!B21", Field: "Support", Text: "A legal analysis."},
	}
	data := Todo(items, "# heading\n")
	f, ds := Parse("clearance.toml", data)
	if len(ds) > 0 {
		t.Fatalf("parse: %v\n%s", ds, data)
	}
	if len(f.Entries) != 3 {
		t.Fatalf("%d entries", len(f.Entries))
	}
	lines := strings.Split(string(data), "\n")
	var all []string
	for _, it := range items {
		e := f.Entries[it.ID]
		if e == nil || e.Text != it.Text {
			t.Fatalf("entry %s: %+v", it.ID, e)
		}
		for _, d := range f.Check(e, ForCountry(testCountry(), nil)) {
			all = append(all, d.String())
			// The line:col points at the name in the file.
			line := []rune(lines[d.Line-1])
			if d.Col-1 >= len(line) {
				t.Errorf("%s: col beyond the line", d)
				continue
			}
			rest := string(line[d.Col-1:])
			if !strings.HasPrefix(rest, "Kyiv") && !strings.HasPrefix(rest, "UA") {
				t.Errorf("%s points at %q", d, rest)
			}
		}
	}
	if len(all) != 2 {
		t.Errorf("want 2 errors, got %q", all)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"[[text]]\ntext = 'x'\n", "clearance.toml:1:3: error: this [[text]] has no id"},
		{"[[text]]\nid = 'a'\n", "clearance.toml:1:3: error: this [[text]] (id \"a\") has no text"},
		{"[[text]]\nid = 'a'\ntxt = 'x'\n", "clearance.toml:3:1: error: unknown key \"txt\""},
		{"[[text]]\nid = 'a'\ntext = 3\n", "clearance.toml:3:8: error: text must be a string"},
		{"[[text]]\nid = 'a'\ntext = 'x\n", "clearance.toml:3:"},
		{"[[text]]\nid = 'a'\ntext = 'x'\n[[text]]\nid = 'a'\ntext = 'y'\n", "clearance.toml:4:3: error: id \"a\" is cleared twice"},
	} {
		_, ds := Parse("clearance.toml", []byte(tc.in))
		found := false
		for _, d := range ds {
			found = found || strings.HasPrefix(d.String(), tc.want)
		}
		if !found {
			t.Errorf("%q: got %v, want %s…", tc.in, ds, tc.want)
		}
	}
}

func TestIDStable(t *testing.T) {
	a := ID("VN", "NextSteps: Action", "Meet the ministry")
	if a != ID("VN", "NextSteps: Action", "Meet the ministry") || a == ID("VN", "NextSteps: Action", "Meet the ministry.") {
		t.Error("ids must follow the text")
	}
	if !strings.HasPrefix(a, "vn-nextsteps-action-") {
		t.Error(a)
	}
}
