package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// tempMark sits between "." + the final name and a random suffix in the
// name of a file being written: ".ar-briefing.pdf.tmp-123456".
const tempMark = ".tmp-"

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

// IsTemp reports whether name is one of Write's temporary files.
func IsTemp(name string) bool {
	return strings.HasPrefix(name, ".") && strings.Contains(name, tempMark)
}

// Sweep removes the temporary files under dir that a killed or interrupted
// run left, and returns how many it removed. Only opkit writes into its
// output folders, so nothing else there has such a name.
func Sweep(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if !d.IsDir() && IsTemp(d.Name()) && os.Remove(p) == nil {
			n++
		}
		return nil
	})
	return n
}
