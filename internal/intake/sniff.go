package intake

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
)

// zipTrouble catches the zip files that are not workbooks, or not whole
// ones, with a reason a person can act on. A zip whose central directory
// cannot be found was cut short: that is how an interrupted download or a
// mail attachment limit shows.
func zipTrouble(data []byte) string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "truncated or damaged: the file ends before its zip directory (" + err.Error() + "); ask the partner to send it again"
	}
	hasContentTypes := false
	for _, f := range zr.File {
		switch strings.ToLower(f.Name) {
		case "[content_types].xml":
			hasContentTypes = true
		case "mimetype":
			if f.UncompressedSize64 < 200 {
				if rc, err := f.Open(); err == nil {
					b, _ := io.ReadAll(io.LimitReader(rc, 200))
					rc.Close()
					if strings.Contains(string(b), "opendocument.spreadsheet") {
						return "not an .xlsx workbook: an OpenDocument spreadsheet (.ods); save it as .xlsx"
					}
					if strings.Contains(string(b), "opendocument") {
						return "not a workbook: an OpenDocument file"
					}
				}
			}
		}
	}
	if !hasContentTypes {
		return "not a workbook: a zip archive that is not an Office document"
	}
	return ""
}
