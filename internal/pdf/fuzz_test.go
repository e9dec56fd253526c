package pdf

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzRender feeds arbitrary Markdown to the layout: it may refuse it with
// an error, but must not panic or loop. `go test` runs the seeds only; run
// `go test -fuzz FuzzRender` to search further.
func FuzzRender(f *testing.F) {
	src, err := os.ReadFile(filepath.Join("testdata", "briefing.md"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(src), true)
	f.Add("# a\n## b\n### c\n#### d\n", false)
	f.Add("| a |\n|---|\n| "+string(make([]byte, 0))+"|\n", true)
	f.Add("> > > deep\n>\n> - x\n>   1. y\n", true)
	f.Add("```opkit-timeline\nstart: 2027-01-01\nend: 2027-01-02\nevent: 2026-01-01 | before\nspan: 2028-01-01 | 2029-01-01 | after\n```\n", false)
	f.Add("```opkit-bars\na | 0\nb | 0\n```\n", false)
	f.Add("- \n-\n  -\n\n1)\n2)\n", true)
	f.Fuzz(func(t *testing.T, md string, contents bool) {
		doc := parse([]byte(md))
		doc.Contents, doc.Cover = contents, contents
		doc.Title, doc.Header, doc.Marking = "T", "H", "M"
		done := make(chan struct{})
		var out []byte
		var err error
		go func() {
			out, err = Render(doc, Options{})
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("render of %q does not finish", md)
		}
		if err == nil && len(out) == 0 {
			t.Fatal("no output and no error")
		}
	})
}
