package outcome

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"opkit/internal/model"
	"opkit/internal/testtool"
)

func TestWriteIsDeterministic(t *testing.T) {
	c := sampleCountry("es")
	a, b := write(t, c), write(t, c)
	if !bytes.Equal(a, b) {
		t.Fatal("two writes of the same country differ")
	}
	other, err := Write(c, sampleCampaign(), WriteOptions{Stamp: stamp.Add(24 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(a, other) {
		t.Error("the stamp does not reach the file")
	}
}

func TestPackID(t *testing.T) {
	c := sampleCountry("en")
	id := PackID(c, sampleCampaign(), TemplateVersion)
	if !strings.HasPrefix(id, "AR-2027-") || len(id) != len("AR-2027-")+10 {
		t.Errorf("pack id %q", id)
	}
	c2 := sampleCountry("en")
	c2.Cases = c2.Cases[:1]
	if PackID(c2, sampleCampaign(), TemplateVersion) == id {
		t.Error("a different case list gives the same pack id")
	}
	// Restricted cases are not in the workbook, so they do not change it.
	c3 := sampleCountry("en")
	c3.Cases[2].Title = "changed"
	if PackID(c3, sampleCampaign(), TemplateVersion) != id {
		t.Error("a restricted case changes the pack id")
	}
}

// dump describes a workbook as text, read with excelize (a reader
// independent of ours), for golden comparison and review.
func dump(t *testing.T, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	props, _ := f.GetDocProps()
	fmt.Fprintf(&b, "title: %s\ncreator: %s\ncreated: %s\nlanguage: %s\nidentifier: %s\n",
		props.Title, props.Creator, props.Created, props.Language, props.Identifier)
	for _, dn := range f.GetDefinedName() {
		fmt.Fprintf(&b, "name %s (%s) = %s\n", dn.Name, dn.Scope, dn.RefersTo)
	}
	states := sheetStates(t, data)
	for _, sheet := range f.GetSheetList() {
		vis, _ := f.GetSheetVisible(sheet)
		fmt.Fprintf(&b, "\n== sheet %s (visible %v", sheet, vis)
		if st := states[sheet]; st != "" {
			fmt.Fprintf(&b, ", %s", st)
		}
		if sheetProtected(t, data, sheet) {
			b.WriteString(", protected")
		}
		b.WriteString(")\n")
		tables, _ := f.GetTables(sheet)
		for _, tb := range tables {
			fmt.Fprintf(&b, "table %s %s\n", tb.Name, tb.Range)
		}
		dvs, _ := f.GetDataValidations(sheet)
		for _, dv := range dvs {
			fmt.Fprintf(&b, "validation %s %s %s %s..%s", dv.Sqref, dv.Type, dv.Operator, dv.Formula1, dv.Formula2)
			if dv.PromptTitle != nil {
				fmt.Fprintf(&b, " prompt %q: %q", *dv.PromptTitle, *dv.Prompt)
			}
			if dv.Error != nil {
				fmt.Fprintf(&b, " error %s %q", *dv.ErrorStyle, *dv.Error)
			}
			b.WriteString("\n")
		}
		rows, _ := f.GetRows(sheet)
		for i, r := range rows {
			for j, v := range r {
				if v == "" {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				locked := ""
				if sid, _ := f.GetCellStyle(sheet, cell); sid != 0 {
					if st, _ := f.GetStyle(sid); st != nil && st.Protection != nil && !st.Protection.Locked {
						locked = " (unlocked)"
					}
				}
				fmt.Fprintf(&b, "%s%s: %q\n", cell, locked, v)
			}
		}
	}
	return b.String()
}

func TestWriteGolden(t *testing.T) {
	for _, lang := range model.Languages {
		t.Run(lang, func(t *testing.T) {
			got := dump(t, write(t, sampleCountry(lang)))
			testtool.Golden(t, filepath.Join("testdata", "workbook-"+lang+".golden"), []byte(got), *update)
		})
	}
}

// TestWriteLayout checks what partners rely on: every input unlocked,
// the country locked, drop-downs pointing at the lists sheet, protection
// on the form but not on the table sheets (tables cannot grow there).
func TestWriteLayout(t *testing.T) {
	data := write(t, sampleCountry("fr"))
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	names := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		// Print areas and titles belong to their sheet; every name the
		// reader resolves is the workbook's.
		if strings.HasPrefix(dn.Name, "_xlnm.") {
			continue
		}
		if dn.Scope != "Workbook" {
			t.Errorf("%s is scoped to %s", dn.Name, dn.Scope)
		}
		names[dn.Name] = dn.RefersTo
	}
	for _, fd := range Fields {
		sheet, col, row, err := parseRefersTo(names[fd.Name])
		if err != nil {
			t.Fatalf("%s: %v", fd.Name, err)
		}
		sid, _ := f.GetCellStyle(sheet, cellName(col, row))
		st, _ := f.GetStyle(sid)
		unlocked := st != nil && st.Protection != nil && !st.Protection.Locked
		if unlocked == fd.Prefilled {
			t.Errorf("%s: unlocked %v, prefilled %v", fd.Name, unlocked, fd.Prefilled)
		}
	}
	for _, n := range []string{NameTemplateVersion, NamePackID} {
		if !strings.HasPrefix(names[n], "Meta!") {
			t.Errorf("%s = %q", n, names[n])
		}
	}
	checkConcealed(t, data)
	if v, _ := f.GetCellValue("Événement", "B5"); v != "AR" {
		t.Errorf("country code cell: %q", v)
	}
	dvs, _ := f.GetDataValidations("Événement")
	lists := 0
	for _, dv := range dvs {
		if dv.Type == "list" {
			lists++
			if !strings.HasPrefix(dv.Formula1, "Lists!$") {
				t.Errorf("drop-down %s takes %q", dv.Sqref, dv.Formula1)
			}
		}
	}
	if want := eventChoices(); lists != want {
		t.Errorf("%d drop-downs on the event sheet, want %d", lists, want)
	}
}

// TestOpensInLibreOffice converts the workbook of each language to one CSV
// per sheet: LibreOffice must open it without error, and the drop-down lists
// and labels must read as written.
func TestOpensInLibreOffice(t *testing.T) {
	t.Parallel() // each soffice run has its own profile
	testtool.Need(t, "soffice")
	dir := t.TempDir()
	var files []string
	for _, lang := range model.Languages {
		p := filepath.Join(dir, "wb-"+lang+".xlsx")
		if err := os.WriteFile(p, write(t, sampleCountry(lang)), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	out := filepath.Join(dir, "csv")
	// Token 12 = -1 writes every sheet to its own file, name-Sheet.csv.
	soffice(t, out, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", files...)
	read := func(lang, sheet string) string {
		data, err := os.ReadFile(filepath.Join(out, "wb-"+lang+"-"+sheet+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	for _, lang := range model.Languages {
		lists := read(lang, SheetLists)
		for _, fd := range Fields {
			for _, o := range fd.Options {
				if !strings.Contains(lists, o.Label.In(lang)) {
					t.Errorf("%s: lists sheet lacks %q", lang, o.Label.In(lang))
				}
			}
		}
		if !strings.Contains(lists, "ar-housing-01 — Evictions in Villa 31, without relocation") || !strings.Contains(lists, "ar-health-02") {
			t.Errorf("%s: case list incomplete:\n%s", lang, lists)
		}
		if strings.Contains(lists, "ar-work-03") {
			t.Errorf("%s: a restricted case is offered", lang)
		}
		event := read(lang, SheetName(SheetEvent, lang))
		for _, want := range []string{FieldByName(SignPosition).Label.In(lang), "Argentina", ",AR,"} {
			if !strings.Contains(event, want) {
				t.Errorf("%s: event sheet lacks %q:\n%s", lang, want, event)
			}
		}
		if instr := read(lang, SheetName(SheetInstructions, lang)); !strings.Contains(instr, "outcomes@op-icescr.example.org") {
			t.Errorf("%s: instructions lack the contact:\n%s", lang, instr)
		}
		if tbl := read(lang, SheetName(TableNextSteps, lang)); !strings.Contains(tbl, TableByName(TableNextSteps).Column(ColCoalitionSupport).Header.In(lang)) {
			t.Errorf("%s: next steps header missing:\n%s", lang, tbl)
		}
	}
}

// TestWriteOddCountries writes countries at the edges of the input: no
// cases, no language, a lower-case code, a name with quotes.
func TestWriteOddCountries(t *testing.T) {
	tests := []struct {
		name string
		edit func(c *model.Country)
	}{
		{"no cases", func(c *model.Country) { c.Cases = nil }},
		{"only restricted cases", func(c *model.Country) { c.Cases = c.Cases[2:] }},
		{"no language", func(c *model.Country) { c.Language = "" }},
		{"lower-case code and quotes", func(c *model.Country) { c.Code, c.Name = "ci", `Côte d'Ivoire "CI"` }},
		{"no campaign date", func(c *model.Country) { c.Event.Date = model.Date{} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sampleCountry("fr")
			tt.edit(c)
			data, err := Write(c, nil, WriteOptions{})
			if err != nil {
				t.Fatal(err)
			}
			o, ds, err := Read("x.xlsx", data, DefaultLimits())
			if err != nil {
				t.Fatal(err)
			}
			if got := o.Scalar(CountryCode); got != strings.ToUpper(c.Code) {
				t.Errorf("code %q", got)
			}
			if got := o.Scalar(CountryName); got != c.Name {
				t.Errorf("name %q", got)
			}
			for _, d := range ds {
				if !strings.Contains(d.Message, "is required") {
					t.Errorf("unexpected %s", d)
				}
			}
		})
	}
}

// TestEveryNameAndTable checks that the workbook defines every name and
// table of the field table (SPEC.md v0.2), each table with its headers in
// the pack's language.
func TestEveryNameAndTable(t *testing.T) {
	for _, lang := range []string{"en", "fr", "es"} {
		data := write(t, sampleCountry(lang))
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		names := map[string]bool{}
		for _, dn := range f.GetDefinedName() {
			names[dn.Name] = true
		}
		for _, fd := range Fields {
			if !names[fd.Name] {
				t.Errorf("%s: no defined name %s", lang, fd.Name)
			}
		}
		tables := map[string][]string{}
		for _, s := range f.GetSheetList() {
			ts, err := f.GetTables(s)
			if err != nil {
				t.Fatal(err)
			}
			for _, tb := range ts {
				first, _, _ := strings.Cut(tb.Range, ":")
				col, row, _ := excelize.CellNameToCoordinates(first)
				var hs []string
				for i := 0; ; i++ {
					v, _ := f.GetCellValue(s, cellName(col+i, row))
					if v == "" {
						break
					}
					hs = append(hs, v)
				}
				tables[tb.Name] = hs
			}
		}
		for _, tb := range Tables {
			hs, ok := tables[tb.Name]
			if !ok {
				t.Errorf("%s: no table %s", lang, tb.Name)
				continue
			}
			for i, c := range tb.Columns {
				if i >= len(hs) || hs[i] != c.Header.In(lang) {
					t.Errorf("%s: table %s headers %q, want %s first", lang, tb.Name, hs, c.Header.In(lang))
				}
			}
		}
		for _, want := range []string{SignPosition, RatifyPosition, PositionBasis, PositionPublic, DeclarationAdopted,
			ParticipantsWomen, FollowupDate, TableRangeName(TableAuthorities), TableRangeName(TableCommitments), TableRangeName(TableMediaLinks)} {
			if !names[want] {
				t.Errorf("%s: no defined name %s", lang, want)
			}
		}
		f.Close()
	}
}

// TestPrefilledFromCountry checks that what the country file knows stands
// in the editable cells, and reads back as if the partner had typed it.
func TestPrefilledFromCountry(t *testing.T) {
	c := sampleCountry("es")
	c.Event.Authorities = []model.Authority{
		{Name: "Ana Invitada", Title: "Ministra", Institution: "Cancillería", Status: model.AuthorityInvited},
		{Name: "Luis Confirmado", Title: "Viceministro", Institution: "Ministerio de Justicia", Status: model.AuthorityConfirmed},
	}
	data := write(t, c)
	o, _, err := Read("ar.xlsx", data, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		EventDate: "2027-08-05", EventCity: "Buenos Aires", EventFormat: string(model.FormatPublicForum),
		AuthorityName: "Luis Confirmado", AuthorityTitle: "Viceministro", AuthorityInstitution: "Ministerio de Justicia",
	}
	for name, v := range want {
		if got := o.Scalar(name); got != v {
			t.Errorf("%s = %q, want %q", name, got, v)
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("Evento", cellOf(EventFormat)); v != "Foro público" {
		t.Errorf("format cell shows %q, want the Spanish label", v)
	}
	for _, name := range []string{EventCity, AuthorityName} {
		sid, _ := f.GetCellStyle("Evento", cellOf(name))
		if st, _ := f.GetStyle(sid); st == nil || st.Protection == nil || st.Protection.Locked {
			t.Errorf("%s: a pre-filled cell the partner may correct is locked", name)
		}
	}
	// Nothing known, nothing written: no authority confirmed, no city.
	c.Event.Authorities, c.Event.City = c.Event.Authorities[:1], ""
	o, _, err = Read("ar.xlsx", write(t, c), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{EventCity, AuthorityName, AuthorityTitle} {
		if v := o.Scalar(name); v != "" {
			t.Errorf("%s = %q with nothing known", name, v)
		}
	}
}
