package outcome

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"opkit/internal/model"
)

// TestFieldTable checks the invariants the writer and the reader rely on:
// unique names and rows, every text in every language, and labels that map
// back to one code only.
func TestFieldTable(t *testing.T) {
	names := map[string]bool{}
	rows := map[int]string{}
	checkL := func(what string, l L) {
		t.Helper()
		for i, s := range l.All() {
			if strings.TrimSpace(s) == "" {
				t.Errorf("%s: empty text in %s", what, model.Languages[i])
			}
		}
	}
	checkOptions := func(what string, opts []Option) {
		t.Helper()
		seen := map[string]string{}
		for _, o := range opts {
			checkL(what+" option "+o.Code, o.Label)
			for _, l := range append(o.Label.All(), o.Code) {
				if prev, ok := seen[fold(l)]; ok && prev != o.Code {
					t.Errorf("%s: %q names both %s and %s", what, l, prev, o.Code)
				}
				seen[fold(l)] = o.Code
				if got, ok := Lookup(opts, "  "+strings.ToUpper(l)+" "); !ok || got.Code != o.Code {
					t.Errorf("%s: %q does not read back as %s", what, l, o.Code)
				}
			}
		}
	}
	for _, f := range Fields {
		if !strings.HasPrefix(f.Name, namePrefix) || names[f.Name] {
			t.Errorf("field %s: name not op_* or duplicated", f.Name)
		}
		names[f.Name] = true
		checkL(f.Name+" label", f.Label)
		checkL(f.Name+" hint", f.Hint)
		for _, r := range []int{f.Row, f.Row - 1} {
			if r == f.Row-1 && f.Section == "" {
				continue
			}
			if prev, ok := rows[r]; ok {
				t.Errorf("field %s: row %d already used by %s", f.Name, r, prev)
			}
			rows[r] = f.Name
		}
		if f.Row <= 3 {
			t.Errorf("field %s: row %d overlaps the title", f.Name, f.Row)
		}
		if (f.Kind == KindChoice) != (len(f.Options) > 0) {
			t.Errorf("field %s: kind %s with %d options", f.Name, f.Kind, len(f.Options))
		}
		if f.Kind == KindInt && f.Max <= f.Min {
			t.Errorf("field %s: bounds %d..%d", f.Name, f.Min, f.Max)
		}
		if (f.Kind == KindText || f.Kind == KindLongText || f.Kind == KindEmail) && f.MaxLen == 0 {
			t.Errorf("field %s: no length limit", f.Name)
		}
		checkOptions(f.Name, f.Options)
		if utf8.RuneCountInString(f.Hint.In("en")) > maxDVMessage {
			t.Errorf("field %s: hint too long for an input prompt", f.Name)
		}
	}
	for _, t2 := range Tables {
		if names[t2.Name] {
			t.Errorf("table %s: name used twice", t2.Name)
		}
		names[t2.Name] = true
		checkL(t2.Name+" title", t2.Title)
		for _, lang := range model.Languages {
			if n := utf8.RuneCountInString(SheetName(t2.Sheet, lang)); n > 31 {
				t.Errorf("table %s: sheet name of %d characters", t2.Name, n)
			}
		}
		keys := map[string]bool{}
		for _, c := range t2.Columns {
			if keys[c.Key] {
				t.Errorf("table %s: column %s twice", t2.Name, c.Key)
			}
			keys[c.Key] = true
			checkL(t2.Name+"."+c.Key, c.Header)
			checkOptions(t2.Name+"."+c.Key, c.Options)
		}
	}
}

// TestOptionOrder pins the drop-down orders SPEC.md gives.
func TestOptionOrder(t *testing.T) {
	tests := []struct {
		name string
		opts []Option
		want []string
	}{
		{EventHeld, FieldByName(EventHeld).Options, []string{"yes", "no", "postponed"}},
		{EventFormat, FieldByName(EventFormat).Options, model.Formats},
		{AuthorityPresent, FieldByName(AuthorityPresent).Options, []string{"yes", "no"}},
		{SignPosition, FieldByName(SignPosition).Options, []string{"has-signed", "sign-on-signature-date", "sign-later", "undecided", "will-not-sign", "no-information"}},
		{RatifyPosition, FieldByName(RatifyPosition).Options, []string{"has-ratified", "ratification-under-way", "intends-to-ratify", "undecided", "opposed", "no-information"}},
		{PositionBasis, FieldByName(PositionBasis).Options, []string{"public-statement", "letter", "said-in-meeting", "private-remark"}},
		{PositionPublic, FieldByName(PositionPublic).Options, []string{"yes", "no"}},
		{DeclarationAdopted, FieldByName(DeclarationAdopted).Options, []string{"adopted", "adopted-with-changes", "not-adopted"}},
		{SCMemberPresent, FieldByName(SCMemberPresent).Options, []string{"yes", "no"}},
		{Sharing, FieldByName(Sharing).Options, []string{"public", "coalition-only", "anonymised"}},
		{"Challenges.type", TableByName(TableChallenges).Column(ColChallengeType).Options, []string{"political", "legal", "resources", "awareness", "other"}},
		{"NextSteps.coalition_support", TableByName(TableNextSteps).Column(ColCoalitionSupport).Options, []string{"yes", "no"}},
	}
	for _, tt := range tests {
		if got := Codes(tt.opts); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
	if got := OptionLabel(FieldByName(SignPosition).Options, SignOnSignatureDate, "es"); got != "Firmará en la fecha de la firma" {
		t.Errorf("label: %q", got)
	}
	// The codes and labels of template 1.0 still read as the option.
	for _, old := range []string{"sign-24-september", "Will sign on 24 September", "signera le 24 septembre", "FIRMARÁ EL 24 DE SEPTIEMBRE"} {
		if o, ok := Lookup(FieldByName(SignPosition).Options, old); !ok || o.Code != SignOnSignatureDate {
			t.Errorf("%q does not read as %s", old, SignOnSignatureDate)
		}
	}
}

func TestParseDateText(t *testing.T) {
	tests := []struct {
		in        string
		want      string
		ambiguous bool
	}{
		{"2027-08-05", "2027-08-05", false},
		{"2027-08-05T00:00:00", "2027-08-05", false},
		{"2027/8/5", "2027-08-05", false},
		{"5/8/2027", "2027-08-05", true},
		{"25/08/2027", "2027-08-25", false},
		{"8/25/2027", "2027-08-25", false},
		{"05.08.27", "2027-08-05", true},
		{"5 August 2027", "2027-08-05", false},
		{"August 5, 2027", "2027-08-05", false},
		{"5th Aug 2027", "2027-08-05", false},
		{"1er août 2027", "2027-08-01", false},
		{"5 de agosto de 2027", "2027-08-05", false},
		{"24-Sep-2027", "2027-09-24", false},
		{"next Tuesday", "", false},
		{"31/02/2027", "", false},
		{"2027", "", false},
	}
	for _, tt := range tests {
		d, amb, ok := parseDateText(tt.in)
		if got := map[bool]string{true: d.String()}[ok]; got != tt.want || amb != tt.ambiguous {
			t.Errorf("parseDateText(%q) = %q ambiguous %v, want %q %v", tt.in, got, amb, tt.want, tt.ambiguous)
		}
	}
}

// TestDecodeCell covers stored cell forms the round trips do not produce.
func TestDecodeCell(t *testing.T) {
	p := &pkg{lim: DefaultLimits()}
	sst := []string{"shared", "Line_x000D_\nbreak"}
	tests := []struct {
		raw  rawCell
		want string
	}{
		{rawCell{t: "s", v: "0"}, "shared"},
		{rawCell{t: "s", v: "1"}, "Line\nbreak"},
		{rawCell{t: "s", v: "9"}, "#BADSTRING"},
		{rawCell{t: "inlineStr", inline: "a_x005F_x0041_", isInline: true}, "a_x0041_"},
		{rawCell{t: "str", v: "cached", f: "A1&\"\"", hasF: true}, "cached"},
		{rawCell{t: "b", v: "1", f: "TRUE()", hasF: true}, "TRUE"},
		{rawCell{f: "FALSE()", hasF: true}, "FALSE"},
		{rawCell{f: `"quoted ""text"""`, hasF: true}, `quoted "text"`},
		{rawCell{f: "DATE(2027;8;5)", hasF: true}, "2027-08-05"},
		{rawCell{f: "VLOOKUP(A1,B:C,2)", hasF: true}, "=VLOOKUP(A1,B:C,2)"},
		{rawCell{t: "d", v: "2027-08-05T00:00:00Z"}, "2027-08-05"},
		{rawCell{t: "e", v: "#N/A"}, "#N/A"},
		{rawCell{v: "46604"}, "46604"},
		{rawCell{}, ""},
	}
	for _, tt := range tests {
		if got := p.asText(p.decode(tt.raw, sst)); got != tt.want {
			t.Errorf("decode(%+v) = %q, want %q", tt.raw, got, tt.want)
		}
	}
	p.date1904 = true
	if d, _ := p.serialDate(45142); d.String() != "2027-08-05" {
		t.Errorf("1904 serial: %s", d)
	}
}

// Codes lists the option codes in drop-down order.
func Codes(opts []Option) []string {
	out := make([]string, len(opts))
	for i, o := range opts {
		out[i] = o.Code
	}
	return out
}
