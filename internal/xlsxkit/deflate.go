package xlsxkit

import (
	"bytes"
	"compress/flate"
	"hash/maphash"
	"io"
	"sync"
)

// The parts of a workbook that do not depend on the country — the theme,
// the styles, the tables, the relationships, most sheets of one language —
// recur across the 193 outcome workbooks of a build, and deflating them
// again was a third of a workbook's cost. Fix's zip writer deflates
// through cachedDeflater: a part seen before, byte for byte, gets the
// bytes it deflated to then. Deflate is deterministic at a given level, so
// the output is the one archive/zip's own compressor writes (level 5, see
// archive/zip's register.go); TestDeflateCache compares the two.
//
// A part enters the cache on its second sighting, so one-off parts (a
// country's shared strings) cost a hash and nothing more, and the cache
// stops growing at maxCached bytes.

const (
	zipLevel    = 5        // archive/zip's Deflate compressor
	maxCachedAt = 1 << 20  // larger parts are deflated each time
	maxCached   = 16 << 20 // bytes held: parts and their deflated forms
	maxSeen     = 1 << 16  // hashes of parts seen once, before the set restarts
)

// cacheDeflates is off only in the test that compares the two ways.
var cacheDeflates = true

type cachedPart struct {
	raw, deflated []byte
}

var deflates = struct {
	mu    sync.Mutex
	seed  maphash.Seed
	seen  map[uint64]bool
	parts map[uint64]*cachedPart
	held  int
}{seed: maphash.MakeSeed(), seen: map[uint64]bool{}, parts: map[uint64]*cachedPart{}}

var flaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, zipLevel)
	return w
}}

// cachedDeflater collects a part and writes its deflated form on Close.
type cachedDeflater struct {
	w   io.Writer
	buf bytes.Buffer
}

func newCachedDeflater(w io.Writer) (io.WriteCloser, error) {
	return &cachedDeflater{w: w}, nil
}

func (d *cachedDeflater) Write(p []byte) (int, error) { return d.buf.Write(p) }

func (d *cachedDeflater) Close() error {
	data := d.buf.Bytes()
	if len(data) > maxCachedAt {
		return deflateTo(d.w, data)
	}
	h := maphash.Bytes(deflates.seed, data)
	deflates.mu.Lock()
	p := deflates.parts[h]
	again := deflates.seen[h]
	if p == nil && !again {
		if len(deflates.seen) >= maxSeen {
			clear(deflates.seen)
		}
		deflates.seen[h] = true
	}
	deflates.mu.Unlock()
	if p != nil && bytes.Equal(p.raw, data) {
		_, err := d.w.Write(p.deflated)
		return err
	}
	if !again {
		return deflateTo(d.w, data)
	}
	var out bytes.Buffer
	if err := deflateTo(&out, data); err != nil {
		return err
	}
	deflated := out.Bytes()
	deflates.mu.Lock()
	if deflates.parts[h] == nil && deflates.held+len(data)+len(deflated) <= maxCached {
		deflates.parts[h] = &cachedPart{raw: bytes.Clone(data), deflated: deflated}
		deflates.held += len(data) + len(deflated)
	}
	deflates.mu.Unlock()
	_, err := d.w.Write(deflated)
	return err
}

func deflateTo(w io.Writer, data []byte) error {
	fw := flaters.Get().(*flate.Writer)
	defer flaters.Put(fw)
	fw.Reset(w)
	if _, err := fw.Write(data); err != nil {
		return err
	}
	return fw.Close()
}
