package assets

import _ "embed"

// Noto Sans Arabic, regular and bold. It carries the Arabic Presentation
// Forms A and B that package pdf shapes text into (fpdf has no shaper and
// draws one glyph per code point), but no Latin: Latin runs inside Arabic
// text are drawn with Noto Sans. Arabic has no italic; italic Arabic text is
// drawn upright, as Arabic typography does.
var (
	//go:embed fonts/NotoSansArabic-Regular.ttf
	FontArabicRegular []byte
	//go:embed fonts/NotoSansArabic-Bold.ttf
	FontArabicBold []byte
)

// FontArabicFamily is the family name under which package pdf registers
// the Arabic fonts.
const FontArabicFamily = "NotoSansArabic"
