package pdf_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"opkit/internal/cli"
	"opkit/internal/pdf"
	"opkit/internal/render"
)

// TestNoStrandedHeadingInDemo: no heading is the last line of a page in any
// PDF `opkit demo` makes (packs in every language, plan, New York report).
func TestNoStrandedHeadingInDemo(t *testing.T) {
	var mu sync.Mutex
	docs := 0
	titles := map[string]bool{}
	var bad []string
	stop := pdf.OnLayout(func(doc *render.Document, pages int, stranded []string) {
		mu.Lock()
		defer mu.Unlock()
		docs++
		titles[doc.Title] = true
		for _, h := range stranded {
			bad = append(bad, fmt.Sprintf("%s (%s, %s): %q", doc.Title, doc.Subtitle, doc.Lang, h))
		}
	})
	defer stop()
	var out, errs bytes.Buffer
	if code := cli.Main([]string{"demo", "-o", filepath.Join(t.TempDir(), "demo"), "--quiet"}, &out, &errs); code != 0 {
		t.Fatalf("opkit demo: exit %d\n%s", code, errs.String())
	}
	if docs < 15 || !titles["Report for New York"] {
		t.Fatalf("only %d documents laid out (%v): the hook missed the demo", docs, titles)
	}
	t.Logf("%d documents laid out: %v", docs, titles)
	if len(bad) > 0 {
		t.Errorf("headings left at the foot of a page:\n%s", strings.Join(bad, "\n"))
	}
}
