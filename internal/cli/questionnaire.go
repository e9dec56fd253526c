package cli

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"opkit/internal/atomicfile"
	"opkit/internal/i18n"
	"opkit/internal/inputfile"
	"opkit/internal/intake"
	"opkit/internal/questionnaire"
	"opkit/internal/workspace"
)

// QuestionnaireDir is the folder under the output folder that holds the
// questionnaires written for partners.
const QuestionnaireDir = "questionnaires"

func questionnaireCommand() command {
	c := command{
		name:    "questionnaire",
		summary: "a country questionnaire workbook for a partner to fill in",
		usage:   "[WS] CC [--language L] [-o FILE]",
		help: `Writes a workbook in the partner's language that holds every key of
countries/CC.toml: drop-downs for every list, tables for partners,
authorities, agenda, rights and indicators, cases, remedies, gaps and
upcoming dates, and help for each field. When countries/CC.toml exists the
workbook is pre-filled from it, so the partner reviews and corrects it.
Send the filled workbook back through opkit import.

The language is --language, else the country file's, else the campaign's:
en, fr, es, pt, ru or ar. The file goes to -o FILE, else
WS/out/questionnaires/CC-questionnaire-LANG.xlsx.

Examples:
  opkit questionnaire gh                       Ghana, in the current workspace
  opkit questionnaire examples/demo ci -o ci.xlsx
  opkit questionnaire . bj --language fr       a new country, in French`,
	}
	c.run = func(e *env, args []string) error {
		flags := flag.NewFlagSet(c.name, flag.ContinueOnError)
		lang := flags.String("language", "", "the workbook's `LANG`: en, fr, es, pt, ru or ar")
		out := flags.String("o", "", "output `FILE`")
		quiet := flags.Bool("quiet", false, "print errors only")
		pos, err := parse(e, c, flags, args)
		if err != nil {
			return err
		}
		ws, code := ".", ""
		switch len(pos) {
		case 1:
			code = pos[0]
		case 2:
			ws, code = pos[0], pos[1]
		default:
			return usageError{"questionnaire: expected [WS] CC, a country code such as gh (run opkit questionnaire --help)"}
		}
		code = strings.ToUpper(code)
		if !workspace.IsISO3166(code) {
			return usageError{fmt.Sprintf("questionnaire: %q is not an ISO 3166-1 country code such as GH", pos[len(pos)-1])}
		}
		w, _, ok := loadReported(e, ws, true)
		if !ok {
			return invalidInput{fmt.Sprintf("questionnaire: %s has errors; fix them first (opkit check %s)", ws, ws)}
		}
		c := w.Country(code)
		l := strings.ToLower(*lang)
		switch {
		case l != "":
		case c != nil:
			l = c.Language
		default:
			l = w.Campaign.Language
		}
		if !i18n.Supported(l) {
			return usageError{fmt.Sprintf("questionnaire: --language %q: use one of %s", *lang, strings.Join(i18n.Languages, ", "))}
		}
		st, err := stamp(e, w)
		if err != nil {
			return err
		}
		data, err := questionnaire.Write(code, l, c, questionnaire.Options{Stamp: st})
		if err != nil {
			return err
		}
		path := *out
		if path == "" {
			path = filepath.Join(ws, "out", QuestionnaireDir, fmt.Sprintf("%s-questionnaire-%s.xlsx", strings.ToLower(code), l))
		}
		if err := atomicfile.Write(path, data); err != nil {
			return fmt.Errorf("questionnaire: %w", err)
		}
		if !*quiet {
			state := "new country"
			if c != nil {
				state = "pre-filled from " + c.File
			}
			fmt.Fprintf(e.stdout, "wrote %s (%s, %s)\n", path, l, state)
		}
		return nil
	}
	return c
}

func importCommand() command {
	c := command{
		name:    "import",
		summary: "filled country questionnaires -> countries/CC.toml",
		usage:   "[WS] FILE... [--force]",
		help: `Reads each filled questionnaire (an untrusted file, read under the same limits
as returned workbooks), reports every problem as FILE: Sheet!Cell: message,
and writes countries/CC.toml with comments when the questionnaire has no
error. The file is checked as opkit check would. An existing country file is
never replaced without --force.

Examples:
  opkit import gh-questionnaire-en.xlsx
  opkit import examples/demo returns/ci-q.xlsx --force`,
	}
	c.run = func(e *env, args []string) error {
		flags := flag.NewFlagSet(c.name, flag.ContinueOnError)
		force := flags.Bool("force", false, "replace an existing country file")
		quiet := flags.Bool("quiet", false, "print errors only")
		pos, err := parse(e, c, flags, args)
		if err != nil {
			return err
		}
		ws := "."
		if len(pos) > 0 {
			if st, err := os.Stat(pos[0]); err == nil && st.IsDir() {
				ws, pos = pos[0], pos[1:]
			}
		}
		if len(pos) == 0 {
			return usageError{"import: expected one or more questionnaire files (run opkit import --help)"}
		}
		// Read like every workspace file: a FIFO or /dev/zero there is an
		// error at once, not a hang (hardening hook).
		campaign, err := inputfile.ReadFile(filepath.Join(ws, "campaign.toml"), 4<<20)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("import: %w", err)
		}
		failed := 0
		for _, file := range pos {
			if err := importOne(e, ws, file, campaign, *force, *quiet); err != nil {
				fmt.Fprintf(e.stderr, "%s: error: %s\n", file, err)
				failed++
			}
		}
		if failed > 0 {
			return invalidInput{fmt.Sprintf("import: %d of %d questionnaire(s) not imported; nothing was written for them", failed, len(pos))}
		}
		return nil
	}
	return c
}

// errImportInvalid marks a questionnaire whose problems were printed.
var errImportInvalid = errors.New("the questionnaire has errors (above)")

func importOne(e *env, ws, file string, campaign []byte, force, quiet bool) error {
	im, ds, err := questionnaire.ImportFile(file, importLimits(), campaign)
	if err != nil {
		return err
	}
	if quiet {
		ds = ds.Errors()
	}
	if printDiags(e, ds) {
		return errImportInvalid
	}
	dest := filepath.Join(ws, im.File())
	if _, err := os.Lstat(dest); err == nil && !force {
		return fmt.Errorf("%s already exists; nothing written (use --force to replace it)", dest)
	}
	if err := atomicfile.Write(dest, im.TOML); err != nil {
		return err
	}
	if !quiet {
		fmt.Fprintf(e.stdout, "wrote %s from %s\n", dest, file)
	}
	return nil
}

// importLimits are the limits returned workbooks are read with.
func importLimits() intake.Limits { return intake.DefaultLimits() }
