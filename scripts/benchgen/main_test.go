package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestDeterministic generates the same workspace twice, returns included,
// and wants the same bytes in every file: benchmarks compare runs, and a
// return whose shared strings followed map order differed every time.
func TestDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if err := generate(dir, 6, 0, 0, true); err != nil {
			t.Fatal(err)
		}
	}
	files := 0
	returns := 0
	err := filepath.WalkDir(a, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, path)
		x, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil {
			return err
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs with the same flags", rel)
		}
		files++
		if filepath.Ext(rel) == ".xlsx" {
			returns++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if returns != 6 || files != 13 {
		t.Fatalf("%d files, %d returns; want 13 and 6", files, returns)
	}
}
