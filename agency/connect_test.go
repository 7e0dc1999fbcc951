package agency

import "testing"

func TestLoginNamesUserHostPortAndDatabaseButNeverThePassword(t *testing.T) {
	for _, tc := range []struct{ url, want string }{
		{"postgres://jsmith@db.agency.example/caseload?sslmode=verify-full&sslrootcert=/etc/agency/ca.pem", "jsmith@db.agency.example:5432/caseload"},
		{"postgres://jsmith@db.agency.example:6432/caseload", "jsmith@db.agency.example:6432/caseload"},
		{"postgresql://jsmith:secret@db.agency.example/caseload", "jsmith@db.agency.example:5432/caseload"},
		{"postgres://jsmith@[2001:db8::1]/caseload", "jsmith@[2001:db8::1]:5432/caseload"},
		{"postgres://alice_1@/caseload_1?host=%2Ftmp%2Fpg&port=5433", "alice_1@/tmp/pg:5433/caseload_1"},
		{"postgres://jsmith@/?dbname=agency", "jsmith@localhost:5432/agency"},
		{"postgres://jsmith@db.agency.example", "jsmith@db.agency.example:5432/jsmith"},
	} {
		got, err := Login(tc.url)
		if err != nil || got != tc.want {
			t.Errorf("Login(%q) = %q, %v; want %q", tc.url, got, err, tc.want)
		}
	}
	for _, bad := range []string{"postgres://db.agency.example/caseload", "::not a url"} {
		if got, err := Login(bad); err == nil {
			t.Errorf("Login(%q) = %q, want an error: it names no login", bad, got)
		}
	}
}
