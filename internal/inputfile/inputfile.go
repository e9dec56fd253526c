package inputfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrNotRegular is matched (errors.Is) by every error about something that
// is not a regular file.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooBig is matched by the error of ReadFile for a file over its limit.
var ErrTooBig = errors.New("file too big")

// NotRegularError says what was found instead of a regular file.
type NotRegularError struct {
	Kind string // "a FIFO (named pipe)", "a device", "a folder", ...
}

func (e *NotRegularError) Error() string        { return "not a regular file but " + e.Kind }
func (e *NotRegularError) Is(target error) bool { return target == ErrNotRegular }

// Kind names a file mode the way a person would: "a folder", "a FIFO
// (named pipe)". It is "" for a regular file.
func Kind(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return ""
	case m.IsDir():
		return "a folder"
	case m&fs.ModeSymlink != 0:
		return "a link"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO (named pipe)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a device (such as /dev/zero)"
	case m&fs.ModeDevice != 0:
		return "a block device"
	}
	return "a special file"
}

// Describe says what is at path without opening it or following more than
// the last link: "a link to a FIFO (named pipe)", "a link to nothing".
// It is "" for a regular file or a link to one.
func Describe(path string) string {
	lst, err := os.Lstat(path)
	if err != nil {
		return ""
	}
	if lst.Mode()&fs.ModeSymlink == 0 {
		return Kind(lst.Mode())
	}
	st, err := os.Stat(path)
	switch {
	case err != nil:
		return "a link to nothing (its target is missing)"
	case st.Mode().IsRegular():
		return ""
	}
	return "a link to " + Kind(st.Mode())
}

// Open opens a regular file for reading without blocking, whatever is at
// path. Anything else is a *fs.PathError wrapping a *NotRegularError.
func Open(path string) (*os.File, fs.FileInfo, error) {
	f, st, err := open(path, false)
	return f, st, err
}

// open opens path without blocking and checks the open descriptor; dirOK
// lets folders through (for DirFS).
func open(path string, dirOK bool) (*os.File, fs.FileInfo, error) {
	f, err := openNonblock(path)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !st.Mode().IsRegular() && !(dirOK && st.IsDir()) {
		f.Close()
		return nil, nil, &fs.PathError{Op: "open", Path: path, Err: &NotRegularError{Kind: kindAt(path, st.Mode())}}
	}
	return f, st, nil
}

// kindAt names what was opened, saying "a link to" when path is a link.
func kindAt(path string, m fs.FileMode) string {
	k := Kind(m)
	if lst, err := os.Lstat(path); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
		k = "a link to " + k
	}
	return k
}

// ReadFile reads a regular file of at most max bytes. A larger file is an
// error matching ErrTooBig, found from its size before anything is read
// (a file that grows meanwhile is still cut at max+1 bytes).
func ReadFile(path string, max int64) ([]byte, error) {
	f, st, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readAll(f, st, path, max)
}

func readAll(f io.Reader, st fs.FileInfo, name string, max int64) ([]byte, error) {
	if st.Size() > max {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fmt.Errorf("%w: %d bytes, more than the %d allowed", ErrTooBig, st.Size(), max)}
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fmt.Errorf("%w: more than the %d bytes allowed", ErrTooBig, max)}
	}
	return data, nil
}

// ReadFS is ReadFile for a file of fsys: the file must be regular (DirFS
// says so when opening) and at most max bytes.
func ReadFS(fsys fs.FS, name string, max int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "open", Path: name, Err: &NotRegularError{Kind: Kind(st.Mode())}}
	}
	return readAll(f, st, name, max)
}

// DirFS is os.DirFS whose Open refuses, without blocking, anything but
// regular files and folders. Stat follows links without opening.
type DirFS string

var (
	_ fs.StatFS    = DirFS("")
	_ fs.ReadDirFS = DirFS("")
)

func (d DirFS) join(op, name string) (string, error) {
	if !fs.ValidPath(name) {
		return "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	return filepath.Join(string(d), filepath.FromSlash(name)), nil
}

// Open implements fs.FS.
func (d DirFS) Open(name string) (fs.File, error) {
	full, err := d.join("open", name)
	if err != nil {
		return nil, err
	}
	f, _, err := open(full, true)
	if err != nil {
		return nil, rename(err, name)
	}
	return f, nil
}

// Stat implements fs.StatFS.
func (d DirFS) Stat(name string) (fs.FileInfo, error) {
	full, err := d.join("stat", name)
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(full)
	return st, rename(err, name)
}

// ReadDir implements fs.ReadDirFS.
func (d DirFS) ReadDir(name string) ([]fs.DirEntry, error) {
	full, err := d.join("readdir", name)
	if err != nil {
		return nil, err
	}
	es, err := os.ReadDir(full)
	return es, rename(err, name)
}

// rename gives a path error the name within the FS, as os.DirFS does.
func rename(err error, name string) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return &fs.PathError{Op: pe.Op, Path: name, Err: pe.Err}
	}
	return err
}
