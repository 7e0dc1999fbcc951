package model

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// HLC is a reading of a hybrid logical clock: wall time in milliseconds, a
// counter that orders changes made within one millisecond (or while the
// wall clock lags behind a time already seen), and the laptop that made
// the change, which breaks the last ties. Every laptop's changes are
// ordered by it, so every copy of a record converges on the same values
// whatever order the syncs come in, even when a laptop's clock is wrong:
// a laptop moves its clock past every reading it pulls, so its next change
// is later than anything it has seen.
type HLC struct {
	Wall    int64 // Unix milliseconds
	Counter int
	Laptop  string
}

// hlcCounterMax bounds the counter so the text form keeps a fixed width;
// a clock that would pass it moves to the next millisecond instead.
const hlcCounterMax = 999_999

// MaxClockLead is how far past the receiver's own clock a reading may be.
// One further ahead comes from a laptop whose clock is badly wrong: taking
// it would drag every clock after it, so it is refused.
const MaxClockLead = 24 * time.Hour

// ErrClockFarAhead reports a reading too far past the receiver's clock.
var ErrClockFarAhead = errors.New("a change is dated too far in the future: check the date and time on the laptop that made it")

// String gives the reading as text whose plain byte order is the clock's
// order, so that databases compare readings without parsing them.
func (h HLC) String() string {
	if h.IsZero() {
		return ""
	}
	return fmt.Sprintf("%015d-%06d-%s", h.Wall, h.Counter, h.Laptop)
}

// IsZero tells the reading of a field never written through the clock.
func (h HLC) IsZero() bool { return h.Wall == 0 && h.Counter == 0 && h.Laptop == "" }

// ParseHLC reads the text form of a reading; "" is the zero reading.
func ParseHLC(s string) (HLC, error) {
	if s == "" {
		return HLC{}, nil
	}
	parts := strings.SplitN(s, "-", 3)
	if len(parts) != 3 || len(parts[0]) != 15 || len(parts[1]) != 6 || parts[2] == "" {
		return HLC{}, fmt.Errorf("%q is not a clock reading", s)
	}
	wall, err1 := strconv.ParseInt(parts[0], 10, 64)
	counter, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil || wall < 0 || counter < 0 {
		return HLC{}, fmt.Errorf("%q is not a clock reading", s)
	}
	return HLC{Wall: wall, Counter: counter, Laptop: parts[2]}, nil
}

// Compare orders two readings: wall time, then counter, then laptop id.
func (h HLC) Compare(o HLC) int {
	switch {
	case h.Wall != o.Wall:
		return cmpInt64(h.Wall, o.Wall)
	case h.Counter != o.Counter:
		return cmpInt64(int64(h.Counter), int64(o.Counter))
	default:
		return strings.Compare(h.Laptop, o.Laptop)
	}
}

// After tells whether h is later than o.
func (h HLC) After(o HLC) bool { return h.Compare(o) > 0 }

func cmpInt64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// CheckLead refuses a reading more than MaxClockLead past now.
func CheckLead(h HLC, now time.Time) error {
	if h.Wall > now.Add(MaxClockLead).UnixMilli() {
		return fmt.Errorf("%w (%s, more than %s past %s)", ErrClockFarAhead,
			time.UnixMilli(h.Wall).UTC().Format(time.RFC3339), MaxClockLead, now.UTC().Format(time.RFC3339))
	}
	return nil
}

// Clock is one laptop's hybrid logical clock. It keeps its last reading,
// which the laptop's file stores between runs.
type Clock struct {
	laptop string
	last   HLC
}

// NewClock resumes laptop's clock from its last reading.
func NewClock(laptop string, last HLC) *Clock {
	return &Clock{laptop: laptop, last: last}
}

// Last is the latest reading the clock has given or seen.
func (c *Clock) Last() HLC { return c.last }

// Now gives a reading later than every one before it: the wall time when
// it is ahead, otherwise the last reading's time with the counter moved on.
func (c *Clock) Now(wall time.Time) HLC {
	ms := wall.UnixMilli()
	next := HLC{Wall: ms, Laptop: c.laptop}
	if ms <= c.last.Wall {
		next = HLC{Wall: c.last.Wall, Counter: c.last.Counter + 1, Laptop: c.laptop}
		if next.Counter > hlcCounterMax {
			next = HLC{Wall: c.last.Wall + 1, Laptop: c.laptop}
		}
	}
	c.last = next
	return next
}

// Observe moves the clock past a reading pulled from elsewhere, so that the
// laptop's next change orders after it. A reading far past wall is refused
// and leaves the clock as it was.
func (c *Clock) Observe(remote HLC, wall time.Time) error {
	if err := CheckLead(remote, wall); err != nil {
		return err
	}
	if remote.Wall > c.last.Wall || (remote.Wall == c.last.Wall && remote.Counter > c.last.Counter) {
		c.last = HLC{Wall: remote.Wall, Counter: remote.Counter, Laptop: c.laptop}
	}
	return nil
}
