// Command benchbound measures the floor under a build for scripts/bench:
// the time to deflate the same streams and write the same files as the
// build did, and nothing else. It reads every file under DIR (a build's
// output), inflates each compressed stream it holds (the Flate streams of a
// PDF, the deflated entries of a workbook), and then, timed, deflates them
// again at the level the build used and writes each file as the build does
// (internal/atomicfile: a temp file, fsync, rename) into a fresh folder,
// with one worker per CPU as the build has. It prints the wall and CPU
// seconds of that part.
//
//	go run ./scripts/benchbound -o /tmp/bound out/packs
package main

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"

	"opkit/internal/atomicfile"
)

// file is one output: its bytes (written as they are) and the inflated
// streams the build had to deflate to make them.
type file struct {
	rel     string
	data    []byte
	zlib    [][]byte // PDF streams, zlib at BestSpeed (fpdf)
	deflate [][]byte // zip entries, flate level 5 (archive/zip's default)
}

func main() {
	out := flag.String("o", "", "`DIR` to write into (created, must not exist)")
	flag.Parse()
	if *out == "" || flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: benchbound -o OUTDIR BUILDDIR")
		os.Exit(2)
	}
	files, err := load(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchbound:", err)
		os.Exit(1)
	}
	start, cpu0 := time.Now(), cpuTime()
	if err := replay(files, *out); err != nil {
		fmt.Fprintln(os.Stderr, "benchbound:", err)
		os.Exit(1)
	}
	var n, raw int
	for _, f := range files {
		n += len(f.data)
		for _, s := range append(f.zlib, f.deflate...) {
			raw += len(s)
		}
	}
	wall, cpu := time.Since(start).Seconds(), (cpuTime() - cpu0).Seconds()
	fmt.Printf("%.3f s wall %.3f s CPU for %d files, %d bytes written, %d bytes deflated\n", wall, cpu, len(files), n, raw)
}

// cpuTime is the process's user and system time: on a shared machine the
// wall time mostly measures the neighbours.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func load(dir string) ([]*file, error) {
	var files []*file
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		f := &file{rel: rel, data: data}
		switch strings.ToLower(filepath.Ext(path)) {
		case ".pdf":
			f.zlib = pdfStreams(data)
		case ".xlsx":
			if f.deflate, err = zipEntries(data); err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
		}
		files = append(files, f)
		return nil
	})
	return files, err
}

// pdfStreams inflates every stream that starts with a zlib header.
func pdfStreams(data []byte) [][]byte {
	var out [][]byte
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte("stream\n"))
		if j < 0 {
			return out
		}
		at := i + j
		i = at + len("stream\n")
		if at >= 3 && string(data[at-3:at]) == "end" {
			continue
		}
		zr, err := zlib.NewReader(bytes.NewReader(data[i:]))
		if err != nil {
			continue
		}
		raw, err := io.ReadAll(zr)
		if err == nil {
			out = append(out, raw)
		}
	}
}

func zipEntries(data []byte) ([][]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	var out [][]byte
	for _, e := range zr.File {
		if e.Method != zip.Deflate {
			continue
		}
		rc, err := e.Open()
		if err != nil {
			return nil, err
		}
		raw, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		out = append(out, raw)
	}
	return out, nil
}

// replay deflates and writes, with pooled compressors: the best a build
// could do.
func replay(files []*file, out string) error {
	jobs := make(chan *file)
	errs := make(chan error, len(files))
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			zw, _ := zlib.NewWriterLevel(io.Discard, zlib.BestSpeed)
			fw, _ := flate.NewWriter(io.Discard, 5)
			var buf bytes.Buffer
			for f := range jobs {
				for _, s := range f.zlib {
					buf.Reset()
					zw.Reset(&buf)
					zw.Write(s)
					zw.Close()
				}
				for _, s := range f.deflate {
					buf.Reset()
					fw.Reset(&buf)
					fw.Write(s)
					fw.Close()
				}
				if err := atomicfile.Write(filepath.Join(out, f.rel), f.data); err != nil {
					errs <- err
				}
			}
		}()
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	close(errs)
	return <-errs
}
