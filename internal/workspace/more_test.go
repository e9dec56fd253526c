package workspace

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	_ "time/tzdata" // the zones below exist on any machine

	"opkit/internal/model"
	"opkit/internal/testtool"
)

// TestTenMistakes: one file with ten different mistakes reports all ten.
func TestTenMistakes(t *testing.T) {
	const src = `[country]
code = "GH"
Name = "Ghana"
region = "africa"
language = "de"
stance = "leanin"
visibility = "public"
phase = "signature"

[event]
format = "roundtable"
date = 2027-02-30
expected_participants = -3
start = "9h30"

[[event.authorities]]
name = "Minister"
status = "invited"

[[partners]]
name = "P"
email = "p@"

[[cases]]
id = "c1"
title = "First"
summary = "S"
confidentiality = "secret"

[[cases]]
id = "c1"
title = "Second"
summary = "S"
confidentiality = "event"
rights = ["housng"]
`
	_, l := load(map[string]string{"countries/gh.toml": src})
	want := []string{
		`countries/gh.toml:3:1: error: unknown key country.Name; keys are case-sensitive: did you mean name?`,
		`countries/gh.toml:5:12: error: country.language: unknown language "de"; allowed: en, fr, es, pt, ru, ar`,
		`countries/gh.toml:6:10: error: country.stance: unknown stance "leanin"; did you mean leaning? allowed: committed, leaning, undecided, opposed, unknown`,
		`countries/gh.toml:12:8: error: event.date: 2027-02-30 does not exist`,
		`countries/gh.toml:13:25: error: event.expected_participants must not be negative (-3)`,
		`countries/gh.toml:14:9: error: event.start: "9h30" is not a time of the form HH:MM`,
		`countries/gh.toml:22:9: error: partners[1].email: "p@" is not an e-mail address such as name@example.org`,
		`countries/gh.toml:28:19: error: cases[1].confidentiality: unknown confidentiality "secret"; allowed: public, event, restricted`,
		`countries/gh.toml:31:6: error: cases[2].id: case id "c1" is already used on line 25; each case needs its own id`,
		`countries/gh.toml:35:11: error: cases[2].rights: unknown right "housng"; did you mean housing? allowed: work, working-conditions, trade-unions, social-security, family, food, housing, water, health, education, culture`,
	}
	if got := strs(l); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %d:\n%s\nwant %d:\n%s", len(got), strings.Join(got, "\n"), len(want), strings.Join(want, "\n"))
	}
}

// TestSecondOfFiveCases: a bad value in the 2nd of 5 [[cases]] points at the
// 2nd, not the last (what BurntSushi's MetaData would give).
func TestSecondOfFiveCases(t *testing.T) {
	var b strings.Builder
	b.WriteString(baseCountry)
	lineOf := map[string]int{}
	line := strings.Count(baseCountry, "\n") + 1
	for i := 2; i <= 5; i++ {
		date, rights := "2026-01-15", `["housing"]`
		if i == 2 {
			date, rights = "2026-02-29", `["water", "helth"]` // 2026 is no leap year
		}
		fmt.Fprintf(&b, "\n[[cases]]\nid = \"c%d\"\ntitle = \"Case %d\"\ndate = %s\nrights = %s\nsummary = \"S\"\nconfidentiality = \"event\"\n", i, i, date, rights)
		lineOf[fmt.Sprint(i)] = line + 4 // the date line of case i: blank, [[cases]], id, title, date
		line += 8
	}
	ws, l := load(map[string]string{"countries/gh.toml": b.String()})
	want := []string{
		fmt.Sprintf("countries/gh.toml:%d:8: error: cases[2].date: 2026-02-29 does not exist", lineOf["2"]),
		fmt.Sprintf("countries/gh.toml:%d:20: error: cases[2].rights: unknown right \"helth\"; did you mean health? allowed: work, working-conditions, trade-unions, social-security, family, food, housing, water, health, education, culture", lineOf["2"]+1),
	}
	if got := strs(l); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if lineOf["2"] != 27 {
		t.Errorf("test arithmetic: case 2's date is on line %d, want 27", lineOf["2"])
	}
	// Texts carry the same per-element positions.
	for _, tx := range ws.Countries[0].Texts {
		if tx.Key == "cases[4].title" && (tx.Line != lineOf["4"]-1 || tx.Col != 9 || tx.Value != "Case 4") {
			t.Errorf("cases[4].title at %d:%d %q, want %d:9", tx.Line, tx.Col, tx.Value, lineOf["4"]-1)
		}
	}
}

// TestDatesIgnoreTimeZone: dates are calendar dates, the same in the
// earliest and the latest zones on Earth.
func TestDatesIgnoreTimeZone(t *testing.T) {
	saved := time.Local
	defer func() { time.Local = saved }()
	for _, zone := range []string{"Pacific/Kiritimati", "America/Adak", "UTC", "Asia/Kathmandu"} {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			t.Fatal(err)
		}
		time.Local = loc
		src := edit(t, baseCountry, `date = 2027-08-12`, "date = 2027-08-01\nstart = 23:30:00")
		ws, l := load(map[string]string{"countries/gh.toml": src})
		if len(l) != 0 {
			t.Fatalf("%s: %v", zone, strs(l))
		}
		ev := ws.Countries[0].Event
		if ev.Date != (model.Date{Year: 2027, Month: time.August, Day: 1}) || ev.Date.String() != "2027-08-01" {
			t.Errorf("%s: event date %v", zone, ev.Date)
		}
		if ev.Start != (model.Clock{Hour: 23, Minute: 30}) {
			t.Errorf("%s: start %v", zone, ev.Start)
		}
		w := ws.Campaign.EventWindow
		if w.Start.String() != "2027-08-01" || w.End.String() != "2027-08-31" || ws.Campaign.SignatureDate.String() != "2027-09-24" {
			t.Errorf("%s: campaign dates %v %v", zone, w, ws.Campaign.SignatureDate)
		}
	}
}

func TestDisplayPrefixAndSorting(t *testing.T) {
	files := map[string]string{
		"campaign.toml":       baseCampaign,
		"countries/gh.toml":   baseCountry,
		"countries/ar.toml":   strings.ReplaceAll(baseCountry, `code = "GH"`, `code = "ar"`),
		"countries/notes.md":  "not a country",
		"countries/.#gh.toml": "editor lock file",
	}
	ws, l := Load(workspaceFS(files), "ws")
	if len(l) != 0 {
		t.Fatalf("diagnostics: %v", strs(l))
	}
	if len(ws.Countries) != 2 || ws.Countries[0].Code != "AR" || ws.Countries[1].Code != "GH" {
		t.Fatalf("countries not sorted by upper-case code: %+v", ws.Countries)
	}
	if got, want := ws.Countries[0].File, filepath.Join("ws", "countries", "ar.toml"); got != want {
		t.Errorf("File = %q, want %q", got, want)
	}
	_, l = Load(workspaceFS(map[string]string{"campaign.toml": "x", "countries/gh.toml": baseCountry}), "ws")
	if len(l) == 0 || l[0].File != filepath.Join("ws", "campaign.toml") {
		t.Errorf("diagnostic file not prefixed: %v", strs(l))
	}
}

func TestNothingUsable(t *testing.T) {
	ws, l := Load(fstest.MapFS{}, ".")
	if ws != nil {
		t.Errorf("workspace from an empty folder: %+v", ws)
	}
	want := []string{
		"campaign.toml: error: the workspace has no campaign.toml (opkit init DIR writes a starter workspace)",
		"countries: error: the workspace has no countries folder: add one with a file per country such as countries/gh.toml",
	}
	if got := strs(l); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s", strings.Join(got, "\n"))
	}
}

func TestInlineArraysAndDottedKeys(t *testing.T) {
	src := baseCountry + `
[politics]
icescr = "ratified"
upcoming = [
  { date = 2027-07-01, what = "Budget debate" },
  { date = 2027-13-01, what = "Bad month" },
]
`
	src = edit(t, src, `format = "roundtable"`, "format = \"roundtable\"\nvenue.room = \"A\"")
	_, l := load(map[string]string{"countries/gh.toml": src})
	want := []string{
		`countries/gh.toml:12:1: error: event.venue must be text in quotes, not a table`,
		`countries/gh.toml:29:12: error: politics.upcoming[2].date: 2027-13-01 does not exist`,
	}
	if got := strs(l); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func starterFSForTest() fstest.MapFS {
	m := fstest.MapFS{}
	for k, v := range Starter() {
		m[k] = &fstest.MapFile{Data: v}
	}
	return m
}

// TestStarter: the starter loads with no diagnostic at all, and it uses
// every key of the format, so that its comments explain each one.
func TestStarter(t *testing.T) {
	files := Starter()
	if _, ok := files["campaign.toml"]; !ok {
		t.Fatal("no campaign.toml")
	}
	if _, ok := files["countries/gh.toml"]; !ok {
		t.Fatal("no countries/gh.toml")
	}
	// Key paths without their [n], present in at least one element.
	present := map[string]bool{}
	index := regexp.MustCompile(`\[\d+\]`)
	keyHook = func(file, path string, ok bool) {
		p := file + ": " + index.ReplaceAllString(path, "")
		present[p] = present[p] || ok
	}
	defer func() { keyHook = nil }()
	ws, l := Load(starterFSForTest(), ".")
	if len(l) != 0 {
		t.Fatalf("starter diagnostics:\n%s", strings.Join(strs(l), "\n"))
	}
	var absent []string
	for p, ok := range present {
		if !ok {
			absent = append(absent, p)
		}
	}
	if len(absent) != 0 {
		sort.Strings(absent)
		t.Errorf("the starter lacks keys of the format:\n%s", strings.Join(absent, "\n"))
	}
	// Every key line is explained: the line before it is a comment, or it
	// belongs to a block already explained above it (a repeated session).
	for name, data := range files {
		lines := strings.Split(string(data), "\n")
		for i, ln := range lines {
			if i == 0 || ln == "" || strings.HasPrefix(ln, "#") || strings.HasPrefix(ln, "[") || strings.HasPrefix(ln, " ") {
				continue
			}
			key := strings.TrimSpace(strings.SplitN(ln, "=", 2)[0])
			if !explained(lines[:i], key) {
				t.Errorf("%s:%d: key %s has no comment", name, i+1, key)
			}
		}
	}
	golden(t, "starter.json", ws)
}

// explained reports whether the comment block just above the key, or an
// earlier occurrence of the key, exists.
func explained(before []string, key string) bool {
	for j := len(before) - 1; j >= 0; j-- {
		l := before[j]
		if strings.HasPrefix(l, "#") {
			return true
		}
		if strings.HasPrefix(l, "[") || l == "" {
			break
		}
	}
	for _, l := range before {
		if strings.HasPrefix(l, key+" =") {
			return true // repeated block: explained at its first use
		}
	}
	// Keys grouped under one comment: walk up over key lines.
	for j := len(before) - 1; j >= 0; j-- {
		l := before[j]
		if strings.HasPrefix(l, "#") {
			return true
		}
		if l == "" || strings.HasPrefix(l, "[") {
			return false
		}
	}
	return false
}

func golden(t *testing.T, name string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	testtool.Golden(t, filepath.Join("testdata", name), got, *update)
}

// TestDemo loads the example workspace when it exists: it must have no
// errors.
func TestDemo(t *testing.T) {
	dir := filepath.Join("..", "..", "examples", "demo")
	if _, err := os.Stat(filepath.Join(dir, "campaign.toml")); err != nil {
		t.Skip("no examples/demo yet")
	}
	ws, l := LoadDir(dir)
	for _, d := range l {
		t.Log(d)
	}
	if l.HasErrors() {
		t.Errorf("the demo workspace has errors")
	}
	if ws == nil || len(ws.Countries) < 6 {
		t.Errorf("the demo has fewer than 6 countries")
	}
}

func TestLoadDir(t *testing.T) {
	dir := t.TempDir()
	for name, data := range Starter() {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ws, l := LoadDir(dir)
	if len(l) != 0 {
		t.Fatalf("diagnostics: %v", strs(l))
	}
	if ws.Root != dir {
		t.Errorf("Root = %q, want %q", ws.Root, dir)
	}
	if want := filepath.Join(dir, "countries", "gh.toml"); ws.Countries[0].File != want {
		t.Errorf("File = %q, want %q", ws.Countries[0].File, want)
	}
}
