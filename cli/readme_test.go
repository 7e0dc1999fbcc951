package cli

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// readmeRow is a row of the README's command table: the command and what
// follows it in the first cell.
var readmeRow = regexp.MustCompile("(?m)^\\| `caseload ([a-z]+(?: (?:clients|resources|workload))?)([^`]*)`")

var flagName = regexp.MustCompile(`--[a-z][a-z-]*`)

// TestReadmeCommandTableMatchesTheHelp keeps the README true: every command
// and flag it shows is in that command's --help, and every command --help
// lists is in the README.
func TestReadmeCommandTableMatchesTheHelp(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	rows := readmeRow.FindAllStringSubmatch(string(b), -1)
	if len(rows) < 10 {
		t.Fatalf("found %d rows of the command table in the README; want the table", len(rows))
	}
	inReadme := map[string]bool{}
	for _, row := range rows {
		name := row[1]
		inReadme[strings.Fields(name)[0]] = true
		code, help, stderr := cli(t, nil, append(strings.Fields(name), "--help")...)
		if code != 0 {
			t.Errorf("caseload %s --help: exit %d, %q", name, code, stderr)
			continue
		}
		for _, flag := range flagName.FindAllString(row[2], -1) {
			if !strings.Contains(help, flag) {
				t.Errorf("the README shows caseload %s %s, which its --help does not list", name, flag)
			}
		}
	}
	_, help, _ := cli(t, nil, "--help")
	section := help[strings.Index(help, "COMMANDS"):strings.Index(help, "FLAGS")]
	for _, line := range strings.Split(section, "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 || fields[0] == "COMMANDS" || fields[0] == "help" {
			continue
		}
		if !inReadme[fields[0]] {
			t.Errorf("caseload --help lists %s, which the README's command table does not", fields[0])
		}
	}
}
