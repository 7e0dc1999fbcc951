package tui

import (
	"context"
	"testing"

	"caseload/model"
)

// TestStageSinceInTheHeaderIgnoresTheSameStageNotedAgain: Annie came to
// Preparation on 16 November; noting Preparation again on the 20th (as a
// check-in does when the stage is left as it was) must not move "since".
func TestStageSinceInTheHeaderIgnoresTheSameStageNotedAgain(t *testing.T) {
	st := fixtureStore(t)
	id := firstClient(t, st, "CR-1001")
	if _, err := st.AddStageNote(context.Background(), model.StageNote{ClientID: id, At: at(11, 20, 9, 0),
		Stage: model.StagePreparation}); err != nil {
		t.Fatal(err)
	}
	h := start(t, st, 80, 24)
	h.keys("/", "a", "n", "n", "enter", "enter")
	h.mustSee("Stage: PREP Preparation since 16 Nov")
}
