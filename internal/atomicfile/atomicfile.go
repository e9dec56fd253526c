package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// tempMark sits between "." + the final name and a random suffix of
// digits in the name of a file being written:
// ".ar-briefing.pdf.tmp-opkit-123456". It names opkit, so that a sweep
// never takes another program's ".x.tmp-1" for its own.
const tempMark = ".tmp-opkit-"

// Write replaces path with data atomically, creating parent folders.
func Write(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+tempMark+"*")
	if err != nil {
		return wrap(path, err)
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if _, err := f.Write(data); err != nil {
		return wrap(path, err)
	}
	if err := f.Chmod(0o644); err != nil {
		return wrap(path, err)
	}
	if err := f.Sync(); err != nil {
		return wrap(path, err)
	}
	if err := f.Close(); err != nil {
		return wrap(path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return wrap(path, err)
	}
	ok = true
	return nil
}

// wrap names the file the caller asked for and drops the temporary name
// the error carries: "write out/ar-briefing.pdf: no space left on device".
// The temporary file is gone by the time anyone reads the message.
func wrap(path string, err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	}
	return fmt.Errorf("write %s: %w", path, err)
}

// IsTemp reports whether name is one of Write's temporary files (or
// TempDir's folders): "." + a name + tempMark + digits, nothing else.
func IsTemp(name string) bool {
	i := strings.LastIndex(name, tempMark)
	if i < 2 || name[0] != '.' {
		return false
	}
	digits := name[i+len(tempMark):]
	return digits != "" && strings.Trim(digits, "0123456789") == ""
}

// TempDir makes a folder beside final, named like Write's temporary files,
// for outputs that are swapped into place as a whole (see Swap).
func TempDir(final string) (string, error) {
	parent := filepath.Dir(final)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", err
	}
	return os.MkdirTemp(parent, "."+filepath.Base(final)+tempMark+"*")
}

// Sweep removes the temporary files (and TempDir folders) under dir, at
// any depth, that a killed or interrupted run left, and returns how many
// it removed. Call it only on folders opkit writes, with the folder's lock
// held, so that no other run's file under way is taken.
func Sweep(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if p != dir && IsTemp(d.Name()) {
			if os.RemoveAll(p) == nil {
				n++
			}
			if d.IsDir() {
				return fs.SkipDir
			}
		}
		return nil
	})
	return n
}

// SweepFlat is Sweep for the entries directly in dir, for folders such as
// a workspace that hold other people's files and folders (.git/).
func SweepFlat(dir string) int {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	n := 0
	for _, e := range ents {
		if IsTemp(e.Name()) && os.RemoveAll(filepath.Join(dir, e.Name())) == nil {
			n++
		}
	}
	return n
}
