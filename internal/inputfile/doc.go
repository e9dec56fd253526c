// Package inputfile opens the files opkit reads — returned workbooks,
// campaign.toml, country files, clearance.toml, templates — so that only
// regular files are read and nothing blocks: a FIFO, a device such as
// /dev/zero (or a link to one), a socket or a folder in place of a file is
// an error that says what was found, returned at once.
//
// A check before opening is not enough, since a file can be swapped for a
// FIFO between the check and the open, and opening a FIFO for reading
// blocks until a writer comes. So files are opened with O_NONBLOCK (which
// changes nothing for a regular file) and judged by fstat on the open
// descriptor: what is read is what was checked.
package inputfile
