package pdf_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"opkit/examples"
	"opkit/internal/model"
	"opkit/internal/pack"
	"opkit/internal/render"
	"opkit/internal/testtool"
	"opkit/internal/workspace"
)

// longURL is a source address too long for a line of a case's list.
const longURL = "https://www.ohchr.org/en/documents/general-comments-and-recommendations/ec12gc26-general-comment-no-26-2022-land-and?lang=en&format=pdf"

// TestTaggedBriefings builds the demo's packs, with web addresses among the
// sources of every case, and reads every briefing (both editions) back
// with poppler and qpdf: the structure tree reads the headings and
// paragraphs in the order of the pages, the catalog says the document is
// tagged and in which language, and every source address is a live link.
func TestTaggedBriefings(t *testing.T) {
	pdfinfo := testtool.Need(t, "pdfinfo")
	pdftotext := testtool.Need(t, "pdftotext")
	qpdf := testtool.Need(t, "qpdf")
	sub, err := fs.Sub(examples.Demo, "demo")
	if err != nil {
		t.Fatal(err)
	}
	ws, ds := workspace.Load(sub, ".")
	if ws == nil || ds.HasErrors() {
		t.Fatalf("demo: %v", ds)
	}
	var countries []*model.Country
	for i := range ws.Countries {
		c := &ws.Countries[i]
		countries = append(countries, c)
		for k := range c.Cases {
			kc := &c.Cases[k]
			kc.Sources = append(kc.Sources, fmt.Sprintf("https://example.org/%s/case-%d", strings.ToLower(c.Code), k+1))
			if k == 0 {
				kc.Sources = append(kc.Sources, longURL)
			}
		}
	}
	dir := t.TempDir()
	stamp := time.Date(2027, 9, 24, 0, 0, 0, 0, time.UTC)
	results, err := pack.BuildAll(context.Background(), ws, countries, render.NewEngine(nil), pack.Options{OutDir: dir, Stamp: stamp}, nil)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for i, r := range results {
		c := countries[i]
		for _, path := range r.Files {
			edition := render.Participants
			switch {
			case strings.HasSuffix(path, "-briefing-organisers.pdf"):
				edition = render.Organisers
			case strings.HasSuffix(path, "-briefing.pdf"):
			default:
				continue
			}
			checked++
			t.Run(strings.TrimPrefix(path, dir+"/"), func(t *testing.T) {
				run := func(name string, args ...string) string {
					out, err := exec.Command(name, args...).Output()
					if err != nil {
						t.Fatalf("%s %v: %v", name, args, err)
					}
					return string(out)
				}
				checkReadingOrder(t, run(pdfinfo, "-struct-text", path), run(pdftotext, "-enc", "UTF-8", path, "-"))
				var want []string
				for _, k := range c.Cases {
					if edition == render.Participants && k.Confidentiality == model.ConfidentialityRestricted {
						continue
					}
					for _, s := range k.Sources {
						if strings.HasPrefix(s, "https://") {
							want = append(want, s)
						}
					}
				}
				checkCatalog(t, run(qpdf, "--json=1", "--json-key=objects", path), c.Language, want)
				if slices.Contains(want, longURL) {
					checkURLBreak(t, run(pdftotext, "-enc", "UTF-8", path, "-"))
				}
			})
		}
	}
	if checked < len(countries)+1 {
		t.Fatalf("checked %d briefings of %d countries, want each participants' edition and an organisers' one", checked, len(countries))
	}
}

var structLine = regexp.MustCompile(`^(\s*)(\w+)(?: \(block\))?:?$`)

// structure is what pdfinfo -struct-text lists: each element with the text
// of its marked content.
type node struct {
	role string
	text string
}

func parseStruct(out string) []node {
	var ns []node
	for _, ln := range strings.Split(out, "\n") {
		tr := strings.TrimSpace(ln)
		switch {
		case strings.HasPrefix(tr, `"`) && len(ns) > 0:
			ns[len(ns)-1].text += strings.Trim(tr, `"`)
		case structLine.MatchString(ln):
			ns = append(ns, node{role: structLine.FindStringSubmatch(ln)[2]})
		}
	}
	return ns
}

func squash(s string) string { return strings.Join(strings.Fields(s), "") }

// checkReadingOrder: the headings and paragraphs the structure tree
// lists are all there and come in the order of the text on the pages.
func checkReadingOrder(t *testing.T, structText, pageText string) {
	t.Helper()
	ns := parseStruct(structText)
	if len(ns) == 0 || ns[0].role != "Document" {
		t.Fatalf("no Document element in pdfinfo -struct-text:\n%.500s", structText)
	}
	// Compare without spaces and line ends: pdftotext lays lines out by
	// geometry, the structure tree by content.
	flat := squash(pageText)
	at, headings, paras := 0, 0, 0
	for _, n := range ns {
		isHeading := len(n.role) == 2 && n.role[0] == 'H' && n.role[1] >= '1' && n.role[1] <= '6'
		if !isHeading && n.role != "P" {
			continue
		}
		key := squash(n.text)
		if key == "" {
			t.Errorf("%s element with no text", n.role)
			continue
		}
		key = key[:min(len(key), 60)]
		i := strings.Index(flat[at:], key)
		if i < 0 {
			t.Errorf("%s %q is not on the pages after the previous element (reading order)", n.role, n.text)
			continue
		}
		at += i
		if isHeading {
			headings++
		} else {
			paras++
		}
	}
	if headings < 8 || paras < 10 {
		t.Errorf("%d headings and %d paragraphs in the structure tree; a briefing has more", headings, paras)
	}
}

// checkCatalog reads qpdf's JSON: the catalog's tagging entries and
// language, and a /URI link annotation for each of want.
func checkCatalog(t *testing.T, js, lang string, want []string) {
	t.Helper()
	var doc struct {
		Objects map[string]any `json:"objects"`
	}
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Fatal(err)
	}
	var uris []string
	var catalog map[string]any
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if v["/Type"] == "/Catalog" {
				catalog = v
			}
			if a, ok := v["/A"].(map[string]any); ok && v["/Subtype"] == "/Link" && a["/S"] == "/URI" {
				if u, ok := a["/URI"].(string); ok {
					uris = append(uris, strings.TrimPrefix(u, "u:"))
				}
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	for _, o := range doc.Objects {
		walk(o)
	}
	if catalog == nil {
		t.Fatal("no catalog in qpdf --json")
	}
	if mi, _ := catalog["/MarkInfo"].(map[string]any); mi["/Marked"] != true {
		t.Errorf("catalog /MarkInfo = %v, want <</Marked true>>", catalog["/MarkInfo"])
	}
	if _, ok := catalog["/StructTreeRoot"].(string); !ok {
		t.Errorf("catalog has no /StructTreeRoot: %v", catalog)
	}
	if got, _ := catalog["/Lang"].(string); strings.TrimPrefix(got, "u:") != lang {
		t.Errorf("catalog /Lang = %q, want %q", got, lang)
	}
	if vp, _ := catalog["/ViewerPreferences"].(map[string]any); vp["/DisplayDocTitle"] != true {
		t.Errorf("catalog /ViewerPreferences = %v, want DisplayDocTitle true", catalog["/ViewerPreferences"])
	}
	if _, ok := catalog["/Metadata"].(string); !ok {
		t.Errorf("catalog has no XMP /Metadata")
	}
	for _, u := range want {
		if !slices.Contains(uris, u) {
			t.Errorf("no /URI link annotation for source %s (have %d links)", u, len(uris))
		}
	}
	if len(want) == 0 {
		t.Error("no source address to check: the test adds some to every case")
	}
}

// checkURLBreak: the long address, where it is cut across lines, is cut
// after a character that shows it goes on.
func checkURLBreak(t *testing.T, pageText string) {
	t.Helper()
	lines := strings.Split(pageText, "\n")
	for i, ln := range lines {
		k := strings.Index(ln, "https://www.ohchr.org")
		if k < 0 {
			continue
		}
		rest := ln[k:]
		if strings.Contains(rest, longURL) {
			continue // whole on one line
		}
		if !strings.HasPrefix(longURL, rest) || i+1 >= len(lines) {
			t.Fatalf("line %q does not start the address", ln)
		}
		last := rest[len(rest)-1]
		if !strings.ContainsRune("/.-?&=_#~,;", rune(last)) {
			t.Errorf("the address breaks after %q: %q / %q", last, rest, lines[i+1])
		}
		return
	}
	t.Error("the long address is not in the text")
}
