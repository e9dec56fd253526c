package intake

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"opkit/internal/diag"
	"opkit/internal/inputfile"
	"opkit/internal/model"
	"opkit/internal/outcome"
)

// Status is the decision about one input file.
type Status string

const (
	// Accepted files feed the report.
	Accepted Status = "accepted"
	// Rejected files could not be used; Reasons say why.
	Rejected Status = "rejected"
	// Superseded files were good, but a later return for the same country won.
	Superseded Status = "superseded"
	// Duplicate files are byte-identical to another input, which is the one used.
	Duplicate Status = "duplicate"
	// Skipped entries are folders (their files have rows of their own) and
	// links to folders, which are not followed; they are not errors.
	Skipped Status = "skipped"
)

// Limits bound what one untrusted file may cost.
type Limits struct {
	// MaxFileSize is checked on disk before the file is read.
	MaxFileSize int64
	// Timeout bounds the reading of one file. A reader that overruns is
	// abandoned (its goroutine finishes on its own under Read's size limits)
	// and the file is rejected.
	Timeout time.Duration
	// Read bounds the parse itself: unzipped size, XML part size, rows,
	// columns and cell length.
	Read outcome.Limits
	// MaxBatchText bounds the text of all accepted returns together, in
	// bytes: at the default, 6 MB, the New York report has about 2100
	// pages and takes about 115 MB (scripts/limits), whatever the files
	// hold. Over it, the largest returns are rejected, one by one, with the
	// reason.
	MaxBatchText int64
	// Workers reads files in parallel; 0 means one per CPU.
	Workers int
}

// DefaultLimits suit outcome workbooks, which are about 40 KB filled in: the
// bounds are two orders of magnitude above that and far below what would
// strain the machine.
func DefaultLimits() Limits {
	r := outcome.DefaultLimits()
	r.MaxFileSize = 10 << 20
	r.MaxUnzipped = 64 << 20
	r.MaxXMLSize = 16 << 20
	r.MaxRows = 5000
	r.MaxCols = 64
	// A long return holds about 100 KB of text (three statements near
	// Excel's cell cap); 1 MB is ten times that, and about 350 pages of the
	// report.
	r.MaxText = 1 << 20
	r.MaxDepth = 64
	// 200 returns of 30 KB of text each (a typical one has 5 to 10 KB).
	// The report's Markdown holds the text twice (country pages and common
	// sections), well under render.DefaultMaxOutput.
	return Limits{MaxFileSize: r.MaxFileSize, Timeout: 10 * time.Second, Read: r, MaxBatchText: 6 << 20}
}

// Options are Limits plus a progress callback for long batches.
type Options struct {
	Limits
	// Progress, when set, is called with the number of files done and the
	// total, from any goroutine.
	Progress func(done, total int)
	// Today, when set, is the day the run happens: a submission date after
	// it is warned about and not used to order resends.
	Today model.Date
}

// Entry is one input file and what became of it.
type Entry struct {
	Path    string // as given, to open the file
	File    string // as shown to people: relative to the workspace when inside it
	SHA256  string // hex; empty when the file was not read (missing, not a regular file, too big)
	Size    int64
	Status  Status
	Country string   // upper-case code when the workbook names one
	Reasons []string // why it was not accepted
	Diags   diag.List
	Outcome *model.Outcome // the return, for accepted entries only
}

// Warnings formats the cell-level diagnostics as the intake log shows them:
// "Event!C7: message". A cell error (a date that is not one, a required
// field left empty) does not reject the return: the rest of it is good and
// New York needs it; the message says which value is missing or unusable.
func (e *Entry) Warnings() []string {
	out := make([]string, 0, len(e.Diags))
	for _, d := range e.Diags {
		s := d.Message
		if d.Cell != "" {
			s = d.Cell + ": " + s
		}
		out = append(out, s)
	}
	return out
}

// Log holds one entry per input path, sorted by file.
type Log struct {
	Entries []Entry
}

// Accepted returns the accepted entries sorted by country code.
func (l *Log) Accepted() []*Entry {
	var out []*Entry
	for i := range l.Entries {
		if l.Entries[i].Status == Accepted {
			out = append(out, &l.Entries[i])
		}
	}
	slices.SortFunc(out, func(a, b *Entry) int { return cmp.Compare(a.Country, b.Country) })
	return out
}

// Count returns how many entries have the status.
func (l *Log) Count(s Status) int {
	n := 0
	for _, e := range l.Entries {
		if e.Status == s {
			n++
		}
	}
	return n
}

// Rejected is the number of rejected files; the CLI exits 1 when it is not
// zero, after the outputs are written.
func (l *Log) Rejected() int { return l.Count(Rejected) }

// Summary is one line for the terminal.
func (l *Log) Summary() string {
	s := fmt.Sprintf("%d file(s): %d accepted, %d rejected, %d superseded, %d duplicate",
		len(l.Entries)-l.Count(Skipped), l.Count(Accepted), l.Count(Rejected), l.Count(Superseded), l.Count(Duplicate))
	if n := l.Count(Skipped); n > 0 {
		s += fmt.Sprintf("; %d folder(s) skipped", n)
	}
	return s
}

// Diagnostics lists every rejection and every warning of an accepted file,
// for stderr. Cell problems of an accepted file are warnings: the file is
// used and the value named stays out. Files are named by the path as given,
// like the workspace's own diagnostics, so the lines point at the file from
// where the command ran; the log keeps the workspace-relative name.
func (l *Log) Diagnostics() diag.List {
	var out diag.List
	for _, e := range l.Entries {
		switch e.Status {
		case Rejected:
			for _, r := range e.Reasons {
				out = append(out, diag.Diagnostic{File: e.Path, Severity: diag.Error, Message: "rejected: " + r})
			}
		case Accepted:
			for _, d := range e.Diags {
				d.File = e.Path
				d.Severity = diag.Warning
				out = append(out, d)
			}
		}
	}
	return out
}

// Problems is Diagnostics as lines.
func (l *Log) Problems() []string {
	var out []string
	for _, d := range l.Diagnostics() {
		out = append(out, d.String())
	}
	return out
}

// Run reads every path and decides on each. It never fails as a whole: a
// file that cannot be used is a rejected entry.
func Run(ws *model.Workspace, paths []string, opt Options) *Log {
	lim := opt.Limits
	if lim.MaxFileSize <= 0 {
		lim.MaxFileSize = DefaultLimits().MaxFileSize
	}
	if lim.Timeout <= 0 {
		lim.Timeout = DefaultLimits().Timeout
	}
	if lim.Read == (outcome.Limits{}) {
		lim.Read = DefaultLimits().Read
	}
	if lim.MaxBatchText <= 0 {
		lim.MaxBatchText = DefaultLimits().MaxBatchText
	}
	lim.Read.MaxFileSize = lim.MaxFileSize
	workers := lim.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, len(paths)))

	log := &Log{Entries: make([]Entry, len(paths))}
	for i, p := range paths {
		log.Entries[i] = Entry{Path: p, File: displayName(ws, p)}
		if st, err := os.Lstat(p); err == nil && st.IsDir() {
			log.Entries[i].File += "/"
		}
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				intakeOne(ws, &log.Entries[i], lim)
				if opt.Progress != nil {
					mu.Lock()
					done++
					n := done
					mu.Unlock()
					opt.Progress(n, len(paths))
				}
			}
		})
	}
	for i := range paths {
		jobs <- i
	}
	close(jobs)
	wg.Wait()

	slices.SortStableFunc(log.Entries, func(a, b Entry) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Path, b.Path))
	})
	for i := range log.Entries {
		checkDates(&log.Entries[i], opt.Today)
	}
	markDuplicates(log.Entries)
	markSuperseded(log.Entries, opt.Today)
	limitBatch(log.Entries, lim.MaxBatchText)
	return log
}

// displayName shows a path relative to the workspace when it lies inside it
// ("returns/ar.xlsx"), so the log reads the same wherever the command runs.
func displayName(ws *model.Workspace, p string) string {
	if ws != nil && ws.Root != "" {
		root, err1 := filepath.Abs(ws.Root)
		abs, err2 := filepath.Abs(p)
		if err1 == nil && err2 == nil {
			if rel, err := filepath.Rel(root, abs); err == nil && rel != "." && !strings.HasPrefix(rel, "..") {
				return filepath.ToSlash(rel)
			}
		}
	}
	return filepath.ToSlash(p)
}

// intakeOne fills e; a panic anywhere in it rejects the file instead of
// ending the batch.
func intakeOne(ws *model.Workspace, e *Entry, lim Limits) {
	defer func() {
		if p := recover(); p != nil {
			reject(e, fmt.Sprintf("internal error while reading the file (%v); please report it with the file", p))
		}
	}()
	if IsLockFile(filepath.Base(e.Path)) {
		// Kept in the log like any file, so that staff delete it knowingly,
		// but not read: a lock file is never the return, nor its duplicate.
		reject(e, "an office lock file (the workbook was open when the folder was copied), not a return; it can be deleted")
		return
	}
	data, ok := load(e, lim)
	if !ok {
		return
	}
	if why := sniff(data, e.File); why != "" {
		reject(e, why)
		return
	}
	o, ds, err := readWithDeadline(e.File, data, lim)
	data = nil
	if err != nil {
		reject(e, readReason(err))
		return
	}
	e.Diags = ds
	e.Country = strings.ToUpper(strings.TrimSpace(o.Scalar(outcome.CountryCode)))
	if why := checkIdentity(ws, o, e.Country); why != "" {
		reject(e, why)
		if e.Country == "" {
			// The country cell may be out of reach (a sheet renamed by a
			// program that left the names behind, or deleted): the
			// reader's errors about the workbook say why.
			for _, d := range ds {
				if d.Severity == diag.Error && d.Cell == "" {
					e.Reasons = append(e.Reasons, d.Message)
				}
			}
		}
		return
	}
	if warn := checkPack(ws, o, e.Country); warn != "" {
		e.Diags = append(e.Diags, diag.Diagnostic{File: e.File, Cell: outcome.NamePackID, Severity: diag.Warning, Message: warn})
	}
	e.Diags = append(e.Diags, longTexts(e.File, o)...)
	e.Status = Accepted
	e.Outcome = o
}

// IsLockFile reports whether name is an office program's lock file:
// LibreOffice's ".~lock.NAME#" or Excel's "~$NAME".
func IsLockFile(name string) bool {
	return strings.HasPrefix(name, ".~lock.") || strings.HasPrefix(name, "~$")
}

func reject(e *Entry, reason string) {
	e.Status = Rejected
	e.Reasons = append(e.Reasons, reason)
	e.Outcome = nil
}

// load checks what the entry is and its size before reading: only a regular
// file is opened, without blocking (a FIFO or a link to /dev/zero costs a
// stat and never hangs), and a huge file costs a stat and not memory; a
// file that grows in between is still cut at the limit.
func load(e *Entry, lim Limits) ([]byte, bool) {
	if lst, err := os.Lstat(e.Path); err == nil {
		if lst.IsDir() {
			skip(e, "a folder: the files in it have rows of their own")
			return nil, false
		}
		if st, err := os.Stat(e.Path); err == nil && st.IsDir() {
			skip(e, "a link to a folder, not followed: copy the files it holds into the folder read, if they are returns")
			return nil, false
		}
	}
	if kind := inputfile.Describe(e.Path); kind != "" {
		reject(e, kind+", not a file: nothing was read")
		return nil, false
	}
	if beforeOpen != nil {
		beforeOpen(e.Path)
	}
	f, st, err := inputfile.Open(e.Path)
	if err != nil {
		var nr *inputfile.NotRegularError
		if errors.As(err, &nr) { // swapped for something else since the check
			reject(e, nr.Kind+", not a file: nothing was read")
		} else {
			reject(e, fmt.Sprintf("cannot open the file: %v", unwrapPath(err)))
		}
		return nil, false
	}
	defer f.Close()
	e.Size = st.Size()
	if st.Size() > lim.MaxFileSize {
		reject(e, fmt.Sprintf("too big: %s on disk, the limit is %s (an outcome workbook is about 40 KB)", human(st.Size()), human(lim.MaxFileSize)))
		return nil, false
	}
	data, err := io.ReadAll(io.LimitReader(f, lim.MaxFileSize+1))
	if err != nil {
		reject(e, fmt.Sprintf("cannot read the file: %v", unwrapPath(err)))
		return nil, false
	}
	sum := sha256.Sum256(data)
	e.SHA256 = hex.EncodeToString(sum[:])
	e.Size = int64(len(data))
	if int64(len(data)) > lim.MaxFileSize {
		reject(e, fmt.Sprintf("too big: over %s, the limit", human(lim.MaxFileSize)))
		return nil, false
	}
	return data, true
}

// beforeOpen, when a test sets it, runs between the check of what an entry
// is and its opening: the moment a file can be swapped for a FIFO.
var beforeOpen func(path string)

func skip(e *Entry, reason string) {
	e.Status = Skipped
	e.Reasons = append(e.Reasons, reason)
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// sniff names the common wrong files plainly, before the workbook reader
// gives its more technical account.
func sniff(data []byte, name string) string {
	ext := strings.ToLower(filepath.Ext(name))
	renamed := ""
	if ext != "" {
		renamed = " renamed " + ext
	}
	switch {
	case len(data) == 0:
		return "empty file (0 bytes): the upload or the copy may have failed; ask the partner to send it again"
	case bytes.HasPrefix(data, []byte("%PDF")):
		return "not a workbook: a PDF document" + renamed + "; the outcome workbook (.xlsx) is needed"
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return zipTrouble(data)
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return "" // encrypted workbook or .xls: outcome.Read tells which
	case bytes.HasPrefix(data, []byte("{\\rtf")):
		return "not a workbook: a Word/RTF document" + renamed
	case looksLikeText(data):
		return "not a workbook: a text file" + renamed
	}
	return "not a workbook: the file is neither an .xlsx workbook nor any spreadsheet format" + renamed
}

func looksLikeText(data []byte) bool {
	head := data[:min(len(data), 512)]
	for _, b := range head {
		if b < 0x09 || (b > 0x0d && b < 0x20) {
			return false
		}
	}
	return true
}

// human gives a size as people write it.
func human(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

type readResult struct {
	o   *model.Outcome
	ds  diag.List
	err error
}

// errTimeout rejects a file whose reading outlived its deadline.
var errTimeout = errors.New("timeout")

// readWithDeadline runs outcome.Read in its own goroutine so that a file
// that makes the reader slow cannot hold the batch; a panic in the reader
// comes back as an error.
func readWithDeadline(name string, data []byte, lim Limits) (*model.Outcome, diag.List, error) {
	ch := make(chan readResult, 1)
	read := readFunc // read here: an abandoned reader must not touch globals later
	go func() {
		defer func() {
			if p := recover(); p != nil {
				ch <- readResult{err: fmt.Errorf("%w: the reader failed on this file (%v)", errPanic, p)}
			}
		}()
		o, ds, err := read(name, data, lim.Read)
		ch <- readResult{o, ds, err}
	}()
	t := time.NewTimer(lim.Timeout)
	defer t.Stop()
	select {
	case r := <-ch:
		return r.o, r.ds, r.err
	case <-t.C:
		return nil, nil, fmt.Errorf("%w: reading took longer than %s", errTimeout, lim.Timeout)
	}
}

var errPanic = errors.New("internal error")

// readFunc is outcome.Read; tests swap it to make a reader hang or panic.
var readFunc = outcome.Read

// readReason turns a reader error into the words of the log.
func readReason(err error) string {
	msg := err.Error()
	// outcome.Read prefixes "read NAME: "; the log has the name already.
	if inner := errors.Unwrap(err); inner != nil && strings.HasPrefix(msg, "read ") {
		msg = inner.Error()
	}
	switch {
	case errors.Is(err, errPanic):
		return msg + "; please report it with the file"
	case errors.Is(err, errTimeout):
		return "too slow to read: " + strings.TrimPrefix(msg, errTimeout.Error()+": ")
	case errors.Is(err, outcome.ErrEncrypted):
		return "password-protected: the workbook is encrypted; ask the partner to save it again without a password"
	case errors.Is(err, outcome.ErrLimit):
		detail := strings.ReplaceAll(msg, outcome.ErrLimit.Error()+": ", "")
		if strings.Contains(detail, "unzipped") {
			return "over the limits: " + detail + " (a zip bomb, or a workbook padded with data)"
		}
		return "over the limits: " + detail
	case errors.Is(err, outcome.ErrNotWorkbook):
		detail := strings.TrimPrefix(msg, outcome.ErrNotWorkbook.Error()+": ")
		switch {
		case errors.Is(err, outcome.ErrTemplateVersion):
			return outcome.ErrTemplateVersion.Error() + ": " + detail
		case errors.Is(err, outcome.ErrNoMeta):
			return outcome.ErrNoMeta.Error() + ": " + detail
		}
		return "not an outcome workbook: " + detail
	}
	return msg
}

// checkIdentity ties the return to a country of the workspace. The hidden
// pack id was written with the country; a code that disagrees with it means
// the wrong workbook was filled in or the locked cell was edited.
func checkIdentity(ws *model.Workspace, o *model.Outcome, code string) string {
	if code == "" {
		return "no country code in the workbook (" + outcome.CountryCode + " is empty)"
	}
	if o.PackID != "" {
		if !rePackID.MatchString(o.PackID) {
			return fmt.Sprintf("the workbook's hidden pack id %q is not one opkit writes (CC-YEAR-hash): its Meta sheet was edited; send the partner the workbook of their pack again", clip(o.PackID))
		}
		packCode, _, _ := strings.Cut(o.PackID, "-")
		if !strings.EqualFold(packCode, code) {
			return fmt.Sprintf("country code %s disagrees with the workbook's hidden pack id %s: the country cell was edited or another country's workbook was used", code, o.PackID)
		}
	}
	if ws == nil || ws.Country(code) == nil {
		return fmt.Sprintf("country %s is not in the workspace (no countries/%s.toml)", code, strings.ToLower(code))
	}
	return ""
}

var rePackID = regexp.MustCompile(`^[A-Z]{2}-[0-9]{4}-[0-9a-f]{10}$`)

// checkPack compares the return's pack id with the id of the pack built
// from the workspace now: a different one means the partner filled in an
// older pack (the country file changed since) or a copy of another
// campaign's, which staff should know before trusting its case rows.
func checkPack(ws *model.Workspace, o *model.Outcome, code string) string {
	c := ws.Country(code)
	if c == nil || o.PackID == "" {
		return ""
	}
	want := outcome.PackID(c, &ws.Campaign, o.TemplateVersion)
	if o.PackID == want {
		return ""
	}
	return fmt.Sprintf("pack id %s is not that of the pack built from %s now (%s): the return was filled in an older pack, or one of another campaign; check its cases against the country file", o.PackID, c.File, want)
}

// MaxCellChars is what a spreadsheet cell holds, in UTF-16 code units as
// Excel counts them.
const MaxCellChars = 32767

// CellChars is the length of s as Excel counts it.
func CellChars(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r > 0xFFFF {
			n++
		}
	}
	return n
}

// longTexts warns about every value longer than a cell holds: the
// consolidated workbook keeps it whole by continuing it on a sheet of its
// own, and staff should know where.
func longTexts(file string, o *model.Outcome) diag.List {
	var out diag.List
	check := func(v model.Value) {
		if len(v.Text) > MaxCellChars && CellChars(v.Text) > MaxCellChars {
			out = append(out, diag.Diagnostic{File: file, Cell: v.Cell, Severity: diag.Warning,
				Message: fmt.Sprintf("a text of %d characters, more than a spreadsheet cell holds (%d): consolidated.xlsx continues it on the sheet of long texts", CellChars(v.Text), MaxCellChars)})
		}
	}
	for _, f := range outcome.Fields {
		check(o.Scalars[f.Name])
	}
	for _, t := range outcome.Tables {
		for _, row := range o.Tables[t.Name] {
			for _, col := range t.Columns {
				check(row[col.Key])
			}
		}
	}
	return out
}

func clip(s string) string {
	if len(s) <= 60 {
		return s
	}
	return strings.ToValidUTF8(s[:57], "") + "..."
}

// markDuplicates keeps the first of identical files by name; entries are
// sorted by file already.
func markDuplicates(es []Entry) {
	first := map[string]string{}
	for i := range es {
		e := &es[i]
		if e.SHA256 == "" {
			continue
		}
		if f, ok := first[e.SHA256]; ok {
			e.Status = Duplicate
			e.Reasons = []string{"identical to " + f}
			e.Outcome = nil
			continue
		}
		first[e.SHA256] = e.File
	}
}

// markSuperseded keeps one return per country: the latest op_submitted_on
// (a date after today does not count), then the greatest file name in
// natural order, since partners number their resends ("v10" after "v2").
func markSuperseded(es []Entry, today model.Date) {
	best := map[string]*Entry{}
	// Accepted entries hold their outcome until this function ends.
	submitted := func(e *Entry) string {
		on := e.Outcome.Scalar(outcome.SubmittedOn)
		if future(on, today) {
			return ""
		}
		return on
	}
	later := func(a, b *Entry) bool { // a after b
		return cmp.Or(cmp.Compare(submitted(a), submitted(b)), Natural(a.File, b.File)) > 0
	}
	for i := range es {
		e := &es[i]
		if e.Status != Accepted {
			continue
		}
		if b, ok := best[e.Country]; !ok || later(e, b) {
			best[e.Country] = e
		}
	}
	for i := range es {
		e := &es[i]
		if e.Status != Accepted || best[e.Country] == e {
			continue
		}
		w := best[e.Country]
		when := ""
		if on := submitted(w); on != "" {
			when = " (submitted " + on + ")"
		}
		e.Status = Superseded
		e.Reasons = []string{"superseded by " + w.File + when + ", a later return for " + e.Country}
		e.Outcome = nil
	}
}

// TextSize is the text a return carries, in bytes: every value read.
func TextSize(o *model.Outcome) int64 {
	var n int64
	for _, v := range o.Scalars {
		n += int64(len(v.Text))
	}
	for _, rows := range o.Tables {
		for _, r := range rows {
			for _, v := range r {
				n += int64(len(v.Text))
			}
		}
	}
	return n
}

// limitBatch keeps the accepted returns' text within max by rejecting the
// largest, so that the report stays within its bounds and one padded
// return costs its own place, not the report.
func limitBatch(es []Entry, max int64) {
	var total int64
	var acc []*Entry
	size := map[*Entry]int64{}
	for i := range es {
		if e := &es[i]; e.Status == Accepted {
			size[e] = TextSize(e.Outcome)
			total += size[e]
			acc = append(acc, e)
		}
	}
	if total <= max {
		return
	}
	slices.SortStableFunc(acc, func(a, b *Entry) int { return cmp.Or(cmp.Compare(size[b], size[a]), cmp.Compare(a.File, b.File)) })
	for _, e := range acc {
		if total <= max {
			break
		}
		reject(e, fmt.Sprintf("over the limits: the accepted returns hold %s of text together, more than the %s the report is made for, and this one is the largest left (%s); ask the partner for a shorter return (long documents can go to staff separately)",
			human(total), human(max), human(size[e])))
		total -= size[e]
	}
}

// future reports whether the ISO date on is after today (when today is set).
func future(on string, today model.Date) bool {
	if today.IsZero() || on == "" {
		return false
	}
	d, err := model.ParseDate(on)
	return err == nil && d.After(today)
}

// checkDates warns about a submission date in the future: a typing slip or
// a forged date, which must not win over a real resend.
func checkDates(e *Entry, today model.Date) {
	if e.Status != Accepted {
		return
	}
	v := e.Outcome.Scalars[outcome.SubmittedOn]
	if future(v.Text, today) {
		e.Diags = append(e.Diags, diag.Diagnostic{File: e.File, Cell: v.Cell, Severity: diag.Warning,
			Message: fmt.Sprintf("the submission date %s is after today (%s): not used to choose between resends", v.Text, today)})
	}
}

// Natural compares file names as people number them: runs of digits by
// their value, so "v2" comes before "v10" and "return-9" before "return-10".
func Natural(a, b string) int {
	for a != "" && b != "" {
		da, db := digits(a), digits(b)
		if da > 0 && db > 0 {
			na, nb := strings.TrimLeft(a[:da], "0"), strings.TrimLeft(b[:db], "0")
			if c := cmp.Or(cmp.Compare(len(na), len(nb)), cmp.Compare(na, nb)); c != 0 {
				return c
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		a, b = a[1:], b[1:]
	}
	return cmp.Compare(len(a), len(b))
}

func digits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}
