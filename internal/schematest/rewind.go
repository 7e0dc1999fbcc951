// Package schematest takes a caseload file back to an older schema, for the
// tests of what a migration does to a file made before it.
package schematest

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
)

var (
	created  = regexp.MustCompile(`(?m)^CREATE (?:UNIQUE )?(TABLE|INDEX|TRIGGER) (\w+)`)
	replaced = regexp.MustCompile(`(?m)^DROP TRIGGER (\w+);`)
	added    = regexp.MustCompile(`(?m)^ALTER TABLE (\w+) ADD COLUMN (\w+)`)
)

// Rewind takes the file db is open on back to schema version to, as the
// numbered migrations in dir (the store's migrations folder) left it: the
// tables, indexes and triggers each later migration made are dropped, the
// columns it added taken away and the triggers it replaced put back as they
// were. The records stay, as they would in a file made before.
func Rewind(db *sql.DB, dir string, to int) error {
	all, err := filepath.Glob(filepath.Join(dir, "*.sql"))
	if err != nil {
		return err
	}
	sort.Strings(all)
	if to < 0 || to > len(all) {
		return fmt.Errorf("rewind to version %d: there are %d migrations", to, len(all))
	}
	for m := len(all) - 1; m >= to; m-- {
		body, err := os.ReadFile(all[m])
		if err != nil {
			return err
		}
		made := created.FindAllStringSubmatch(string(body), -1)
		for _, c := range made {
			if c[1] == "INDEX" {
				if _, err := db.Exec("DROP INDEX IF EXISTS " + c[2]); err != nil {
					return err
				}
			}
		}
		for i := len(made) - 1; i >= 0; i-- {
			if made[i][1] == "INDEX" {
				continue // dropped above
			}
			if _, err := db.Exec("DROP " + made[i][1] + " " + made[i][2]); err != nil {
				return fmt.Errorf("%s: %w", filepath.Base(all[m]), err)
			}
		}
		for _, c := range replaced.FindAllStringSubmatch(string(body), -1) {
			def, err := earlierTrigger(all[:m], c[1])
			if err != nil {
				return err
			}
			if _, err := db.Exec(def); err != nil {
				return fmt.Errorf("put back trigger %s: %w", c[1], err)
			}
		}
		for _, c := range added.FindAllStringSubmatch(string(body), -1) {
			if _, err := db.Exec("ALTER TABLE " + c[1] + " DROP COLUMN " + c[2]); err != nil {
				return err
			}
		}
	}
	_, err = db.Exec(fmt.Sprintf("PRAGMA user_version = %d", to))
	return err
}

// Version is the schema version a migration file brings a file to: its
// place in the folder, counted from one.
func Version(dir, name string) (int, error) {
	all, err := filepath.Glob(filepath.Join(dir, "*.sql"))
	if err != nil {
		return 0, err
	}
	sort.Strings(all)
	for i, p := range all {
		if filepath.Base(p) == name {
			return i + 1, nil
		}
	}
	return 0, fmt.Errorf("no migration %s in %s", name, dir)
}

// earlierTrigger is the last definition of a trigger in the migrations
// given, in order.
func earlierTrigger(migrations []string, name string) (string, error) {
	def := regexp.MustCompile(`(?ms)^CREATE TRIGGER ` + name + `\b.*?\bEND;`)
	for i := len(migrations) - 1; i >= 0; i-- {
		body, err := os.ReadFile(migrations[i])
		if err != nil {
			return "", err
		}
		if found := def.FindAllString(string(body), -1); len(found) > 0 {
			return found[len(found)-1], nil
		}
	}
	return "", fmt.Errorf("no migration before makes trigger %s", name)
}
