package diag

import (
	"errors"
	"testing"
)

func TestString(t *testing.T) {
	tests := []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{File: "countries/ar.toml", Line: 12, Col: 9, Message: "bad"}, "countries/ar.toml:12:9: error: bad"},
		{Diagnostic{File: "countries/ar.toml", Line: 3, Severity: Warning, Message: "w"}, "countries/ar.toml:3: warning: w"},
		{Diagnostic{File: "returns/ar.xlsx", Cell: "Event!C7", Message: "not a date"}, "returns/ar.xlsx: Event!C7: error: not a date"},
		{Diagnostic{File: "campaign.toml", Message: "missing"}, "campaign.toml: error: missing"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestSortAndErr(t *testing.T) {
	var l List
	l.CellWarnf("r.xlsx", "Event!B12", "b12")
	l.CellErrorf("r.xlsx", "Event!B9", "b9")
	l.CellErrorf("r.xlsx", "Event!AA1", "aa1")
	l.CellErrorf("r.xlsx", "Event!C1", "c1")
	l.Errorf("b.toml", 10, 2, "ten")
	l.Warnf("b.toml", 2, 5, "two")
	l.Sort()
	var got []string
	for _, d := range l {
		got = append(got, d.Message)
	}
	want := []string{"two", "ten", "c1", "aa1", "b9", "b12"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order %v, want %v", got, want)
		}
	}
	if !l.HasErrors() || len(l.Errors()) != 4 || len(l.Warnings()) != 2 {
		t.Fatalf("errors/warnings split wrong: %v", l)
	}
	var dl List
	if err := l.Err(); !errors.As(err, &dl) || len(dl) != 6 {
		t.Fatalf("Err() = %v", err)
	}
	if (List{}).Err() != nil || l.Warnings().Err() != nil {
		t.Fatal("a list without errors must give a nil error")
	}
}

func TestSuggest(t *testing.T) {
	allowed := []string{"work", "housing", "health", "education", "water"}
	tests := []struct{ in, want string }{
		{"housng", "housing"},
		{"Housing", "housing"},
		{"educaton", "education"},
		{"helth", "health"},
		{"spaceflight", ""},
		{"x", ""},
		{"hosuing", "housing"}, // two neighbours swapped: one step
		{"wokr", "work"},
	}
	for _, tt := range tests {
		if got := Suggest(tt.in, allowed); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	commands := []string{"demo", "init", "check", "build", "plan", "consolidate", "templates", "completion"}
	for in, want := range map[string]string{"biuld": "build", "chekc": "check", "plna": "plan", "consolidtae": "consolidate", "xyz": ""} {
		if got := Suggest(in, commands); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", in, got, want)
		}
	}
}
