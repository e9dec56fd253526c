package pack

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"opkit/internal/atomicfile"
	"opkit/internal/diag"
	"opkit/internal/model"
	"opkit/internal/outcome"
	"opkit/internal/pdf"
	"opkit/internal/render"
)

// Dir is the folder under the output folder that holds one folder per pack.
const Dir = "packs"

// Options are the settings shared by every pack of a build.
type Options struct {
	OutDir   string    // packs go to OutDir/packs/<cc>/
	PageSize string    // "A4" (default) or "Letter"
	Stamp    time.Time // the one date written into the files
	// Assigned maps a country code (upper case) to the Steering Committee
	// member the plan sends to its event (plan.Plan.AssignedAll); a country
	// missing from it gets no promise of a member.
	Assigned map[string]model.SCMember
}

// assigned is the member the plan sends to c's event, or nil.
func (o Options) assigned(c *model.Country) *model.SCMember {
	if m, ok := o.Assigned[c.Code]; ok {
		return &m
	}
	return nil
}

// Result describes one built pack.
type Result struct {
	Code  string   // upper case, as in the model
	Dir   string   // OutDir/packs/<cc>
	Files []string // the paths written, in the order built
	// Organisers is true when the organisers' edition was written (every
	// pack since SPEC v0.2; kept for callers that report it).
	Organisers bool
}

// Summary is one line for the build log: "ua: ua-briefing.pdf, ...".
func (r Result) Summary() string {
	names := make([]string, len(r.Files))
	for i, f := range r.Files {
		names[i] = filepath.Base(f)
	}
	return strings.ToLower(r.Code) + ": " + strings.Join(names, ", ")
}

// file is one output held in memory until the whole pack is ready.
type file struct {
	name string
	data []byte
}

// Build makes the pack of one country and writes it under opt.OutDir.
// A font problem in the country file comes back as a diag.List.
func Build(ws *model.Workspace, c *model.Country, eng *render.Engine, opt Options) (Result, error) {
	cc := strings.ToLower(c.Code)
	res := Result{Code: c.Code, Dir: filepath.Join(opt.OutDir, Dir, cc)}
	files, err := assemble(ws, c, eng, opt)
	if err != nil {
		return res, err
	}
	for _, f := range files {
		p := filepath.Join(res.Dir, f.name)
		if err := atomicfile.Write(p, f.data); err != nil {
			return res, fmt.Errorf("pack %s: %w", cc, err)
		}
		res.Files = append(res.Files, p)
		if f.name == organisersFile(cc) {
			res.Organisers = true
		}
	}
	// A document an earlier build wrote and this one does not would say
	// what the country file no longer says: an organisers' edition with
	// cases no longer restricted, a press release for an event no longer
	// public, an invitation to an event called off.
	for _, name := range optionalFiles(cc) {
		if slices.ContainsFunc(files, func(f file) bool { return f.name == name }) {
			continue
		}
		stale := filepath.Join(res.Dir, name)
		if err := os.Remove(stale); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return res, fmt.Errorf("pack %s: remove stale %s: %w", cc, stale, err)
		}
	}
	return res, nil
}

// assemble produces a pack's files in memory, in the order Build writes them.
func assemble(ws *model.Workspace, c *model.Country, eng *render.Engine, opt Options) ([]file, error) {
	if err := CheckFonts(c); err != nil {
		return nil, err
	}
	cc := strings.ToLower(c.Code)
	lang := c.Language
	if lang == "" {
		lang = "en"
	}
	popt := pdf.Options{PageSize: opt.PageSize}
	var files []file

	// Both editions are always built: the organisers need their strategy
	// whether or not the country has restricted cases.
	for _, ed := range []render.Edition{render.Participants, render.Organisers} {
		meta := briefingMeta(ws, c, lang, ed, opt.Stamp)
		data := render.BriefingFor(ws, c, ed, opt.assigned(c))
		doc, err := eng.Render(lang, "briefing", data, meta)
		if err != nil {
			return nil, fmt.Errorf("pack %s: briefing: %w", cc, err)
		}
		if ed == render.Organisers {
			if err := eng.Append(doc, lang, "discussion", discussionData(ws, c, opt.assigned(c))); err != nil {
				return nil, fmt.Errorf("pack %s: discussion guide: %w", cc, err)
			}
		}
		b, err := pdf.Render(doc, popt)
		if err != nil {
			return nil, fmt.Errorf("pack %s: briefing: %w", cc, err)
		}
		name := cc + "-briefing.pdf"
		if ed == render.Organisers {
			name = organisersFile(cc)
		}
		files = append(files, file{name, b})
	}

	ag := render.AgendaFor(ws, c, opt.assigned(c))
	ag.Lang = lang
	doc, err := eng.Render(lang, "agenda", ag, render.Document{
		Title:  render.CountryName(c, lang) + " · " + render.Term(lang, "doc.agenda"),
		Header: render.CountryName(c, lang) + " · " + render.Term(lang, "doc.agenda"),
		Author: ws.Campaign.Coalition.In(lang),
		Date:   opt.Stamp,
	})
	if err != nil {
		return nil, fmt.Errorf("pack %s: agenda: %w", cc, err)
	}
	b, err := pdf.Render(doc, popt)
	if err != nil {
		return nil, fmt.Errorf("pack %s: agenda: %w", cc, err)
	}
	files = append(files, file{cc + "-agenda.pdf", b})

	docs, err := outreach(ws, c, eng, opt, lang)
	if err != nil {
		return nil, err
	}
	files = append(files, docs...)

	x, err := outcome.Write(c, &ws.Campaign, outcome.WriteOptions{Stamp: opt.Stamp})
	if err != nil {
		return nil, fmt.Errorf("pack %s: outcome workbook: %w", cc, err)
	}
	files = append(files, file{cc + "-outcome.xlsx", x})
	return files, nil
}

func briefingMeta(ws *model.Workspace, c *model.Country, lang string, ed render.Edition, stamp time.Time) render.Document {
	name := render.CountryName(c, lang)
	title := name + " · " + render.Term(lang, "doc.briefing")
	sub := render.Term(lang, "doc.subtitle")
	if !c.Event.Date.IsZero() && c.Event.Format != model.FormatNone {
		where := c.Event.City
		when := render.FormatDate(lang, c.Event.Date)
		if where != "" {
			when = where + ", " + when
		}
		sub += " · " + when
	}
	d := render.Document{
		Title:    title,
		Subtitle: sub,
		Header:   name + " · " + render.Term(lang, "edition."+string(ed)),
		Author:   ws.Campaign.Coalition.In(lang),
		Cover:    true,
		Contents: true,
		Date:     stamp,
	}
	if ed == render.Organisers {
		// Every page says who may read it; RESTRICTED too when the edition
		// holds restricted cases.
		d.Marking = render.Term(lang, "doc.organisers-only")
		if c.HasRestricted() {
			d.Marking = render.Term(lang, "doc.restricted-organisers")
		}
		d.Subtitle += " · " + render.Term(lang, "edition.organisers")
	}
	return d
}

// CheckFonts reports every string of the country file holding a character
// the PDF fonts cannot draw, at the value's position, naming its key.
func CheckFonts(c *model.Country) error {
	return pdf.CheckTexts(c.File, c.Texts, nil).Err()
}

// BuildAll builds the packs of countries in parallel, one worker per CPU.
// Results come back in the order of countries whatever the finishing
// order; progress (may be nil) is called after each pack. Every country is
// attempted unless ctx is cancelled: then no new pack starts, BuildAll
// waits for the packs under way to be written (so that a caller cleaning
// up does not race a worker) and returns ctx's error. Otherwise the error
// joins all failures (a diag.List when they are all input problems).
func BuildAll(ctx context.Context, ws *model.Workspace, countries []*model.Country, eng *render.Engine, opt Options, progress func(done, total int)) ([]Result, error) {
	// The collector's pacing is the process's business: cmd/opkit bounds
	// the heap by a limit (internal/memlimit), flat in the number of packs.
	n := len(countries)
	results := make([]Result, n)
	errs := make([]error, n)
	jobs := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for w := 0; w < min(runtime.NumCPU(), n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				if ctx.Err() != nil {
					continue // drain: a cancelled build starts nothing new
				}
				results[i], errs[i] = Build(ws, countries[i], eng, opt)
				mu.Lock()
				done++
				if progress != nil {
					progress(done, n)
				}
				mu.Unlock()
			}
		}()
	}
feed:
	for i := range countries {
		if ctx.Err() != nil {
			break // select picks at random when a worker is also free
		}
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	var ok []Result
	var all []error
	var diags diag.List
	onlyDiags := true
	for i := range countries {
		if errs[i] == nil {
			ok = append(ok, results[i])
			continue
		}
		all = append(all, errs[i])
		var dl diag.List
		if errors.As(errs[i], &dl) {
			diags = append(diags, dl...)
		} else {
			onlyDiags = false
		}
	}
	if len(all) == 0 {
		return ok, nil
	}
	if onlyDiags {
		diags.Sort()
		return ok, diags
	}
	return ok, errors.Join(all...)
}

// organisersFile names the organisers' edition of cc's briefing, which a
// build writes, or removes when the country no longer has restricted cases.
func organisersFile(cc string) string { return cc + "-briefing-organisers.pdf" }
