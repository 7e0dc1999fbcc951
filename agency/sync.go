package agency

import (
	"context"
	"errors"
	"fmt"
	"time"

	"caseload/store"

	"github.com/jackc/pgx/v5"
)

// Options tune a sync; the zero value is the everyday setting.
type Options struct {
	// Batch is how many outbox entries one server transaction pushes.
	Batch int
	// Page is how many rows one pulled page holds.
	Page int
	// Progress, when set, hears each step as it starts: "sending",
	// "receiving".
	Progress func(step string)
}

// The everyday sync moves tens of records, so these sizes matter only to a
// first sync of a large caseload. There, each pulled page costs the server
// a pass over the officer's clients for row-level security (about 20 ms at
// 10,000 clients) and the laptop a commit: a first pull of 10,000 clients
// took 100 s in pages of 1,000, 70 s in pages of 2,000 and 54 s in pages of
// 5,000 (a page of 5,000 check-ins is about 3 MB in memory).
func (o Options) withDefaults() Options {
	if o.Batch <= 0 {
		o.Batch = 2000
	}
	if o.Page <= 0 {
		o.Page = 5000
	}
	return o
}

// Report says what a sync did.
type Report struct {
	Pushed    int // outbox entries the server took or recognised
	Rejected  int // entries filed as rejected for a supervisor to review
	Conflicts int // conflicts this push found
	Pulled    int // records new or changed on this laptop
	Took      time.Duration
}

// ErrNotSetUp reports a laptop whose file has no sync id yet.
var ErrNotSetUp = errors.New("sync is not set up on this laptop: run caseload sync --setup URL")

// Sync pushes the laptop's outbox, then pulls what the officer may see that
// is new on the server, over conn (logged in as the officer). Push comes
// first, so that the pull cannot bring back an older value over a change
// still waiting to leave.
func Sync(ctx context.Context, st *store.Store, conn *pgx.Conn, opt Options) (Report, error) {
	start := time.Now()
	opt = opt.withDefaults()
	var r Report
	laptop, err := st.LaptopID(ctx)
	if err != nil {
		return r, err
	}
	if laptop == "" {
		return r, ErrNotSetUp
	}
	// Whose file this is decides what it may change: a supervisor's holds
	// the team's records, read only.
	var kind string
	if err := conn.QueryRow(ctx, "SELECT coalesce((SELECT kind FROM caseload.staff WHERE role = current_user), '')").Scan(&kind); err != nil {
		return r, fmt.Errorf("read your login's role on the server: %w", err)
	}
	if err := st.NoteRoleKind(ctx, kind); err != nil {
		return r, err
	}
	opt.step("sending")
	p, err := push(ctx, conn, st, opt.Batch)
	r.Pushed, r.Rejected, r.Conflicts = p.entries, p.rejected, p.conflicts
	if err != nil {
		return r, err
	}
	opt.step("receiving")
	if r.Pulled, err = pull(ctx, conn, st, opt.Page); err != nil {
		return r, err
	}
	// The audit log last, so that it holds this sync's own writes.
	audited, err := pushAudit(ctx, conn, st, laptop)
	if err != nil {
		return r, err
	}
	r.Took = time.Since(start)
	_, err = conn.Exec(ctx, `INSERT INTO caseload.laptops (id, last_sync_at, pushed, pulled) VALUES ($1, now(), $2, $3)
		ON CONFLICT (id) DO UPDATE SET last_sync_at = now(), pushed = caseload.laptops.pushed + excluded.pushed,
		pulled = caseload.laptops.pulled + excluded.pulled`, laptop, r.Pushed, r.Pulled)
	if err != nil {
		return r, fmt.Errorf("note this sync on the server: %w", err)
	}
	return r, st.FinishSync(ctx, time.Now(), audited)
}

func (o Options) step(s string) {
	if o.Progress != nil {
		o.Progress(s)
	}
}
