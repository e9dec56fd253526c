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
// patches 1-4): about 2.5 ms of CPU and 1.6 MB allocated per document on the
// 2-core machine, where upstream fpdf took 19 ms and 24 MB, re-parsing every
// font (same run; see third_party/fpdf/PATCHES.md).
func BenchmarkFontPath(b *testing.B) {
	files := fontFiles()
	b.ReportAllocs()
	cpu0 := cpuTime()
	n, size := 0, 0
	for b.Loop() {
		f := fpdf.New("P", "mm", "A4", "")
		f.SetCompression(true)
		f.AddPage()
		for st := range files {
			f.AddUTF8FontFromBytes(assets.FontFamily, style(st).fpdfStyle(), files[st])
			f.SetFont(assets.FontFamily, style(st).fpdfStyle(), 11)
			f.Text(20, 20+float64(st)*10, "Pacte international relatif aux droits économiques, sociaux et culturels — Україна, Việt Nam")
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
