package outcome

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
	"testing"
)

// hostileSheet is a worksheet with one value in column XFD on each of n
// rows: tiny zipped, and the shape that makes readers which pad rows to
// their widest cell allocate gigabytes.
func hostileSheet(n int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for r := 1; r <= n; r++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="XFD%d"><v>1</v></c></row>`, r, r)
	}
	b.WriteString(`</sheetData></worksheet>`)
	return []byte(b.String())
}

func withEventSheet(t testing.TB, body []byte) []byte {
	return rezip(t, filled(t), func(name string, b []byte) ([]byte, bool) {
		if name == "xl/worksheets/sheet2.xml" {
			return body, true
		}
		return b, true
	})
}

func TestReadHostile(t *testing.T) {
	data := withEventSheet(t, hostileSheet(5000))
	_, _, err := Read("bomb.xlsx", data, DefaultLimits())
	if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "XFD1") {
		t.Errorf("wide sheet: %v", err)
	}
	// Even when the limits allow every column, nothing is padded: the
	// read completes and finds the names' cells empty.
	lim := DefaultLimits()
	lim.MaxCols = 16384
	_, ds, err := Read("bomb.xlsx", data, lim)
	if err != nil {
		t.Fatal(err)
	}
	if !ds.HasErrors() {
		t.Error("required fields of an emptied sheet not reported")
	}
}

// TestReadLyingZip declares a part far smaller than it unzips to; the
// declared sizes must not let it through.
func TestReadLyingZip(t *testing.T) {
	liar := copyZip(t, filled(t), func(zw *zip.Writer, name string, body []byte) error {
		if name != "xl/worksheets/sheet2.xml" {
			return copyPart(zw, name, body)
		}
		big := hostileSheet(20000)
		var comp bytes.Buffer
		fw, _ := flate.NewWriter(&comp, flate.BestCompression)
		fw.Write(big)
		fw.Close()
		w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(big),
			CompressedSize64: uint64(comp.Len()), UncompressedSize64: 1000})
		if err != nil {
			return err
		}
		_, err = w.Write(comp.Bytes())
		return err
	})
	_, _, err := Read("liar.xlsx", liar, DefaultLimits())
	if err == nil || !IsFileError(err) {
		t.Errorf("lying zip: %v", err)
	}
}

func filled(t testing.TB) []byte {
	c := sampleCountry("en")
	return fillExcelize(t, write(t, c), fullSpec("en", c))
}

// rezip copies a workbook's zip, passing each part through fn, which may
// change it or drop it (keep false).
func rezip(t testing.TB, data []byte, fn func(name string, body []byte) ([]byte, bool)) []byte {
	return copyZip(t, data, func(zw *zip.Writer, name string, body []byte) error {
		if b, keep := fn(name, body); keep {
			return copyPart(zw, name, b)
		}
		return nil
	})
}

// copyZip copies a zip, letting part write each entry as it likes.
func copyZip(t testing.TB, data []byte, part func(zw *zip.Writer, name string, body []byte) error) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if err := part(zw, f.Name, body); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func copyPart(zw *zip.Writer, name string, body []byte) error {
	w, err := zw.Create(name)
	if err != nil {
		return err
	}
	_, err = w.Write(body)
	return err
}

func BenchmarkWrite(b *testing.B) {
	c, camp := sampleCountry("fr"), sampleCampaign()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Write(c, camp, WriteOptions{Stamp: stamp}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRead(b *testing.B) {
	data := filled(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Read("ar.xlsx", data, DefaultLimits()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadHostile reads 5000 rows with a value in column XFD under
// limits that allow them: the cost stays that of the XML, not of the grid.
func BenchmarkReadHostile(b *testing.B) {
	data := withEventSheet(b, hostileSheet(5000))
	lim := DefaultLimits()
	lim.MaxCols = 16384
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Read("bomb.xlsx", data, lim); err != nil {
			b.Fatal(err)
		}
	}
}
