package outcome

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"opkit/internal/diag"
	"opkit/internal/model"
)

// edit opens a workbook with excelize, lets fn change it and saves it.
func edit(t *testing.T, data []byte, fn func(f *excelize.File)) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fn(f)
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// setFormula writes a formula with no cached value, as openpyxl saves one.
func setFormula(t *testing.T, f *excelize.File, sheet, cell, formula string) {
	t.Helper()
	must(t, f.SetCellValue(sheet, cell, nil))
	must(t, f.SetCellFormula(sheet, cell, formula))
}

// filled is a complete, valid English return.
func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// cellOf is the input cell of a field as written.
func cellOf(name string) string { return fmt.Sprintf("%s%d", InputCol, FieldByName(name).Row) }

// TestReadBadValues puts a bad (or odd) value of each kind into a valid
// return and checks the diagnostic's severity, cell and message, and what
// was kept.
func TestReadBadValues(t *testing.T) {
	const ev = "Event"
	tests := []struct {
		name     string
		edit     func(f *excelize.File)
		sev      diag.Severity
		cell     string
		msg      string // "" expects no diagnostic
		field    string // a scalar, or "Table.row.key" (1-based row)
		want     string
		wantCode bool
	}{
		{"date as text", func(f *excelize.File) { must(t, f.SetCellStr(ev, "B9", "next Tuesday")) },
			diag.Error, "Event!B9", `"next Tuesday" is not a date`, EventDate, "", false},
		{"date day/month", func(f *excelize.File) { must(t, f.SetCellStr(ev, "B9", "5/8/2027")) },
			diag.Warning, "Event!B9", "read as day/month/year", EventDate, "2027-08-05", false},
		{"date spelt out in Spanish", func(f *excelize.File) { must(t, f.SetCellStr(ev, "B9", "5 de agosto de 2027")) },
			diag.Warning, "", "", EventDate, "2027-08-05", false},
		{"date as a serial number", func(f *excelize.File) { must(t, f.SetCellInt(ev, "B9", 46604)) },
			diag.Warning, "", "", EventDate, "2027-08-05", false},
		{"date in another century", func(f *excelize.File) { must(t, f.SetCellStr(ev, "B9", "1927-08-05")) },
			diag.Error, "Event!B9", "outside 2000-2099", EventDate, "", false},
		{"date formula without a value", func(f *excelize.File) { setFormula(t, f, ev, "B9", "DATE(2027,8,5)") },
			diag.Warning, "", "", EventDate, "2027-08-05", false},
		{"date formula not evaluated", func(f *excelize.File) { setFormula(t, f, ev, "B9", "TODAY()") },
			diag.Warning, "Event!B9", "has no computed value", EventDate, "=TODAY()", false},
		{"whole number as words", func(f *excelize.File) { must(t, f.SetCellStr(ev, "B12", "about 50")) },
			diag.Error, "Event!B12", `"about 50" is not a whole number`, Participants, "", false},
		{"fraction", func(f *excelize.File) { must(t, f.SetCellFloat(ev, "B12", 12.5, 1, 64)) },
			diag.Error, "Event!B12", "12.5 is not a whole number", Participants, "", false},
		{"negative", func(f *excelize.File) { must(t, f.SetCellInt(ev, "B13", -3)) },
			diag.Error, "Event!B13", "outside 0..10000", Organisations, "", false},
		{"thousands separator", func(f *excelize.File) { must(t, f.SetCellStr(ev, "B12", "1,200")) },
			diag.Warning, "", "", Participants, "1200", false},
		{"drop-down typed over", func(f *excelize.File) { must(t, f.SetCellStr(ev, cellOf(SignPosition), "Maybe after the elections")) },
			diag.Warning, "Event!" + cellOf(SignPosition), "kept as text", SignPosition, "Maybe after the elections", false},
		{"label of another language", func(f *excelize.File) {
			must(t, f.SetCellStr(ev, cellOf(SignPosition), "  FIRMARÁ el 24 de septiembre "))
		},
			diag.Warning, "", "", SignPosition, SignOnSignatureDate, true},
		{"French label, no accents", func(f *excelize.File) { must(t, f.SetCellStr(ev, cellOf(Sharing), "anonymise")) },
			diag.Warning, "", "", Sharing, SharingAnonymised, true},
		{"boolean formula", func(f *excelize.File) { setFormula(t, f, ev, cellOf(AuthorityPresent), "TRUE()") },
			diag.Warning, "", "", AuthorityPresent, Yes, true},
		{"boolean cell", func(f *excelize.File) { must(t, f.SetCellBool(ev, "B8", false)) },
			diag.Warning, "", "", EventHeld, No, true},
		{"e-mail", func(f *excelize.File) { must(t, f.SetCellStr(ev, cellOf(SubmitterEmail), "ana at example dot org")) },
			diag.Error, "Event!" + cellOf(SubmitterEmail), "is not an e-mail address", SubmitterEmail, "ana at example dot org", false},
		{"mailto e-mail", func(f *excelize.File) { must(t, f.SetCellStr(ev, cellOf(SubmitterEmail), "mailto:ana@example.org")) },
			diag.Warning, "", "", SubmitterEmail, "ana@example.org", false},
		{"text too long", func(f *excelize.File) { must(t, f.SetCellStr(ev, "B10", strings.Repeat("x", 201))) },
			diag.Error, "Event!B10", "201 characters, more than the 200 allowed", EventCity, strings.Repeat("x", 201), false},
		{"text that looks like a formula", func(f *excelize.File) { must(t, f.SetCellStr(ev, "B10", "=HYPERLINK(\"x\")")) },
			diag.Warning, "", "", EventCity, "=HYPERLINK(\"x\")", false},
		{"required left empty", func(f *excelize.File) { must(t, f.SetCellStr(ev, cellOf(Sharing), "")) },
			diag.Error, "Event!" + cellOf(Sharing), "is required", Sharing, "", false},
		{"needed when held", func(f *excelize.File) {
			must(t, f.SetCellStr(ev, "B8", "Yes"))
			must(t, f.SetCellStr(ev, "B10", ""))
		}, diag.Warning, "Event!B10", "empty although the event took place", EventCity, "", false},
		{"table date", func(f *excelize.File) { must(t, f.SetCellStr("Next steps", "C5", "soon")) },
			diag.Error, "Next steps!C5", `"soon" is not a date`, "NextSteps.1.deadline", "", false},
		{"table drop-down typed over", func(f *excelize.File) { must(t, f.SetCellStr("Challenges", "B6", "Financial")) },
			diag.Warning, "Challenges!B6", "kept as text", "Challenges.2.type", "Financial", false},
		{"table row without its main column", func(f *excelize.File) { must(t, f.SetCellStr("Opportunities", "A5", "")) },
			diag.Warning, "Opportunities!A5", "Opportunity is empty", "Opportunities.1.who_can_act", "Who can act 1: acción «común»", false},
		{"table header retyped", func(f *excelize.File) { must(t, f.SetCellStr("Opportunities", "A4", "What")) },
			diag.Warning, "Opportunities!A4", "read as that column by its position", "Opportunities.1.opportunity", "Opportunity 1: acción «común»", false},
		{"case typed by id", func(f *excelize.File) { must(t, f.SetCellStr("Cases raised", "A5", "ar-health-02")) },
			diag.Warning, "", "", "CasesRaised.1.case", "ar-health-02", false},
		{"cell moved by a partner", func(f *excelize.File) {
			// Inserting rows above moves every input; the names follow.
			must(t, f.InsertRows(ev, 3, 2))
			must(t, f.SetCellStr(ev, fmt.Sprintf("B%d", FieldByName(SignPosition).Row+2), "Undecided"))
		}, diag.Warning, "", "", SignPosition, Undecided, true},
		{"name deleted", func(f *excelize.File) { must(t, f.DeleteDefinedName(&excelize.DefinedName{Name: Media})) },
			diag.Error, "", "the defined name op_media is missing", Media, "", false},
	}
	base := filled(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := edit(t, base, tt.edit)
			o, ds, err := Read("ar.xlsx", data, DefaultLimits())
			if err != nil {
				t.Fatal(err)
			}
			if tt.msg == "" {
				for _, d := range ds {
					t.Errorf("unexpected %s", d)
				}
			} else {
				found := false
				for _, d := range ds {
					if d.Cell == tt.cell && d.Severity == tt.sev && strings.Contains(d.Message, tt.msg) && d.File == "ar.xlsx" {
						found = true
					} else {
						t.Errorf("other diagnostic: %s", d)
					}
				}
				if !found {
					t.Errorf("no %s at %q containing %q; got %v", tt.sev, tt.cell, tt.msg, ds)
				}
				if tt.cell != "" && len(ds) > 0 {
					if s := ds[0].String(); !strings.HasPrefix(s, "ar.xlsx: "+tt.cell+": ") {
						t.Errorf("formatted as %q", s)
					}
				}
			}
			var got model.Value
			if table, rest, ok := strings.Cut(tt.field, "."); ok {
				idx, key, _ := strings.Cut(rest, ".")
				i := int(idx[0] - '1')
				if rows := o.Tables[table]; i < len(rows) {
					got = rows[i][key]
				}
			} else {
				got = o.Scalars[tt.field]
			}
			if got.Text != tt.want || got.Coded != tt.wantCode {
				t.Errorf("%s = %q (coded %v), want %q (coded %v)", tt.field, got.Text, got.Coded, tt.want, tt.wantCode)
			}
		})
	}
}

// rezip rewrites a package, letting fn replace or drop parts.
// TestReadRejects covers files that cannot be read at all.
func TestReadRejects(t *testing.T) {
	base := filled(t)
	cfb := append(append([]byte{}, cfbMagic...), make([]byte, 504)...)
	tests := []struct {
		name string
		data []byte
		lim  func(*Limits)
		is   error
		msg  string
	}{
		{"not a zip", []byte("name,country\nAna,AR\n"), nil, ErrNotWorkbook, "not a zip"},
		{"empty", nil, nil, ErrNotWorkbook, "not a zip"},
		{"encrypted", append(append([]byte{}, cfb...), utf16le("EncryptionInfo")...), nil, ErrEncrypted, "password"},
		{"old xls", cfb, nil, ErrNotWorkbook, ".xls"},
		{"zip but not a workbook", rezip(t, base, func(n string, b []byte) ([]byte, bool) { return b, n == "docProps/app.xml" }), nil, ErrNotWorkbook, "Content_Types"},
		{"truncated sheet", rezip(t, base, func(n string, b []byte) ([]byte, bool) {
			if n == "xl/worksheets/sheet2.xml" {
				return b[:len(b)/2], true
			}
			return b, true
		}), nil, ErrNotWorkbook, "damaged"},
		{"truncated shared strings", rezip(t, base, func(n string, b []byte) ([]byte, bool) {
			if n == "xl/sharedStrings.xml" {
				return b[:len(b)-20], true
			}
			return b, true
		}), nil, ErrNotWorkbook, "damaged"},
		{"unzipped too big", base, func(l *Limits) { l.MaxUnzipped = 10000 }, ErrLimit, "unzipped size"},
		{"part too big", base, func(l *Limits) { l.MaxXMLSize = 5000 }, ErrLimit, "bytes (at most 5000)"},
		{"file too big", base, func(l *Limits) { l.MaxFileSize = 1000 }, ErrLimit, "the file is"},
		{"cell far right", edit(t, base, func(f *excelize.File) { must(t, f.SetCellStr("Event", "XFD3", "x")) }), nil, ErrLimit, "XFD3"},
		{"cell far down", edit(t, base, func(f *excelize.File) { must(t, f.SetCellStr("Next steps", "A20001", "x")) }), nil, ErrLimit, "A20001"},
		{"no meta sheet", edit(t, base, func(f *excelize.File) {
			must(t, f.DeleteSheet(SheetMeta))
		}), nil, ErrNotWorkbook, "op_template_version"},
		{"other template version", edit(t, base, func(f *excelize.File) { must(t, f.SetCellStr(SheetMeta, "B1", "7.0")) }),
			nil, ErrNotWorkbook, "template version 7.0"},
		{"a workbook of something else", func() []byte {
			f := excelize.NewFile()
			defer f.Close()
			buf, _ := f.WriteToBuffer()
			return buf.Bytes()
		}(), nil, ErrNotWorkbook, "not an opkit outcome workbook"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lim := DefaultLimits()
			if tt.lim != nil {
				tt.lim(&lim)
			}
			o, ds, err := Read("x.xlsx", tt.data, lim)
			if err == nil {
				t.Fatalf("no error; outcome %v, diagnostics %v", o, ds)
			}
			if !errors.Is(err, tt.is) || !strings.Contains(err.Error(), tt.msg) || !IsFileError(err) {
				t.Errorf("error %q, want %v containing %q", err, tt.is, tt.msg)
			}
			if !strings.HasPrefix(err.Error(), "read x.xlsx: ") {
				t.Errorf("error %q lacks the file name", err)
			}
		})
	}
}

// TestReadTemplate10 reads a return made with template 1.0 (opkit 0.1,
// saved by LibreOffice): it lacks the names and tables 1.1 added, which is
// no error, and its old labels read as today's codes.
func TestReadTemplate10(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "v1.0-ci-outcome.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	o, ds, err := Read("ci.xlsx", data, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		t.Errorf("unexpected %s", d)
	}
	if o.TemplateVersion != "1.0" {
		t.Fatalf("fixture has template %s, want 1.0", o.TemplateVersion)
	}
	want := map[string]string{CountryCode: "CI", EventCity: "Abidjan", EventFormat: "public-forum", Participants: "134",
		SignPosition: SignLater, RatifyPosition: IntendsToRatify, Sharing: SharingPublic, SubmittedOn: "2027-08-12"}
	for name, v := range want {
		if got := o.Scalar(name); got != v {
			t.Errorf("%s = %q, want %q", name, got, v)
		}
	}
	for _, name := range []string{PositionBasis, PositionPublic, DeclarationAdopted, FollowupDate} {
		if _, ok := o.Scalars[name]; ok {
			t.Errorf("%s read from a 1.0 return", name)
		}
	}
	if n := len(o.Tables[TableNextSteps]); n != 3 {
		t.Errorf("%d next steps, want 3", n)
	}
	// A 1.1 return that lost a 1.1 name is still told about it.
	data11 := edit(t, filled(t), func(f *excelize.File) {
		must(t, f.DeleteDefinedName(&excelize.DefinedName{Name: PositionBasis}))
	})
	_, ds, err = Read("ar.xlsx", data11, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 1 || !strings.Contains(ds[0].Message, PositionBasis) {
		t.Errorf("diagnostics %v, want one naming %s", ds, PositionBasis)
	}
}

// TestReadRestructured reads returns whose sheets a partner renamed, moved,
// unhid or deleted. The workbook's structure is not locked (Gnumeric does
// not read workbook protection), so all of this can happen; Excel and
// LibreOffice carry the defined names along and the return reads as
// written, while a program that leaves the names behind, or a deleted
// sheet, gives one error naming the sheet rather than one per cell.
func TestReadRestructured(t *testing.T) {
	c := sampleCountry("en")
	spec := fullSpec("en", c)
	base := fillExcelize(t, write(t, c), spec)
	// renameOnly renames a sheet in workbook.xml alone, as a program that
	// does not follow the defined names would.
	renameOnly := func(from, to string) []byte {
		return rezip(t, base, func(n string, b []byte) ([]byte, bool) {
			if n == "xl/workbook.xml" {
				b = bytes.Replace(b, []byte(`<sheet name="`+from+`"`), []byte(`<sheet name="`+to+`"`), 1)
			}
			return b, true
		})
	}

	t.Run("renamed, moved and unhidden in a spreadsheet program", func(t *testing.T) {
		data := edit(t, base, func(f *excelize.File) {
			must(t, f.SetSheetName("Event", "Our event"))
			must(t, f.SetSheetName("Next steps", "Steps"))
			must(t, f.SetSheetName(SheetMeta, "About"))
			must(t, f.MoveSheet("About", "Instructions"))
			must(t, f.MoveSheet("Steps", "Our event"))
			must(t, f.SetSheetVisible("About", true))
			must(t, f.SetSheetVisible(SheetLists, true))
		})
		if states := sheetStates(t, data); states["About"] != "" || states[SheetLists] != "" {
			t.Fatalf("sheets still hidden: %v", states)
		}
		checkOutcome(t, "restructured.xlsx", data, spec)
	})

	t.Run("event sheet renamed, names left behind", func(t *testing.T) {
		o, ds, err := Read("x.xlsx", renameOnly("Event", "Our event"), DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		if len(ds) != 1 || ds[0].Severity != diag.Error || ds[0].Cell != "" ||
			!strings.Contains(ds[0].Message, `the sheet "Event" is missing`) || !strings.Contains(ds[0].Message, CountryCode) {
			t.Fatalf("diagnostics %v, want one error naming the sheet Event", ds)
		}
		// What the other sheets hold is still read.
		if n, want := len(o.Tables[TableNextSteps]), len(spec.wantRows[TableNextSteps]); n != want || n == 0 {
			t.Errorf("%d next steps, want %d", n, want)
		}
	})

	t.Run("event sheet deleted", func(t *testing.T) {
		// Excel keeps the names and writes #REF! for their sheet.
		data := rezip(t, base, func(n string, b []byte) ([]byte, bool) {
			if n == "xl/workbook.xml" {
				b = bytes.ReplaceAll(b, []byte(">Event!"), []byte(">#REF!"))
			}
			return b, true
		})
		_, ds, err := Read("x.xlsx", data, DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		if len(ds) != 1 || ds[0].Severity != diag.Error || !strings.Contains(ds[0].Message, "deleted with their sheet") {
			t.Fatalf("diagnostics %v, want one error", ds)
		}
	})

	t.Run("meta sheet renamed, names left behind", func(t *testing.T) {
		_, _, err := Read("x.xlsx", renameOnly(SheetMeta, "About"), DefaultLimits())
		if !errors.Is(err, ErrNoMeta) || !strings.Contains(err.Error(), `"Meta"`) || !strings.Contains(err.Error(), "renamed") {
			t.Fatalf("error %v, want ErrNoMeta naming the sheet Meta", err)
		}
	})
}
