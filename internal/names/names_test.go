package names

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

func TestCountry(t *testing.T) {
	tests := []struct{ code, lang, want string }{
		{"TR", "en", "Türkiye"},
		{"TR", "fr", "Türkiye"},
		{"TR", "ru", "Турция"},
		{"VN", "en", "Viet Nam"},
		{"VN", "fr", "Viet Nam"},
		{"VN", "ru", "Вьетнам"},
		{"VN", "ar", "فييت نام"},
		{"CI", "en", "Côte d'Ivoire"},
		{"CI", "fr", "Côte d'Ivoire"},
		{"CI", "es", "Côte d'Ivoire"},
		{"CI", "ru", "Кот-д'Ивуар"},
		{"UA", "en", "Ukraine"},
		{"UA", "ru", "Украина"}, // the UN's Russian, not the country's own Україна
		{"RU", "ru", "Российская Федерация"},
		{"RU", "en", "Russian Federation"}, // "(the)" dropped
		{"GR", "fr", "Grèce"},
		{"GR", "ar", "اليونان"},
		{"ST", "pt", "São Tomé e Príncipe"}, // CLDR: Portuguese has no UNTERM column
		{"ST", "en", "Sao Tome and Principe"},
		{"ST", "es", "Santo Tomé y Príncipe"},
		{"CO", "pt", "Colômbia"},
		{"SN", "ru", "Сенегал"},
		{"PS", "en", "State of Palestine"}, // asterisk of a non-member State dropped
		{"HK", "en", "China, Hong Kong Special Administrative Region"},
		{"HK", "ru", "Гонконг (САР)"},
		{"vn", "xx", "Viet Nam"}, // lower-case code, unknown language: English
		{"ZZ", "fr", "ZZ"},
	}
	for _, tt := range tests {
		if got := Country(tt.code, tt.lang); got != tt.want {
			t.Errorf("Country(%q, %q) = %q, want %q", tt.code, tt.lang, got, tt.want)
		}
	}
}

func TestFormalAndArticle(t *testing.T) {
	if got := Formal("VN", "fr"); got != "la République socialiste du Viet Nam" {
		t.Errorf("Formal(VN, fr) = %q", got)
	}
	if got := Formal("RU", "ru"); got != "Российская Федерация" {
		t.Errorf("Formal(RU, ru) = %q", got)
	}
	for _, tt := range []struct{ code, lang, want string }{
		{"GR", "fr", "la"}, {"UA", "fr", "l'"}, {"VN", "fr", "le"}, {"RU", "en", "the"},
		{"CO", "es", ""}, {"CO", "pt", ""},
	} {
		if got := Article(tt.code, tt.lang); got != tt.want {
			t.Errorf("Article(%q, %q) = %q, want %q", tt.code, tt.lang, got, tt.want)
		}
	}
}

// Every known country has a non-empty name in every language and a
// name in Arabic script for Arabic, Cyrillic for Russian.
func TestEveryCountryNamedInEveryLanguage(t *testing.T) {
	loadOnce.Do(load)
	if len(countries) < 240 {
		t.Fatalf("%d countries, want the ISO list", len(countries))
	}
	for code := range countries {
		for _, l := range Languages {
			n := Country(code, l)
			if n == "" || n == code {
				t.Errorf("Country(%s, %s) = %q", code, l, n)
				continue
			}
			var want *unicode.RangeTable
			switch l {
			case "ar":
				want = unicode.Arabic
			case "ru":
				want = unicode.Cyrillic
			}
			if want != nil && !strings.ContainsFunc(n, func(r rune) bool { return unicode.Is(want, r) }) {
				t.Errorf("Country(%s, %s) = %q, not in its script", code, l, n)
			}
		}
	}
}

func TestAll(t *testing.T) {
	tests := []struct {
		code string
		want []string
	}{
		{"UA", []string{"Ukraine", "Україна", "Украина", "Ucrania", "Ucrânia", "أوكرانيا", "l'Ukraine", "l’Ukraine"}},
		{"GR", []string{"Greece", "Ελλάδα", "Hellenic Republic", "République hellénique", "Греческая Республика", "اليونان", "Grécia"}},
		{"TR", []string{"Türkiye", "Turkey", "Turquie", "Turquía", "Turquia", "Турция", "تركيا", "Republic of Türkiye"}},
		{"CI", []string{"Côte d'Ivoire", "Côte d’Ivoire", "Ivory Coast", "Costa do Marfim", "Кот-д'Ивуар", "كوت ديفوار"}},
		{"VN", []string{"Viet Nam", "Vietnam", "Việt Nam", "Вьетнам", "فييت نام", "Socialist Republic of Viet Nam"}},
		{"RU", []string{"Российская Федерация", "Russia", "Russian Federation", "Fédération de Russie", "Rusia", "Rússia", "روسيا"}},
	}
	for _, tt := range tests {
		all := All(tt.code)
		for _, w := range tt.want {
			if !slices.Contains(all, w) {
				t.Errorf("All(%s) lacks %q; has %q", tt.code, w, all)
			}
		}
		for i := 1; i < len(all); i++ {
			if len([]rune(all[i])) > len([]rune(all[i-1])) {
				t.Errorf("All(%s) not longest first: %q before %q", tt.code, all[i-1], all[i])
			}
		}
		if slices.Contains(all, "") {
			t.Errorf("All(%s) holds an empty string", tt.code)
		}
	}
	if All("ZZ") != nil {
		t.Error("All(ZZ) should be nil")
	}
}

func TestCapitalsAndContinent(t *testing.T) {
	for _, tt := range []struct {
		code      string
		capitals  []string
		continent string
	}{
		{"UA", []string{"Kyiv", "Київ", "Киев"}, "europe"},
		{"GR", []string{"Athens", "Αθήνα"}, "europe"},
		{"VN", []string{"Hanoi", "Hà Nội"}, "asia"},
		{"ST", []string{"Sao Tome", "São Tomé"}, "africa"},
		{"CO", []string{"Bogota", "Bogotá"}, "americas"},
		{"FJ", []string{"Suva"}, "oceania"},
	} {
		caps := Capitals(tt.code)
		for _, w := range tt.capitals {
			if !slices.Contains(caps, w) {
				t.Errorf("Capitals(%s) = %q, lacks %q", tt.code, caps, w)
			}
		}
		if got := Continent(tt.code); got != tt.continent {
			t.Errorf("Continent(%s) = %q, want %q", tt.code, got, tt.continent)
		}
	}
}

func TestRegions(t *testing.T) {
	for _, code := range append(slices.Clone(RegionCodes), ContinentCodes...) {
		for _, l := range Languages {
			if n := Region(code, l); n == "" || n == code {
				t.Errorf("Region(%s, %s) = %q", code, l, n)
			}
			if p, ok := CountryIn(code, l); !ok || p == "" {
				t.Errorf("CountryIn(%s, %s) = %q, %v", code, l, p, ok)
			}
		}
	}
	for _, tt := range []struct{ code, lang, name, in string }{
		{"asia-pacific", "fr", "Asie-Pacifique", "un pays d'Asie-Pacifique"},
		{"africa", "en", "Africa", "a country in Africa"},
		{"middle-east-north-africa", "ar", "الشرق الأوسط وشمال أفريقيا", "بلد في الشرق الأوسط وشمال أفريقيا"},
		{"europe-central-asia", "ru", "Европа и Центральная Азия", "страна региона Европы и Центральной Азии"},
		{"americas", "pt", "Américas", "um país das Américas"},
	} {
		if got := Region(tt.code, tt.lang); got != tt.name {
			t.Errorf("Region(%s, %s) = %q, want %q", tt.code, tt.lang, got, tt.name)
		}
		if got, _ := CountryIn(tt.code, tt.lang); got != tt.in {
			t.Errorf("CountryIn(%s, %s) = %q, want %q", tt.code, tt.lang, got, tt.in)
		}
	}
	if Region("atlantis", "en") != "atlantis" {
		t.Error("unknown region should come back as written")
	}
	if _, ok := CountryIn("atlantis", "en"); ok {
		t.Error("CountryIn(atlantis) ok")
	}
}

func TestLanguages(t *testing.T) {
	for _, tt := range []struct{ code, lang, want string }{
		{"uk", "en", "Ukrainian"}, {"uk", "fr", "ukrainien"}, {"vi", "ru", "вьетнамский"},
		{"pt", "ar", "البرتغالية"}, {"el", "pt", "grego"}, {"xx", "en", "xx"},
	} {
		if got := Language(tt.code, tt.lang); got != tt.want {
			t.Errorf("Language(%s, %s) = %q, want %q", tt.code, tt.lang, got, tt.want)
		}
	}
	for code, want := range map[string][]string{
		"uk": {"Ukrainian", "ukrainien", "ucraniano", "украинский", "українська"},
		"fa": {"Persian", "Farsi", "persan", "فارسی"},
		"vi": {"Vietnamese", "Tiếng Việt", "vietnamita"},
	} {
		got := LanguageNames(code)
		for _, w := range want {
			if !slices.Contains(got, w) {
				t.Errorf("LanguageNames(%s) = %q, lacks %q", code, got, w)
			}
		}
	}
	if LanguageNames("xx") != nil {
		t.Error("LanguageNames(xx) should be nil")
	}
}
