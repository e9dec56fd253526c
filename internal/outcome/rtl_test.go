package outcome

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestRightToLeft checks the sheet views excelize writes: right to left for
// Arabic, untouched for the other languages.
func TestRightToLeft(t *testing.T) {
	for _, c := range []struct {
		lang string
		rtl  bool
	}{{"ar", true}, {"en", false}, {"fr", false}, {"xx", false}} {
		f := excelize.NewFile()
		if _, err := f.NewSheet("Two"); err != nil {
			t.Fatal(err)
		}
		if err := rightToLeft(f, c.lang, []string{"Sheet1", "Two"}); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		f.Close()
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, zf := range zr.File {
			if !strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
				continue
			}
			rc, _ := zf.Open()
			xml, _ := io.ReadAll(rc)
			rc.Close()
			n++
			if got := strings.Contains(string(xml), `rightToLeft="1"`) || strings.Contains(string(xml), `rightToLeft="true"`); got != c.rtl {
				t.Errorf("%s: %s rightToLeft = %v, want %v", c.lang, zf.Name, got, c.rtl)
			}
		}
		if n != 2 {
			t.Errorf("%s: %d sheets", c.lang, n)
		}
	}
}
