package tui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/store"
)

// checkAndBackUp is the day's whole-file work, on the first start of a day
// (while the day's backup is due): SQLite's quick check of every page, then
// the backup. Both read the whole file, which at 10,000 clients keeps a
// core busy for about 4 s and at 100,000 for about 40 s, so they run once a
// day, after the first frame, and every backup follows a check. A file the
// check finds damaged is not backed up over the good backups, so the day's
// backup stays due and the check runs again at the next start, until the
// file is sound. Nil when the day's backup is already taken.
func checkAndBackUp(st *store.Store, now time.Time) tea.Msg {
	ctx := context.Background()
	due, err := st.BackupDue(ctx, now)
	if err != nil {
		return backupTakenMsg{err: err}
	}
	if !due {
		return nil
	}
	problems, err := st.Check(ctx)
	if err != nil || len(problems) > 0 {
		return fileCheckedMsg{problems, err}
	}
	// DailyBackup asks again whether the backup is due: another window may
	// have taken it during the seconds this one spent checking.
	path, err := st.DailyBackup(ctx, now)
	return backupTakenMsg{path, err}
}
