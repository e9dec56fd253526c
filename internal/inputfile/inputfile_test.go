//go:build unix

package inputfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// tree makes a folder holding every kind of entry opkit may be handed.
func tree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(dir, "file.toml"), []byte("a = 1\n"), 0o644))
	must(syscall.Mkfifo(filepath.Join(dir, "fifo.toml"), 0o644))
	must(os.Symlink("/dev/zero", filepath.Join(dir, "zero.toml")))
	must(os.Symlink("fifo.toml", filepath.Join(dir, "tofifo.toml")))
	must(os.Symlink("file.toml", filepath.Join(dir, "tofile.toml")))
	must(os.Symlink("missing", filepath.Join(dir, "broken.toml")))
	must(os.Mkdir(filepath.Join(dir, "sub"), 0o755))
	return dir
}

func TestReadFile(t *testing.T) {
	dir := tree(t)
	tests := []struct {
		name, want string // want: "" for success, else a word of the error
	}{
		{"file.toml", ""},
		{"tofile.toml", ""},
		{"fifo.toml", "a FIFO"},
		{"zero.toml", "a link to a device"},
		{"tofifo.toml", "a link to a FIFO"},
		{"sub", "a folder"},
		{"broken.toml", "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan struct{})
			var data []byte
			var err error
			go func() { data, err = ReadFile(filepath.Join(dir, tt.name), 1<<20); close(done) }()
			select {
			case <-done:
			case <-time.After(2 * time.Second):
				t.Fatal("ReadFile blocked")
			}
			if tt.want == "" {
				if err != nil || string(data) != "a = 1\n" {
					t.Fatalf("got %q, %v", data, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
			if tt.want != "no such file" && !errors.Is(err, ErrNotRegular) {
				t.Errorf("%v does not match ErrNotRegular", err)
			}
		})
	}
	if _, err := ReadFile(filepath.Join(dir, "file.toml"), 3); !errors.Is(err, ErrTooBig) {
		t.Errorf("over the limit: %v", err)
	}
}

func TestDirFS(t *testing.T) {
	dir := tree(t)
	fsys := DirFS(dir)
	if b, err := fs.ReadFile(fsys, "file.toml"); err != nil || string(b) != "a = 1\n" {
		t.Errorf("file: %q %v", b, err)
	}
	for _, n := range []string{"fifo.toml", "zero.toml"} {
		_, err := fs.ReadFile(fsys, n)
		var pe *fs.PathError
		if !errors.Is(err, ErrNotRegular) || !errors.As(err, &pe) || pe.Path != n {
			t.Errorf("%s: %v", n, err)
		}
		if _, err := ReadFS(fsys, n, 100); !errors.Is(err, ErrNotRegular) {
			t.Errorf("ReadFS %s: %v", n, err)
		}
	}
	if es, err := fs.ReadDir(fsys, "."); err != nil || len(es) != 7 {
		t.Errorf("ReadDir: %d entries, %v", len(es), err)
	}
	if _, err := ReadFS(fsys, "file.toml", 3); !errors.Is(err, ErrTooBig) {
		t.Errorf("ReadFS over the limit: %v", err)
	}
	if _, err := fsys.Open("../x"); err == nil {
		t.Error("a path outside the folder opened")
	}
	for _, tt := range []struct{ name, want string }{{"fifo.toml", "a FIFO (named pipe)"}, {"zero.toml", "a link to a device (such as /dev/zero)"}, {"file.toml", ""}, {"tofile.toml", ""}, {"broken.toml", "a link to nothing (its target is missing)"}} {
		if got := Describe(filepath.Join(dir, tt.name)); got != tt.want {
			t.Errorf("Describe(%s) = %q, want %q", tt.name, got, tt.want)
		}
	}
}
