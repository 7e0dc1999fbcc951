package agency

import (
	"context"
	"fmt"

	"caseload/store"

	"github.com/jackc/pgx/v5"
)

// auditBatch is how many audit log lines one statement sends.
const auditBatch = 5000

// pushAudit sends the laptop's audit log lines the server does not hold,
// batch by batch, the next read from the file while the server takes the
// last; a batch sent again after a lost reply changes nothing. Each full
// batch is marked sent once the server committed it, so a long first sync
// cut off resumes where it stopped; the last one's mark is returned, for
// the sync to keep with its end in one write.
func pushAudit(ctx context.Context, conn *pgx.Conn, st *store.Store, laptop string) (last int64, err error) {
	if last, err = st.AuditSent(ctx); err != nil {
		return last, err
	}
	read, ended := last, false
	next := func(ctx context.Context) ([]store.AuditLine, bool, error) {
		if ended {
			return nil, false, nil
		}
		lines, err := st.AuditToSend(ctx, read, auditBatch)
		if err != nil || len(lines) == 0 {
			return nil, false, err
		}
		read, ended = lines[len(lines)-1].Seq, len(lines) < auditBatch
		return lines, true, nil
	}
	send := func(ctx context.Context, lines []store.AuditLine) error {
		seqs := make([]int64, len(lines))
		at, entity, entityID, action := make([]string, len(lines)), make([]string, len(lines)), make([]string, len(lines)), make([]string, len(lines))
		for i, l := range lines {
			seqs[i], at[i], entity[i], entityID[i], action[i] = l.Seq, l.At, l.Entity, l.EntityID, l.Action
		}
		_, err := conn.Exec(ctx, `INSERT INTO caseload.laptop_audit (laptop_id, seq, at, entity, entity_id, action)
			SELECT $1::uuid, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[])
			ON CONFLICT DO NOTHING`, laptop, seqs, at, entity, entityID, action)
		if err != nil {
			return fmt.Errorf("send the audit log: %w", err)
		}
		last = seqs[len(seqs)-1]
		return nil
	}
	marked := func(ctx context.Context, lines []store.AuditLine) error {
		if len(lines) < auditBatch {
			return nil // the last: kept with the sync's end
		}
		return st.MarkAuditSent(ctx, lines[len(lines)-1].Seq)
	}
	err = overlap(ctx, next, send, marked)
	return last, err
}
