// Command benchgen writes a synthetic workspace for the benchmark and the
// limit measurements of scripts/bench: a campaign (the demo's), N country
// files shaped like the demo's (partners, an event with authorities, the
// situation of three rights with indicators, 4-5 cases, remedies, politics)
// and, with -returns, each country's outcome workbook filled in the way a
// partner fills it.
//
//	go run ./scripts/benchgen -n 200 -returns -o /tmp/bench200
//	go run ./scripts/benchgen -n 1 -cases 2000 -o /tmp/big   # one huge file
//
// Output is deterministic: the same flags give the same files.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"opkit/examples"
	"opkit/internal/atomicfile"
	"opkit/internal/intake/intaketest"
	"opkit/internal/model"
	"opkit/internal/workspace"
)

func main() {
	n := flag.Int("n", 50, "number of countries")
	out := flag.String("o", "", "output workspace `DIR` (required)")
	cases := flag.Int("cases", 0, "cases per country (0: 4 or 5)")
	pad := flag.Int("pad", 0, "extra `BYTES` of text in each case summary")
	returns := flag.Bool("returns", false, "also write DIR/returns/CC-outcome.xlsx, filled in")
	hostile := flag.String("hostile", "", "also write returns at and over the intake limits for the first country into `HDIR`")
	flag.Parse()
	if *out == "" || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: benchgen -n N -o DIR [-cases K] [-pad BYTES] [-returns]")
		os.Exit(2)
	}
	if err := generate(*out, *n, *cases, *pad, *returns); err != nil {
		fmt.Fprintln(os.Stderr, "benchgen:", err)
		os.Exit(1)
	}
	if *hostile != "" {
		if err := writeHostile(*out, *hostile); err != nil {
			fmt.Fprintln(os.Stderr, "benchgen:", err)
			os.Exit(1)
		}
	}
}

func generate(dir string, n, cases, pad int, returns bool) error {
	codes := isoCodes()
	if n > len(codes) {
		return fmt.Errorf("at most %d countries (ISO 3166-1 codes)", len(codes))
	}
	camp, err := fs.ReadFile(examples.Demo, "demo/campaign.toml")
	if err != nil {
		return err
	}
	if err := atomicfile.Write(filepath.Join(dir, "campaign.toml"), camp); err != nil {
		return err
	}
	for i, code := range codes[:n] {
		src := country(i, code, cases, pad)
		if err := atomicfile.Write(filepath.Join(dir, "countries", strings.ToLower(code)+".toml"), []byte(src)); err != nil {
			return err
		}
	}
	if !returns {
		return nil
	}
	// The returns are filled from the loaded model, exactly as a partner's
	// copy of the pack's workbook would be.
	ws, ds := workspace.LoadDir(dir)
	if ws == nil || ds.HasErrors() {
		return fmt.Errorf("generated workspace does not load:\n%s", ds.Errors().Error())
	}
	for i := range ws.Countries {
		c := &ws.Countries[i]
		b, err := intaketest.Fill(c, &ws.Campaign, intaketest.Typical(c, c.Code))
		if err != nil {
			return fmt.Errorf("fill %s: %w", c.Code, err)
		}
		if err := atomicfile.Write(filepath.Join(dir, "returns", strings.ToLower(c.Code)+"-outcome.xlsx"), b); err != nil {
			return err
		}
	}
	return nil
}

// isoCodes lists every ISO 3166-1 alpha-2 country code, in order, by the
// same rule the loader uses.
func isoCodes() []string {
	var out []string
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			if code := string([]rune{a, b}); workspace.IsISO3166(code) {
				out = append(out, code)
			}
		}
	}
	return out
}

var (
	regions   = model.Regions
	langs     = model.Languages
	formats   = model.Formats[:3] // every format but "none"
	statuses  = model.AuthorityStatuses
	mechKinds = []string{"court", "nhri", "ombudsperson", "administrative"}
	effective = model.Effectivenesses
	icescr    = model.ICESCRStatuses
	places    = []string{"the capital", "a port city", "a mining region", "the northern provinces", "an informal settlement", "a rural district"}
	events    = []string{
		"Families were evicted from their homes without notice or alternative housing, after a court order obtained by a private developer",
		"A public hospital stopped providing free maternal care, and women in the district now travel three hours for a delivery",
		"Workers in a garment factory were dismissed after forming a union, and the labour inspectorate has not acted on their complaint",
		"The only secondary school of the area closed, and children walk across a highway to reach the next one",
		"A water utility cut supply to a neighbourhood over unpaid bills, including households that had paid through a community fund",
		"Pension payments were suspended for months after a digital registration system failed for older people in rural areas",
	}
)

// country writes one country file. The texts are plain English whatever
// the pack language: the benchmark measures layout, not translation.
func country(i int, code string, ncases, pad int) string {
	r := rand.New(rand.NewPCG(uint64(i), 42))
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	rights := model.RightCodes()
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	lang := langs[i%len(langs)]
	w("# Synthetic country for the benchmark (scripts/benchgen); fictional.\n")
	w("[country]\ncode = %q\nname = %q\nregion = %q\nlanguage = %q", code, "Benchland "+code, pick(regions), lang)
	w("stance = %q\nvisibility = %q\nphase = %q\n", pick(model.Stances), []string{"public", "public", "low-profile"}[i%3], []string{"signature", "signature", "ratification"}[i%3])
	for p := 0; p < 2; p++ {
		w("[[partners]]\nname = \"Partner organisation %d of %s (fictional)\"\ncontact = \"Contact person %d\"\nemail = \"p%d@%s.example.org\"\nlead = %v\n", p+1, code, p+1, p+1, strings.ToLower(code), p == 0)
	}
	day := 20 + r.IntN(50) // 2027-07-20 .. 2027-09-07, inside the window
	month, dom := 7, day
	if day > 31 {
		month, dom = 8, day-31
	}
	if dom > 31 {
		month, dom = 9, dom-31
	}
	w("[event]\ndate = 2027-%02d-%02d\nstart = 10:00:00\ncity = \"Capital of %s\"\nvenue = \"A conference hall (fictional)\"", month, dom, code)
	w("format = %q\nexpected_participants = %d\nlanguages = [%q]\nrequest_sc_member = %v\n", pick(formats), 20+r.IntN(100), lang, i%4 == 0)
	for a := 0; a < 2; a++ {
		w("[[event.authorities]]\nname = \"Official %d (fictional person)\"\ntitle = \"Director of International Law\"\ninstitution = \"Ministry of Foreign Affairs\"\nstatus = %q\n", a+1, pick(statuses))
	}
	w("[situation]\nsummary = \"\"\"\n%s. Economic growth has not reached the poorest regions, and public services \\\nremain underfunded.\"\"\"\n", pick(events))
	for k := 0; k < 3; k++ {
		w("[[situation.rights]]\nright = %q\nsummary = \"\"\"\n%s.\"\"\"\n", rights[(i+k*3)%len(rights)], pick(events))
		w("[[situation.rights.indicators]]\nname = \"Share of households affected\"\nvalue = \"%d%%\"\nyear = 2025\nsource = \"Illustrative figure (synthetic)\"\n", 5+r.IntN(60))
	}
	if ncases == 0 {
		ncases = 4 + r.IntN(2)
	}
	filler := ""
	if pad > 0 {
		filler = " " + strings.Repeat("Further details of the case were documented by the partner. ", pad/60+1)[:pad]
	}
	for k := 0; k < ncases; k++ {
		conf := []string{"public", "public", "event", "restricted"}[(i+k)%4]
		w("[[cases]]\nid = \"%s-%04d\"\ntitle = \"Case %d: %s\"\ndate = 2026-%02d-%02d\nlocation = %q", strings.ToLower(code), k+1, k+1, pick(places), 1+k%12, 1+k%28, pick(places))
		w("rights = [%q, %q]", rights[(k)%len(rights)], rights[(k+5)%len(rights)])
		w("summary = \"\"\"\n%s.%s\"\"\"", pick(events), filler)
		w("victims = \"About %d people\"\nremedies_tried = \"Complaint to the national human rights institution; no decision yet\"", 10+r.IntN(900))
		w("op_relevance = \"A communication could test the State's duty to protect once domestic remedies are exhausted.\"")
		w("confidentiality = %q\nsources = [\"Partner report (synthetic), 2026\"]\n", conf)
	}
	w("[remedies]\nsummary = \"The Constitution recognises some social rights; courts rarely enforce them.\"\nconstitution_escr = %q\ngaps = [\"Slow courts\", \"No legal aid for social rights claims\"]\n", model.ConstitutionESCRs[i%len(model.ConstitutionESCRs)])
	for m := 0; m < 2; m++ {
		w("[[remedies.mechanisms]]\nname = \"Mechanism %d\"\nkind = %q\neffective = %q\nnotes = \"Synthetic note\"\n", m+1, pick(mechKinds), pick(effective))
	}
	w("[politics]\nsummary = \"The government has not stated a position on the Protocol.\"\nicescr = %q", pick(icescr))
	w("other_complaint_procedures = [\"Human Rights Committee\"]\nresponsible_institutions = [\"Ministry of Foreign Affairs\"]")
	w("obstacles = [\"Cost concerns\"]\nallies = [\"National human rights institution\"]\n")
	w("[[politics.upcoming]]\ndate = 2027-09-01\nwhat = \"Budget debate in parliament\"")
	return b.String()
}
