package model

import "fmt"

// CaseloadStandards says how many clients of each supervision level make one
// full caseload for one officer. The officer can change them in settings to
// the standard their agency uses.
type CaseloadStandards map[Level]int

// APPAStandards are the adult caseload standards of the American Probation
// and Parole Association: intensive 20:1, moderate to high risk 50:1, low
// risk 200:1 (administrative cases, which this app does not hold, are left
// without a limit). Source: American Probation and Parole Association,
// "Caseload Standards for Probation and Parole", issue paper, September 2006
// (listed by the National Reentry Resource Center, csgjusticecenter.org/nrrc/
// publications/caseload-standards-for-probation-and-parole-2/, and by the
// National Institute of Corrections' staffing and workload page). Our high
// and moderate levels are both the paper's "moderate to high risk".
func APPAStandards() CaseloadStandards {
	return CaseloadStandards{LevelIntensive: 20, LevelHigh: 50, LevelModerate: 50, LevelLow: 200}
}

// PerOfficer returns how many clients of a level make a full caseload,
// falling back to the APPA figure when the level is unset.
func (s CaseloadStandards) PerOfficer(l Level) int {
	if n, ok := s[l]; ok && n > 0 {
		return n
	}
	return APPAStandards()[l]
}

// Validate checks that every level has a standard between 1 and 10,000.
func (s CaseloadStandards) Validate() error {
	var p problems
	for _, l := range Levels() {
		if n := s[l.Value]; n < 1 || n > 10000 {
			p.add("standard_"+string(l.Value), fmt.Sprintf("%s: between 1 and 10,000 clients per officer", l.Label))
		}
	}
	return p.err()
}

// LevelLoad is one supervision level's part of the officer's load.
type LevelLoad struct {
	Level      Level
	Clients    int
	PerOfficer int // the standard: clients of this level in one full caseload
	// PerClient is the share of one full caseload that one client of this
	// level takes, in percent: 100 / PerOfficer.
	PerClient float64
	Percent   float64 // Clients × PerClient
}

// Load is the officer's caseload weighted by level against a standard: 100
// means exactly one full caseload. It is information for planning, not a
// measure of the officer.
type Load struct {
	Levels  []LevelLoad // from intensive to low
	Clients int
	Percent float64
}

// LoadOf weighs the active clients by level against the standards.
func LoadOf(clientsByLevel map[Level]int, s CaseloadStandards) Load {
	var load Load
	for _, l := range LevelsByIntensity() {
		per := s.PerOfficer(l)
		n := clientsByLevel[l]
		ll := LevelLoad{Level: l, Clients: n, PerOfficer: per, PerClient: 100 / float64(per)}
		ll.Percent = float64(n) * ll.PerClient
		load.Levels = append(load.Levels, ll)
		load.Clients += n
		load.Percent += ll.Percent
	}
	return load
}

// LevelsByIntensity lists the supervision levels from the most to the least
// intensive, the order in which load and shape are shown.
func LevelsByIntensity() []Level {
	return []Level{LevelIntensive, LevelHigh, LevelModerate, LevelLow}
}

// IsAPPA reports whether the standards are the APPA's as published, so that
// a report names its source only when it is true.
func (s CaseloadStandards) IsAPPA() bool {
	for l, n := range APPAStandards() {
		if s.PerOfficer(l) != n {
			return false
		}
	}
	return true
}
