package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"strings"

	"opkit/internal/atomicfile"
	"opkit/internal/intake/intaketest"
	"opkit/internal/model"
	"opkit/internal/outcome"
	"opkit/internal/workspace"
)

// writeHostile writes, for the first country of the workspace in wsDir,
// returned workbooks just under and just over the intake limits
// (intake.DefaultLimits: 10 MB on disk, 64 MB unzipped, 16 MB per XML part,
// 5000 rows), for the limits table of the README.
func writeHostile(wsDir, dir string) error {
	ws, ds := workspace.LoadDir(wsDir)
	if ws == nil || ds.HasErrors() {
		return fmt.Errorf("workspace does not load:\n%s", ds.Errors().Error())
	}
	c := &ws.Countries[0]
	cc := strings.ToLower(c.Code)
	typical := intaketest.Typical(c, "limits")
	base, err := intaketest.Fill(c, &ws.Campaign, typical)
	if err != nil {
		return err
	}
	files := map[string][]byte{}

	// On-disk size: a real return carrying an incompressible attachment,
	// as a partner's workbook with a pasted photo would.
	for _, mb := range []float64{9.5, 10.5} {
		b, err := withPadding(base, int(mb*(1<<20)))
		if err != nil {
			return err
		}
		files[fmt.Sprintf("%s-size-%.1fMB.xlsx", cc, mb)] = b
	}

	// Long texts: every free-text field near Excel's 32767-character cap.
	long := intaketest.Return{Scalars: map[string]string{}, Tables: typical.Tables}
	for k, v := range typical.Scalars {
		long.Scalars[k] = v
	}
	for _, k := range []string{outcome.AuthorityStatement, outcome.Media, outcome.SupportRequested} {
		long.Scalars[k] = strings.Repeat("Long statement text. ", 32000/21)
	}
	if files[cc+"-long-cells.xlsx"], err = intaketest.Fill(c, &ws.Campaign, long); err != nil {
		return err
	}

	// Rows: text in column B down to row R of every sheet, under and over
	// the 5000-row limit.
	for _, rows := range []int{4900, 6000} {
		b, err := intaketest.RewriteParts(base, func(name string, body []byte) []byte {
			if !strings.HasPrefix(name, "xl/worksheets/sheet") {
				return body
			}
			var extra strings.Builder
			for r := 1000; r <= rows; r++ {
				fmt.Fprintf(&extra, `<row r="%d"><c r="B%d" t="inlineStr"><is><t>note %d</t></is></c></row>`, r, r, r)
			}
			return bytes.Replace(body, []byte("</sheetData>"), []byte(extra.String()+"</sheetData>"), 1)
		})
		if err != nil {
			return err
		}
		files[fmt.Sprintf("%s-rows-%d.xlsx", cc, rows)] = b
	}

	// Zip bombs: small files that unzip to 15 MB (under the part limit),
	// 60 MB and 1 GB.
	for _, mb := range []int64{15, 60, 1024} {
		b, err := intaketest.ZipBomb(mb << 20)
		if err != nil {
			return err
		}
		files[fmt.Sprintf("bomb-%dMB.xlsx", mb)] = b
	}

	// Expanded content (issue 14): cells that all point at one long shared
	// string (400 MB of text from a file of a few hundred KB), and 2.2
	// million nested elements in one cell.
	if files["expanding-400MB.xlsx"], err = intaketest.ExpandingStrings(c, &ws.Campaign, 4900, 20000); err != nil {
		return err
	}
	if files["nested-2.2M.xlsx"], err = intaketest.NestedXML(c, &ws.Campaign, 2200000); err != nil {
		return err
	}
	// Text of a return just under and over intake's 1 MB per return.
	for _, kb := range []int{900, 1200} {
		if files[fmt.Sprintf("%s-text-%dKB.xlsx", cc, kb)], err = verbose(c, &ws.Campaign, kb); err != nil {
			return err
		}
	}
	// A batch over the text of the whole report (6 MB): every country's
	// return holding 900 KB, in batch/.
	for i := range ws.Countries {
		k := &ws.Countries[i]
		if files[fmt.Sprintf("batch/%s-900KB.xlsx", strings.ToLower(k.Code))], err = verbose(k, &ws.Campaign, 900); err != nil {
			return err
		}
	}

	for name, b := range files {
		if err := atomicfile.Write(filepath.Join(dir, name), b); err != nil {
			return err
		}
	}
	return nil
}

// verbose is a typical return whose opportunities and challenges run to
// about kb KB of text, the way a partner pasting a long report would.
func verbose(c *model.Country, camp *model.Campaign, kb int) ([]byte, error) {
	r := intaketest.Typical(c, "verbose")
	var rows [][]string
	for i := 0; len(rows)*2*3000 < kb<<10; i++ {
		rows = append(rows, []string{fmt.Sprintf("Opportunity %d:", i) + strings.Repeat(" word", 598), "Parliament"})
	}
	r.Tables[outcome.TableOpportunities] = rows
	r.Tables[outcome.TableChallenges] = rows
	return intaketest.Fill(c, camp, r)
}

// withPadding copies a workbook package and adds a stored (uncompressed)
// part of random bytes so that the file is about size bytes.
func withPadding(data []byte, size int) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if err := zw.Copy(f); err != nil {
			return nil, err
		}
	}
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "xl/media/image1.bin", Method: zip.Store})
	if err != nil {
		return nil, err
	}
	r := rand.New(rand.NewPCG(1, 2))
	pad := make([]byte, max(0, size-len(data)))
	for i := range pad {
		pad[i] = byte(r.Uint32())
	}
	if _, err := io.Copy(w, bytes.NewReader(pad)); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
