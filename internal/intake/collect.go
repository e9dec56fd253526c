package intake

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// Collect turns the inputs of a consolidation into the entries to log: a
// file as itself, a folder as every entry under it at any depth — files,
// sub-folders, links, FIFOs, devices, lock files — so that each gets its
// row. Links inside a folder are listed, not followed (a link to a folder
// gets a row of its own, a link to a file is read through); a folder given
// as an input is read even when it is a link. A missing input is an error.
func Collect(inputs []string) ([]string, error) {
	var out []string
	for _, in := range inputs {
		st, err := os.Stat(in)
		if err != nil {
			if lst, lerr := os.Lstat(in); lerr == nil && lst.Mode()&fs.ModeSymlink != 0 {
				out = append(out, in) // a broken link: its row says so
				continue
			}
			return nil, fmt.Errorf("%s: no such file or folder", in)
		}
		if !st.IsDir() {
			out = append(out, in)
			continue
		}
		root := in
		if lst, err := os.Lstat(in); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
			root = in + string(filepath.Separator) // WalkDir follows a root that ends so
		}
		var found []string
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if p == root {
				return err
			}
			found = append(found, p)
			if err != nil && d != nil && d.IsDir() {
				return fs.SkipDir // an unreadable folder still has its row
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", in, err)
		}
		slices.Sort(found)
		out = append(out, found...)
	}
	return out, nil
}
