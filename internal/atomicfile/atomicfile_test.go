package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteReplacesAndLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a", "b", "out.pdf")
	for _, content := range []string{"first", "second, longer content"} {
		if err := Write(p, []byte(content)); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(p)
		if err != nil || string(got) != content {
			t.Fatalf("read back %q, %v", got, err)
		}
	}
	ents, _ := os.ReadDir(filepath.Dir(p))
	if len(ents) != 1 {
		t.Fatalf("temp files left: %v", ents)
	}
}

func TestWriteFailureKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.xlsx")
	if err := Write(p, []byte("old")); err != nil {
		t.Fatal(err)
	}
	// A folder where the file should go: the rename fails, as a full or
	// read-only disk would make the write fail.
	blocked := filepath.Join(dir, "blocked")
	if err := os.MkdirAll(filepath.Join(blocked, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Write(blocked, []byte("new")); err == nil {
		t.Fatal("write over a non-empty folder succeeded")
	}
	if got, _ := os.ReadFile(p); string(got) != "old" {
		t.Fatalf("old file changed: %q", got)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 2 {
		t.Fatalf("temp files left: %v", ents)
	}
	// A file where a folder is expected.
	if err := Write(filepath.Join(p, "child"), []byte("x")); err == nil {
		t.Fatal("write below a file succeeded")
	}
}

func TestIsTemp(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{".ar-briefing.pdf.tmp-opkit-123456", true},
		{".intake.csv.tmp-opkit-9", true},
		{".report.tmp-opkit-42", true}, // a TempDir
		{"ar-briefing.pdf", false},
		{".hidden", false},
		{".ar-briefing.pdf.tmp-123456", false}, // another program's (or opkit 0.1's)
		{".x.tmp-opkit-12a", false},            // not digits
		{".x.tmp-opkit-", false},               // no digits
		{"notes.tmp-opkit-1", false},           // no leading dot
		{".git/.COMMIT.tmp-opkit-x", false},    // not digits
		{"..tmp-opkit-1", false},               // no name
	}
	for _, tt := range tests {
		if got := IsTemp(tt.name); got != tt.want {
			t.Errorf("IsTemp(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestSweep removes only opkit's own temporary names, files and folders,
// and SweepFlat only at the top of the folder.
func TestSweep(t *testing.T) {
	dir := t.TempDir()
	files := map[string]bool{ // name -> kept
		"a.pdf":                            true,
		".a.pdf.tmp-opkit-1":               false,
		"sub/.b.xlsx.tmp-opkit-22":         false,
		"sub/.b.xlsx.tmp-22":               true, // another program's
		".git/.index.tmp-3":                true,
		".git/objects/.x.tmp-4":            true,
		".report.tmp-opkit-5/report/a.csv": false,
	}
	for name := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if n := SweepFlat(filepath.Join(dir, "sub")); n != 1 {
		t.Errorf("SweepFlat removed %d, want 1", n)
	}
	if n := Sweep(dir); n != 2 {
		t.Errorf("Sweep removed %d, want 2", n)
	}
	for name, keep := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if (err == nil) != keep {
			t.Errorf("%s: exists=%v, want %v", name, err == nil, keep)
		}
	}
}

func TestTryLock(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	unlock, held, err := TryLock(dir)
	if err != nil || held {
		t.Fatalf("first lock: held=%v %v", held, err)
	}
	if _, held, err := TryLock(dir); err != nil || !held {
		t.Fatalf("second lock while the first is held: held=%v %v", held, err)
	}
	unlock()
	unlock2, held, err := TryLock(dir)
	if err != nil || held {
		t.Fatalf("lock after unlock: held=%v %v", held, err)
	}
	unlock2()
}

func TestSwap(t *testing.T) {
	root := t.TempDir()
	final := filepath.Join(root, "report")
	for round, content := range []string{"first", "second"} {
		tmp, err := TempDir(final)
		if err != nil {
			t.Fatal(err)
		}
		if !IsTemp(filepath.Base(tmp)) {
			t.Errorf("TempDir %s is not a temporary name", tmp)
		}
		if err := Write(filepath.Join(tmp, "a.csv"), []byte(content)); err != nil {
			t.Fatal(err)
		}
		if round == 0 {
			if err := Write(filepath.Join(tmp, "only-first.csv"), []byte("x")); err != nil {
				t.Fatal(err)
			}
		}
		if err := Swap(tmp, final); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(filepath.Join(final, "a.csv")); string(b) != content {
			t.Errorf("round %d: a.csv = %q", round, b)
		}
	}
	if _, err := os.Stat(filepath.Join(final, "only-first.csv")); err == nil {
		t.Error("a file of the first run is left in the second's folder")
	}
	if ents, _ := os.ReadDir(root); len(ents) != 1 {
		t.Errorf("left beside the report: %v", ents)
	}
}
