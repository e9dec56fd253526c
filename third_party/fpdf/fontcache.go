// opkit patches 1 and 2 (see PATCHES.md): the work fpdf repeats for every
// document that embeds the same UTF-8 TrueType font, done once per process.

package fpdf

import (
	"sync"
)

// utf8FontKey identifies a font by the bytes passed to AddUTF8FontFromBytes
// (their address and length: fpdf already keeps and reads those bytes until
// Output, so a caller may not change them anyway) and the family/style key,
// which is part of the font ID.
type utf8FontKey struct {
	data *byte
	n    int
	key  string
}

// parsedUTF8Font is what parseFile and generateFontID compute from a font:
// read-only once built, shared by every document and goroutine.
type parsedUTF8Font struct {
	data   []byte
	def    fontDefType // Tp, Name, Desc, Up, Ut, Cw (shared, read-only) and i
	scalar utf8FontFile
	subset subsetCache
}

var utf8Fonts = struct {
	sync.Mutex
	m map[utf8FontKey]*parsedUTF8Font
}{m: map[utf8FontKey]*parsedUTF8Font{}}

// cachedUTF8Font parses data as AddUTF8FontFromBytes did for every call,
// once per (bytes, key). A font that fails to parse is not cached.
func cachedUTF8Font(data []byte, fontkey string) (*parsedUTF8Font, error) {
	if len(data) == 0 {
		return parseUTF8Font(data, fontkey)
	}
	k := utf8FontKey{data: &data[0], n: len(data), key: fontkey}
	utf8Fonts.Lock()
	pf := utf8Fonts.m[k]
	utf8Fonts.Unlock()
	if pf != nil {
		return pf, nil
	}
	pf, err := parseUTF8Font(data, fontkey)
	if err != nil {
		return nil, err
	}
	utf8Fonts.Lock()
	if old := utf8Fonts.m[k]; old != nil {
		pf = old // another goroutine won; both are equal
	} else {
		utf8Fonts.m[k] = pf
	}
	utf8Fonts.Unlock()
	return pf, nil
}

// parseUTF8Font is the body of upstream's addFontFromBytes for UTF-8 fonts,
// unchanged: the same fields, the same ID.
func parseUTF8Font(data []byte, fontkey string) (*parsedUTF8Font, error) {
	reader := fileReader{readerPosition: 0, array: data}
	utf8File := newUTF8Font(&reader)
	if err := utf8File.parseFile(); err != nil {
		return nil, err
	}
	desc := FontDescType{
		Ascent:       int(utf8File.Ascent),
		Descent:      int(utf8File.Descent),
		CapHeight:    utf8File.CapHeight,
		Flags:        utf8File.Flags,
		FontBBox:     utf8File.Bbox,
		ItalicAngle:  utf8File.ItalicAngle,
		StemV:        utf8File.StemV,
		MissingWidth: round(utf8File.DefaultWidth),
	}
	def := fontDefType{
		Tp:   "UTF8",
		Name: fontkey,
		Desc: desc,
		Up:   int(round(utf8File.UnderlinePosition)),
		Ut:   round(utf8File.UnderlineThickness),
		Cw:   utf8File.CharWidths,
	}
	def.i, _ = generateFontID(def)
	return &parsedUTF8Font{data: data, def: def, scalar: *utf8File}, nil
}

// newFile gives one document its own font file state (reader position,
// subset under construction) over the shared tables.
func (pf *parsedUTF8Font) newFile() *utf8FontFile {
	u := pf.scalar // a copy: the scalars parseFile set
	u.fileReader = &fileReader{array: pf.data}
	// parseFile's maps are not shared: GenerateCutFont sets its own.
	u.tableDescriptions, u.outTablesData, u.charSymbolDictionary = nil, nil, nil
	u.symbolPosition, u.symbolData, u.CodeSymbolDictionary = nil, nil, nil
	u.subset = &pf.subset
	return &u
}

// subsetTables are the tables GenerateCutFont derives from the whole font
// before it looks at the runes a document uses.
type subsetTables struct {
	tableDescriptions    map[string]*tableDescription
	charSymbolDictionary map[int]int
	symbolPosition       []int
	locaFormat           int
	metricsCount         int
}

type subsetCache struct {
	once sync.Once
	t    *subsetTables // nil: the font has no Unicode cmap GenerateCutFont can use
}

// get builds the tables once, on a private file state, by upstream's code.
func (c *subsetCache) get(data []byte) *subsetTables {
	c.once.Do(func() {
		u := newUTF8Font(&fileReader{array: data})
		c.t = u.buildSubsetTables()
	})
	return c.t
}
