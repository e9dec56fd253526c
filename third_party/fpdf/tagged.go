// opkit patch 5 (see PATCHES.md): the hooks a tagged PDF needs. fpdf writes
// no structure tree; the caller marks content itself (RawWriteStr with
// BDC/EMC and MCIDs) and writes the tree through SetStructTree.

package fpdf

import (
	"bytes"
	"fmt"
	"sync"
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
	// opkit patch 8: the next page writes into the same buffer.
	f.pages[f.page].Reset()
	f.spare = f.pages[f.page]
	f.pages[f.page] = new(bytes.Buffer)
}

// Buffers reused across documents (opkit patch 8): a document's output and
// its page buffer grew from nothing in every document, and each embedded
// font allocated and cleared a 128 KiB CID-to-GID map; those were a fifth
// of the bytes a build allocated. What comes back from the pool is empty
// (or, for the map, all zero), so the output does not change.
var (
	docBuffers  sync.Pool // *[]byte, the capacity of a finished document's buffer
	pageBuffers sync.Pool // *bytes.Buffer, reset
	cidMaps     sync.Pool // *[cidMapSize]byte, all zero
)

const cidMapSize = 256 * 256 * 2

func newDocBuffer() fmtBuffer {
	if p, ok := docBuffers.Get().(*[]byte); ok {
		return fmtBuffer{Buffer: *bytes.NewBuffer((*p)[:0])}
	}
	return fmtBuffer{}
}

func (f *Fpdf) newPageBuffer() *bytes.Buffer {
	if b := f.spare; b != nil {
		f.spare = nil
		return b
	}
	if b, ok := pageBuffers.Get().(*bytes.Buffer); ok {
		return b
	}
	return new(bytes.Buffer)
}

// recycle gives the document's buffers back once Output has written the
// document out; f keeps none of them, so a call on the closed f cannot
// reach another document's bytes.
func (f *Fpdf) recycle() {
	if c := f.buffer.Cap(); c > 0 && f.buffer.Len() == 0 {
		b := f.buffer.Bytes()[:0]
		docBuffers.Put(&b)
	}
	f.buffer = fmtBuffer{}
	for i, b := range f.pages {
		if b != nil && b.Cap() >= 1024 {
			b.Reset()
			pageBuffers.Put(b)
		}
		f.pages[i] = nil
	}
	if f.spare != nil {
		f.spare.Reset()
		pageBuffers.Put(f.spare)
		f.spare = nil
	}
}
