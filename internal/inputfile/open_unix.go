//go:build unix

package inputfile

import (
	"os"
	"syscall"
)

// openNonblock opens path read-only with O_NONBLOCK: a FIFO opens at once
// instead of waiting for a writer, and O_NOCTTY keeps a terminal device
// from becoming the controlling terminal.
func openNonblock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
}
