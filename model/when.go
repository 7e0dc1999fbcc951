package model

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// relative matches "+14d", "-3d", "+2w": the offsets officers type for the
// next appointment, which the natural-language parser does not read.
var relative = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([+-])\s*(\d{1,4})\s*([dw])$`) })

// isoLayouts are read before the natural-language parser, which would take
// "2026-12-03" for the time 12:03.
var isoLayouts = []string{"2006-01-02 15:04", "2006-01-02T15:04", "2006-01-02"}

// ParseWhen reads a date and time as people type them: "now", "today 3pm",
// "tomorrow", "fri 10:00", "next mon", "in 2 weeks", "+14d", "-3d",
// "2026-12-03", "2026-12-03 14:30". Times are read in now's location; a day
// without a time keeps now's time of day except for an ISO date, which is
// midnight. An empty string is no time (the zero time, no error). The whole
// input must be read: "fri at the office" is an error, not Friday.
func ParseWhen(s string, now time.Time) (time.Time, error) {
	in := strings.ToLower(strings.TrimSpace(s))
	switch in {
	case "":
		return time.Time{}, nil
	case "now":
		return now, nil
	}
	for _, layout := range isoLayouts {
		if t, err := time.ParseInLocation(layout, in, now.Location()); err == nil {
			return t, nil
		}
	}
	if m := relative().FindStringSubmatch(in); m != nil {
		n, _ := strconv.Atoi(m[2]) // at most four digits: always a number
		if m[1] == "-" {
			n = -n
		}
		if m[3] == "w" {
			n *= 7
		}
		return now.AddDate(0, 0, n), nil
	}
	t, matched, ok, err := parseNatural(in, now)
	if err != nil || !ok || strings.TrimSpace(matched) != in {
		return time.Time{}, fmt.Errorf("cannot read %q as a date (try \"today 3pm\", \"fri 10:00\", \"+14d\" or 2026-12-03)", strings.TrimSpace(s))
	}
	return t, nil
}
