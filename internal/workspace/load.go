package workspace

import (
	"cmp"
	"errors"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"opkit/internal/diag"
	"opkit/internal/inputfile"
	"opkit/internal/model"
)

// maxFileSize bounds an input file: a country file is a few kilobytes, and
// anything far larger is a mistake (a PDF renamed .toml) not worth parsing.
const maxFileSize = 4 << 20

// LoadDir loads the workspace in the folder dir. Only regular files are
// read, without blocking: a FIFO or a link to /dev/zero named like a
// country file is an error at its name.
func LoadDir(dir string) (*model.Workspace, diag.List) {
	ws, l := Load(inputfile.DirFS(dir), dir)
	if ws != nil {
		ws.Root = dir
	}
	return ws, l
}

// Load reads campaign.toml and countries/*.toml from fsys. display prefixes
// the file names in diagnostics and in model.Country.File. Every problem of
// every file is returned, sorted; the workspace is nil only when neither the
// campaign nor any country could be read.
func Load(fsys fs.FS, display string) (*model.Workspace, diag.List) {
	var l diag.List
	ws := &model.Workspace{}

	var camp *model.Campaign
	var locals []localRef
	if data, name, ok := readInput(fsys, display, "campaign.toml", "the workspace has no campaign.toml (opkit init DIR writes a starter workspace)", &l); ok {
		d, perrs := parse(data)
		f := &file{name: name, d: d, diags: &l}
		report(f, perrs)
		ws.Campaign, locals = decodeCampaign(f)
		camp = &ws.Campaign
	}

	entries, err := fs.ReadDir(fsys, "countries")
	switch {
	case errors.Is(err, fs.ErrNotExist):
		l.Errorf(filepath.Join(display, "countries"), 0, 0, "the workspace has no countries folder: add one with a file per country such as countries/gh.toml")
	case err != nil:
		l.Errorf(filepath.Join(display, "countries"), 0, 0, "read folder: %v", err)
	}
	n := 0
	for _, e := range entries {
		base := e.Name()
		// Editors leave .#x.toml and x.toml~ files; only real .toml files count.
		if e.IsDir() || !strings.HasSuffix(strings.ToLower(base), ".toml") || strings.HasPrefix(base, ".") {
			continue
		}
		n++
		data, name, ok := readInput(fsys, display, path.Join("countries", base), "", &l)
		if !ok {
			continue
		}
		d, perrs := parse(data)
		var texts []model.Text
		f := &file{name: name, d: d, diags: &l, texts: &texts}
		report(f, perrs)
		c, ok := decodeCountry(f, strings.TrimSuffix(base, path.Ext(base)), camp)
		if !ok {
			continue
		}
		c.File = name
		slices.SortStableFunc(texts, func(a, b model.Text) int {
			return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
		})
		c.Texts = texts
		ws.Countries = append(ws.Countries, c)
	}
	checkLanguages(locals, camp, ws.Countries)
	if err == nil && n == 0 {
		l.Warnf(filepath.Join(display, "countries"), 0, 0, "no country files yet: add one per country, named by its ISO code (countries/gh.toml)")
	}
	slices.SortStableFunc(ws.Countries, func(a, b model.Country) int {
		return cmp.Or(cmp.Compare(a.Code, b.Code), cmp.Compare(a.File, b.File))
	})
	l.Sort()
	if camp == nil && len(ws.Countries) == 0 {
		return nil, l
	}
	return ws, l
}

// readInput reads one input file under the size limit. missing, when not
// "", is the message for a file that does not exist.
func readInput(fsys fs.FS, display, rel, missing string, l *diag.List) ([]byte, string, bool) {
	name := filepath.Join(display, filepath.FromSlash(rel))
	if st, err := fs.Stat(fsys, rel); err == nil && st.Size() > maxFileSize {
		l.Errorf(name, 0, 0, "the file is %d bytes, more than the %d a workspace file may have", st.Size(), maxFileSize)
		return nil, name, false
	}
	data, err := inputfile.ReadFS(fsys, rel, maxFileSize) // bounded even if it grows after the Stat
	if err != nil {
		var pe *fs.PathError
		switch {
		case errors.Is(err, fs.ErrNotExist) && missing != "":
			l.Errorf(name, 0, 0, "%s", missing)
		case errors.As(err, &pe) && errors.Is(err, inputfile.ErrNotRegular):
			l.Errorf(name, 0, 0, "cannot be read: %v", pe.Err)
		default:
			l.Errorf(name, 0, 0, "read: %v", err)
		}
		return nil, name, false
	}
	return data, name, true
}

func report(f *file, errs []parseErr) {
	for _, e := range errs {
		f.errorf(e.off, "%s", e.msg)
	}
}

// localRef is a text of campaign.toml given by language, kept to compare
// with the languages the documents are written in once the countries are
// read.
type localRef struct {
	f    *file
	path string
	v    *val
	l    model.Localized
}

// checkLanguages warns when a text given by language lacks a language some
// document is written in: that document would fall back to another
// language's text, which a reader of the pack would not expect.
func checkLanguages(refs []localRef, camp *model.Campaign, countries []model.Country) {
	var need []string
	if camp != nil && camp.Language != "" {
		need = append(need, camp.Language)
	}
	for _, c := range countries {
		if c.Language != "" && !slices.Contains(need, c.Language) {
			need = append(need, c.Language)
		}
	}
	slices.Sort(need)
	for _, r := range refs {
		var lack []string
		for _, lang := range need {
			if !r.l.Has(lang) {
				lack = append(lack, lang)
			}
		}
		if len(lack) > 0 {
			r.f.warnf(r.v.off, "%s has no text for %s, a language documents are written in: add %s = \"...\" (until then those documents use %s)",
				r.path, strings.Join(lack, ", "), lack[0], fallbackName(r.l))
		}
	}
}

// fallbackName says which text Localized.In falls back to, for a warning.
func fallbackName(l model.Localized) string {
	if _, ok := l[""]; ok {
		return "the text given once"
	}
	if _, ok := l["en"]; ok {
		return "the en text"
	}
	return "the " + l.Languages()[0] + " text"
}

// localized reads a text that is either one string for every language or a
// table by language: name = "..." or name = { en = "...", fr = "..." }.
func (r *tr) localized(key string, required bool, refs *[]localRef) model.Localized {
	e := r.lookup(key, required)
	if e == nil {
		return nil
	}
	p := r.sub(key)
	switch e.v.kind {
	case kString:
		r.addText(p, e.v, maxShortText)
		if strings.TrimSpace(e.v.raw) == "" {
			if required {
				r.f.errorf(e.v.off, "%s must not be empty", p)
			}
			return nil
		}
		return model.OneText(e.v.raw)
	case kTable:
		out := model.Localized{}
		bad := false
		for _, le := range e.v.tab.entries {
			bad = true // cleared below when the entry is good
			lp := p + "." + le.key
			if !slices.Contains(model.Languages, le.key) {
				r.enumMsg(lp, "document language", le.key, model.Languages, &val{off: le.keyOff})
				continue
			}
			if le.v.kind != kString {
				r.typeErr(lp, le.v, wantText)
				continue
			}
			r.addText(lp, le.v, maxShortText)
			if strings.TrimSpace(le.v.raw) == "" {
				r.f.errorf(le.v.off, "%s must not be empty", lp)
				continue
			}
			out[le.key] = le.v.raw
			bad = false
		}
		if len(out) == 0 {
			if required && !bad {
				r.f.errorf(e.v.off, "%s needs a text for at least one language, such as { en = \"...\" }", p)
			}
			return nil
		}
		*refs = append(*refs, localRef{r.f, p, e.v, out})
		return out
	}
	r.typeErr(p, e.v, `text in quotes, or a table by language such as { en = "...", fr = "..." }`)
	return nil
}

// regionHint maps the way people name regions in prose to the region code,
// so that an older file's region = "West Africa" gets the code to write.
func regionHint(s string) model.Region {
	l := strings.ToLower(s)
	has := func(ws ...string) bool {
		for _, w := range ws {
			if strings.Contains(l, w) {
				return true
			}
		}
		return false
	}
	switch {
	case has("middle east", "north africa", "mena", "arab", "maghreb", "gulf"):
		return model.RegionMiddleEastNA
	case has("africa", "afrique", "sahel"):
		return model.RegionAfrica
	case has("america", "amérique", "caribbean", "caraïbe", "caribe", "latin"):
		return model.RegionAmericas
	case has("asia", "pacific", "asie", "pacifique", "oceania"):
		if has("central asia", "asie centrale", "asia central") {
			return model.RegionEurope
		}
		return model.RegionAsiaPacific
	case has("europe", "europa", "balkan", "caucasus"):
		return model.RegionEurope
	}
	return ""
}

// region reads a region code; a near miss gets "did you mean", a region
// named in prose gets the code that stands for it.
func (r *tr) region(path string, s string, v *val) model.Region {
	if slices.Contains(model.Regions, s) {
		return model.Region(s)
	}
	if h := regionHint(s); h != "" && diag.Suggest(s, model.Regions) == "" {
		r.f.errorf(v.off, "%s: unknown region %q; regions are codes: did you mean %s? allowed: %s", path, s, h, strings.Join(model.Regions, ", "))
		return ""
	}
	r.enumMsg(path, "region", s, model.Regions, v)
	return ""
}

// retired reports a key of an earlier format at its position, naming what
// replaced it, and takes it out of the table so it is not also reported as
// unknown.
func (r *tr) retired(key, instead string) bool {
	e := r.t.get(key)
	if e == nil {
		return false
	}
	r.f.errorf(e.keyOff, "%s is no longer read: %s", r.sub(key), instead)
	delete(r.t.index, key)
	r.t.entries = slices.DeleteFunc(r.t.entries, func(x *entry) bool { return x == e })
	return true
}

func decodeCampaign(f *file) (model.Campaign, []localRef) {
	var locals []localRef
	var camp model.Campaign
	root := &tr{f: f, t: f.d.root}
	if c := root.table("campaign", true); c != nil {
		camp.Name = c.localized("name", true, &locals)
		camp.Coalition = c.localized("coalition", false, &locals)
		var sv *val
		camp.SignatureDate, sv = c.date("signature_date", true)
		if sv != nil && camp.SignatureDate.Before(model.OpenedForSignature) {
			f.errorf(sv.off, "campaign.signature_date %s is before %s, when the Optional Protocol opened for signature", camp.SignatureDate, model.OpenedForSignature)
			camp.SignatureDate = model.Date{}
		}
		camp.SignatureVenue = c.localized("signature_venue", false, &locals)
		camp.GatheringDate, _ = c.date("gathering_date", false)
		camp.EventWindow, _ = c.period("event_window", true)
		camp.Language = c.enum("language", false, "language", model.Languages)
		if camp.Language == "" {
			camp.Language = "en"
		}
		camp.Contact = c.str("contact", false)
		var rv *val
		camp.ReturnsDue, rv = c.date("returns_due", false)
		if rv != nil && !camp.EventWindow.Start.IsZero() && camp.ReturnsDue.Before(camp.EventWindow.Start) {
			f.warnf(rv.off, "campaign.returns_due %s is before the event window starts (%s): partners cannot return an outcome before their event", camp.ReturnsDue, camp.EventWindow.Start)
		}
		c.done()
	}
	ids := map[string]*val{}
	for _, s := range root.tables("steering_committee") {
		var m model.SCMember
		var iv *val
		m.ID, iv = s.strAt("id", true)
		m.Name = s.str("name", true)
		m.Organisation = s.str("organisation", false)
		m.Languages = s.iso639("languages", true)
		rs, rv := s.strsAt("regions", false)
		for i, v := range rv {
			if r := s.region(s.sub("regions"), rs[i], v); r != "" {
				m.Regions = append(m.Regions, r)
			}
		}
		m.Available = s.periods("available", true)
		m.MaxEvents = s.integer("max_events", true, 0)
		s.done()
		if iv != nil && m.ID != "" {
			if line, dup := f.seenBefore(ids, m.ID, iv); dup {
				f.errorf(iv.off, "%s: id %q is already used by another member (line %d); each member needs their own id", s.sub("id"), m.ID, line)
			}
		}
		camp.Steering = append(camp.Steering, m)
	}
	root.done()
	return camp, locals
}

// decodeCountry reads one country file; base is the file name without
// .toml. ok is false when the file has no usable [country] table.
func decodeCountry(f *file, base string, camp *model.Campaign) (model.Country, bool) {
	var c model.Country
	root := &tr{f: f, t: f.d.root}
	ct := root.table("country", true)
	if ct != nil {
		code, cv := ct.strAt("code", true)
		c.Code = strings.ToUpper(strings.TrimSpace(code))
		if cv != nil {
			checkCode(f, ct.sub("code"), c.Code, base, cv)
		}
		c.Name = ct.str("name", false)
		if rs, rv := ct.strAt("region", true); rv != nil {
			c.Region = ct.region(ct.sub("region"), rs, rv)
		}
		c.Language = ct.enum("language", true, "language", model.Languages)
		c.Stance = model.Stance(ct.enum("stance", true, "stance", model.Stances))
		c.Visibility = model.Visibility(ct.enum("visibility", true, "visibility", model.Visibilities))
		c.Phase = model.Phase(ct.enum("phase", true, "phase", model.Phases))
		ct.done()
	}

	lead := map[string]*val{}
	for _, p := range root.tables("partners") {
		var pt model.Partner
		pt.Name = p.str("name", true)
		pt.Contact = p.str("contact", false)
		pt.Email = p.email("email")
		pt.Lead = p.boolean("lead", false)
		p.done()
		if pt.Lead {
			lv := p.t.get("lead").v
			if line, dup := f.seenBefore(lead, "lead", lv); dup {
				f.warnf(lv.off, "%s: another partner is already the lead (line %d); the first one is used", p.sub("lead"), line)
			}
		}
		c.Partners = append(c.Partners, pt)
	}

	if et := root.table("event", true); et != nil {
		decodeEvent(f, et, &c, camp)
	}

	if st := root.table("situation", false); st != nil {
		c.Situation.Summary = st.prose("summary", false)
		seen := map[string]*val{}
		for _, rt := range st.tables("rights") {
			var rs model.RightSituation
			r, rv := rt.enumAt("right", true, "right", model.RightCodes())
			rs.Right = model.Right(r)
			if rv != nil {
				if line, dup := f.seenBefore(seen, r, rv); dup {
					f.warnf(rv.off, "%s: %s is already described on line %d", rt.sub("right"), r, line)
				}
			}
			rs.Summary = rt.prose("summary", true)
			for _, it := range rt.tables("indicators") {
				var in model.Indicator
				in.Name = it.str("name", true)
				in.Value = indicatorValue(it)
				if y := it.integer("year", false, 0); y != 0 {
					if y < 1900 || y > 2100 {
						f.errorf(it.t.get("year").v.off, "%s: %d is not a plausible year", it.sub("year"), y)
					} else {
						in.Year = y
					}
				}
				in.Source = it.prose("source", false)
				it.done()
				rs.Indicators = append(rs.Indicators, in)
			}
			rt.done()
			c.Situation.Rights = append(c.Situation.Rights, rs)
		}
		st.done()
	}

	ids := map[string]*val{}
	for _, kt := range root.tables("cases") {
		var k model.Case
		var iv *val
		k.ID, iv = kt.strAt("id", true)
		if iv != nil && k.ID != "" {
			if line, dup := f.seenBefore(ids, k.ID, iv); dup {
				f.errorf(iv.off, "%s: case id %q is already used on line %d; each case needs its own id", kt.sub("id"), k.ID, line)
			}
		}
		k.Title = kt.str("title", true)
		k.Date, _ = kt.date("date", false)
		k.Location = kt.str("location", false)
		for _, r := range kt.enums("rights", false, "right", model.RightCodes()) {
			k.Rights = append(k.Rights, model.Right(r))
		}
		k.Summary = kt.prose("summary", true)
		k.Victims = kt.prose("victims", false)
		k.RemediesTried = kt.prose("remedies_tried", false)
		k.OPRelevance = kt.prose("op_relevance", false)
		conf, confv := kt.enumAt("confidentiality", true, "confidentiality", model.Confidentialities)
		k.Confidentiality = model.Confidentiality(conf)
		k.Sources = kt.strs("sources", false)
		kt.done()
		if k.Confidentiality == model.ConfidentialityPublic && len(k.Sources) == 0 {
			f.warnf(confv.off, "%s is public but has no sources: add sources = [\"...\"] so readers can check it", kt.path)
		}
		c.Cases = append(c.Cases, k)
	}

	if rt := root.table("remedies", false); rt != nil {
		c.Remedies.Summary = rt.prose("summary", false)
		rt.retired("constitution_recognises_escr", `write constitution_escr = "justiciable" (courts enforce these rights from the constitution), "directive-principles" (the constitution names them as principles of State policy that courts do not enforce) or "none"`)
		c.Remedies.ConstitutionESCR = model.ConstitutionESCR(rt.enum("constitution_escr", false, "value", model.ConstitutionESCRs))
		for _, mt := range rt.tables("mechanisms") {
			var m model.Mechanism
			m.Name = mt.str("name", true)
			m.Kind = model.MechanismKind(mt.enum("kind", true, "kind of mechanism", model.MechanismKinds))
			m.Effective = model.Effectiveness(mt.enum("effective", false, "effectiveness", model.Effectivenesses))
			m.Notes = mt.prose("notes", false)
			mt.done()
			c.Remedies.Mechanisms = append(c.Remedies.Mechanisms, m)
		}
		c.Remedies.Gaps = rt.strs("gaps", false)
		rt.done()
	}

	if pt := root.table("politics", false); pt != nil {
		c.Politics.PublicSummary = pt.prose("public_summary", false)
		c.Politics.Summary = pt.prose("summary", false)
		c.Politics.ICESCR = model.ICESCRStatus(pt.enum("icescr", false, "ICESCR status", model.ICESCRStatuses))
		decodeOPStatus(f, pt, &c.Politics)
		c.Politics.OtherComplaintProcedures = pt.strs("other_complaint_procedures", false)
		c.Politics.ResponsibleInstitutions = pt.strs("responsible_institutions", false)
		c.Politics.Obstacles = pt.strs("obstacles", false)
		c.Politics.Allies = pt.strs("allies", false)
		for _, ut := range pt.tables("upcoming") {
			var m model.Milestone
			m.Date, _ = ut.date("date", true)
			m.What = ut.prose("what", true)
			ut.done()
			c.Politics.Upcoming = append(c.Politics.Upcoming, m)
		}
		pt.done()
	}
	root.done()

	if c.Event.Languages == nil && c.Language != "" {
		// The pack's language is the event's unless told otherwise; the SC
		// assignment needs at least one.
		c.Event.Languages = []string{c.Language}
	}
	return c, ct != nil
}

// decodeOPStatus reads the country's own status under the Protocol and
// checks it against the Covenant status and the Protocol's dates: the texts
// of the pack are derived from it, so a status the treaty does not allow
// would make them contradict themselves.
func decodeOPStatus(f *file, pt *tr, p *model.Politics) {
	st, sv := pt.enumAt("op_status", false, "Protocol status", model.OPStatuses)
	p.OPStatus = model.OPStatus(st)
	var dv *val
	p.OPStatusDate, dv = pt.date("op_status_date", false)
	decl, declv := pt.strsAt("op_declarations", false)
	for i, d := range decl {
		if !slices.Contains(model.Declarations, d) {
			pt.enumMsg(pt.sub("op_declarations"), "declaration", d, model.Declarations, declv[i])
			continue
		}
		if slices.Contains(p.OPDeclarations, model.Declaration(d)) {
			f.warnf(declv[i].off, "%s: %s is listed twice", pt.sub("op_declarations"), d)
			continue
		}
		p.OPDeclarations = append(p.OPDeclarations, model.Declaration(d))
	}
	if sv != nil {
		switch {
		case p.OPStatus.Party() && p.ICESCR != "" && p.ICESCR != model.ICESCRRatified:
			f.errorf(sv.off, "politics.op_status is %s but politics.icescr is %s: only parties to the Covenant may ratify or accede to the Protocol (Art. 17); correct one of them", st, p.ICESCR)
		case p.OPStatus == model.OPSigned && p.ICESCR == model.ICESCRNone:
			f.errorf(sv.off, "politics.op_status is signed but politics.icescr is none: only a State that has signed, ratified or acceded to the Covenant may sign the Protocol (Art. 17); correct one of them")
		}
	}
	if dv != nil {
		switch {
		case p.OPStatus == "" || p.OPStatus == model.OPNone:
			f.warnf(dv.off, "politics.op_status_date is set but op_status is %s: the date of signature, ratification or accession goes with op_status = \"signed\", \"ratified\" or \"acceded\"", cmp.Or(string(p.OPStatus), "not set"))
		case p.OPStatusDate.Before(model.OpenedForSignature):
			f.errorf(dv.off, "politics.op_status_date %s is before %s, when the Optional Protocol opened for signature", p.OPStatusDate, model.OpenedForSignature)
		}
	}
	if len(p.OPDeclarations) > 0 && !p.OPStatus.Party() && declv != nil {
		f.warnf(declv[0].off, "politics.op_declarations: only a State Party makes the declarations of Arts. 10 and 11, and op_status is %s; they are left out until it is ratified or acceded", cmp.Or(string(p.OPStatus), "not set"))
		p.OPDeclarations = nil
	}
}

// indicatorValue accepts text or a number: "42 %" and 42.5 are both natural.
func indicatorValue(it *tr) string {
	e := it.lookup("value", true)
	if e == nil {
		return ""
	}
	switch e.v.kind {
	case kString:
		it.addText(it.sub("value"), e.v, maxLongText)
		return e.v.raw
	case kInteger, kFloat:
		return strings.ReplaceAll(e.v.raw, "_", "")
	}
	it.typeErr(it.sub("value"), e.v, "text in quotes or a number")
	return ""
}

// commonMistakes maps codes people write for a country to its ISO code.
var commonMistakes = map[string]string{"UK": "GB", "EL": "GR"}

func checkCode(f *file, p, code, base string, v *val) {
	if len(code) != 2 || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z' {
		f.errorf(v.off, "%s must be a two-letter ISO 3166-1 code such as GH, not %q", p, v.raw)
		return
	}
	if iso, ok := commonMistakes[code]; ok {
		f.errorf(v.off, "%s: %s is not an ISO 3166-1 code; did you mean %s?", p, code, iso)
		return
	}
	if !IsISO3166(code) {
		f.errorf(v.off, "%s: %s is not an ISO 3166-1 country code", p, code)
		return
	}
	if want := strings.ToLower(code); base != want {
		f.errorf(v.off, "%s %s does not match the file name %s.toml: rename the file to %s.toml or correct the code", p, code, base, want)
	}
}

func decodeEvent(f *file, et *tr, c *model.Country, camp *model.Campaign) {
	ev := &c.Event
	format, fv := et.enumAt("format", true, "format", model.Formats)
	ev.Format = model.Format(format)
	held := ev.Format != model.FormatNone
	var dv *val
	ev.Date, dv = et.date("date", held)
	ev.Start, ev.HasStart = et.clock("start")
	ev.City = et.str("city", false)
	ev.Venue = et.str("venue", false)
	ev.ExpectedParticipants = et.integer("expected_participants", false, 0)
	ev.Languages = et.iso639("languages", false)
	ev.RequestSCMember = et.boolean("request_sc_member", false)
	for _, at := range et.tables("authorities") {
		var a model.Authority
		a.Name = at.str("name", true)
		a.Title = at.str("title", false)
		a.Institution = at.str("institution", false)
		a.Status = model.AuthorityStatus(at.enum("status", true, "status", model.AuthorityStatuses))
		at.done()
		ev.Authorities = append(ev.Authorities, a)
	}
	for _, st := range et.tables("sessions") {
		var s model.Session
		s.Title = st.str("title", true)
		s.Minutes = st.integer("minutes", true, 1)
		s.Speaker = st.str("speaker", false)
		st.done()
		ev.Sessions = append(ev.Sessions, s)
	}
	et.done()

	if fv == nil || !held {
		if fv != nil && ev.RequestSCMember {
			f.warnf(fv.off, "event.format is none but event.request_sc_member is true: there is no event for a Steering Committee member to attend")
		}
		return
	}
	if c.LowProfile() && ev.Format == model.FormatPublicForum {
		f.warnf(fv.off, "event.format is public-forum but the partner needs a low profile: a closed-meeting or roundtable draws less attention")
	}
	if len(ev.Authorities) == 0 {
		f.warnf(et.t.off, "no national authority invited: add an [[event.authorities]] entry for someone who can state the government's position")
	} else if allDeclined(ev.Authorities) {
		f.warnf(et.t.off, "every national authority invited has declined: invite another who can state the government's position")
	}
	if dv == nil || camp == nil {
		return
	}
	w := camp.EventWindow
	late := c.Phase == model.PhaseSignature && !w.End.IsZero() && ev.Date.After(w.End) &&
		(camp.SignatureDate.IsZero() || !ev.Date.After(camp.SignatureDate))
	switch {
	case late:
		// The triage flags it too (triage.ReasonLate): the weeks the
		// government needs to decide before the signature date are gone.
		f.warnf(dv.off, "event.date %s is after the campaign's ideal window (%s to %s) for a signature-phase event: the government has little time left to decide before the signature date %s; hold it earlier if you can", ev.Date, w.Start, w.End, camp.SignatureDate)
	case !w.Start.IsZero() && !w.Contains(ev.Date):
		f.warnf(dv.off, "event.date %s is outside the campaign's event window %s to %s", ev.Date, w.Start, w.End)
	}
	if c.Phase == model.PhaseSignature && !camp.SignatureDate.IsZero() && ev.Date.After(camp.SignatureDate) {
		f.warnf(dv.off, "event.date %s is after the signature date %s although the phase is signature: set phase = \"ratification\" or move the event", ev.Date, camp.SignatureDate)
	}
}

func allDeclined(as []model.Authority) bool {
	for _, a := range as {
		if a.Status != model.AuthorityDeclined {
			return false
		}
	}
	return true
}
