package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"caseload/model"
	"caseload/text"
)

// wideNames are names as officers meet them: accents, letters made of a
// base and a combining mark, and CJK characters, which take two cells each,
// long enough to be cut at an odd cell.
var wideNames = []struct{ name, preferred, caseNo string }{
	{"Zoë Ngô", "", "CJ-2001"},
	{"José Ñúñez", "Pepe", "CJ-2002"},
	{"Zoe\u0308 Combining", "", "CJ-2003"},
	{"李小龍", "", "CJ-2004"},
	{"Li 小龍小龍小龍小龍小龍小龍小龍小龍小龍小龍小龍小龍小龍小龍小龍小龍小龍小龍小龍小龍小龍小龍小龍小龍小龍小龍小龍", "", "CJ-2005"},
	{"Søren Åberg-Ødegård", "山田", "CJ-2006"},
	{"Ann Plain", "", "CJ-2007"},
}

// TestCaseloadAlignsWideNames pins the caseload with such names: every
// column after the name starts at the same cell on every row.
func TestCaseloadAlignsWideNames(t *testing.T) {
	for _, size := range sizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			st := emptyStore(t)
			for _, n := range wideNames {
				_, err := st.CreateClient(context.Background(), model.Client{Name: n.name, PreferredName: n.preferred,
					CaseNumber: n.caseNo, Level: model.LevelModerate, Status: model.StatusActive,
					SupervisionType: model.SupervisionProbation, SupervisionFrom: model.Date{Year: 2026, Month: 1, Day: 5}})
				if err != nil {
					t.Fatal(err)
				}
			}
			h := start(t, st, size[0], size[1])
			h.keys("s") // by name: the order does not depend on ids
			screen := h.screen()
			want := -1
			rows := 0
			for _, line := range strings.Split(screen, "\n") {
				i := strings.Index(line, "CJ-")
				if i < 0 {
					i = strings.Index(line, "Case no.")
				}
				if i < 0 {
					continue
				}
				rows++
				col := text.Width(line[:i])
				if want < 0 {
					want = col
				}
				if col != want {
					t.Errorf("the case number starts at cell %d, not %d, on:\n%s", col, want, line)
				}
			}
			if rows != len(wideNames)+1 {
				t.Fatalf("found %d rows with a case number and the header, want %d:\n%s", rows, len(wideNames)+1, screen)
			}
			golden.RequireEqual(t, []byte(screen))
		})
	}
}
