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
// batch by batch; a batch sent again after a lost reply changes nothing.
// Each full batch is marked sent once the server committed it, so a long
// first sync cut off resumes where it stopped; the last one's mark is
// returned, for the sync to keep with its end in one write.
func pushAudit(ctx context.Context, conn *pgx.Conn, st *store.Store, laptop string) (last int64, err error) {
	if last, err = st.AuditSent(ctx); err != nil {
		return last, err
	}
	for {
		lines, err := st.AuditToSend(ctx, last, auditBatch)
		if err != nil || len(lines) == 0 {
			return last, err
		}
		seqs := make([]int64, len(lines))
		at, entity, entityID, action := make([]string, len(lines)), make([]string, len(lines)), make([]string, len(lines)), make([]string, len(lines))
		for i, l := range lines {
			seqs[i], at[i], entity[i], entityID[i], action[i] = l.Seq, l.At, l.Entity, l.EntityID, l.Action
		}
		_, err = conn.Exec(ctx, `INSERT INTO caseload.laptop_audit (laptop_id, seq, at, entity, entity_id, action)
			SELECT $1::uuid, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[])
			ON CONFLICT DO NOTHING`, laptop, seqs, at, entity, entityID, action)
		if err != nil {
			return last, fmt.Errorf("send the audit log: %w", err)
		}
		last = seqs[len(seqs)-1]
		if len(lines) < auditBatch {
			return last, nil
		}
		if err := st.MarkAuditSent(ctx, last); err != nil {
			return last, err
		}
	}
}
