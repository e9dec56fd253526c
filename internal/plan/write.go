package plan

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"opkit/internal/atomicfile"
	"opkit/internal/diag"
	"opkit/internal/model"
	"opkit/internal/pdf"
	"opkit/internal/render"
	"opkit/internal/xlsxkit"
)

// The folder under DIR, and the file names in it.
const (
	Dir      = "plan"
	PDFFile  = "coordination.pdf"
	XLSXFile = "coordination.xlsx"
)

// Options are the choices of the plan command.
type Options struct {
	PageSize string    // A4 or Letter
	Stamp    time.Time // the one date written into the files (see ARCHITECTURE.md)
}

// Write renders the plan to DIR/plan/coordination.pdf and
// DIR/plan/coordination.xlsx. Both are built in memory before either is
// written, so a template error leaves the previous plan in place.
func Write(p *Plan, ws *model.Workspace, eng *render.Engine, outDir string, opt Options) error {
	if err := checkFonts(ws); err != nil {
		return err
	}
	doc, err := Document(p, eng, opt.Stamp)
	if err != nil {
		return err
	}
	pdfData, err := pdf.Render(doc, pdf.Options{PageSize: opt.PageSize})
	if err != nil {
		return fmt.Errorf("%s: %w", PDFFile, err)
	}
	xlsx, err := Workbook(p, opt.Stamp, xlsxkit.PaperNamed(opt.PageSize))
	if err != nil {
		return fmt.Errorf("%s: %w", XLSXFile, err)
	}
	dir := filepath.Join(outDir, Dir)
	if err := atomicfile.Write(filepath.Join(dir, PDFFile), pdfData); err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dir, XLSXFile), xlsx)
}

// Document renders the coordination template of the plan's language.
func Document(p *Plan, eng *render.Engine, stamp time.Time) (*render.Document, error) {
	title := p.Words("doc.title")
	meta := render.Document{
		Title:    title,
		Subtitle: p.Campaign.Name.In(p.Lang),
		Header:   title + " · " + p.Campaign.Name.In(p.Lang),
		// The plan names low-profile partners' countries: it stays with staff.
		Marking:  p.Words("doc.marking"),
		Author:   p.Campaign.Coalition.In(p.Lang),
		Cover:    true,
		Contents: true,
		Date:     stamp,
	}
	doc, err := eng.Render(p.Lang, "coordination", p.View(stamp), meta)
	if err != nil {
		return nil, fmt.Errorf("coordination: %w", err)
	}
	return doc, nil
}

// checkFonts finds text the embedded fonts cannot draw among what the plan
// prints of each country, at its position and naming its key, as the
// packs do.
func checkFonts(ws *model.Workspace) error {
	var l diag.List
	for _, c := range ws.Countries {
		l = append(l, pdf.CheckTexts(c.File, c.Texts, isPrinted)...)
	}
	if err := l.Err(); err != nil {
		return err
	}
	for _, m := range ws.Campaign.Steering {
		for _, s := range []string{m.Name, m.Organisation} {
			if r, bad := pdf.Missing(s); bad {
				return fmt.Errorf("campaign.toml: steering committee member %s: the fonts cannot draw %q (U+%04X)", m.ID, r, r)
			}
		}
	}
	return nil
}

// printed lists the keys of a country file whose values the plan prints;
// the partners' names and contacts (partners[N].name ...) are printed too.
var printed = map[string]bool{"country.code": true, "country.region": true, "event.city": true}

func isPrinted(key string) bool {
	if printed[key] {
		return true
	}
	if rest, ok := strings.CutPrefix(key, "partners["); ok {
		_, field, _ := strings.Cut(rest, "].")
		return field == "name" || field == "contact" || field == "email"
	}
	return false
}
