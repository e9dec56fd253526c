package pdf

import (
	"bytes"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"opkit/assets"
)

// BenchmarkFontPath is the per-document cost of the fonts alone: a fresh
// fpdf document registers the four embedded styles, draws one line in each
// and writes the PDF, so nearly all of the time is font registration,
// subsetting and compressing the subsets and CID maps (third_party/fpdf,
// patches 1-4 and 8-10). Each document uses a character set of its own (a
// different choice of twenty Cyrillic letters), so every subset is made
// anew, as for a document with new text; BenchmarkFontPathRepeated is the
// same document again, whose subsets come from patch 10's cache. Upstream
// fpdf took 19 ms and 24 MB per document, re-parsing every font (see
// third_party/fpdf/PATCHES.md).
func BenchmarkFontPath(b *testing.B) { benchFontPath(b, true) }

func BenchmarkFontPathRepeated(b *testing.B) { benchFontPath(b, false) }

func benchFontPath(b *testing.B, fresh bool) {
	files := fontFiles()
	b.ReportAllocs()
	cpu0 := cpuTime()
	n, size := 0, 0
	for b.Loop() {
		text := "Pacte international relatif aux droits économiques, sociaux et culturels — Việt Nam "
		if fresh {
			for i := range 20 {
				if n>>i&1 == 1 {
					text += string(rune(0x0410 + i)) // А, Б, В, ...
				}
			}
		}
		f := fpdf.New("P", "mm", "A4", "")
		f.SetCompression(true)
		f.AddPage()
		for st := range files {
			f.AddUTF8FontFromBytes(assets.FontFamily, style(st).fpdfStyle(), files[st])
			f.SetFont(assets.FontFamily, style(st).fpdfStyle(), 11)
			f.Text(20, 20+float64(st)*10, text)
		}
		var buf bytes.Buffer
		if err := f.Output(&buf); err != nil {
			b.Fatal(err)
		}
		n++
		size = buf.Len()
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(n), "cpu-ms/op")
	b.ReportMetric(float64(size)/1024, "KiB/pdf")
}
