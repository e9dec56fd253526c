package pack

import (
	"slices"
	"testing"

	"opkit/internal/model"
)

func TestOutreachDocuments(t *testing.T) {
	all := []string{Invitation, Declaration, Press, Letter}
	noPress := []string{Invitation, Declaration, Letter}
	tests := []struct {
		format     model.Format
		visibility model.Visibility
		want       []string
	}{
		{model.FormatPublicForum, model.VisibilityPublic, all},
		// A low-profile partner never gets a press release, even when it
		// plans a forum (check warns about that plan).
		{model.FormatPublicForum, model.VisibilityLowProfile, noPress},
		{model.FormatRoundtable, model.VisibilityPublic, noPress},
		{model.FormatClosedMeeting, model.VisibilityLowProfile, noPress},
		{model.FormatNone, model.VisibilityPublic, nil},
		{"", model.VisibilityPublic, nil},
	}
	for _, tc := range tests {
		c := &model.Country{Visibility: tc.visibility, Event: model.Event{Format: tc.format}}
		if got := Outreach(c); !slices.Equal(got, tc.want) {
			t.Errorf("%s/%s: %v, want %v", tc.format, tc.visibility, got, tc.want)
		}
	}
}
