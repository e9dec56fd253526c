package questionnaire

import (
	"bufio"
	"bytes"
	"strings"
	"sync"

	"opkit/internal/workspace"
)

// The English help of each key is the comment opkit init's starter file
// writes above it, so that the explanation a partner reads in the workbook
// and the one an organiser reads in TOML cannot drift apart. A comment
// covers the keys that follow it until the next comment ("The city and the
// venue." stands above both), and a comment above a [[table]] header
// explains the table.

var (
	helpOnce sync.Once
	helpEN   map[string]string
	helpRaw  map[string][]string // the comment lines as written, for TOML
)

// starterHelp maps "table.key" (and "table" for a table's own comment) to
// the comment above it in the starter's countries file.
func starterHelp() map[string]string {
	helpOnce.Do(func() {
		helpEN, helpRaw = map[string]string{}, map[string][]string{}
		for name, data := range workspace.Starter() {
			if strings.HasPrefix(name, "countries/") {
				parseHelp(data, helpRaw)
			}
		}
		for k, lines := range helpRaw {
			trimmed := make([]string, len(lines))
			for i, l := range lines {
				trimmed[i] = strings.TrimSpace(l)
			}
			helpEN[k] = join(trimmed)
		}
	})
	return helpEN
}

// starterComment is the comment above a key as the starter writes it.
func starterComment(path string) []string {
	starterHelp()
	return helpRaw[path]
}

func parseHelp(data []byte, out map[string][]string) {
	var comment []string
	var last []string // the comment that covers keys without one of their own
	table := ""       // current [table] or [[table]]
	fresh := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "":
			// A blank line ends a comment that explained nothing below it
			// (the file's own header).
			if fresh {
				comment, fresh = nil, false
			}
		case strings.HasPrefix(line, "#"):
			if !fresh {
				comment = nil
			}
			c := strings.TrimPrefix(strings.TrimPrefix(strings.TrimLeft(sc.Text(), " \t"), "#"), " ")
			comment = append(comment, strings.TrimRight(c, " "))
			fresh = true
		case strings.HasPrefix(line, "["):
			table = strings.Trim(line, "[] ")
			if fresh {
				if _, ok := out[table]; !ok {
					out[table] = comment
				}
			}
			comment, fresh, last = nil, false, nil
		default:
			key, _, ok := strings.Cut(line, "=")
			if !ok {
				continue
			}
			key = strings.TrimSpace(key)
			if fresh {
				last = comment
				comment, fresh = nil, false
			}
			p := Path(table, key)
			if _, ok := out[p]; !ok && last != nil {
				out[p] = last
			}
		}
	}
}

// join turns comment lines back into a paragraph, keeping the indented
// lists of choices ("  \"committed\"  has said it will sign") on their own
// lines.
func join(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			if strings.HasPrefix(l, "\"") || strings.HasPrefix(lines[i-1], "\"") || strings.HasSuffix(lines[i-1], ":") {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}
