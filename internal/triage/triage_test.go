package triage

import (
	"slices"
	"testing"

	"opkit/internal/model"
)

func TestAssess(t *testing.T) {
	tests := []struct {
		stance     model.Stance
		visibility model.Visibility
		phase      model.Phase
		kind       Kind
		aim        model.Phase
		public     bool
		needed     bool
		reasons    []string
	}{
		{"committed", "public", "signature", ShortMeeting, "ratification", true, false, []string{"stance-committed"}},
		{"leaning", "public", "signature", PublicEvent, "signature", true, true, []string{"stance-leaning"}},
		{"undecided", "public", "signature", PublicEvent, "signature", true, true, []string{"stance-undecided"}},
		{"opposed", "public", "signature", SubstantiveDiscussion, "ratification", true, true, []string{"stance-opposed"}},
		{"unknown", "public", "signature", SubstantiveDiscussion, "ratification", true, true, []string{"stance-unknown"}},
		{"undecided", "public", "ratification", PublicEvent, "ratification", true, true, []string{"stance-undecided", "phase-ratification"}},
		{"leaning", "low-profile", "signature", ClosedMeeting, "signature", false, true, []string{"stance-leaning", "low-profile"}},
		{"committed", "low-profile", "ratification", ClosedMeeting, "ratification", false, false, []string{"stance-committed", "phase-ratification", "low-profile"}},
	}
	for _, tt := range tests {
		c := &model.Country{Stance: tt.stance, Visibility: tt.visibility, Phase: tt.phase}
		r := Assess(c)
		if r.Kind != tt.kind || r.Aim != tt.aim || r.PublicMaterial != tt.public || r.EventNeeded != tt.needed || !slices.Equal(r.Reasons, tt.reasons) {
			t.Errorf("%s/%s/%s: got %+v", tt.stance, tt.visibility, tt.phase, r)
		}
	}
}
