// Command gofloor prints what one query returns as a Markdown table, as
// `sqlite3 -markdown` does, through database/sql and modernc.org/sqlite:
// the least a pure-Go program on caseload's driver does to print those rows.
// The export bench runs it beside caseload export and sqlite3, so that the
// export's ratio to sqlite3 can be read against what the stack itself costs.
//
//	gofloor FILE QUERY
package main

import (
	"bufio"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"

	_ "modernc.org/sqlite"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: gofloor FILE QUERY")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "gofloor:", err)
		os.Exit(1)
	}
}

func run(path, query string) error {
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?mode=ro")
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := db.Query(query)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	out := bufio.NewWriter(os.Stdout)
	fmt.Fprintf(out, "| %s |\n|", strings.Join(cols, " | "))
	for range cols {
		out.WriteString("---|")
	}
	out.WriteString("\n")
	vals := make([]sql.RawBytes, len(cols))
	dest := make([]any, len(cols))
	for i := range vals {
		dest[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		out.WriteString("|")
		for _, v := range vals {
			out.WriteString(" ")
			out.Write(v)
			out.WriteString(" |")
		}
		out.WriteString("\n")
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return out.Flush()
}
