// Command caseload is a terminal app for probation and community-supervision
// officers: clients, check-ins, stages of change and referrals in one local
// file that works offline.
package main

import (
	"os"

	"caseload/cli"
)

// version is stamped by `make build`.
var version = "dev"

func main() {
	os.Exit(cli.Main(version))
}
