package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"time"

	"github.com/google/uuid"
)

// goalVersionNamespace is the namespace of goal versions' ids.
var goalVersionNamespace = uuid.MustParse("1d7e4c52-93a8-5f06-b2c1-7a0e5d9f3b24")

// goalVersionID is a goal version's id, made from its goal and number: the
// same on every laptop.
func goalVersionID(goalID string, version int) string {
	return uuid.NewSHA1(goalVersionNamespace, []byte(goalID+"/"+strconv.Itoa(version))).String()
}

// fillGoalVersionIDs is migration 0014's step: each saved goal version
// takes its id and its client's id, and on a laptop whose sync was set up
// before, the goals and their versions are queued.
func fillGoalVersionIDs(ctx context.Context, tx *Tx, now time.Time) error {
	w := &Writer{ctx: ctx, tx: tx, now: now, statements: &statementCache{}, stmts: map[string]*sql.Stmt{}}
	rows, err := w.tx.QueryContext(ctx, "SELECT goal_id, version FROM goal_versions")
	if err != nil {
		return fmt.Errorf("read goal versions: %w", explain(err))
	}
	type key struct {
		goal    string
		version int
	}
	var keys []key
	for rows.Next() {
		var k key
		if err := rows.Scan(&k.goal, &k.version); err != nil {
			rows.Close()
			return err
		}
		keys = append(keys, k)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if _, err := w.exec("INSERT INTO sync_pulling (one) VALUES (1)"); err != nil {
		return fmt.Errorf("name goal versions: %w", explain(err))
	}
	for _, k := range keys {
		if _, err := w.exec(`UPDATE goal_versions SET id = ?3, client_id = (SELECT client_id FROM goals WHERE id = ?1)
			WHERE goal_id = ?1 AND version = ?2`, k.goal, k.version, goalVersionID(k.goal, k.version)); err != nil {
			return fmt.Errorf("name goal versions: %w", explain(err))
		}
	}
	if _, err := w.exec("DELETE FROM sync_pulling"); err != nil {
		return fmt.Errorf("name goal versions: %w", explain(err))
	}
	if on, err := w.syncing(); err != nil || !on {
		return err
	}
	for _, t := range []SyncTable{SyncGoals, SyncGoalVersions} {
		if err := w.queueTable(t); err != nil {
			return err
		}
	}
	return w.saveClock()
}
