package xlsxkit

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"hash/maphash"
	"io"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"
)

// Props are a workbook's document properties.
type Props struct {
	Title, Subject, Creator, Keywords, Description, Category string
	Language, Identifier, Version                            string
	// Stamp is the created and modified date; the CLI derives it from
	// SOURCE_DATE_EPOCH or the campaign, never the clock.
	Stamp                time.Time
	Application, Company string
}

// DocTime is a workbook's created/modified property for stamp: always
// written, so that no clock reaches the file (2000-01-01 for a zero stamp).
func DocTime(stamp time.Time) string {
	if stamp.IsZero() {
		return "2000-01-01T00:00:00Z"
	}
	return stamp.UTC().Format("2006-01-02T15:04:05Z")
}

// Write sets the properties, serialises the workbook and post-processes
// its parts (see the package comment). Equal inputs give equal bytes.
func Write(f *excelize.File, p Props) ([]byte, error) {
	app := p.Application
	if app == "" {
		app = "opkit"
	}
	if err := f.SetAppProps(&excelize.AppProperties{Application: app, Company: p.Company}); err != nil {
		return nil, fmt.Errorf("app properties: %w", err)
	}
	// excelize stores its parts uncompressed: Fix reads every one back
	// and deflates it once (deflating here too cost a tenth of a build).
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return storedZip{zip.NewWriter(w)} })
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return Fix(buf.Bytes(), p)
}

// storedZip is the zip writer excelize serialises into: entries stored,
// not deflated. Fix's output does not depend on how they were stored.
type storedZip struct{ *zip.Writer }

func (z storedZip) Create(name string) (io.Writer, error) {
	return z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store, Modified: fixedTime})
}

// Fix rewrites the parts of a workbook excelize wrote; Write calls it.
func Fix(data []byte, p Props) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.Grow(len(data) / 3)
	zw := zip.NewWriter(&out)
	if cacheDeflates {
		zw.RegisterCompressor(zip.Deflate, newCachedDeflater) // deflate.go
	}
	hasCore := false
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			return nil, err
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		name := zf.Name
		switch {
		case name == "docProps/core.xml":
			body, hasCore = coreXML(p), true
		case name == "[Content_Types].xml":
			body = sortDefaults(body)
		case name == "xl/styles.xml":
			body = stylesOnce(body)
		case strings.HasPrefix(name, "xl/charts/chart") && strings.HasSuffix(name, ".xml"):
			body = booleans(chartXML(body))
		case strings.HasPrefix(name, "xl/tables/") && strings.HasSuffix(name, ".xml"):
			body = booleans(tableHeader(body))
		case strings.HasPrefix(name, "xl/") && strings.HasSuffix(name, ".xml") && name != "xl/sharedStrings.xml":
			body = booleans(body)
		}
		if err := put(zw, zf.FileHeader, body); err != nil {
			return nil, err
		}
	}
	if !hasCore {
		return nil, fmt.Errorf("workbook has no docProps/core.xml")
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// fixedTime is the modification time of every zip entry (excelize's own),
// so that no clock reaches the file.
var fixedTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

func put(zw *zip.Writer, h zip.FileHeader, body []byte) error {
	w, err := zw.CreateHeader(&zip.FileHeader{Name: h.Name, Method: zip.Deflate, Modified: fixedTime})
	if err != nil {
		return err
	}
	_, err = w.Write(body)
	return err
}

func coreXML(p Props) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header[:len(xml.Header)-1])
	b.WriteString(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"` +
		` xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	el := func(tag, v string) {
		if v == "" {
			return
		}
		b.WriteString("<" + tag + ">")
		xml.EscapeText(&b, []byte(v))
		b.WriteString("</" + tag + ">")
	}
	el("dc:title", p.Title)
	el("dc:subject", p.Subject)
	el("dc:creator", p.Creator)
	el("cp:keywords", p.Keywords)
	el("dc:description", p.Description)
	el("cp:lastModifiedBy", p.Creator)
	el("dc:identifier", p.Identifier)
	el("dc:language", p.Language)
	el("cp:category", p.Category)
	el("cp:version", p.Version)
	t := DocTime(p.Stamp)
	b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + t + `</dcterms:created>`)
	b.WriteString(`<dcterms:modified xsi:type="dcterms:W3CDTF">` + t + `</dcterms:modified>`)
	b.WriteString(`</cp:coreProperties>`)
	return b.Bytes()
}

// textAttrs carry words, not booleans: a header or a prompt that reads
// "true" stays as it is.
var textAttrs = map[string]bool{
	"name": true, "displayName": true, "prompt": true, "promptTitle": true, "error": true,
	"errorTitle": true, "tooltip": true, "display": true, "location": true, "comment": true,
	"dataCellStyle": true, "headerRowCellStyle": true, "totalsRowLabel": true,
}

// booleans writes every boolean attribute 1/0. It scans for the values
// rather than parsing tags: excelize escapes '"' in text and attribute
// values, so `="true"` occurs only where an attribute's whole value is
// true (a regular expression over every tag was a fifth of a workbook's
// cost).
func booleans(body []byte) []byte {
	var out []byte
	done := 0 // body[:done] is in out
	for i := 0; i < len(body); {
		j := bytes.Index(body[i:], []byte(`="`))
		if j < 0 {
			break
		}
		eq := i + j
		var v byte
		var n int
		switch rest := body[eq+2:]; {
		case bytes.HasPrefix(rest, []byte(`true"`)):
			v, n = '1', len(`="true"`)
		case bytes.HasPrefix(rest, []byte(`false"`)):
			v, n = '0', len(`="false"`)
		default:
			i = eq + 2
			continue
		}
		// The attribute's name: [A-Za-z][A-Za-z0-9:]* after white space.
		k := eq
		for k > 0 && isNameByte(body[k-1]) {
			k--
		}
		if k == eq || k == 0 || !isSpace(body[k-1]) || !isLetter(body[k]) || textAttrs[string(body[k:eq])] {
			i = eq + n
			continue
		}
		out = append(out, body[done:eq]...)
		out = append(out, '=', '"', v, '"')
		done = eq + n
		i = done
	}
	if out == nil {
		return body
	}
	return append(out, body[done:]...)
}

func isLetter(c byte) bool   { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isNameByte(c byte) bool { return isLetter(c) || '0' <= c && c <= '9' || c == ':' }
func isSpace(c byte) bool    { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

var (
	reView3D     = regexp.MustCompile(`<view3D>.*?</view3D>`)
	reDLbls      = regexp.MustCompile(`<dLbls>.*?</dLbls>`)
	reEndParaRPr = regexp.MustCompile(`<a:endParaRPr[^>]*?(?:/>|></a:endParaRPr>)`)
	reBodyWrap   = regexp.MustCompile(`(<a:bodyPr[^>]*?) wrap="[a-z]+"`)
)

// chartXML drops what excelize writes into a 2-D chart that adds nothing
// and that Gnumeric does not read: the 3-D view, data labels that are all
// switched off, empty end-of-paragraph properties, and the text-wrap flag
// of axis labels (square, the default).
func chartXML(body []byte) []byte {
	if !bytes.Contains(body, []byte("<bar3DChart")) && !bytes.Contains(body, []byte("<line3DChart")) &&
		!bytes.Contains(body, []byte("<pie3DChart")) && !bytes.Contains(body, []byte("<area3DChart")) {
		body = reView3D.ReplaceAll(body, nil)
	}
	body = reDLbls.ReplaceAllFunc(body, func(d []byte) []byte {
		if bytes.Contains(d, []byte(`val="1"`)) || bytes.Contains(d, []byte(`val="true"`)) {
			return d // labels shown: keep them
		}
		return nil
	})
	body = reEndParaRPr.ReplaceAll(body, nil)
	return reBodyWrap.ReplaceAll(body, []byte("$1"))
}

var reTableStart = regexp.MustCompile(`<table\s[^>]*>`)

// tableHeader declares the table's one header row (and no totals row),
// which Excel assumes when the attribute is absent and others do not.
func tableHeader(body []byte) []byte {
	loc := reTableStart.FindIndex(body)
	if loc == nil {
		return body
	}
	tag := string(body[loc[0]:loc[1]])
	add := ""
	if !strings.Contains(tag, "headerRowCount=") {
		add += ` headerRowCount="1"`
	}
	if !strings.Contains(tag, "totalsRowShown=") {
		add += ` totalsRowShown="0"`
	}
	if add == "" {
		return body
	}
	end := loc[1] - 1
	if body[end-1] == '/' {
		end--
	}
	out := append([]byte{}, body[:end]...)
	out = append(out, add...)
	return append(out, body[end:]...)
}

var (
	reRoot    = regexp.MustCompile(`<([A-Za-z]+)(\s[^>]*)>`)
	reNSDecl  = regexp.MustCompile(`\s+xmlns:([A-Za-z0-9]+)="[^"]*"`)
	reIgnored = regexp.MustCompile(`mc:Ignorable="([^"]*)"`)
)

// trimNamespaces drops the namespace declarations of a part's root that
// nothing in the part uses, and the unused prefixes of its mc:Ignorable.
func trimNamespaces(body []byte) []byte {
	start := bytes.Index(body, []byte("?>"))
	if start < 0 {
		start = 0
	} else {
		start += 2
	}
	loc := reRoot.FindSubmatchIndex(body[start:])
	if loc == nil {
		return body
	}
	rootStart, rootEnd := start+loc[0], start+loc[1]
	root := body[rootStart:rootEnd]
	rest := body[rootEnd:]
	// The root's own attributes, without declarations and mc:Ignorable.
	bare := reIgnored.ReplaceAll(reNSDecl.ReplaceAll(root, nil), nil)
	uses := func(p string) bool {
		return bytes.Contains(rest, []byte("<"+p+":")) || bytes.Contains(rest, []byte(" "+p+":")) ||
			bytes.Contains(bare, []byte(" "+p+":"))
	}
	var ignorable []string
	if m := reIgnored.FindSubmatch(root); m != nil {
		for _, p := range strings.Fields(string(m[1])) {
			if uses(p) && !slices.Contains(ignorable, p) {
				ignorable = append(ignorable, p)
			}
		}
	}
	newRoot := reIgnored.ReplaceAllFunc(root, func([]byte) []byte {
		if len(ignorable) == 0 {
			return nil
		}
		return []byte(`mc:Ignorable="` + strings.Join(ignorable, " ") + `"`)
	})
	newRoot = reNSDecl.ReplaceAllFunc(newRoot, func(decl []byte) []byte {
		p := string(reNSDecl.FindSubmatch(decl)[1])
		if uses(p) || p == "mc" && len(ignorable) > 0 {
			return decl
		}
		return nil
	})
	// excelize writes two spaces after the element name; removals leave more.
	newRoot = regexp.MustCompile(`\s+`).ReplaceAll(newRoot, []byte(" "))
	newRoot = bytes.Replace(newRoot, []byte(" >"), []byte(">"), 1)
	out := append([]byte{}, body[:rootStart]...)
	out = append(out, newRoot...)
	return append(out, rest...)
}

// stylesOnce is booleans(trimNamespaces(body)), kept for the styles parts
// seen before: the workbooks of one language share theirs, and its regular
// expressions were a tenth of a workbook's cost.
func stylesOnce(body []byte) []byte {
	h := maphash.Bytes(deflates.seed, body)
	styles.mu.Lock()
	s, ok := styles.m[h]
	styles.mu.Unlock()
	if ok && bytes.Equal(s.in, body) {
		return s.out
	}
	out := booleans(trimNamespaces(body))
	styles.mu.Lock()
	if len(styles.m) < 64 {
		styles.m[h] = fixedPart{in: bytes.Clone(body), out: out}
	}
	styles.mu.Unlock()
	return out
}

type fixedPart struct{ in, out []byte }

var styles = struct {
	mu sync.Mutex
	m  map[uint64]fixedPart
}{m: map[uint64]fixedPart{}}

var reDefault = regexp.MustCompile(`<Default [^>]*?(?:/>|></Default>)`)

// sortDefaults sorts the <Default> entries of [Content_Types].xml, which
// excelize writes in map order.
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
