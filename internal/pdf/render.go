package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"opkit/assets"
	"opkit/internal/render"
)

// Options select the paper.
type Options struct {
	PageSize string // "A4" (default) or "Letter"
}

type pageSize struct{ w, h float64 }

var pageSizes = map[string]pageSize{
	"a4":     {210, 297},
	"letter": {215.9, 279.4},
}

// Page furniture positions, in mm from the page edges. The same geometry is
// used with and without a marking so that both editions of a briefing
// paginate alike.
const (
	marginX     = 22
	marginTop   = 27
	marginBot   = 25
	bandH       = 7.5 // marking band at the top and bottom edge
	headerBase  = 15.5
	headerRule  = 18
	footerRule  = 17.5 // from the bottom edge
	footerBase  = 12.5 // from the bottom edge
	furnitureSz = 8
)

// Render lays doc out as a PDF. The same document and options always give
// the same bytes: dates come from doc.Date and object order is sorted.
func Render(doc *render.Document, opt Options) ([]byte, error) {
	if doc == nil || doc.Root == nil {
		return nil, errors.New("render pdf: document has no content")
	}
	ps, ok := pageSizes[strings.ToLower(strings.TrimSpace(opt.PageSize))]
	if opt.PageSize == "" {
		ps, ok = pageSizes["a4"]
	}
	if !ok {
		return nil, fmt.Errorf("render pdf: unknown page size %q (want A4 or Letter)", opt.PageSize)
	}
	fs, err := loadFonts()
	if err != nil {
		return nil, fmt.Errorf("render pdf: %w", err)
	}
	for _, f := range []struct{ name, text string }{
		{"title", doc.Title}, {"subtitle", doc.Subtitle}, {"header", doc.Header},
		{"marking", doc.Marking}, {"author", doc.Author},
	} {
		if err := checkText(f.name, f.text, false); err != nil {
			return nil, fmt.Errorf("render pdf: %w", err)
		}
	}
	if err := checkText("markdown", string(doc.Source), true); err != nil {
		return nil, fmt.Errorf("render pdf: %w", err)
	}

	body, pages, final, err := layoutDoc(doc, ps, fs)
	if err != nil {
		return nil, fmt.Errorf("render pdf: %w", err)
	}
	out, err := body.emit(pages, final)
	if err != nil {
		return nil, fmt.Errorf("render pdf: %w", err)
	}
	return out, nil
}

// layoutDoc lays out the whole document: cover, contents and body pages,
// and the final 1-based page number of each heading.
func layoutDoc(doc *render.Document, ps pageSize, fs *fontSet) (*layout, []*page, []int, error) {
	tags := newTagTree()
	mk := func(part int) *layout {
		return &layout{
			doc: doc, src: doc.Source, fonts: fs, lab: labelsFor(doc.Lang),
			pw: ps.w, ph: ps.h,
			left: marginX, right: marginX, top: marginTop, bott: marginBot,
			numbered: doc.Contents, tags: tags, part: part,
		}
	}
	body := mk(partBody)
	body.newPage()
	body.blocks(doc.Root, body.left, body.width())
	if body.err != nil {
		return nil, nil, nil, body.err
	}
	if afterLayout != nil {
		afterLayout(doc, body)
	}
	var pages []*page
	if doc.Cover {
		pages = append(pages, body.cover())
	}
	if doc.Contents {
		toc := mk(partContents)
		toc.contents(body.headings)
		pages = append(pages, toc.pages...)
	}
	offset := len(pages)
	pages = append(pages, body.pages...)
	final := make([]int, len(body.headings))
	for i, h := range body.headings {
		final[i] = offset + h.page + 1
	}
	if body.rtl() {
		body.mirror(pages, final)
	}
	return body, pages, final, nil
}

// cover builds the cover page: the logo and coalition at the top, the
// title block a third of the way down, the marking in a box below it.
func (l *layout) cover() *page {
	c := &layout{doc: l.doc, fonts: l.fonts, lab: l.lab, pw: l.pw, ph: l.ph,
		left: l.left, right: l.right, top: l.top, bott: l.bott, tags: l.tags, part: partCover}
	c.newPage()
	w := c.width()
	c.add(op{kind: opImage, x: c.left, y: c.top + 4, w: 22, h: 22})
	if a := cleanText(l.doc.Author); a != "" {
		id := c.begin("P")
		c.actualText([]run{{text: a}}, "")
		lines := c.wrap(c.tokens([]run{{text: a}}, para{size: 10, color: mutedColor}), w-30)
		y := c.top + 4 + 11 - float64(len(lines)-1)*2.4
		for _, ln := range lines {
			c.drawLineAt(ln, c.left+28, y+1.5)
			y += 5
		}
		c.end(id)
	}
	c.y = c.ph * 0.33
	c.add(op{kind: opRect, x: c.left, y: c.y, w: 36, h: 1.6, color: accentGold})
	c.y += 8
	id := c.begin("P")
	c.actualText([]run{{text: l.doc.Title}}, "")
	for _, ln := range c.wrap(c.tokens([]run{{text: l.doc.Title}}, para{size: 28, st: bold, color: headColor}), w) {
		c.y += 28 * ptToMM
		c.drawLineAt(ln, c.left, c.y)
		c.y += 28 * ptToMM * 0.3
	}
	c.end(id)
	c.y += 4
	id = c.begin("P")
	c.actualText([]run{{text: l.doc.Subtitle}}, "")
	for _, ln := range c.wrap(c.tokens([]run{{text: l.doc.Subtitle}}, para{size: 15, color: textColor}), w) {
		c.y += 15 * ptToMM
		c.drawLineAt(ln, c.left, c.y)
		c.y += 15 * ptToMM * 0.4
	}
	c.end(id)
	if m := cleanText(l.doc.Marking); m != "" {
		c.y += 14
		mw := c.fonts.faces[bold].width(m, 16) + 12
		c.add(op{kind: opRect, x: c.left, y: c.y, w: mw, h: 12, color: markRed})
		id := c.begin("P")
		c.actualText([]run{{text: m}}, "")
		c.add(op{kind: opText, x: c.left + 6, y: c.y + 6 + 16*ptToMM*0.36, text: m, st: bold, size: 16, color: white})
		c.end(id)
	}
	return c.cur()
}

// contents lays out the table of contents: level 1 and 2 headings with
// dotted leaders and page numbers, each entry a link to its heading.
func (l *layout) contents(hs []heading) {
	l.newPage()
	w := l.width()
	x := l.left
	size := headSizes[0]
	lh := size * 1.3 * ptToMM
	base := l.y + lh/2 + size*ptToMM*0.36
	id := l.begin("H1")
	l.add(op{kind: opText, x: x, y: base, text: l.lab.contents, st: bold, size: size, color: headColor})
	l.end(id)
	l.add(op{kind: opBookmark, y: l.y, text: l.lab.contents, level: 0})
	toc := l.begin("TOC")
	defer l.end(toc)
	l.y += lh + 1
	l.add(op{kind: opLine, x: x, y: l.y, w: x + w, h: l.y, color: ruleColor, size: 0.35})
	l.y += 6
	const numCol = 12.0
	for i, h := range hs {
		if h.level > 2 {
			continue
		}
		// Number columns wide enough for "12" and "12.10", so titles align.
		indent, st, gap, minNum := 0.0, bold, 2.6, 8.0
		if h.level == 2 {
			indent, st, gap, minNum = 8, regular, 0.6, 10
		}
		p := para{size: bodySize, st: st, color: textColor}
		numW := 0.0
		if h.number != "" {
			numW = max(l.fonts.faces[st].width(h.number, bodySize)+3, minNum)
		}
		tx := x + indent + numW
		lines := l.wrap(l.tokens([]run{{text: h.text}}, p), x+w-numCol-tx)
		lh := bodySize * 1.5 * ptToMM
		l.space(gap)
		l.ensure(float64(len(lines)) * lh)
		y0 := l.y
		item := l.begin("TOCI")
		if h.number != "" {
			l.actualText([]run{{text: h.text}}, h.number+" ")
		} else {
			l.actualText([]run{{text: h.text}}, "")
		}
		for j, ln := range lines {
			b := l.y + lh/2 + bodySize*ptToMM*0.36
			if j == 0 && h.number != "" {
				l.add(op{kind: opText, x: x + indent, y: b, text: h.number + l.numberGap(), st: st, size: bodySize, color: textColor})
			}
			l.drawLineAt(ln, tx, b)
			if j == len(lines)-1 {
				l.add(op{kind: opLine, level: 1, x: tx + ln.w + 2, y: b, w: x + w - numCol + 1, h: b, color: mutedColor, size: 0.35})
				l.add(op{kind: opPageRef, x: x + w, y: b, dest: i, st: st, size: bodySize, color: textColor})
			}
			l.y += lh
		}
		l.end(item)
		l.add(op{kind: opLinkDest, x: x, y: y0, w: w, h: l.y - y0, dest: i})
	}
}

// emit draws the laid-out pages with fpdf, adding the running header,
// footer and marking now that the page count is known.
func (l *layout) emit(pages []*page, final []int) ([]byte, error) {
	doc := l.doc
	f := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm", Size: fpdf.SizeType{Wd: l.pw, Ht: l.ph}, OrientationStr: "P"})
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	f.SetCatalogSort(true)
	date := doc.Date
	if date.IsZero() {
		date = time.Unix(0, 0)
	}
	f.SetCreationDate(date.UTC())
	f.SetModificationDate(date.UTC())
	f.SetTitle(cleanText(doc.Title), true)
	f.SetAuthor(cleanText(doc.Author), true)
	f.SetSubject(cleanText(doc.Subtitle), true)
	f.SetCreator("opkit", true)
	f.SetProducer("opkit", true)
	f.SetLang(l.lab.lang)
	// Tagged: a structure tree, marked content, the title shown by
	// viewers instead of the file name, and XMP metadata (tags.go).
	f.SetViewerPreferences("<</DisplayDocTitle true>>")
	f.SetXmpMetadata(xmp(cleanText(doc.Title), cleanText(doc.Author), cleanText(doc.Subtitle), l.lab.lang, date))
	// Pages are compressed as they are finished (fpdf patch 6), so a
	// long report does not hold every page's operators until the end.
	f.SetStreamPages(true)
	te := &tagEmitter{t: l.tags, f: f}
	f.SetStructTree(te.write)

	// One pass over what is drawn: the styles to embed, whether the logo
	// is, and the characters. Text can reach the page without passing the
	// source check (an entity such as &#x4E2D; resolves only in layout).
	used := [8]bool{regular: true, bold: true}
	hasLogo := false
	for _, s := range []string{doc.Title, doc.Header, doc.Marking} {
		if usesArabic(s) {
			used[arabicBit], used[arabicBit|bold] = true, true
		}
	}
	for _, p := range pages {
		for _, o := range p.ops {
			switch o.kind {
			case opText:
				if r, bad := missingIn(o.text); bad {
					return nil, fmt.Errorf("character %U %q in %q is not in the embedded fonts", r, r, o.text)
				}
				used[o.st.fontStyle()] = true
				if !o.visual && usesArabic(o.text) {
					used[arabicBit], used[arabicBit|bold] = true, true
				}
			case opPageRef:
				used[o.st] = true
			case opImage:
				hasLogo = true
			}
		}
	}
	for st := range used {
		if !used[st] {
			continue
		}
		s := style(st)
		f.AddUTF8FontFromBytes(s.family(), s.fpdfStyle(), s.file())
		// fpdf prints a bad font's parse error instead of returning it;
		// selecting the font turns that into an error.
		f.SetFont(s.family(), s.fpdfStyle(), 10)
		if err := f.Error(); err != nil {
			return nil, fmt.Errorf("load %s %s font: %w", s.family(), s.fpdfStyle(), err)
		}
	}
	if hasLogo {
		f.RegisterImageOptionsReader("logo", fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(assets.Logo))
	}
	links := make([]int, len(final))
	for i := range links {
		links[i] = f.AddLink()
	}

	e := emitter{f: f, rtl: l.rtl(), te: te}
	total := len(pages)
	for i, p := range pages {
		f.AddPage()
		te.startPage(i + 1)
		te.pagination(func() { l.furniture(&e, i+1, total, doc.Cover && i == 0) })
		for _, o := range p.ops {
			switch o.kind {
			case opText, opPageRef, opRect, opLine, opCircle, opImage:
				te.content(&o)
			}
			switch o.kind {
			case opText:
				if o.visual {
					e.visual(o.x, o.y, o.text, o.actual, o.st, o.size, o.color)
				} else {
					e.text(o.x, o.y, o.text, o.st, o.size, o.color)
				}
			case opPageRef:
				s := strconv.Itoa(final[o.dest])
				e.text(o.x-l.fonts.faces[o.st].width(s, o.size), o.y, s, o.st, o.size, o.color)
			case opRect:
				e.fill(o.color)
				f.Rect(o.x, o.y, o.w, o.h, "F")
			case opLine:
				e.stroke(o.color, o.size)
				if o.level == 1 {
					f.SetDashPattern([]float64{0.01, 1.1}, 0)
					f.SetLineCapStyle("round")
				}
				f.Line(o.x, o.y, o.w, o.h)
				if o.level == 1 {
					f.SetDashPattern(nil, 0)
					f.SetLineCapStyle("butt")
				}
			case opCircle:
				e.fill(o.color)
				f.Circle(o.x, o.y, o.w, "F")
			case opImage:
				f.ImageOptions("logo", o.x, o.y, o.w, o.h, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
			case opLinkURL:
				f.LinkString(o.x, o.y, o.w, o.h, o.url)
			case opLinkDest:
				f.Link(o.x, o.y, o.w, o.h, links[o.dest])
			case opDest:
				f.SetLink(links[o.dest], o.y, i+1)
			case opBookmark:
				f.Bookmark(o.text, o.level, o.y)
			}
		}
		te.close()
		if err := f.Error(); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// furniture draws the running header, footer and marking bands of page n.
func (l *layout) furniture(e *emitter, n, total int, cover bool) {
	doc := l.doc
	x0, x1 := l.left, l.pw-l.right
	if m := cleanText(doc.Marking); m != "" {
		for _, y := range []float64{0, l.ph - bandH} {
			e.fill(markRed)
			e.f.Rect(0, y, l.pw, bandH, "F")
			w := l.fonts.faces[bold].width(m, 9)
			e.text((l.pw-w)/2, y+bandH/2+9*ptToMM*0.36, m, bold, 9, white)
		}
	}
	if !cover {
		if h := cleanText(doc.Header); h != "" {
			h = l.fit(h, regular, furnitureSz, x1-x0)
			e.text(l.at(x0, l.fonts.faces[regular].width(h, furnitureSz)), headerBase, h, regular, furnitureSz, mutedColor)
		}
		e.stroke(ruleColor, 0.25)
		e.f.Line(x0, headerRule, x1, headerRule)
	}
	e.stroke(ruleColor, 0.25)
	e.f.Line(x0, l.ph-footerRule, x1, l.ph-footerRule)
	pg := l.lab.pageOf(n, total)
	pw := l.fonts.faces[regular].width(pg, furnitureSz)
	e.text(l.at(x1-pw, pw), l.ph-footerBase, pg, regular, furnitureSz, mutedColor)
	if t := cleanText(doc.Title); t != "" && !cover {
		t = l.fit(t, regular, furnitureSz, x1-x0-pw-8)
		e.text(l.at(x0, l.fonts.faces[regular].width(t, furnitureSz)), l.ph-footerBase, t, regular, furnitureSz, mutedColor)
	}
}

// fit shortens s with an ellipsis until it fits w.
func (l *layout) fit(s string, st style, size, w float64) string {
	face := l.fonts.faces[st]
	if face.width(s, size) <= w {
		return s
	}
	// One pass: keep runes while they and the ellipsis still fit, so a
	// pathological title costs linear time, not a width per prefix.
	limit := w - face.width("…", size)
	used := 0.0
	cut := len(s)
	for i, r := range s {
		used += float64(face.runeWidth(r)) * size / 1000 * ptToMM
		if used > limit {
			cut = i
			break
		}
	}
	return strings.TrimSpace(s[:cut]) + "…"
}

// emitter skips redundant fpdf state changes.
type emitter struct {
	f        *fpdf.Fpdf
	te       *tagEmitter // marked content (tags.go); nil draws spans untagged
	rtl      bool        // the document is right to left: text is reordered as such
	font     style
	size     float64
	fontSet  bool
	tc       rgb
	tcSet    bool
	fc, dc   rgb
	fcSet    bool
	dcSet    bool
	lineW    float64
	lineWSet bool
}

// spanStart and spanEnd mark text extracted as actual instead of its glyphs.
func (e *emitter) spanStart(actual string) {
	if e.te != nil {
		e.te.spanStart(actual)
		return
	}
	e.f.RawWriteStr("/Span <</ActualText <" + utf16Hex(actual) + ">>> BDC")
}

func (e *emitter) spanEnd() {
	if e.te != nil {
		e.te.spanEnd()
		return
	}
	e.f.RawWriteStr("EMC")
}

// text draws logical text starting at x; see bidiText.
func (e *emitter) text(x, y float64, s string, st style, size float64, c rgb) {
	if e.rtl || hasRTL(s) {
		e.bidiText(x, y, s, st, size, c)
		return
	}
	e.glyphs(x, y, s, st, size, c)
}

// glyphs draws s as it is, in the font of st.
func (e *emitter) glyphs(x, y float64, s string, st style, size float64, c rgb) {
	st = st.fontStyle()
	if !e.fontSet || e.font != st || e.size != size {
		e.f.SetFont(st.family(), st.fpdfStyle(), size)
		e.font, e.size, e.fontSet = st, size, true
	}
	if !e.tcSet || e.tc != c {
		e.f.SetTextColor(int(c.r), int(c.g), int(c.b))
		e.tc, e.tcSet = c, true
	}
	e.f.Text(x, y, s)
}

func (e *emitter) fill(c rgb) {
	if !e.fcSet || e.fc != c {
		e.f.SetFillColor(int(c.r), int(c.g), int(c.b))
		e.fc, e.fcSet = c, true
	}
}

func (e *emitter) stroke(c rgb, w float64) {
	if !e.dcSet || e.dc != c {
		e.f.SetDrawColor(int(c.r), int(c.g), int(c.b))
		e.dc, e.dcSet = c, true
	}
	if !e.lineWSet || e.lineW != w {
		e.f.SetLineWidth(w)
		e.lineW, e.lineWSet = w, true
	}
}
