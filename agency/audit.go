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
// batch by batch, each marked sent only after the server committed it; a
// batch sent again after a lost reply changes nothing. It returns how many
// lines went.
func pushAudit(ctx context.Context, conn *pgx.Conn, st *store.Store, laptop string) (int, error) {
	sent := 0
	for {
		lines, err := st.AuditToSend(ctx, auditBatch)
		if err != nil || len(lines) == 0 {
			return sent, err
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
			return sent, fmt.Errorf("send the audit log: %w", err)
		}
		if err := st.MarkAuditSent(ctx, seqs[len(seqs)-1]); err != nil {
			return sent, err
		}
		sent += len(lines)
	}
}
