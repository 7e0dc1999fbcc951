package model

// Settings are the officer's preferences kept in the database.
type Settings struct {
	OfficerName string
	Intervals   Intervals
}

// DefaultSettings are used until the officer changes them.
func DefaultSettings() Settings {
	return Settings{Intervals: DefaultIntervals()}
}

// Validate checks the settings.
func (s Settings) Validate() error {
	var p problems
	checkText(&p, "officer_name", s.OfficerName, false, 200)
	if err := s.Intervals.Validate(); err != nil {
		p = append(p, FieldErrors(err).Fields...)
	}
	return p.err()
}
