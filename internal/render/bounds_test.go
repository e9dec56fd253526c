package render

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// TestBounds runs staff-edited templates that never end or print without
// end: each must stop within its bound with an error naming the template
// and the line of the runaway range.
func TestBounds(t *testing.T) {
	ws := fixture()
	c := ws.Country("UA")
	tests := []struct {
		name, src string
		want      string // in the error: file and line
		bound     bool   // matches ErrBound
		either    bool   // or text/template's own depth limit came first
	}{
		{"silent range", "# A\n\n{{range 100000000}}{{end}}\n", "templates/en/agenda.md.tmpl:3:", true, false},
		{"nested ranges", "# A\n{{range 100000}}\n{{range 100000}}{{range 100000}}{{end}}{{end}}{{end}}\n", "templates/en/agenda.md.tmpl:3:", true, false},
		{"printing range", "# A\n\n\n{{range 100000000}}- line {{.}}\n{{end}}", "templates/en/agenda.md.tmpl:4:", true, false},
		{"recursion that branches", `{{define "x"}}{{template "x" .}}{{template "x" .}}{{end}}{{template "x" .}}`, "templates/en/agenda.md.tmpl:1:", true, true},
		{"huge printf width", "# A\n{{printf \"%0999999999d\" 0}}\n", "templates/en/agenda.md.tmpl:2:", false, false},
		{"printf width from an argument", "# A\n{{printf \"%*d\" 999999999 0}}\n", "templates/en/agenda.md.tmpl:2:", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eng := NewEngine(fstest.MapFS{"en/agenda.md.tmpl": {Data: []byte(tt.src)}})
			eng.SetBounds(300*time.Millisecond, 1<<20)
			start := time.Now()
			_, err := eng.Execute("en", "agenda", AgendaData(ws, c))
			took := time.Since(start)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error %q does not start with %q", err, tt.want)
			}
			if strings.Contains(err.Error(), tickName) {
				t.Errorf("error shows the internal check: %v", err)
			}
			if errors.Is(err, ErrBound) != tt.bound && !(tt.either && strings.Contains(err.Error(), "maximum template depth")) {
				t.Errorf("errors.Is(ErrBound) = %v: %v", !tt.bound, err)
			}
			// The bound is 300 ms; a loaded machine may add some.
			if took > 3*time.Second {
				t.Errorf("took %s", took)
			}
			t.Logf("%s: %v", took.Round(time.Millisecond), err)
		})
	}
}

// TestBoundsQuiet: a normal template with loops prints exactly what it did
// before the checks were added (the goldens check the built-ins), and a
// printf with a plain width still works.
func TestBoundsQuiet(t *testing.T) {
	src := "{{range $i, $x := .}}{{if $i}}, {{end}}{{printf \"%-4s|%05.1f\" $x 2.5}}{{end}}\n"
	eng := NewEngine(fstest.MapFS{"en/agenda.md.tmpl": {Data: []byte(src)}})
	got, err := eng.Execute("en", "agenda", []string{"a", "b"})
	if err != nil {
		t.Fatal(err)
	}
	if want := "a   |002.5, b   |002.5\n"; string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
