package model

// Settings are the officer's preferences kept in the database.
type Settings struct {
	OfficerName string
	Intervals   Intervals
	// Standards are the caseload standards the workload screen weighs the
	// caseload against; the APPA's until the officer sets the agency's own.
	Standards CaseloadStandards
	// ExportDir is where summaries are written by default; "" is the
	// officer's home folder.
	ExportDir string
}

// DefaultSettings are used until the officer changes them.
func DefaultSettings() Settings {
	return Settings{Intervals: DefaultIntervals(), Standards: APPAStandards()}
}

// Validate checks the settings.
func (s Settings) Validate() error {
	var p problems
	checkText(&p, "officer_name", s.OfficerName, false, 200)
	checkText(&p, "export_dir", s.ExportDir, false, 4096)
	if err := s.Intervals.Validate(); err != nil {
		p = append(p, FieldErrors(err).Fields...)
	}
	if s.Standards != nil {
		if err := s.Standards.Validate(); err != nil {
			p = append(p, FieldErrors(err).Fields...)
		}
	}
	return p.err()
}
