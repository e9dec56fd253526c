package pdf

import (
	"fmt"
	"html"
	"slices"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// The logical structure of a document (a tagged PDF): headings, paragraphs,
// lists, tables and figures as structure elements, each owning the marked
// content its text is drawn in, so that a screen reader and
// `pdfinfo -struct-text` read the document in order; everything else drawn
// (panels, rules, the running header and footer, the logo) is an artifact.
//
// Layout opens and closes elements around what it lays out (begin/end) and
// every text op remembers the element it belongs to; emit wraps each run of
// ops of one element in a marked-content sequence with its own MCID
// (/P <</MCID 3>> BDC ... EMC) and records it; the tree itself is written
// at the end through the vendored fpdf's SetStructTree (patch 5).

// tagTree holds the structure elements of one document. Index 0 is not an
// element: an op with elem 0 is an artifact.
type tagTree struct {
	elems []selem
	seq   int32 // order of creation of elements and ops
}

type selem struct {
	role   string
	parent int
	part   int    // top-level order: cover, contents, body
	alt    string // alternative text (figures)
	actual string // the text in logical order, for right-to-left text (actualText)
	attrs  string // attribute dictionary entries, e.g. /A <</O /Table /Scope /Column>>
	seq    int32
	kids   []tagKid
	obj    int // object number, when written
}

// tagKid is a child element (elem > 0) or a marked-content reference.
type tagKid struct {
	elem       int
	page, mcid int
	seq        int32
}

// The parts of a document, in reading order.
const (
	partCover = iota
	partContents
	partBody
)

func newTagTree() *tagTree {
	t := &tagTree{elems: make([]selem, 2)}
	t.elems[1] = selem{role: "Document"}
	return t
}

const docElem = 1

func (t *tagTree) next() int32 { t.seq++; return t.seq }

func (t *tagTree) add(role string, parent, part int) int {
	id := len(t.elems)
	s := t.next()
	t.elems = append(t.elems, selem{role: role, parent: parent, part: part, seq: s})
	t.elems[parent].kids = append(t.elems[parent].kids, tagKid{elem: id, seq: s})
	return id
}

// begin opens a structure element inside the current one; end closes it.
// Both do nothing on a layout without a tree (measurements).
func (l *layout) begin(role string) int {
	if l.tags == nil || l.elem < 0 {
		return 0 // nothing is tagged inside an artifact
	}
	parent := l.elem
	if parent == 0 {
		parent = docElem
	}
	id := l.tags.add(role, parent, l.part)
	l.elem = id
	return id
}

func (l *layout) end(id int) {
	if id == 0 || l.tags == nil {
		return
	}
	l.elem = l.tags.elems[id].parent
	if l.elem == docElem {
		l.elem = 0
	}
}

// artifact lays out what fn adds as artifacts (a repeated table header).
func (l *layout) artifact(fn func()) {
	saved := l.elem
	l.elem = -1
	fn()
	l.elem = saved
}

// setAlt gives the current element its alternative text.
func (l *layout) setAlt(s string) {
	if l.tags != nil && l.elem > 0 {
		l.tags.elems[l.elem].alt = s
	}
}

// actualText gives the open element the logical text of runs, when it
// holds right-to-left text or the document is right to left. Such text is
// drawn in visual order and in Arabic presentation forms (rtl.go,
// arabic.go): poppler's structure reader (`pdfinfo -struct-text`) and a
// screen reader following the tree would read it backwards, letter by
// contextual letter. The element's /ActualText is the text as written.
func (l *layout) actualText(runs []run, prefix string) {
	if l.tags == nil || l.elem <= 0 {
		return
	}
	var b strings.Builder
	b.WriteString(prefix)
	for _, r := range runs {
		b.WriteString(cleanText(r.text))
		if r.hard {
			b.WriteByte(' ')
		}
	}
	text := strings.TrimSpace(b.String())
	if text == "" || !l.rtl() && !hasRTL(text) {
		return
	}
	e := &l.tags.elems[l.elem]
	if e.actual != "" {
		e.actual += " "
	}
	e.actual += text
}

// tag records the current element on o (text only: drawings are artifacts).
func (l *layout) tag(o *op) {
	if l.tags == nil || (o.kind != opText && o.kind != opPageRef) {
		return
	}
	o.elem = int32(max(l.elem, 0))
	o.seq = l.tags.next()
}

// numberGap follows a heading's number, drawn past its end, so that the
// number and the title extract as "1.2 Title". Right-to-left documents
// place the number by its width (mirror), so they get none.
func (l *layout) numberGap() string {
	if l.rtl() {
		return ""
	}
	return " "
}

// marker states of a page's content stream while emitting.
const (
	mcNone     = 0
	mcArtifact = -1
)

// tagEmitter wraps the ops of one page in marked content as it draws them.
type tagEmitter struct {
	t     *tagTree
	f     *fpdf.Fpdf
	page  int
	mcid  int
	open  int     // mcNone, mcArtifact or the element whose content is open
	pages [][]int // per page (0-based), the element of each MCID
	seq   int32   // order of the op being drawn
	span  int     // the element a Span with ActualText interrupts, while open
}

func (te *tagEmitter) startPage(n int) {
	te.page, te.mcid, te.open = n, 0, mcNone
	te.pages = append(te.pages, nil)
}

func (te *tagEmitter) close() {
	if te.open != mcNone {
		te.f.RawWriteStr("EMC")
		te.open = mcNone
	}
}

// content opens the marked content o is drawn in.
func (te *tagEmitter) content(o *op) {
	id := int(o.elem)
	if o.kind != opText && o.kind != opPageRef {
		id = mcArtifact
	}
	if id <= 0 {
		te.artifact()
		return
	}
	te.seq = o.seq
	if te.open == id {
		return
	}
	te.close()
	te.begin(id, "/"+te.t.elems[id].role+" <<")
	te.open = id
}

// begin opens marked content with the next MCID for element id; props
// starts its property list ("/P <<").
func (te *tagEmitter) begin(id int, props string) {
	e := &te.t.elems[id]
	te.f.RawWriteStr(props + "/MCID " + strconv.Itoa(te.mcid) + ">> BDC")
	e.kids = append(e.kids, tagKid{page: te.page, mcid: te.mcid, seq: te.seq})
	te.pages[te.page-1] = append(te.pages[te.page-1], id)
	te.mcid++
}

// spanStart and spanEnd wrap text whose extraction is actual (rtl.go). Inside
// an element's content they do not nest a Span in its marked content (poppler's
// structure reader stops at the inner EMC): the element's sequence is
// closed, the Span gets an MCID of the element's own, and the element's
// sequence is opened again after it.
func (te *tagEmitter) spanStart(actual string) {
	props := "/Span <</ActualText <" + utf16Hex(actual) + ">"
	if te.open <= 0 {
		te.span = 0
		te.f.RawWriteStr(props + ">> BDC")
		return
	}
	te.span = te.open
	te.f.RawWriteStr("EMC")
	te.begin(te.span, props+" ")
}

func (te *tagEmitter) spanEnd() {
	te.f.RawWriteStr("EMC")
	if te.span > 0 {
		te.begin(te.span, "/"+te.t.elems[te.span].role+" <<")
		te.span = 0
	}
}

func (te *tagEmitter) artifact() {
	if te.open == mcArtifact {
		return
	}
	te.close()
	te.f.RawWriteStr("/Artifact BMC")
	te.open = mcArtifact
}

// pagination draws fn (the running header and footer) as a pagination
// artifact.
func (te *tagEmitter) pagination(fn func()) {
	te.close()
	te.f.RawWriteStr("/Artifact <</Type /Pagination>> BDC")
	fn()
	te.f.RawWriteStr("EMC")
}

// write puts the structure tree into the PDF: one object per element,
// the parent tree (page -> element of each MCID) and the root.
func (te *tagEmitter) write(w *fpdf.StructWriter) int {
	t := te.t
	// The top level reads cover, contents, body, whatever order they
	// were laid out in; below it, kids are in the order they were made.
	doc := &t.elems[docElem]
	slices.SortStableFunc(doc.kids, func(a, b tagKid) int {
		return t.elems[a.elem].part - t.elems[b.elem].part
	})
	for i := 2; i < len(t.elems); i++ {
		slices.SortStableFunc(t.elems[i].kids, func(a, b tagKid) int { return int(a.seq - b.seq) })
	}
	base := w.NextObj()
	for i := 1; i < len(t.elems); i++ {
		t.elems[i].obj = base + i - 1
	}
	parentTree := base + len(t.elems) - 1
	root := parentTree + 1
	// Appended by hand: a document has thousands of kids, and fmt was a
	// twentieth of a build.
	var b []byte
	ref := func(obj int) { b = append(strconv.AppendInt(append(b, ' '), int64(obj), 10), " 0 R"...) }
	for i := 1; i < len(t.elems); i++ {
		e := &t.elems[i]
		b = b[:0]
		parent := root
		if i != docElem {
			parent = t.elems[e.parent].obj
		}
		b = append(b, "<</Type /StructElem /S /"...)
		b = append(b, e.role...)
		b = append(b, " /P"...)
		ref(parent)
		if e.alt != "" {
			b = append(b, " /Alt <"+utf16Hex(e.alt)+">"...)
		}
		if e.actual != "" {
			b = append(b, " /ActualText <"+utf16Hex(e.actual)+">"...)
		}
		if e.attrs != "" {
			b = append(b, " "+e.attrs...)
		}
		b = append(b, " /K ["...)
		for _, k := range e.kids {
			if k.elem > 0 {
				ref(t.elems[k.elem].obj)
			} else {
				b = append(b, " <</Type /MCR /Pg"...)
				ref(w.PageObj(k.page))
				b = append(strconv.AppendInt(append(b, " /MCID "...), int64(k.mcid), 10), ">>"...)
			}
		}
		b = append(b, " ]>>"...)
		w.Obj(string(b))
	}
	b = append(b[:0], "<</Nums ["...)
	for p, ids := range te.pages {
		b = append(strconv.AppendInt(append(b, ' '), int64(p), 10), " ["...)
		for _, id := range ids {
			ref(t.elems[id].obj)
		}
		b = append(b, " ]"...)
	}
	b = append(b, " ]>>"...)
	w.Obj(string(b))
	return w.Obj(fmt.Sprintf("<</Type /StructTreeRoot /K [%d 0 R] /ParentTree %d 0 R /ParentTreeNextKey %d>>",
		t.elems[docElem].obj, parentTree, len(te.pages)))
}

// xmp is the document's XMP metadata packet: title, author, subject and
// language as the Info dictionary has them (PDF/UA readers take the title
// from here), dated like the rest of the file.
func xmp(title, author, subject, lang string, date time.Time) []byte {
	esc := html.EscapeString
	d := date.UTC().Format("2006-01-02T15:04:05Z")
	var b strings.Builder
	b.WriteString(`<?xpacket begin="` + "\uFEFF" + `" id="W5M0MpCehiHzreSzNTczkc9d"?>` + "\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n")
	b.WriteString(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">` + "\n")
	b.WriteString(`<dc:format>application/pdf</dc:format>` + "\n")
	fmt.Fprintf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", esc(title))
	if author != "" {
		fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", esc(author))
	}
	if subject != "" {
		fmt.Fprintf(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", esc(subject))
	}
	if lang != "" {
		fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", esc(lang))
	}
	fmt.Fprintf(&b, "<pdf:Producer>opkit</pdf:Producer><xmp:CreatorTool>opkit</xmp:CreatorTool>\n<xmp:CreateDate>%s</xmp:CreateDate><xmp:ModifyDate>%s</xmp:ModifyDate>\n", d, d)
	b.WriteString("</rdf:Description></rdf:RDF></x:xmpmeta>\n")
	b.WriteString(`<?xpacket end="w"?>`)
	return []byte(b.String())
}
