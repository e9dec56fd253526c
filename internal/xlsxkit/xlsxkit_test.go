package xlsxkit

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// sample is a small workbook with everything Write post-processes: a
// table, sheet protection, a data validation, a fitted page and a font.
func sample(t *testing.T, title string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must(t, f.SetCellStr("Sheet1", "A1", "Header"))
	must(t, f.SetCellStr("Sheet1", "B1", "true"))
	must(t, f.SetCellStr("Sheet1", "A2", "value"))
	must(t, f.AddTable("Sheet1", &excelize.Table{Range: "A1:B2", Name: "Things", StyleName: "TableStyleMedium2", ShowRowStripes: ptr(true)}))
	must(t, f.ProtectSheet("Sheet1", &excelize.SheetProtectionOptions{SelectLockedCells: true, FormatRows: true}))
	id, err := Style(f, &excelize.Style{Font: &excelize.Font{Bold: true}})
	must(t, err)
	must(t, f.SetCellStyle("Sheet1", "A1", "B1", id))
	must(t, SetPrint(f, "Sheet1", Print{Paper: Letter, Landscape: true, Area: "A1:B2", TitleRows: "1:1"}))
	data, err := Write(f, Props{Title: title, Creator: "Coalition & Co", Language: "fr", Stamp: time.Date(2027, 9, 24, 0, 0, 0, 0, time.UTC)})
	must(t, err)
	return data
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func parts(t *testing.T, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	must(t, err)
	out := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		must(t, err)
		b, err := io.ReadAll(rc)
		rc.Close()
		must(t, err)
		out[f.Name] = string(b)
		if !f.Modified.Equal(fixedTime) && !f.Modified.IsZero() {
			t.Errorf("%s dated %v", f.Name, f.Modified)
		}
	}
	return out
}

func TestWrite(t *testing.T) {
	data := sample(t, "Résultats <2027>")
	if !bytes.Equal(data, sample(t, "Résultats <2027>")) {
		t.Error("two writes differ")
	}
	p := parts(t, data)
	core := p["docProps/core.xml"]
	for _, want := range []string{"<cp:coreProperties xmlns:cp=", "<dc:title>Résultats &lt;2027&gt;</dc:title>",
		"<dc:creator>Coalition &amp; Co</dc:creator>", "<cp:lastModifiedBy>", "<dc:language>fr</dc:language>",
		`<dcterms:created xsi:type="dcterms:W3CDTF">2027-09-24T00:00:00Z</dcterms:created>`} {
		if !strings.Contains(core, want) {
			t.Errorf("core.xml lacks %s: %s", want, core)
		}
	}
	if err := xml.Unmarshal([]byte(core), new(struct{})); err != nil {
		t.Errorf("core.xml: %v", err)
	}
	reBoolAttr := regexp.MustCompile(`\s([A-Za-z:]+)="(?:true|false)"`)
	for name, body := range p {
		if strings.HasPrefix(name, "xl/") && name != "xl/sharedStrings.xml" {
			for _, m := range reBoolAttr.FindAllStringSubmatch(body, -1) {
				if !textAttrs[m[1]] {
					t.Errorf("%s still has %s", name, m[0])
				}
			}
		}
	}
	if !strings.Contains(p["xl/tables/table1.xml"], `name="true"`) {
		t.Error("a column headed \"true\" was renamed")
	}
	if !strings.Contains(p["xl/sharedStrings.xml"], ">true<") {
		t.Error("a cell's text \"true\" was changed")
	}
	if tb := p["xl/tables/table1.xml"]; !strings.Contains(tb, `headerRowCount="1"`) || !strings.Contains(tb, `totalsRowShown="0"`) {
		t.Errorf("table: %s", tb)
	}
	sheet := p["xl/worksheets/sheet1.xml"]
	for _, want := range []string{`paperSize="1"`, `orientation="landscape"`, `fitToWidth="1"`, `fitToHeight="0"`, `<sheetProtection`, `sheet="1"`} {
		if !strings.Contains(sheet, want) {
			t.Errorf("sheet lacks %s", want)
		}
	}
	wb := p["xl/workbook.xml"]
	for _, want := range []string{`localSheetId="0" name="_xlnm.Print_Area">Sheet1!$A$1:$B$2<`, `localSheetId="0" name="_xlnm.Print_Titles">Sheet1!$1:$1<`} {
		if !strings.Contains(wb, want) {
			t.Errorf("workbook.xml lacks %s", want)
		}
	}
	styles := p["xl/styles.xml"]
	for _, font := range regexp.MustCompile(`<font>.*?</font>`).FindAllString(styles, -1) {
		if !strings.Contains(font, `<name val="`+Font+`"`) {
			t.Errorf("unnamed font %s", font)
		}
	}
	if strings.Contains(styles, "xmlns:x14=") {
		t.Error("styles.xml still declares x14, which it does not use")
	}
	if err := xml.Unmarshal([]byte(styles), new(struct{})); err != nil {
		t.Errorf("styles.xml: %v", err)
	}
	// excelize reads its own output back.
	f, err := excelize.OpenReader(bytes.NewReader(data))
	must(t, err)
	defer f.Close()
	props, err := f.GetDocProps()
	must(t, err)
	if props.Title != "Résultats <2027>" {
		t.Errorf("title read back %q", props.Title)
	}
}

func TestPaper(t *testing.T) {
	for cc, want := range map[string]Paper{"US": Letter, "ca": Letter, "MX": Letter, "CO": Letter, "PH": Letter,
		"AR": A4, "BR": A4, "FR": A4, "SN": A4, "": A4} {
		if got := PaperFor(cc); got != want {
			t.Errorf("PaperFor(%q) = %d, want %d", cc, got, want)
		}
	}
	for s, want := range map[string]Paper{"letter": Letter, "Letter": Letter, "LETTER": Letter, "A4": A4, "a4": A4} {
		if got := PaperNamed(s); got != want {
			t.Errorf("PaperNamed(%q) = %d", s, got)
		}
	}
}

func TestSortDefaults(t *testing.T) {
	in := `<Types><Default Extension="xml" ContentType="a"/><Default Extension="png" ContentType="b"/><Override PartName="/x"/></Types>`
	want := `<Types><Default Extension="png" ContentType="b"/><Default Extension="xml" ContentType="a"/><Override PartName="/x"/></Types>`
	if got := string(sortDefaults([]byte(in))); got != want {
		t.Errorf("got %s", got)
	}
}

// TestConceal: a concealed sheet is very hidden and protected, and the
// workbook has no workbookProtection (Gnumeric warns about one).
func TestConceal(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	_, err := f.NewSheet("Meta")
	must(t, err)
	must(t, f.SetCellStr("Meta", "A1", "1.1"))
	must(t, Conceal(f, "Meta"))
	data, err := Write(f, Props{Title: "t", Stamp: time.Date(2027, 9, 24, 0, 0, 0, 0, time.UTC)})
	must(t, err)
	p := parts(t, data)
	if wb := p["xl/workbook.xml"]; !regexp.MustCompile(`<sheet name="Meta" [^>]*state="veryHidden"`).MatchString(wb) || strings.Contains(wb, "workbookProtection") {
		t.Errorf("workbook.xml: %s", wb)
	}
	if s := p["xl/worksheets/sheet2.xml"]; !strings.Contains(s, `<sheetProtection`) || !strings.Contains(s, `sheet="1"`) {
		t.Errorf("Meta is not protected: %s", s)
	}
	if s := p["xl/worksheets/sheet1.xml"]; strings.Contains(s, `<sheetProtection`) {
		t.Errorf("Sheet1 is protected: %s", s)
	}
}

func TestBooleans(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`<sheetView showGridLines="false" tabSelected="true">`, `<sheetView showGridLines="0" tabSelected="1">`},
		{`<c r="A1" t="s"><v>3</v></c>`, `<c r="A1" t="s"><v>3</v></c>`},
		// Words, not booleans: a table column or a prompt called "true".
		{`<tableColumn id="2" name="true"/>`, `<tableColumn id="2" name="true"/>`},
		{`<dataValidation prompt="false" showInputMessage="true">`, `<dataValidation prompt="false" showInputMessage="1">`},
		{`<x:pane xmlns:x="u" x:frozen="true"/>`, `<x:pane xmlns:x="u" x:frozen="1"/>`},
		// Only a whole value: "trueish" and "=true" inside a text stay.
		{`<a b="trueish" c="truefalse">`, `<a b="trueish" c="truefalse">`},
		{`<t>x ="true"</t><b v="false"/>`, `<t>x ="true"</t><b v="0"/>`},
		{"<a\tb=\"true\"\nc=\"false\"/>", "<a\tb=\"1\"\nc=\"0\"/>"},
		{`<a 1b="true"/>`, `<a 1b="true"/>`},
		{`="true"`, `="true"`},
		{``, ``},
	} {
		if got := string(booleans([]byte(tc.in))); got != tc.want {
			t.Errorf("booleans(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestDeflateCache: a workbook written with deflated parts from the cache
// (the second and third time the same parts are seen) has the bytes of
// one archive/zip deflates itself.
func TestDeflateCache(t *testing.T) {
	cacheDeflates = false
	want := sample(t, "Cache")
	cacheDeflates = true
	t.Cleanup(func() { cacheDeflates = true })
	for i := range 3 {
		if got := sample(t, "Cache"); !bytes.Equal(got, want) {
			t.Fatalf("write %d through the deflate cache: %d bytes, differ from archive/zip's %d", i+1, len(got), len(want))
		}
	}
	// And a part that differs by one byte is not served the cached one.
	if got := sample(t, "Cachf"); bytes.Equal(got, want) {
		t.Fatal("a different title gave the same bytes")
	} else if p := parts(t, got)["docProps/core.xml"]; !strings.Contains(p, "Cachf") {
		t.Fatalf("core.xml of the second workbook: %s", p)
	}
	deflates.mu.Lock()
	n := len(deflates.parts)
	deflates.mu.Unlock()
	if n == 0 {
		t.Error("nothing was cached after three equal workbooks")
	}
}

// TestStylesOnce: a styles part seen before gets the rewrite it got then,
// and a different one its own.
func TestStylesOnce(t *testing.T) {
	a := []byte(`<?xml version="1.0"?><styleSheet xmlns="m" xmlns:x14ac="u" mc:Ignorable="x14ac" xmlns:mc="c"><fonts><font><b val="true"/></font></fonts></styleSheet>`)
	b := []byte(`<?xml version="1.0"?><styleSheet xmlns="m" xmlns:x14ac="u" mc:Ignorable="x14ac" xmlns:mc="c"><fonts><font><i val="false"/></font></fonts></styleSheet>`)
	for range 3 {
		for _, in := range [][]byte{a, b} {
			want := booleans(trimNamespaces(bytes.Clone(in)))
			if got := stylesOnce(in); !bytes.Equal(got, want) {
				t.Fatalf("stylesOnce(%s) = %s, want %s", in, got, want)
			}
		}
	}
}
