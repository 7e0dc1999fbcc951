package agency

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// LaptopStatus is one laptop's last sync, as the server saw it.
type LaptopStatus struct {
	Role       string
	Kind       StaffKind
	Supervisor string
	Laptop     string // "" for staff with no laptop synced yet
	LastSync   time.Time
	Pushed     int64
	Pulled     int64
}

// Status lists every officer and supervisor with each laptop's last sync,
// by name; conn sees what its role may (an administrator: everyone).
func Status(ctx context.Context, conn *pgx.Conn) ([]LaptopStatus, error) {
	rows, err := conn.Query(ctx, `SELECT s.role, s.kind, coalesce(s.supervisor, ''), coalesce(l.id::text, ''),
			coalesce(l.last_sync_at, 'epoch'), coalesce(l.pushed, 0), coalesce(l.pulled, 0)
		FROM caseload.staff s LEFT JOIN caseload.laptops l ON l.role = s.role
		ORDER BY s.role, l.last_sync_at DESC`)
	if err != nil {
		return nil, fmt.Errorf("read the laptops' syncs: %w", err)
	}
	defer rows.Close()
	var out []LaptopStatus
	for rows.Next() {
		var st LaptopStatus
		var kind string
		if err := rows.Scan(&st.Role, &kind, &st.Supervisor, &st.Laptop, &st.LastSync, &st.Pushed, &st.Pulled); err != nil {
			return nil, fmt.Errorf("read the laptops' syncs: %w", err)
		}
		st.Kind = StaffKind(kind)
		if st.Laptop == "" {
			st.LastSync = time.Time{}
		}
		out = append(out, st)
	}
	return out, rows.Err()
}
