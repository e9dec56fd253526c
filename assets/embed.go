package assets

import _ "embed"

// The four Noto Sans styles. Noto Sans is a glyf-outline TrueType family
// (fpdf's UTF-8 loader cannot read CFF outlines) that covers Latin including
// Vietnamese, Greek and Cyrillic, which the coalition's country names need.
var (
	//go:embed fonts/NotoSans-Regular.ttf
	FontRegular []byte
	//go:embed fonts/NotoSans-Bold.ttf
	FontBold []byte
	//go:embed fonts/NotoSans-Italic.ttf
	FontItalic []byte
	//go:embed fonts/NotoSans-BoldItalic.ttf
	FontBoldItalic []byte
)

// FontLicence is the SIL Open Font License text, embedded so that the
// licence travels inside the binary with the fonts it covers.
//
//go:embed fonts/OFL.txt
var FontLicence []byte

// Logo is the coalition mark printed on cover pages: an opaque 160x160 RGB
// PNG (opaque so fpdf embeds no separate soft mask).
//
//go:embed logo.png
var Logo []byte

// FontFamily is the family name under which package pdf registers the fonts.
const FontFamily = "NotoSans"
