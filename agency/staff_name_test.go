package agency

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// TestRoleNamesAreThePlainIdentifiers holds isRoleName to the expression it
// replaced, over the edges and many random names.
func TestRoleNamesAreThePlainIdentifiers(t *testing.T) {
	plain := regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)
	names := []string{"", "a", "_", "9a", "a9", "jo_ann", "Jo", "jo-ann", "jo ann", "é", "a;drop",
		strings.Repeat("a", 63), strings.Repeat("a", 64), "a\x00", "a\n"}
	rng := rand.New(rand.NewPCG(1, 2))
	const alphabet = "az_09AZ-. é\x00"
	for range 5000 {
		b := make([]byte, rng.IntN(66))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		names = append(names, string(b))
	}
	for _, name := range names {
		if got, want := isRoleName(name), plain.MatchString(name); got != want {
			t.Errorf("isRoleName(%q) = %v, want %v", name, got, want)
		}
	}
}
