package tui

import "testing"

// BenchmarkPlanTabKeystroke is j or k on the Plan tab, at 80x24, through
// Update and View: the tab is laid out again on every key. A key reads
// nothing from the file and the tab holds one client's records, so the
// size of the caseload does not matter and the test fixture stands in for
// the 10,000-client demo.
func BenchmarkPlanTabKeystroke(b *testing.B) {
	st := fixtureStore(b)
	addPlan(b, st)
	h := start(b, st, 80, 24)
	openAnnPlan(h)
	if p := h.app.client().plan; p == nil || len(p.goals) == 0 {
		b.Fatal("the Plan tab did not load")
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%20 < 10 {
			h.keys("j")
		} else {
			h.keys("k")
		}
		_ = h.app.View()
	}
}
