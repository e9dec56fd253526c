package pdf

import (
	"strings"
	"testing"
)

// TestStrandedHeadings is the check's own control: a heading followed by a
// forced page break ends its page and is found; one followed by text is
// not.
func TestStrandedHeadings(t *testing.T) {
	doc := parse([]byte("# Kept\n\nSome text.\n\n## Alone\n\n---\n\nNext page.\n"))
	doc.Lang = "en"
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	body, _, _, err := layoutDoc(doc, pageSizes["a4"], fs)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(body.strandedHeadings(), "|"); got != "Alone" {
		t.Errorf("stranded %q, want Alone", got)
	}
}
