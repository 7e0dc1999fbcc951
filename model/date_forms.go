package model

import (
	"fmt"
	"strings"
	"time"
)

// dateForms are the ways dates arrive from other systems and spreadsheets:
// ISO, and the US month/day/year with or without leading zeros. Two-digit
// years are refused: for a date of birth, 1/2/06 could be a century off.
var dateForms = []string{"2006-01-02", "1/2/2006", "2006/1/2", "1-2-2006"}

// ParseCommonDate reads a date written as YYYY-MM-DD or as US month/day/year
// (1/2/2006, 01/02/2006); "" is the zero Date.
func ParseCommonDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	for _, form := range dateForms {
		if t, err := time.Parse(form, s); err == nil {
			return DateOf(t), nil
		}
	}
	return Date{}, fmt.Errorf("%q is not a date (write 2006-01-31 or 1/31/2006)", s)
}
