//go:build !race

package store_test

// raceEnabled is true when the race detector slows every SQLite call down
// several times over.
const raceEnabled = false
