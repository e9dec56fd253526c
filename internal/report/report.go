package report

import (
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"opkit/internal/atomicfile"
	"opkit/internal/clearance"
	"opkit/internal/diag"
	"opkit/internal/intake"
	"opkit/internal/model"
	"opkit/internal/pdf"
	"opkit/internal/render"
	"opkit/internal/xlsxkit"
)

// Options for Write and Consolidate.
type Options struct {
	PageSize string    // "A4" (default) or "Letter"
	Stamp    time.Time // the one date written into the outputs (never the clock)
	// Progress, when set, is called as files are read (done, total).
	Progress func(done, total int)
	// Limits for reading returns; the zero value means intake.DefaultLimits.
	Limits intake.Limits
	// Today is the day of the run, for intake's check of dates in the
	// future (it is not written into any output).
	Today model.Date
	// Clearance is the staff's WS/clearance.toml, nil when there is none:
	// the texts of anonymised returns the report may quote.
	Clearance *clearance.File
}

// Result is what Consolidate read (the intake log) and what it found wrong
// besides: cleared texts that still name their country (errors at their
// line in clearance.toml), small regions, unused clearances (warnings).
type Result struct {
	*intake.Log
	Report diag.List
	// Withheld is the number of texts listed in clearance-todo.toml.
	Withheld int
}

// Diagnostics are the intake's and the report's, in that order.
func (r *Result) Diagnostics() diag.List {
	return append(slices.Clone(r.Log.Diagnostics()), r.Report...)
}

// Failed reports whether the exit status must be 1: a file rejected, or a
// cleared text refused.
func (r *Result) Failed() bool { return r.Rejected() > 0 || r.Report.HasErrors() }

// The folder under DIR, and the file names in it.
const (
	Dir              = "report"
	IntakeFile       = "intake.csv"
	ConsolidatedFile = "consolidated.xlsx"
	ReportFile       = "new-york-report.pdf"
	TodoFile         = clearance.TodoName
)

// Consolidate reads the returned workbooks at paths and writes DIR/report/.
// The result is returned even when writing fails, so the caller can still
// say what was read; res.Failed() means exit status 1 (outputs are
// written all the same).
func Consolidate(ws *model.Workspace, paths []string, eng *render.Engine, outDir string, opt Options) (*Result, error) {
	// intake.Run fills any limit left at zero with its default.
	log := intake.Run(ws, paths, intake.Options{Limits: opt.Limits, Progress: opt.Progress, Today: opt.Today})
	res, err := write(ws, log, eng, outDir, opt)
	res.Log = log
	return res, err
}

// Language is the campaign's language when the report has templates in it,
// else English.
func Language(ws *model.Workspace) string {
	return model.OutputLanguage(ws.Campaign.Language)
}

// Write produces intake.csv, consolidated.xlsx, clearance-todo.toml and
// new-york-report.pdf in outDir/report from an intake log, and returns the
// report's diagnostics (see Result). Each file is written atomically; the
// first failure stops and is returned.
func Write(ws *model.Workspace, log *intake.Log, eng *render.Engine, outDir string, opt Options) (diag.List, error) {
	res, err := write(ws, log, eng, outDir, opt)
	return res.Report, err
}

func write(ws *model.Workspace, log *intake.Log, eng *render.Engine, outDir string, opt Options) (*Result, error) {
	if eng == nil {
		eng = render.NewEngine(nil)
	}
	dir := filepath.Join(outDir, Dir)
	lang := Language(ws)
	d, sd := build(ws, log, lang, opt.Stamp, opt.Clearance)
	ds := sd.diags
	ds.Sort()
	res := &Result{Report: ds, Withheld: len(sd.todo)}

	// The PDF is the slow part; the workbook is made meanwhile.
	type result struct {
		data []byte
		err  error
	}
	pdfDone := make(chan result, 1)
	go func() {
		// Its own copy of the data: fontSafe rewrites strings in place.
		pd, _ := build(ws, log, lang, opt.Stamp, opt.Clearance)
		b, err := reportPDF(pd, eng, opt)
		pdfDone <- result{b, err}
	}()
	csv, err := intakeCSV(log)
	if err == nil {
		err = atomicfile.Write(filepath.Join(dir, IntakeFile), csv)
	} else {
		err = fmt.Errorf("write %s: %w", IntakeFile, err)
	}
	if err == nil {
		var book []byte
		if book, err = consolidatedXLSX(ws, log, d, opt.Stamp, xlsxkit.PaperNamed(opt.PageSize)); err != nil {
			err = fmt.Errorf("write %s: %w", ConsolidatedFile, err)
		} else {
			err = atomicfile.Write(filepath.Join(dir, ConsolidatedFile), book)
		}
	}
	if err == nil {
		err = atomicfile.Write(filepath.Join(dir, TodoFile), clearance.Todo(sd.todo, todoHeading(len(sd.todo))))
	}
	r := <-pdfDone
	if err != nil {
		return res, err
	}
	if r.err != nil {
		return res, fmt.Errorf("write %s: %w", ReportFile, r.err)
	}
	return res, atomicfile.Write(filepath.Join(dir, ReportFile), r.data)
}

// todoHeading explains clearance-todo.toml to the staff member who opens it.
func todoHeading(n int) string {
	h := `# Texts withheld from the New York report — for Coalition staff only.
#
# Written by opkit consolidate. These are the free texts of returns from
# low-profile countries and of returns shared "anonymised": the report shows
# those countries as "a country in REGION" and quotes none of their words
# until staff clear them.
#
# To clear a text: copy its whole [[text]] entry into clearance.toml in the
# workspace folder (beside campaign.toml), edit the text as you wish (remove
# every name of the country, its places, organisations and people), and run
# opkit consolidate again. The id ties the entry to the partner's original
# words: when the partner changes them, the entry no longer applies.
# A cleared text that still names the country in any spelling or script is
# an error at its line in clearance.toml, and stays withheld.
`
	if n == 0 {
		h += "#\n# Nothing is withheld in this run.\n"
	}
	return h
}

// Markdown executes the report template, for tests and golden files.
func Markdown(ws *model.Workspace, log *intake.Log, eng *render.Engine, stamp time.Time) ([]byte, error) {
	d, _ := build(ws, log, Language(ws), stamp, nil)
	fontSafe(d)
	return eng.Execute(d.Lang, "report", d)
}

func reportPDF(d *Data, eng *render.Engine, opt Options) ([]byte, error) {
	fontSafe(d)
	title := tReportTitle.In(d.Lang)
	doc, err := eng.Render(d.Lang, "report", d, render.Document{
		Title:    title,
		Subtitle: d.CampaignName + " — " + strings.Replace(tAsOf.In(d.Lang), "%s", render.FormatDate(d.Lang, d.Day), 1),
		Header:   title,
		Author:   d.Coalition,
		Cover:    true,
		Contents: true,
		Date:     opt.Stamp,
	})
	if err != nil {
		return nil, err
	}
	return pdf.Render(doc, pdf.Options{PageSize: opt.PageSize})
}

// fontSafe replaces every character the embedded fonts cannot draw with
// U+FFFD's stand-in '?'. Country files are checked for such characters
// before a build, but returns come from partners' spreadsheets (emoji
// included), and one such character must not cost the whole report.
func fontSafe(d *Data) {
	camp := *d.Campaign
	camp.Steering = nil
	d.Campaign = &camp
	cleanStrings(reflect.ValueOf(d).Elem())
}

func cleanStrings(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() {
			v.SetString(fontClean(v.String()))
		}
	case reflect.Pointer:
		if !v.IsNil() {
			cleanStrings(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				cleanStrings(v.Field(i))
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			cleanStrings(v.Index(i))
		}
	case reflect.Map:
		// A map is shared with the struct it was copied from (the
		// campaign's texts by language): clean a new one, never the
		// workspace's.
		if v.CanSet() && !v.IsNil() && v.Type().Elem().Kind() == reflect.String {
			m := reflect.MakeMapWithSize(v.Type(), v.Len())
			for it := v.MapRange(); it.Next(); {
				m.SetMapIndex(it.Key(), reflect.ValueOf(fontClean(it.Value().String())).Convert(v.Type().Elem()))
			}
			v.Set(m)
		}
	}
}

func fontClean(s string) string {
	if _, bad := pdf.Missing(s); !bad {
		return s
	}
	// pdf.Missing looks at the NFC form; replace in that form too.
	s = norm.NFC.String(s)
	for range 64 {
		r, ok := pdf.Missing(s)
		if !ok {
			return s
		}
		s = strings.ReplaceAll(s, string(r), "?")
	}
	return strings.Map(func(r rune) rune {
		if _, bad := pdf.Missing(string(r)); bad {
			return '?'
		}
		return r
	}, s)
}
