package tui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"caseload/internal/damagetest"
	"caseload/store"
)

// startOn opens the file at path and starts the app on it as of now, with
// everything that follows the first frame run to the end.
func startOn(t *testing.T, path string, now time.Time) *harness {
	t.Helper()
	st := openStore(t, path)
	t.Cleanup(func() { st.Close() })
	return startWithClock(t, st, 200, 30, func() time.Time { return now })
}

// backupsOf lists the backups of the file at path, as the store's daily
// backup and its pruning count them.
func backupsOf(t *testing.T, path string) []string {
	t.Helper()
	list, err := store.Backups(path)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, b := range list {
		names = append(names, filepath.Base(b.Path))
	}
	return names
}

const checkFound = "The file is damaged"

// TestADamagedFileIsToldAtEveryStartAndNotBackedUp: the check finds the
// damage at the day's first start and says so; the damaged file is not
// backed up over the good backups, so the backup stays due and the next
// start the same day checks, and tells, again.
func TestADamagedFileIsToldAtEveryStartAndNotBackedUp(t *testing.T) {
	path := fixtureFile(t)
	damagetest.Root(t, path, "checkins_by_time")
	for start := 1; start <= 2; start++ {
		h := startOn(t, path, frozen.Add(time.Duration(start)*time.Hour))
		h.mustSee(checkFound)
		h.mustSee("run `caseload check`. Today's backup was not taken, to keep the good ones. First: ")
		if b := backupsOf(t, path); len(b) != 0 {
			t.Fatalf("start %d: a damaged file was backed up: %v", start, b)
		}
	}
}

// TestTheWholeFileIsCheckedOnceADay: the day's first start checks the file
// and backs it up; a later start that day does neither (reading the whole
// file at every start keeps a core busy for seconds to a minute on a big
// caseload). Damage done after the day's backup is found at the next day's
// first start, which takes no backup of it.
func TestTheWholeFileIsCheckedOnceADay(t *testing.T) {
	path := fixtureFile(t)
	h := startOn(t, path, frozen)
	if strings.Contains(h.screen(), checkFound) || strings.Contains(h.screen(), "The file check") {
		t.Fatalf("a sound file: %s", h.screen())
	}
	taken := backupsOf(t, path)
	if len(taken) != 1 {
		t.Fatalf("the day's first start took backups %v, want one", taken)
	}
	h.app.st.Close()
	damagetest.Root(t, path, "checkins_by_time")

	h = startOn(t, path, frozen.Add(3*time.Hour))
	if strings.Contains(h.screen(), checkFound) {
		t.Fatalf("a later start the same day checked the file again:\n%s", h.screen())
	}
	h.app.st.Close()

	h = startOn(t, path, frozen.AddDate(0, 0, 1))
	h.mustSee(checkFound)
	if b := backupsOf(t, path); len(b) != 1 || b[0] != taken[0] {
		t.Errorf("backups after the next day's start on a damaged file: %v, want only %v", b, taken)
	}
}
