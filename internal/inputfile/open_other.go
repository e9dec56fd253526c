//go:build !unix

package inputfile

import "os"

// openNonblock is a plain open where FIFOs cannot block one (Windows named
// pipes live outside the file system).
func openNonblock(path string) (*os.File, error) {
	return os.Open(path)
}
