package render

import (
	"strings"
	"testing"

	"opkit/internal/model"
)

// TestChecklistLateEvent: the organisers' checklist is in date order, and
// an event held after the campaign's returns deadline is not told to send
// its outcome by that past date, neither in the checklist nor in the
// handout's next steps.
func TestChecklistLateEvent(t *testing.T) {
	ws := fixture()
	ua := *ws.Country("UA")
	ws.Campaign.ReturnsDue = model.Date{Year: 2027, Month: 9, Day: 17}
	for _, tc := range []struct {
		name    string
		event   model.Date
		returns bool
	}{
		{"early event", model.Date{Year: 2027, Month: 8, Day: 6}, true},
		{"late event", model.Date{Year: 2027, Month: 10, Day: 21}, false},
	} {
		c := ua
		c.Event.Date = tc.event
		steps := checklist(ws, &c)
		has := false
		for i, s := range steps {
			if i > 0 && s.Date.Before(steps[i-1].Date) {
				t.Errorf("%s: step %s (%s) after %s (%s)", tc.name, s.Key, s.Date, steps[i-1].Key, steps[i-1].Date)
			}
			has = has || s.Key == "returns"
		}
		if has != tc.returns {
			t.Errorf("%s: returns step present %v, want %v", tc.name, has, tc.returns)
		}
		src, err := NewEngine(nil).Execute("en", "briefing", BriefingData(ws, &c, Participants))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(string(src), "by 17 September 2027"); got != tc.returns {
			t.Errorf("%s: handout asks for the outcome by the deadline %v, want %v", tc.name, got, tc.returns)
		}
	}
}
