package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
)

// Swap puts the folder tmp (made by TempDir beside final) in the place of
// final, so that readers see the old folder or the new one, never a mix of
// two runs. The old folder, if any, is moved aside and removed. Between the
// two renames final is briefly missing; a run killed exactly then leaves the
// old folder under a temporary name, which the next Sweep removes.
func Swap(tmp, final string) error {
	old := ""
	if st, err := os.Lstat(final); err == nil {
		if !st.IsDir() {
			return fmt.Errorf("replace %s: not a directory (a file has the folder's name)", final)
		}
		aside, err := os.MkdirTemp(filepath.Dir(final), "."+filepath.Base(final)+".old"+tempMark+"*")
		if err != nil {
			return fmt.Errorf("replace %s: %w", final, err)
		}
		old = filepath.Join(aside, filepath.Base(final))
		if err := os.Rename(final, old); err != nil {
			os.Remove(aside)
			return fmt.Errorf("replace %s: %w", final, err)
		}
		defer os.RemoveAll(aside)
	}
	if err := os.Rename(tmp, final); err != nil {
		if old != "" {
			os.Rename(old, final) // put the previous folder back
		}
		return fmt.Errorf("replace %s: %w", final, err)
	}
	return nil
}
