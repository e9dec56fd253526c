package render

import "testing"

// BenchmarkRenderBriefing measures template execution and Markdown parsing
// of one briefing, the part of a pack this package owns.
func BenchmarkRenderBriefing(b *testing.B) {
	ws := fixture()
	c := ws.Country("UA")
	eng := NewEngine(nil)
	for b.Loop() {
		if _, err := eng.Render(c.Language, "briefing", BriefingData(ws, c, Organisers), Document{}); err != nil {
			b.Fatal(err)
		}
	}
}
