package pack

import (
	"fmt"
	"strings"

	"opkit/internal/model"
	"opkit/internal/outcome"
	"opkit/internal/pdf"
	"opkit/internal/render"
)

// The documents a pack adds beside the briefing and the agenda, by
// template name; the file is CC-<name>.pdf.
const (
	Invitation  = "invitation"  // to the national authority, one letter per addressee
	Declaration = "declaration" // the draft joint declaration, the campaign's common output
	Press       = "press"       // one page, public forums of public partners only
	Letter      = "letter"      // to the Ministry of Foreign Affairs after the event
)

// Outreach lists the extra documents of a country's pack, in the order
// built: an event gets an invitation, the declaration and the letter; a
// public forum of a partner that campaigns in the open also gets a press
// release. A low-profile partner never gets one, whatever the format.
func Outreach(c *model.Country) []string {
	if c.Event.Format == "" || c.Event.Format == model.FormatNone {
		return nil
	}
	docs := []string{Invitation, Declaration}
	if c.Event.Format == model.FormatPublicForum && !c.LowProfile() {
		docs = append(docs, Press)
	}
	return append(docs, Letter)
}

// optionalFiles are the files a pack may or may not hold, which a build
// that does not write them removes.
func optionalFiles(cc string) []string {
	return []string{organisersFile(cc), cc + "-" + Invitation + ".pdf", cc + "-" + Declaration + ".pdf", cc + "-" + Press + ".pdf", cc + "-" + Letter + ".pdf"}
}

func outreach(ws *model.Workspace, c *model.Country, eng *render.Engine, opt Options, lang string) ([]file, error) {
	var files []file
	cc := strings.ToLower(c.Code)
	data := render.OutreachData(ws, c, opt.assigned(c))
	for _, name := range Outreach(c) {
		title := data.Country + " · " + render.Term(lang, "document."+name)
		if name == Declaration {
			title += " (" + render.Term(lang, "document.draft") + ")"
		}
		doc, err := eng.Render(lang, name, data, render.Document{
			Title:  title,
			Header: title,
			Author: ws.Campaign.Coalition.In(lang),
			Date:   opt.Stamp,
		})
		if err != nil {
			return nil, fmt.Errorf("pack %s: %s: %w", cc, name, err)
		}
		b, err := pdf.Render(doc, pdf.Options{PageSize: opt.PageSize})
		if err != nil {
			return nil, fmt.Errorf("pack %s: %s: %w", cc, name, err)
		}
		files = append(files, file{cc + "-" + name + ".pdf", b})
	}
	return files, nil
}

// discussionData is the guide's data with the outcome workbook's own
// tables, titles and columns in the pack's language.
func discussionData(ws *model.Workspace, c *model.Country, assigned *model.SCMember) *render.Discussion {
	d := render.DiscussionData(ws, c, assigned)
	lang := c.Language
	for _, t := range outcome.Tables {
		g := render.GuideTable{Title: t.Title.In(lang), Intro: t.Intro.In(lang)}
		for _, col := range t.Columns {
			g.Columns = append(g.Columns, col.Header.In(lang))
			if len(col.Options) > 2 { // a real choice, not yes/no
				for _, o := range col.Options {
					g.Choices = append(g.Choices, o.Label.In(lang))
				}
			}
		}
		switch t.Name {
		case outcome.TableOpportunities:
			d.Opportunities = g
		case outcome.TableChallenges:
			d.Challenges = g
		case outcome.TableNextSteps:
			d.NextSteps = g
		}
	}
	return d
}
