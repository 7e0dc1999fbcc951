package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"caseload/model"
)

// loadScreenings reads the screenings taken in the range.
func loadScreenings(ctx context.Context, conn *sql.Conn, where string, args []any, rec *model.SummaryRecords, seen map[string]bool) error {
	err := eachRowArgs(ctx, conn, "SELECT "+screeningColumns+" FROM screenings sc WHERE "+where, args, func(row scanner) error {
		sc, err := scanScreening(row)
		rec.Screenings, seen[sc.ClientID] = append(rec.Screenings, sc), true
		return err
	})
	if err != nil {
		return fmt.Errorf("read screenings: %w", err)
	}
	return nil
}

// goalsAsOf reads the clients' goals as they stood at a moment: each goal's
// latest version saved before it. A goal set later is not there yet.
const goalsAsOf = "SELECT " + goalColumns + ` FROM goals g JOIN goal_versions v ON v.goal_id = g.id
	AND v.version = (SELECT max(version) FROM goal_versions WHERE goal_id = g.id AND at < ?1)
	WHERE g.client_id IN (SELECT value FROM json_each(?2))`

// loadGoals reads the plan goals of the summary's clients as of the end of
// the range.
func loadGoals(ctx context.Context, conn *sql.Conn, q SummaryQuery, rec *model.SummaryRecords) error {
	ids := make([]string, len(rec.Clients))
	for i, c := range rec.Clients {
		ids[i] = c.Client.ID
	}
	err := eachRowArgs(ctx, conn, goalsAsOf, []any{fmtTime(q.To), jsonList(ids)}, func(row scanner) error {
		g, err := scanGoal(row)
		rec.Goals = append(rec.Goals, g)
		return err
	})
	if err != nil {
		return fmt.Errorf("read goals: %w", err)
	}
	return nil
}

// ConsentsTo lists every client's consents to one recipient, active or not:
// a summary for that recipient builds each client's model.SharePolicy from
// them. A person is matched by name regardless of case and spacing.
func (s *Store) ConsentsTo(ctx context.Context, to model.Recipient) ([]model.Consent, error) {
	query, arg := "SELECT "+consentColumns+" FROM consents cn WHERE cn.resource_id = ?", to.ResourceID
	if to.ResourceID == "" {
		query, arg = "SELECT "+consentColumns+" FROM consents cn WHERE cn.resource_id IS NULL AND cn.person <> ?", ""
	}
	var out []model.Consent
	err := eachRow(ctx, s.db, query, arg, func(row scanner) error {
		c, err := scanConsent(row)
		if err == nil && c.Recipient.Same(to) {
			out = append(out, c)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list consents: %w", explain(err))
	}
	return out, nil
}

// ShareRecipient is someone a client's consent lets information go to, with
// the name to show: the resource's name from the directory, or the person's.
type ShareRecipient struct {
	To   model.Recipient
	Name string
	// ClientID is, for a person, the one client whose consent names them: a
	// name is not an identity, and two clients' contacts may share one, so
	// a summary for a person covers that client alone. "" for a resource.
	ClientID string
	// CaseNumber is that client's case number, to tell such people apart.
	CaseNumber string
}

// ShareRecipients lists the recipients that an active consent of at least
// one of the clients names on the day today, by name: the export dialog
// offers a summary for each.
func (s *Store) ShareRecipients(ctx context.Context, clientIDs []string, today model.Date) ([]ShareRecipient, error) {
	var out []ShareRecipient
	seen := map[string]bool{}
	err := eachRow(ctx, s.db, "SELECT "+consentColumns+`, coalesce(res.name, ''), cl.case_number FROM consents cn
		LEFT JOIN resources res ON res.id = cn.resource_id JOIN clients cl ON cl.id = cn.client_id
		WHERE cn.client_id IN (SELECT value FROM json_each(?))`, jsonList(clientIDs), func(row scanner) error {
		var name, caseNumber string
		// Nested, the extras land in the order resource name, case number.
		c, err := scanConsent(rowWithExtra{rowWithExtra{row, &caseNumber}, &name})
		if err != nil || !c.Active(today) {
			return err
		}
		r := ShareRecipient{To: c.Recipient, Name: name}
		key := "r:" + c.Recipient.ResourceID
		if c.Recipient.ResourceID == "" {
			r.Name = model.PersonName(c.Recipient.Person)
			r.ClientID, r.CaseNumber = c.ClientID, caseNumber
			key = "p:" + c.ClientID + ":" + strings.ToLower(r.Name)
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, r)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list consent recipients: %w", explain(err))
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := strings.ToLower(out[i].Name), strings.ToLower(out[j].Name)
		if a != b {
			return a < b
		}
		if out[i].To.ResourceID != out[j].To.ResourceID {
			return out[i].To.ResourceID < out[j].To.ResourceID
		}
		return out[i].CaseNumber < out[j].CaseNumber
	})
	return out, nil
}
