package outcome

import (
	"testing"
)

// FuzzRead feeds damaged workbooks to Read: it may reject them, never
// panic, and a file it accepts always yields an outcome.
func FuzzRead(f *testing.F) {
	base := filled(f)
	f.Add(base)
	f.Add(base[:len(base)/2])
	f.Add(withEventSheet(f, hostileSheet(3)))
	f.Add([]byte("PK\x03\x04"))
	lim := DefaultLimits()
	lim.MaxUnzipped, lim.MaxXMLSize = 4<<20, 1<<20
	f.Fuzz(func(t *testing.T, data []byte) {
		o, _, err := Read("fuzz.xlsx", data, lim)
		if err == nil && o == nil {
			t.Fatal("no error and no outcome")
		}
		if err != nil && o != nil {
			t.Fatal("error with an outcome")
		}
	})
}

// FuzzReadSheet fuzzes the event sheet's XML inside a valid package, where
// the reader's own XML handling does the work.
func FuzzReadSheet(f *testing.F) {
	f.Add([]byte(`<worksheet><sheetData><row r="8"><c r="B8" t="s"><v>3</v></c></row></sheetData></worksheet>`))
	f.Add([]byte(`<worksheet><sheetData><row><c t="inlineStr"><is><r><t>a</t></r><rPh><t>b</t></rPh></is></c><c><f>DATE(2027,8,5)</f></c></row></sheetData></worksheet>`))
	f.Add(hostileSheet(2))
	base := filled(f)
	f.Fuzz(func(t *testing.T, sheet []byte) {
		data := rezip(t, base, func(name string, b []byte) ([]byte, bool) {
			if name == "xl/worksheets/sheet2.xml" {
				return sheet, true
			}
			return b, true
		})
		o, _, err := Read("fuzz.xlsx", data, DefaultLimits())
		if (err == nil) == (o == nil) {
			t.Fatalf("error %v with outcome %v", err, o)
		}
	})
}
