package i18n

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// Every language has exactly English's keys, none of them blank: the
// guarantee the fallback rule rests on.
func TestCatalogueComplete(t *testing.T) {
	en := Keys("en")
	if len(en) < 50 {
		t.Fatalf("English catalogue has %d keys", len(en))
	}
	for _, l := range Languages {
		for _, k := range en {
			s, ok := catalog(l)[k]
			if !ok {
				t.Errorf("catalog/%s.toml lacks %s", l, k)
			} else if strings.TrimSpace(s) == "" {
				t.Errorf("catalog/%s.toml: %s is blank", l, k)
			}
		}
		for _, k := range Keys(l) {
			if !slices.Contains(en, k) {
				t.Errorf("catalog/%s.toml has %s, which English lacks", l, k)
			}
		}
	}
}

// Every file in catalog/ is a language of Languages and every language
// has its file: adding a language is a file plus a line, never half.
func TestCatalogueFiles(t *testing.T) {
	entries, err := fs.ReadDir(files, "catalog")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, strings.TrimSuffix(e.Name(), ".toml"))
	}
	want := slices.Clone(Languages)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("catalogue files %v, Languages %v", got, want)
	}
}

var verbs = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]|\{[a-z0-9]+\}`)

// A translation takes the same arguments as the English: the same fmt
// verbs in the same order, the same date placeholders.
func TestPlaceholdersMatch(t *testing.T) {
	for _, k := range Keys("en") {
		want := verbs.FindAllString(T("en", k), -1)
		for _, l := range Languages {
			got := verbs.FindAllString(T(l, k), -1)
			if strings.HasPrefix(k, "date.") {
				slices.Sort(got) // a date pattern may order its parts as the language does
				slices.Sort(want)
				got, want = slices.Compact(got), slices.Compact(want)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s: %s has %q, English %q", k, l, got, want)
			}
		}
	}
}

func TestFallback(t *testing.T) {
	if Lang("de") != "en" || Lang("") != "en" || Lang("pt") != "pt" {
		t.Error("Lang: the fallback rule is English for a language opkit does not write")
	}
	if got := T("de", "pdf.contents"); got != "Contents" {
		t.Errorf("T(de) = %q", got)
	}
	if got, ok := Lookup("fr", "no.such-key"); ok || got != "" {
		t.Errorf("Lookup of a missing key = %q, %v", got, ok)
	}
	if got := T("fr", "no.such-key"); got != "no.such-key" {
		t.Errorf("T of a missing key = %q, want the key", got)
	}
}

func TestDirection(t *testing.T) {
	for _, l := range Languages {
		want := l == "ar"
		if RTL(l) != want {
			t.Errorf("RTL(%s) = %v", l, RTL(l))
		}
	}
}

func TestDates(t *testing.T) {
	tests := []struct {
		lang       string
		y          int
		m          time.Month
		d          int
		date, long string
		dayMonth   string
		short      string
	}{
		{"en", 2027, time.August, 5, "5 August 2027", "Thursday 5 August 2027", "5 August", "5 Aug"},
		{"fr", 2027, time.August, 1, "1er août 2027", "dimanche 1er août 2027", "1er août", "1er août"},
		{"es", 2027, time.August, 5, "5 de agosto de 2027", "jueves 5 de agosto de 2027", "5 de agosto", "5 ago."},
		{"pt", 2027, time.August, 5, "5 de agosto de 2027", "quinta-feira, 5 de agosto de 2027", "5 de agosto", "5 ago."},
		{"ru", 2027, time.May, 5, "5 мая 2027 г.", "среда, 5 мая 2027 г.", "5 мая", "5 мая"},
		{"ar", 2027, time.September, 24, "24 سبتمبر 2027", "الجمعة، 24 سبتمبر 2027", "24 سبتمبر", "24 سبتمبر"},
	}
	for _, tt := range tests {
		if got := Date(tt.lang, tt.y, tt.m, tt.d); got != tt.date {
			t.Errorf("Date(%s) = %q, want %q", tt.lang, got, tt.date)
		}
		if got := LongDate(tt.lang, tt.y, tt.m, tt.d); got != tt.long {
			t.Errorf("LongDate(%s) = %q, want %q", tt.lang, got, tt.long)
		}
		if got := DayMonth(tt.lang, tt.d, tt.m); got != tt.dayMonth {
			t.Errorf("DayMonth(%s) = %q, want %q", tt.lang, got, tt.dayMonth)
		}
		if got := ShortDate(tt.lang, tt.d, tt.m); got != tt.short {
			t.Errorf("ShortDate(%s) = %q, want %q", tt.lang, got, tt.short)
		}
	}
	if got := Month("ru", time.August); got != "август" {
		t.Errorf("Month(ru) = %q", got)
	}
	if got := Tf("pt", "pdf.page-of", 2, 9); got != "Página 2 de 9" {
		t.Errorf("Tf = %q", got)
	}
}
