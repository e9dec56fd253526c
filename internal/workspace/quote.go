package workspace

import (
	"fmt"
	"strings"
)

// TOMLString is s as a TOML basic string, for the files opkit writes for
// people to keep editing (an imported country file, the clearance to-do):
// quotes, backslashes and control characters escaped, so that the file
// reads back to exactly s.
func TOMLString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
