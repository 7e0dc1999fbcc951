package tui

import "testing"

func TestCycleGoesRoundEitherEnd(t *testing.T) {
	ring := []string{"a", "b", "c"}
	for _, c := range []struct {
		at   string
		d    int
		want string
	}{{"a", 1, "b"}, {"c", 1, "a"}, {"a", -1, "c"}, {"b", -1, "a"}, {"b", 4, "c"}, {"zz", 1, "b"}} {
		if got := cycle(ring, c.at, c.d); got != c.want {
			t.Errorf("cycle(%v, %q, %d) = %q, want %q", ring, c.at, c.d, got, c.want)
		}
	}
}
