package report

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"slices"
)

// excelize registers the image content types of a drawing by ranging over a
// Go map, so [Content_Types].xml lists them in a different order on each
// run. canonicalXLSX sorts those <Default> entries and copies every other
// part unchanged, which makes the workbook byte-identical for equal inputs.
func canonicalXLSX(data []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		if f.Name == "[Content_Types].xml" {
			body = sortDefaults(body)
		}
		h := f.FileHeader
		w, err := zw.CreateHeader(&zip.FileHeader{Name: h.Name, Method: h.Method, Modified: h.Modified, ExternalAttrs: h.ExternalAttrs, CreatorVersion: h.CreatorVersion})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(body); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

var reDefault = regexp.MustCompile(`<Default [^>]*?(?:/>|></Default>)`)

func sortDefaults(body []byte) []byte {
	locs := reDefault.FindAllIndex(body, -1)
	if len(locs) < 2 {
		return body
	}
	// The Defaults stand together; sort that run and leave the rest.
	start, end := locs[0][0], locs[len(locs)-1][1]
	var parts [][]byte
	for _, l := range locs {
		parts = append(parts, body[l[0]:l[1]])
	}
	if !bytes.Equal(bytes.Join(parts, nil), body[start:end]) {
		return body // not one contiguous run: leave it alone
	}
	slices.SortFunc(parts, bytes.Compare)
	out := append([]byte{}, body[:start]...)
	out = append(out, bytes.Join(parts, nil)...)
	return append(out, body[end:]...)
}
