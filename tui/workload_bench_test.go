package tui

import "testing"

// BenchmarkOpenWorkload is W on the caseload until the workload screen is
// drawn, and esc back: twelve weeks of figures at 10,000 clients and about
// 200,000 check-ins. The target is under 50 ms.
func BenchmarkOpenWorkload(b *testing.B) {
	h := start(b, benchStore(b), 80, 24)
	b.ResetTimer()
	for b.Loop() {
		h.keys("W")
		if screenOf(h.app) != screenWorkload {
			b.Fatal("W did not open the workload")
		}
		_ = h.app.View()
		h.keys("esc")
	}
}
