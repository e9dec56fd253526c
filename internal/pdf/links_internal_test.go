package pdf

import "testing"

func TestFindURL(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"See https://example.org/a.", "https://example.org/a"},
		{"HTTPS://EXAMPLE.ORG/X and more", "HTTPS://EXAMPLE.ORG/X"},
		{"(www.ohchr.org)", "www.ohchr.org"},
		{"awww.example.org is not one", ""},
		{"no address here", ""},
		// A letter that lowers to more bytes before the address: the
		// offsets are the text's own.
		{"İİİ İstanbul: http://x.org/İ, then", "http://x.org/İ"},
		{"Ωmega «https://a.b/c»", "https://a.b/c"},
		{"http:/", ""},
	} {
		got := ""
		if a, b := findURL(tc.in); a >= 0 {
			got = tc.in[a:b]
		}
		if got != tc.want {
			t.Errorf("findURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCleanTextPlain(t *testing.T) {
	for in, want := range map[string]string{
		"plain ASCII":         "plain ASCII",
		"tab\there":           "tab here",
		"soft\u00adhyphen":    "softhyphen",
		"Co\u0302te d'Ivoire": "Côte d'Ivoire",
		"\ufeffBOM":           "BOM",
		"del\x7f":             "del ",
	} {
		if got := cleanText(in); got != want {
			t.Errorf("cleanText(%q) = %q, want %q", in, got, want)
		}
	}
}
