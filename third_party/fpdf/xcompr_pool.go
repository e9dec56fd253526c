// opkit patch 3 (see PATCHES.md): zlib writers reused across streams.

package fpdf

import (
	"compress/zlib"
	"io"
	"sync"
)

// zlibWriters holds BestSpeed writers: a new one allocates about 1 MB of
// compressor state, and fpdf compresses every page, font, CID map and
// image separately. Reset gives the same output as a new writer.
var zlibWriters = sync.Pool{}

func getZlibWriter(w io.Writer) *zlib.Writer {
	if zw, ok := zlibWriters.Get().(*zlib.Writer); ok {
		zw.Reset(w)
		return zw
	}
	zw, err := zlib.NewWriterLevel(w, zlib.BestSpeed)
	if err != nil {
		panic(err) // BestSpeed is a valid level
	}
	return zw
}

func putZlibWriter(zw *zlib.Writer) {
	zw.Reset(io.Discard) // drop the reference to the last buffer
	zlibWriters.Put(zw)
}
