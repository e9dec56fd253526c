// opkit patch 10 (see PATCHES.md): subset fonts made once per character set.

package fpdf

import (
	"encoding/binary"
	"sort"
	"sync"
)

// cutFont is what putfonts writes for one subset of a font: the deflated
// font file and its length before deflating, the deflated CID-to-GID map
// and the /W widths entry. They depend only on the font and the
// characters used, and documents of one template and language use the
// same characters in their bold and italic faces, often in the regular
// one too: a build of 193 packs made 3627 subsets of 1690 kinds.
type cutFont struct {
	file   []byte
	size   int
	cidMap []byte
	widths string
}

type subsetID struct {
	font  *subsetCache // the parsed-font cache's entry (patch 2): one per font's bytes
	runes string       // the used characters and their values, sorted, as varints
}

// subsetKey is the cache key of the subset of utf for used; false when the
// font is not from the parsed-font cache.
func subsetKey(utf *utf8FontFile, used map[int]int) (subsetID, bool) {
	if utf == nil || utf.subset == nil {
		return subsetID{}, false
	}
	keys := make([]int, 0, len(used))
	for r := range used {
		keys = append(keys, r)
	}
	sort.Ints(keys)
	b := make([]byte, 0, len(keys)*4)
	for _, r := range keys {
		b = binary.AppendUvarint(b, uint64(r))
		b = binary.AppendVarint(b, int64(used[r]))
	}
	return subsetID{font: utf.subset, runes: string(b)}, true
}

// A subset enters the cache the second time it is made, so one-off
// subsets cost a key and nothing more, and the cache holds no more than
// maxCutBytes of deflated fonts (it is part of the heap the memory limit
// bounds).
const (
	maxCutBytes = 8 << 20
	maxCutSeen  = 1 << 14
)

var cutFonts = cutCache{seen: map[subsetID]bool{}, cuts: map[subsetID]*cutFont{}}

type cutCache struct {
	mu   sync.Mutex
	seen map[subsetID]bool
	cuts map[subsetID]*cutFont
	held int
}

// lookup is the cached subset for key, or nil (always nil when the font
// is not cacheable, ok false); store is what notes a key's sightings.
func (c *cutCache) lookup(key subsetID, ok bool) *cutFont {
	if !ok {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.cuts[key]
}

// store keeps cut for key if key was made before and there is room.
func (c *cutCache) store(key subsetID, cut *cutFont) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.seen[key] {
		if len(c.seen) >= maxCutSeen {
			clear(c.seen)
		}
		c.seen[key] = true
		return
	}
	if n := len(cut.file) + len(cut.cidMap) + len(cut.widths) + len(key.runes); c.held+n <= maxCutBytes && c.cuts[key] == nil {
		c.cuts[key] = cut
		c.held += n
	}
}
