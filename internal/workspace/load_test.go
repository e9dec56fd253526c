package workspace

import (
	"flag"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"opkit/internal/diag"
	"opkit/internal/model"
)

var update = flag.Bool("update", false, "rewrite golden files")

// baseCampaign and baseCountry are a valid workspace with no warnings; each
// broken input below changes a line or two, so the positions asserted can be
// checked by eye against these line numbers.
const baseCampaign = `[campaign]
name = "Test campaign"
signature_date = 2027-09-24
event_window = { start = 2027-08-01, end = 2027-08-31 }

[[steering_committee]]
id = "a"
name = "A"
languages = ["en"]
available = [{ start = 2027-08-01, end = 2027-08-31 }]
max_events = 1
`

const baseCountry = `[country]
code = "GH"
name = "Ghana"
region = "africa"
language = "en"
stance = "leaning"
visibility = "public"
phase = "signature"

[event]
format = "roundtable"
date = 2027-08-12

[[event.authorities]]
name = "Minister"
status = "invited"

[[cases]]
id = "c1"
title = "First"
summary = "S"
confidentiality = "event"
`

// edit replaces old (which must occur once) with new in s.
func edit(t *testing.T, s, old, new string) string {
	t.Helper()
	if strings.Count(s, old) != 1 {
		t.Fatalf("edit: %q occurs %d times", old, strings.Count(s, old))
	}
	return strings.Replace(s, old, new, 1)
}

func workspaceFS(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for k, v := range files {
		if v == "\x00delete" {
			continue
		}
		m[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return m
}

// load reads the base workspace with the files given replaced (a value of
// "\x00delete" removes the file).
func load(files map[string]string) (*model.Workspace, diag.List) {
	all := map[string]string{"campaign.toml": baseCampaign, "countries/gh.toml": baseCountry}
	for k, v := range files {
		all[k] = v
	}
	return Load(workspaceFS(all), ".")
}

func strs(l diag.List) []string {
	var out []string
	for _, d := range l {
		out = append(out, d.String())
	}
	return out
}

func TestBaseIsClean(t *testing.T) {
	ws, l := load(nil)
	if len(l) != 0 {
		t.Fatalf("base workspace has diagnostics:\n%s", strings.Join(strs(l), "\n"))
	}
	if ws == nil || len(ws.Countries) != 1 || ws.Countries[0].Code != "GH" {
		t.Fatalf("unexpected workspace %+v", ws)
	}
}

func TestBrokenInputs(t *testing.T) {
	const gh = "countries/gh.toml"
	country := func(old, new string) func(t *testing.T) map[string]string {
		return func(t *testing.T) map[string]string { return map[string]string{gh: edit(t, baseCountry, old, new)} }
	}
	campaign := func(old, new string) func(t *testing.T) map[string]string {
		return func(t *testing.T) map[string]string {
			return map[string]string{"campaign.toml": edit(t, baseCampaign, old, new)}
		}
	}
	appendCountry := func(extra string) func(t *testing.T) map[string]string {
		return func(t *testing.T) map[string]string { return map[string]string{gh: baseCountry + extra} }
	}
	tests := []struct {
		name  string
		files func(t *testing.T) map[string]string
		want  []string
	}{
		{"syntax: unterminated string", country(`name = "Ghana"`, `name = "Ghana`),
			[]string{gh + ":3:14: error: TOML syntax error: the text has no closing quote: end it with \" on the same line, or use \"\"\" for text over several lines"}},
		{"syntax: missing equals sign", country(`region = "africa"`, `region "Africa"`),
			[]string{gh + ":4:8: error: TOML syntax error: expected = after the key, as in key = value"}},
		{"syntax: errors on two lines both reported", country("name = \"Ghana\"\nregion = \"africa\"", "name = Ghana\nregion = \"Africa"),
			[]string{
				gh + ":3:8: error: TOML syntax error: text must be written in quotes, such as \"Accra\"",
				gh + ":4:17: error: TOML syntax error: the text has no closing quote: end it with \" on the same line, or use \"\"\" for text over several lines",
			}},
		{"key defined twice", country(`region = "africa"`, "region = \"africa\"\nregion = \"West Africa\""),
			[]string{gh + ":5:1: error: key \"region\" is defined twice (first on line 4)"}},
		{"table defined twice", appendCountry("\n[event]\ncity = \"Accra\"\n"),
			[]string{gh + ":24:2: error: table [event] is defined twice (first on line 10)"}},
		{"name too long", country(`name = "Ghana"`, `name = "`+strings.Repeat("Gh", 101)+`"`),
			[]string{gh + ":3:8: error: country.name is 202 characters long; the limit is 200"}},
		{"case summary too long", country(`summary = "S"`, `summary = "`+strings.Repeat("é", 10001)+`"`),
			[]string{gh + ":21:11: error: cases[1].summary is 10001 characters long; the limit is 10000"}},
		{"wrong type: number for text", country(`name = "Ghana"`, `name = 42`),
			[]string{gh + ":3:8: error: country.name must be text in quotes, not the number 42"}},
		{"wrong type: text for true/false", country(`date = 2027-08-12`, "date = 2027-08-12\nrequest_sc_member = \"yes\""),
			[]string{gh + ":13:21: error: event.request_sc_member must be true or false, not text \"yes\""}},
		{"wrong type: text for a whole number", country(`date = 2027-08-12`, "date = 2027-08-12\nexpected_participants = \"forty\""),
			[]string{gh + ":13:25: error: event.expected_participants must be a whole number, not text \"forty\""}},
		{"wrong type: text for a list", country(`confidentiality = "event"`, "confidentiality = \"event\"\nsources = \"a newspaper\""),
			[]string{gh + ":23:11: error: cases[1].sources must be a list of texts such as [\"a\", \"b\"], not text \"a newspaper\""}},
		{"single table where a list of tables is meant", func(t *testing.T) map[string]string {
			return map[string]string{gh: edit(t, baseCountry, "[[cases]]", "[cases]")}
		}, []string{gh + ":18:1: error: cases must be a list of tables: write [[cases]] (double brackets) before each entry"}},
		{"unknown key with suggestion", country(`stance = "leaning"`, `stanse = "leaning"`),
			[]string{gh + ":6:1: error: unknown key country.stanse; did you mean stance?"}},
		{"unknown key in wrong case", country(`name = "Ghana"`, `Name = "Ghana"`),
			[]string{gh + ":3:1: error: unknown key country.Name; keys are case-sensitive: did you mean name?"}},
		{"unknown key with no near match", country(`phase = "signature"`, "phase = \"signature\"\ncolour = \"red\""),
			[]string{gh + ":9:1: error: unknown key country.colour; allowed here: code, name, region, language, stance, visibility, phase"}},
		{"unknown table", appendCountry("\n[politcs]\nsummary = \"x\"\n"),
			[]string{gh + ":24:2: error: unknown key politcs; did you mean politics?"}},
		{"missing required key", country("region = \"africa\"\n", ""),
			[]string{gh + ":1:1: error: missing required key country.region"}},
		{"missing required table", country("[event]\nformat = \"roundtable\"\ndate = 2027-08-12\n\n[[event.authorities]]\nname = \"Minister\"\nstatus = \"invited\"\n", ""),
			[]string{gh + ":1:1: error: missing required table [event]"}},
		{"missing key in the 2nd case points at its header", appendCountry("\n[[cases]]\nid = \"c2\"\nsummary = \"S\"\nconfidentiality = \"event\"\n"),
			[]string{gh + ":24:1: error: missing required key cases[2].title"}},
		{"missing event date", country("date = 2027-08-12\n", ""),
			[]string{gh + ":10:1: error: missing required key event.date"}},
		{"event date not needed without an event", country("format = \"roundtable\"\ndate = 2027-08-12\n", "format = \"none\"\n"),
			nil},
		{"enum value with suggestion", country(`stance = "leaning"`, `stance = "leanin"`),
			[]string{gh + ":6:10: error: country.stance: unknown stance \"leanin\"; did you mean leaning? allowed: committed, leaning, undecided, opposed, unknown"}},
		{"enum value in a list", country(`confidentiality = "event"`, "confidentiality = \"event\"\nrights = [\"water\", \"housng\"]"),
			[]string{gh + ":23:20: error: cases[1].rights: unknown right \"housng\"; did you mean housing? allowed: work, working-conditions, trade-unions, social-security, family, food, housing, water, health, education, culture"}},
		{"enum value with no suggestion", country(`status = "invited"`, `status = "maybe"`),
			[]string{gh + ":16:10: error: event.authorities[1].status: unknown status \"maybe\"; allowed: invited, confirmed, declined"}},
		{"pack language not one of the six", country(`language = "en"`, `language = "de"`),
			[]string{gh + ":5:12: error: country.language: unknown language \"de\"; allowed: en, fr, es, pt, ru, ar"}},
		{"code does not match the file name", country(`code = "GH"`, `code = "TG"`),
			[]string{gh + ":2:8: error: country.code TG does not match the file name gh.toml: rename the file to tg.toml or correct the code"}},
		{"file name not lower case", func(t *testing.T) map[string]string {
			return map[string]string{gh: "\x00delete", "countries/GH.toml": baseCountry}
		}, []string{"countries/GH.toml:2:8: error: country.code GH does not match the file name GH.toml: rename the file to gh.toml or correct the code"}},
		{"code not ISO 3166-1", func(t *testing.T) map[string]string {
			return map[string]string{gh: "\x00delete", "countries/xx.toml": edit(t, baseCountry, `code = "GH"`, `code = "XX"`)}
		}, []string{"countries/xx.toml:2:8: error: country.code: XX is not an ISO 3166-1 country code"}},
		{"code of three letters", country(`code = "GH"`, `code = "GHA"`),
			[]string{gh + ":2:8: error: country.code must be a two-letter ISO 3166-1 code such as GH, not \"GHA\""}},
		{"duplicate case id", appendCountry("\n[[cases]]\nid = \"c1\"\ntitle = \"Second\"\nsummary = \"S\"\nconfidentiality = \"event\"\n"),
			[]string{gh + ":25:6: error: cases[2].id: case id \"c1\" is already used on line 19; each case needs its own id"}},
		{"date that does not exist", country(`date = 2027-08-12`, `date = 2027-02-30`),
			[]string{gh + ":12:8: error: event.date: 2027-02-30 does not exist"}},
		{"date in quotes", country(`date = 2027-08-12`, `date = "2027-08-12"`),
			[]string{gh + ":12:8: error: event.date must be a date without quotes: write date = 2027-08-12"}},
		{"date with a time of day", country(`date = 2027-08-12`, `date = 2027-08-12T10:00:00`),
			[]string{gh + ":12:8: error: event.date must be a date alone such as 2027-08-05, without a time of day"}},
		{"start time not HH:MM", country(`date = 2027-08-12`, "date = 2027-08-12\nstart = \"9.30\""),
			[]string{gh + ":13:9: error: event.start: \"9.30\" is not a time of the form HH:MM"}},
		{"start time with seconds", country(`date = 2027-08-12`, "date = 2027-08-12\nstart = 09:30:15"),
			[]string{gh + ":13:9: error: event.start: give hours and minutes only, such as 09:30"}},
		{"negative number", country(`date = 2027-08-12`, "date = 2027-08-12\nexpected_participants = -5"),
			[]string{gh + ":13:25: error: event.expected_participants must not be negative (-5)"}},
		{"session of zero minutes", appendCountry("\n[[event.sessions]]\ntitle = \"Opening\"\nminutes = 0\n"),
			[]string{gh + ":26:11: error: event.sessions[1].minutes must be at least 1, not 0"}},
		{"event language not ISO 639-1", country(`date = 2027-08-12`, "date = 2027-08-12\nlanguages = [\"en\", \"eng\"]"),
			[]string{gh + ":13:20: error: event.languages: \"eng\" is not an ISO 639-1 language code (two lower-case letters such as en, fr, es, ar)"}},
		{"bad e-mail address", appendCountry("\n[[partners]]\nname = \"P\"\nemail = \"info(at)example.org\"\n"),
			[]string{gh + ":26:9: error: partners[1].email: \"info(at)example.org\" is not an e-mail address such as name@example.org"}},
		{"empty required text", country(`title = "First"`, `title = ""`),
			[]string{gh + ":20:9: error: cases[1].title must not be empty"}},
		{"country name is optional", country("name = \"Ghana\"\n", ""), nil},
		{"region in prose", country(`region = "africa"`, `region = "West Africa"`),
			[]string{gh + ":4:10: error: country.region: unknown region \"West Africa\"; regions are codes: did you mean africa? allowed: africa, americas, asia-pacific, europe-central-asia, middle-east-north-africa"}},
		{"old constitution key names its replacement", appendCountry("\n[remedies]\nconstitution_recognises_escr = true\n"),
			[]string{gh + ":25:1: error: remedies.constitution_recognises_escr is no longer read: write constitution_escr = \"justiciable\" (courts enforce these rights from the constitution), \"directive-principles\" (the constitution names them as principles of State policy that courts do not enforce) or \"none\""}},
		{"constitution_escr misspelt", appendCountry("\n[remedies]\nconstitution_escr = \"directive-principle\"\n"),
			[]string{gh + ":25:21: error: remedies.constitution_escr: unknown value \"directive-principle\"; did you mean directive-principles? allowed: justiciable, directive-principles, none"}},
		{"op_status misspelt", appendCountry("\n[politics]\nop_status = \"ratifed\"\n"),
			[]string{gh + ":25:13: error: politics.op_status: unknown Protocol status \"ratifed\"; did you mean ratified? allowed: none, signed, ratified, acceded"}},
		{"ratified the Protocol without being a party to the Covenant", appendCountry("\n[politics]\nicescr = \"signed\"\nop_status = \"ratified\"\nop_status_date = 2012-01-13\n"),
			[]string{gh + ":26:13: error: politics.op_status is ratified but politics.icescr is signed: only parties to the Covenant may ratify or accede to the Protocol (Art. 17); correct one of them"}},
		{"signed the Protocol without the Covenant", appendCountry("\n[politics]\nicescr = \"none\"\nop_status = \"signed\"\n"),
			[]string{gh + ":26:13: error: politics.op_status is signed but politics.icescr is none: only a State that has signed, ratified or acceded to the Covenant may sign the Protocol (Art. 17); correct one of them"}},
		{"op_status_date before the Protocol opened", appendCountry("\n[politics]\nop_status = \"signed\"\nop_status_date = 2009-09-23\n"),
			[]string{gh + ":26:18: error: politics.op_status_date 2009-09-23 is before 2009-09-24, when the Optional Protocol opened for signature"}},
		{"warning: op_status_date without a status", appendCountry("\n[politics]\nop_status_date = 2010-01-01\n"),
			[]string{gh + ":25:18: warning: politics.op_status_date is set but op_status is not set: the date of signature, ratification or accession goes with op_status = \"signed\", \"ratified\" or \"acceded\""}},
		{"warning: declarations of a non-party", appendCountry("\n[politics]\nop_status = \"signed\"\nop_declarations = [\"art11\"]\n"),
			[]string{gh + ":26:20: warning: politics.op_declarations: only a State Party makes the declarations of Arts. 10 and 11, and op_status is signed; they are left out until it is ratified or acceded"}},
		{"declaration misspelt", appendCountry("\n[politics]\nop_status = \"ratified\"\nop_declarations = [\"art12\"]\n"),
			[]string{gh + ":26:20: error: politics.op_declarations: unknown declaration \"art12\"; did you mean art10? allowed: art10, art11"}},
		{"campaign text by language", campaign(`name = "Test campaign"`, `name = { en = "Test", fr = "Essai", es = "Prueba" }`), nil},
		{"warning: campaign text lacks a pack language", campaign(`name = "Test campaign"`, `name = { fr = "Essai" }`),
			[]string{"campaign.toml:2:8: warning: campaign.name has no text for en, a language documents are written in: add en = \"...\" (until then those documents use the fr text)"}},
		{"campaign text in an unknown language", campaign(`name = "Test campaign"`, `name = { en = "Test", de = "Test" }`),
			[]string{"campaign.toml:2:23: error: campaign.name.de: unknown document language \"de\"; allowed: en, fr, es, pt, ru, ar"}},
		{"campaign text by language, not a text", campaign(`name = "Test campaign"`, `name = { en = 3 }`),
			[]string{"campaign.toml:2:15: error: campaign.name.en must be text in quotes, not the number 3"}},
		{"signature date before the Protocol opened", campaign(`signature_date = 2027-09-24`, `signature_date = 2008-12-10`),
			[]string{"campaign.toml:3:18: error: campaign.signature_date 2008-12-10 is before 2009-09-24, when the Optional Protocol opened for signature"}},
		{"not UTF-8", country(`name = "Ghana"`, "name = \"C\xf4te\""),
			[]string{gh + ":3:10: error: the file is not UTF-8 text; save it with UTF-8 encoding"}},
		{"SC member id repeated", func(t *testing.T) map[string]string {
			return map[string]string{"campaign.toml": baseCampaign + "\n[[steering_committee]]\nid = \"a\"\nname = \"B\"\nlanguages = [\"fr\"]\navailable = []\nmax_events = 1\n"}
		}, []string{"campaign.toml:14:6: error: steering_committee[2].id: id \"a\" is already used by another member (line 7); each member needs their own id"}},
		{"SC language not ISO 639-1", campaign(`languages = ["en"]`, `languages = ["English"]`),
			[]string{"campaign.toml:9:14: error: steering_committee[1].languages: \"English\" is not an ISO 639-1 language code (two lower-case letters such as en, fr, es, ar)"}},
		{"SC negative max_events", campaign(`max_events = 1`, `max_events = -1`),
			[]string{"campaign.toml:11:14: error: steering_committee[1].max_events must not be negative (-1)"}},
		{"period ending before it starts", campaign(`end = 2027-08-31 }`+"\n\n", `end = 2027-07-31 }`+"\n\n"),
			[]string{"campaign.toml:4:44: error: campaign.event_window: end 2027-07-31 is before start 2027-08-01"}},
		{"period missing its end", campaign(`event_window = { start = 2027-08-01, end = 2027-08-31 }`, `event_window = { start = 2027-08-01 }`),
			[]string{"campaign.toml:4:16: error: missing required key campaign.event_window.end"}},
		{"missing campaign.toml", func(t *testing.T) map[string]string {
			return map[string]string{"campaign.toml": "\x00delete"}
		}, []string{"campaign.toml: error: the workspace has no campaign.toml (opkit init DIR writes a starter workspace)"}},

		{"single table written as a list", country("[country]", "[[country]]"),
			[]string{gh + ":1:1: error: country must be a single table: write [country], not [[country]]"}},
		{"common non-ISO code", func(t *testing.T) map[string]string {
			return map[string]string{gh: "\x00delete", "countries/uk.toml": edit(t, baseCountry, `code = "GH"`, `code = "UK"`)}
		}, []string{"countries/uk.toml:2:8: error: country.code: UK is not an ISO 3166-1 code; did you mean GB?"}},
		{"Windows line ends and byte-order mark are fine", func(t *testing.T) map[string]string {
			s := "\xef\xbb\xbf" + strings.ReplaceAll(edit(t, baseCountry, `name = "Ghana"`, `name = 1`), "\n", "\r\n")
			return map[string]string{gh: s}
		}, []string{gh + ":3:8: error: country.name must be text in quotes, not the number 1"}},
		{"closed inline table cannot be extended", country(`date = 2027-08-12`, "date = 2027-08-12\nvenue = {room = \"A\"}\nvenue.floor = \"2\""),
			[]string{
				gh + ":13:9: error: event.venue must be text in quotes, not a table",
				gh + ":14:1: error: key \"venue\" is already defined (line 13); it cannot also hold \"floor\"",
			}},
		{"warning: two lead partners", appendCountry("\n[[partners]]\nname = \"P\"\nlead = true\n\n[[partners]]\nname = \"Q\"\nlead = true\n"),
			[]string{gh + ":30:8: warning: partners[2].lead: another partner is already the lead (line 26); the first one is used"}},
		{"warning: every authority declined", country(`status = "invited"`, `status = "declined"`),
			[]string{gh + ":10:1: warning: every national authority invited has declined: invite another who can state the government's position"}},
		{"warning: SC member requested for no event", country("format = \"roundtable\"\ndate = 2027-08-12", "format = \"none\"\nrequest_sc_member = true"),
			[]string{gh + ":11:10: warning: event.format is none but event.request_sc_member is true: there is no event for a Steering Committee member to attend"}},
		{"warning: right described twice", appendCountry("\n[[situation.rights]]\nright = \"food\"\nsummary = \"A\"\n\n[[situation.rights]]\nright = \"food\"\nsummary = \"B\"\n"),
			[]string{gh + ":29:9: warning: situation.rights[2].right: food is already described on line 25"}},
		// Warnings.
		{"SC region misspelt", campaign(`languages = ["en"]`, "languages = [\"en\"]\nregions = [\"europe-central-asia\", \"afrika\"]"),
			[]string{"campaign.toml:10:35: error: steering_committee[1].regions: unknown region \"afrika\"; did you mean africa? allowed: africa, americas, asia-pacific, europe-central-asia, middle-east-north-africa"}},
		{"SC region in prose", campaign(`languages = ["en"]`, "languages = [\"en\"]\nregions = [\"Latin America and the Caribbean\"]"),
			[]string{"campaign.toml:10:12: error: steering_committee[1].regions: unknown region \"Latin America and the Caribbean\"; regions are codes: did you mean americas? allowed: africa, americas, asia-pacific, europe-central-asia, middle-east-north-africa"}},
		{"warning: signature-phase event after the ideal window", func(t *testing.T) map[string]string {
			return map[string]string{gh: edit(t, baseCountry, `date = 2027-08-12`, `date = 2027-09-15`)}
		}, []string{gh + ":12:8: warning: event.date 2027-09-15 is after the campaign's ideal window (2027-08-01 to 2027-08-31) for a signature-phase event: the government has little time left to decide before the signature date 2027-09-24; hold it earlier if you can"}},
		{"warning: event outside the window", country(`date = 2027-08-12`, `date = 2027-07-12`),
			[]string{gh + ":12:8: warning: event.date 2027-07-12 is outside the campaign's event window 2027-08-01 to 2027-08-31"}},
		{"warning: signature-phase event after the signature date", func(t *testing.T) map[string]string {
			return map[string]string{
				gh:              edit(t, baseCountry, `date = 2027-08-12`, `date = 2027-09-28`),
				"campaign.toml": edit(t, baseCampaign, `end = 2027-08-31 }`+"\n\n", `end = 2027-09-30 }`+"\n\n"),
			}
		}, []string{gh + ":12:8: warning: event.date 2027-09-28 is after the signature date 2027-09-24 although the phase is signature: set phase = \"ratification\" or move the event"}},
		{"warning: no national authority", country("[[event.authorities]]\nname = \"Minister\"\nstatus = \"invited\"\n", ""),
			[]string{gh + ":10:1: warning: no national authority invited: add an [[event.authorities]] entry for someone who can state the government's position"}},
		{"warning: public case without source", country(`confidentiality = "event"`, `confidentiality = "public"`),
			[]string{gh + ":22:19: warning: cases[1] is public but has no sources: add sources = [\"...\"] so readers can check it"}},
		{"warning: public forum for a low-profile partner", func(t *testing.T) map[string]string {
			s := edit(t, baseCountry, `visibility = "public"`, `visibility = "low-profile"`)
			return map[string]string{gh: edit(t, s, `format = "roundtable"`, `format = "public-forum"`)}
		}, []string{gh + ":11:10: warning: event.format is public-forum but the partner needs a low profile: a closed-meeting or roundtable draws less attention"}},
	}
	if len(tests) < 25 {
		t.Fatalf("only %d broken inputs", len(tests))
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, l := load(tc.files(t))
			got := strs(l)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

var _ = time.UTC
