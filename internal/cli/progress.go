package cli

import (
	"fmt"
	"io"
	"os"
	"sync"

	"golang.org/x/term"
)

// progress shows "label 3/8" on a terminal and nothing otherwise, so logs
// and pipes stay clean.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	label string
	on    bool
	shown bool
}

func newProgress(e *env, label string, quiet bool) *progress {
	p := &progress{w: e.stderr, label: label}
	if f, ok := e.stderr.(*os.File); ok && !quiet && term.IsTerminal(int(f.Fd())) {
		p.on = true
	}
	return p
}

// Update is safe to call from several goroutines.
func (p *progress) Update(done, total int) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprintf(p.w, "\r%s %d/%d", p.label, done, total)
	p.shown = true
}

// Done clears the progress line.
func (p *progress) Done() {
	if p.on && p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
