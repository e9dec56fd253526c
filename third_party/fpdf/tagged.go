// opkit patch 5 (see PATCHES.md): the hooks a tagged PDF needs. fpdf writes
// no structure tree; the caller marks content itself (RawWriteStr with
// BDC/EMC and MCIDs) and writes the tree through SetStructTree.

package fpdf

import (
	"bytes"
	"fmt"
)

// StructWriter writes the objects of a structure tree at the end of the
// document, once the pages have their object numbers.
type StructWriter struct {
	f *Fpdf
}

// PageObj is the object number of page n (1-based).
func (w *StructWriter) PageObj(n int) int {
	if n < 1 || n >= len(w.f.pageObjs) {
		w.f.SetErrorf("structure tree: no page %d", n)
		return 0
	}
	return w.f.pageObjs[n]
}

// NextObj is the number the next Obj call gives its object, so that
// objects can refer to those written after them.
func (w *StructWriter) NextObj() int { return w.f.n + 1 }

// Obj writes one object with the given body (a dictionary or array) and
// returns its number.
func (w *StructWriter) Obj(body string) int {
	w.f.newobj()
	w.f.out(body)
	w.f.out("endobj")
	return w.f.n
}

// Stream writes one stream object whose dictionary holds dict's entries
// (without << >>) and a /Length; it returns its number.
func (w *StructWriter) Stream(dict string, data []byte) int {
	w.f.newobj()
	w.f.out(fmt.Sprintf("<<%s /Length %d>>", dict, len(data)))
	w.f.putstream(data)
	w.f.out("endobj")
	return w.f.n
}

// SetStructTree registers fn, called once while the document is written,
// after the pages and resources: it writes the structure tree's objects
// and returns the StructTreeRoot's object number. Every page then carries
// /StructParents (its 0-based index, the key of its marked content in the
// parent tree) and /Tabs /S, and the catalog /StructTreeRoot and
// /MarkInfo <</Marked true>>.
func (f *Fpdf) SetStructTree(fn func(w *StructWriter) int) { f.structTree = fn }

// SetViewerPreferences sets the catalog's /ViewerPreferences dictionary,
// given whole, e.g. "<</DisplayDocTitle true>>".
func (f *Fpdf) SetViewerPreferences(dict string) { f.viewerPrefs = dict }

func (f *Fpdf) putStructTree() {
	if f.structTree == nil {
		return
	}
	f.structRoot = f.structTree(&StructWriter{f: f})
}

// SetStreamPages (opkit patch 6) makes fpdf compress each page's content
// as soon as the next page begins and drop the uncompressed copy, so a
// long document does not hold every page's drawing operators until
// Output. The bytes are the same. It needs compression on, and a caller
// that never goes back to an earlier page (SetPage) nor uses aliases
// (AliasNbPages, RegisterAlias), which rewrite finished pages at Output:
// with either, pages are kept as upstream does.
func (f *Fpdf) SetStreamPages(on bool) { f.streamPages = on }

func (f *Fpdf) finishPage() {
	if !f.streamPages || !f.compress || f.page < 1 || f.page != len(f.pages)-1 ||
		len(f.aliasMap) > 0 || f.aliasNbPagesStr != "" || f.pages[f.page] == nil {
		return
	}
	if f.pageZ == nil {
		f.pageZ = map[int][]byte{}
	}
	mem := xmem.compress(f.pages[f.page].Bytes())
	f.pageZ[f.page] = mem.copy()
	mem.release()
	f.pages[f.page] = new(bytes.Buffer)
}
