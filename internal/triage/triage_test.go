package triage

import (
	"flag"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"opkit/internal/i18n"
	"opkit/internal/model"
	"opkit/internal/testtool"
)

var update = flag.Bool("update", false, "rewrite golden files")

func date(y int, m time.Month, d int) model.Date { return model.Date{Year: y, Month: m, Day: d} }

var camp = &model.Campaign{
	SignatureDate: date(2027, time.September, 24),
	EventWindow:   model.Period{Start: date(2027, time.July, 20), End: date(2027, time.August, 20)},
}

// reasonText is the English sentence of a recommendation's reasons, as the
// plan and the organisers' edition print it.
func reasonText(r Recommendation) string {
	var parts []string
	for _, x := range r.Reasons {
		s, ok := i18n.Lookup("en", "reason."+string(x))
		if !ok {
			s = "MISSING reason." + string(x)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

// TestEveryCombination writes the triage of every stance x visibility x
// phase x op_status, with the English reason text, to a golden file that a
// reviewer reads against SPEC.md "Triage"; the rules below are checked on
// every row as well.
func TestEveryCombination(t *testing.T) {
	var b strings.Builder
	statuses := append([]string{""}, model.OPStatuses...)
	for _, st := range model.Stances {
		for _, vis := range model.Visibilities {
			for _, ph := range model.Phases {
				for _, op := range statuses[1:] {
					c := &model.Country{Stance: model.Stance(st), Visibility: model.Visibility(vis), Phase: model.Phase(ph)}
					c.Event = model.Event{Date: date(2027, time.August, 5), Format: model.FormatRoundtable}
					if ph == string(model.PhaseRatification) {
						c.Event.Date = date(2027, time.October, 20)
					}
					c.Politics = model.Politics{ICESCR: model.ICESCRRatified, OPStatus: model.OPStatus(op)}
					r := Assess(c, camp)
					name := fmt.Sprintf("%s/%s/%s/%s", st, vis, ph, op)
					fmt.Fprintf(&b, "%-40s kind=%s aim=%s short=%v public=%v needed=%v late=%v formats=%v\n    %s\n",
						name, r.Kind, r.Aim, r.ShortAgenda, r.PublicMaterial, r.EventNeeded, r.Late, r.Formats, reasonText(r))
					checkRules(t, name, c, r)
				}
			}
		}
	}
	testtool.Golden(t, filepath.Join("testdata", "triage.golden"), []byte(b.String()), *update)
}

// checkRules holds SPEC.md "Triage" sentence by sentence.
func checkRules(t *testing.T, name string, c *model.Country, r Recommendation) {
	t.Helper()
	fail := func(format string, args ...any) { t.Errorf("%s: "+format, append([]any{name}, args...)...) }
	low := c.Visibility == model.VisibilityLowProfile
	wantKind := map[model.Stance]Kind{
		model.StanceCommitted: ShortMeeting, model.StanceLeaning: PublicEvent, model.StanceUndecided: PublicEvent,
		model.StanceOpposed: Groundwork, model.StanceUnknown: EarlyDiscussion,
	}[c.Stance]
	if low {
		wantKind = ClosedMeeting
	}
	if r.Kind != wantKind {
		fail("kind %s, want %s", r.Kind, wantKind)
	}
	// low-profile -> closed meeting with a shorter agenda, no public material.
	if low != (!r.PublicMaterial) || low && (!r.ShortAgenda || !slices.Equal(r.Formats, []model.Format{model.FormatClosedMeeting})) {
		fail("low profile: public=%v short=%v formats=%v", r.PublicMaterial, r.ShortAgenda, r.Formats)
	}
	// unknown -> an early, short discussion; committed -> a short meeting.
	if (c.Stance == model.StanceUnknown || c.Stance == model.StanceCommitted) && !r.ShortAgenda {
		fail("a short agenda expected")
	}
	// leaning/undecided -> public forum or roundtable.
	if !low && (c.Stance == model.StanceLeaning || c.Stance == model.StanceUndecided) &&
		!slices.Equal(r.Formats, []model.Format{model.FormatPublicForum, model.FormatRoundtable}) {
		fail("formats %v", r.Formats)
	}
	// op_status decides the aim: signed -> ratify; party -> implement; not
	// signed after the signature date -> sign or accede; before it, sign
	// (opposed: keep signature or accession open).
	var want Aim
	switch st := c.Politics.OPStatus; {
	case st.Party():
		want = AimImplement
	case st == model.OPSigned:
		want = AimRatify
	case c.Phase == model.PhaseRatification || c.Stance == model.StanceOpposed:
		want = AimSignOrAccede
	default:
		want = AimSign
	}
	if r.Aim != want {
		fail("aim %s, want %s", r.Aim, want)
	}
	// committed -> no event needed, only while signature is still ahead.
	needed := !(c.Stance == model.StanceCommitted && c.Phase == model.PhaseSignature && c.Politics.OPStatus == model.OPNone)
	if r.EventNeeded != needed {
		fail("event needed %v, want %v", r.EventNeeded, needed)
	}
	if r.Reasons[0] != Reason("stance-"+string(c.Stance)) {
		fail("first reason %s", r.Reasons[0])
	}
	if strings.Contains(reasonText(r), "MISSING") {
		fail("reason without words: %s", reasonText(r))
	}
}

func TestLateForSignature(t *testing.T) {
	tests := []struct {
		name   string
		date   model.Date
		phase  model.Phase
		op     model.OPStatus
		format model.Format
		late   bool
	}{
		{"in the window", date(2027, time.August, 5), model.PhaseSignature, model.OPNone, model.FormatRoundtable, false},
		{"last day of the window", date(2027, time.August, 20), model.PhaseSignature, model.OPNone, model.FormatRoundtable, false},
		{"after the window", date(2027, time.September, 10), model.PhaseSignature, model.OPNone, model.FormatRoundtable, true},
		{"after the window, already signed", date(2027, time.September, 10), model.PhaseSignature, model.OPSigned, model.FormatRoundtable, false},
		{"ratification phase", date(2027, time.October, 10), model.PhaseRatification, model.OPNone, model.FormatRoundtable, false},
		{"no event", date(2027, time.September, 10), model.PhaseSignature, model.OPNone, model.FormatNone, false},
	}
	for _, tt := range tests {
		c := &model.Country{Stance: model.StanceUndecided, Visibility: model.VisibilityPublic, Phase: tt.phase,
			Event: model.Event{Date: tt.date, Format: tt.format}, Politics: model.Politics{OPStatus: tt.op}}
		r := Assess(c, camp)
		if r.Late != tt.late || slices.Contains(r.Reasons, ReasonLate) != tt.late {
			t.Errorf("%s: late %v, reasons %v", tt.name, r.Late, r.Reasons)
		}
		if tt.late && !strings.Contains(reasonText(r), "after the ideal window") {
			t.Errorf("%s: reason text %q", tt.name, reasonText(r))
		}
	}
	// Without a campaign the lateness cannot be judged.
	c := &model.Country{Stance: model.StanceUndecided, Phase: model.PhaseSignature, Event: model.Event{Date: date(2027, time.September, 10), Format: model.FormatRoundtable}}
	if Assess(c, nil).Late {
		t.Error("late without a campaign")
	}
}

func TestCovenantReasons(t *testing.T) {
	for _, tt := range []struct {
		icescr model.ICESCRStatus
		op     model.OPStatus
		want   Reason
		text   string
	}{
		{model.ICESCRSigned, model.OPNone, ReasonCovenantSigned, "must ratify the Covenant before ratifying it"},
		{model.ICESCRNone, model.OPNone, ReasonCovenantNone, "must join before it can sign or join the Protocol"},
		{model.ICESCRRatified, model.OPNone, "", ""},
		{model.ICESCRRatified, model.OPAcceded, ReasonParty, "the State is a party to the Protocol"},
	} {
		c := &model.Country{Stance: model.StanceLeaning, Phase: model.PhaseSignature,
			Politics: model.Politics{ICESCR: tt.icescr, OPStatus: tt.op}}
		r := Assess(c, camp)
		has := slices.ContainsFunc(r.Reasons, func(x Reason) bool { return strings.HasPrefix(string(x), "covenant-") || x == ReasonParty })
		if tt.want == "" {
			if has {
				t.Errorf("%s/%s: reasons %v", tt.icescr, tt.op, r.Reasons)
			}
			continue
		}
		if !slices.Contains(r.Reasons, tt.want) || !strings.Contains(reasonText(r), tt.text) {
			t.Errorf("%s/%s: reasons %v, text %q", tt.icescr, tt.op, r.Reasons, reasonText(r))
		}
	}
}

func TestEveryReasonHasWordsInEveryLanguage(t *testing.T) {
	for _, lang := range i18n.Languages {
		for _, r := range Reasons {
			if _, ok := i18n.Lookup(lang, "reason."+string(r)); !ok {
				t.Errorf("%s: no words for reason %s", lang, r)
			}
		}
		for _, k := range Kinds {
			for _, g := range []string{"kind.", "kindshort."} {
				if _, ok := i18n.Lookup(lang, g+string(k)); !ok {
					t.Errorf("%s: no words for %s%s", lang, g, k)
				}
			}
		}
		for _, a := range Aims {
			if _, ok := i18n.Lookup(lang, "aim."+string(a)); !ok {
				t.Errorf("%s: no words for aim %s", lang, a)
			}
		}
	}
}
