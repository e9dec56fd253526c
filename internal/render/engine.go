package render

import (
	"opkit/internal/i18n"

	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"text/template"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"opkit/internal/inputfile"
	"opkit/templates"
)

// Engine executes templates: a workspace override when there is one, else
// the built-in. Parsed templates are cached, so one Engine serves every
// pack of a build; it is safe for concurrent use.
type Engine struct {
	overrides fs.FS
	md        goldmark.Markdown

	timeout   time.Duration
	maxOutput int64

	mu    sync.Mutex
	cache map[string]*parsed
}

type parsed struct {
	once    sync.Once
	tmpl    *template.Template
	display string
	err     error
}

// NewEngine returns an engine; overrides is the workspace's templates/
// folder (nil for none). A file there named like a built-in
// ("fr/briefing.md.tmpl") replaces it.
func NewEngine(overrides fs.FS) *Engine {
	return &Engine{
		overrides: overrides,
		md:        goldmark.New(goldmark.WithExtensions(extension.Table)),
		cache:     map[string]*parsed{},
		timeout:   DefaultTimeout,
		maxOutput: DefaultMaxOutput,
	}
}

// SetBounds changes the time and output one template execution may take
// (bounds.go); zero keeps a bound as it is. Call it before any Render.
func (e *Engine) SetBounds(timeout time.Duration, maxOutput int64) {
	if timeout > 0 {
		e.timeout = timeout
	}
	if maxOutput > 0 {
		e.maxOutput = maxOutput
	}
}

// Builtins returns the built-in templates (en/, fr/, es/), for `opkit init`
// to copy out.
func Builtins() fs.FS { return templates.FS }

// Render executes the template <lang>/<name>.md.tmpl with data, parses the
// Markdown and returns a copy of meta with Lang, Source and Root filled in.
// A template error starts with the template's file and line:
// "templates/fr/briefing.md.tmpl:12: ..." for a workspace override,
// "built-in fr/briefing.md.tmpl:12: ..." otherwise.
func (e *Engine) Render(lang, name string, data any, meta Document) (*Document, error) {
	src, err := e.Execute(lang, name, data)
	if err != nil {
		return nil, err
	}
	doc := meta
	doc.Lang = lang
	doc.Source = src
	doc.Root = e.md.Parser().Parse(text.NewReader(src))
	return &doc, nil
}

// Execute runs the template and returns the tidied Markdown, without
// parsing it (tests and golden files use it).
func (e *Engine) Execute(lang, name string, data any) ([]byte, error) {
	p := e.load(lang, name)
	if p.err != nil {
		return nil, p.err
	}
	// The parsed template is shared by every pack; a clone (cheap: the
	// parse trees are shared) carries this execution's bound.
	t, err := p.tmpl.Clone()
	if err != nil {
		return nil, err
	}
	st := &execState{start: time.Now(), timeout: e.timeout, max: e.maxOutput}
	t.Funcs(template.FuncMap{tickName: st.tick})
	w := &boundedWriter{s: st}
	if err := t.Execute(w, data); err != nil {
		if errors.Is(err, ErrBound) && !strings.Contains(err.Error(), p.display) {
			// The writer's error carries no position: name the file.
			return nil, fmt.Errorf("%s: %w", p.display, err)
		}
		return nil, templateError(err)
	}
	// French non-breaking spaces, Spanish and Portuguese quotes: applied
	// to template words and partners' text alike.
	return i18n.Typography(lang, tidy(w.buf)), nil
}

// Source tells where <lang>/<name>.md.tmpl comes from: "templates/..." for
// an override, "built-in ..." otherwise; "" when neither exists.
func (e *Engine) Source(lang, name string) string {
	p := e.load(lang, name)
	if p.err != nil {
		return ""
	}
	return p.display
}

func (e *Engine) load(lang, name string) *parsed {
	file := lang + "/" + name + ".md.tmpl"
	e.mu.Lock()
	p, ok := e.cache[file]
	if !ok {
		p = &parsed{}
		e.cache[file] = p
	}
	e.mu.Unlock()
	p.once.Do(func() { p.tmpl, p.display, p.err = e.parse(lang, file) })
	return p
}

func (e *Engine) parse(lang, file string) (*template.Template, string, error) {
	var src []byte
	var display string
	if e.overrides != nil {
		b, err := inputfile.ReadFS(e.overrides, file, maxTemplateSize)
		switch {
		case err == nil:
			src, display = b, "templates/"+file
		case !errors.Is(err, fs.ErrNotExist):
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err // the path is said already
			}
			return nil, "", fmt.Errorf("read templates/%s: %w", file, err)
		}
	}
	if src == nil {
		b, err := fs.ReadFile(templates.FS, file)
		if err != nil {
			return nil, "", fmt.Errorf("no template %s: neither the workspace's templates/ folder nor the built-ins have it", file)
		}
		src, display = b, "built-in "+file
	}
	// The template is named after where it came from, so text/template's own
	// messages ("NAME:12: ...") already say which file is at fault.
	t, err := template.New(display).Funcs(funcs(lang)).Funcs(template.FuncMap{
		"printf": safePrintf,
		tickName: func() string { return "" }, // replaced per execution
	}).Option("missingkey=error").Parse(string(src))
	if err != nil {
		return nil, "", templateError(err)
	}
	addTicks(t)
	return t, display, nil
}

// templateError drops text/template's "template: " prefix so the message
// starts with the file name and line, as compilers print them, and the
// bound check's own name from it. ErrBound still matches.
func templateError(err error) error {
	msg := strings.TrimPrefix(err.Error(), "template: ")
	if errors.Is(err, ErrBound) {
		// "NAME:12:3: executing "NAME" at <opkitBound>: error calling opkitBound: template over its bounds: it ran..."
		if i := strings.Index(msg, ": executing "); i >= 0 {
			if j := strings.Index(msg, ErrBound.Error()); j > i {
				msg = msg[:i] + ": " + msg[j:]
			}
		}
		return &boundError{msg}
	}
	return errors.New(msg)
}

// boundError keeps templateError's message and matches ErrBound.
type boundError struct{ msg string }

func (e *boundError) Error() string        { return e.msg }
func (e *boundError) Is(target error) bool { return target == ErrBound }

// tidy collapses runs of blank lines outside fenced code blocks into one, so
// that templates can space their actions freely and the Markdown (and the
// golden files) stay readable. Trailing spaces are left alone: two of them
// are a hard line break.
func tidy(src []byte) []byte {
	lines := bytes.Split(src, []byte("\n"))
	out := make([]byte, 0, len(src))
	blank := true // drop leading blank lines
	fence := false
	for _, l := range lines {
		trim := bytes.TrimSpace(l)
		if bytes.HasPrefix(trim, []byte("```")) {
			fence = !fence
		}
		if len(trim) == 0 && !fence {
			if blank {
				continue
			}
			blank = true
			out = append(out, '\n')
			continue
		}
		blank = false
		out = append(out, l...)
		out = append(out, '\n')
	}
	for len(out) >= 2 && out[len(out)-1] == '\n' && out[len(out)-2] == '\n' {
		out = out[:len(out)-1]
	}
	return out
}
