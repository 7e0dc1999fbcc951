package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ProgressKind is what one progress entry on a condition records.
type ProgressKind string

// Progress kinds.
const (
	ProgressHours    ProgressKind = "hours"
	ProgressPayment  ProgressKind = "payment"
	ProgressAttended ProgressKind = "attended"
	ProgressMissed   ProgressKind = "missed"
	ProgressStatus   ProgressKind = "status"
)

var progressKinds = []Option[ProgressKind]{
	{ProgressHours, "Hours done", "Community service hours done on a day, and where."},
	{ProgressPayment, "Payment", "An amount paid, with the receipt number."},
	{ProgressAttended, "Session attended", "A programme or treatment session attended."},
	{ProgressMissed, "Session missed", "A programme or treatment session missed."},
	{ProgressStatus, "Status changed", "The condition's status changed, with the reason."},
}

// ProgressKinds lists the progress kinds.
func ProgressKinds() []Option[ProgressKind] { return copyOf(progressKinds) }

// Label is the officer-facing name.
func (v ProgressKind) Label() string { return labelOf(progressKinds, v) }

// Valid reports whether v is known.
func (v ProgressKind) Valid() bool { return valid(progressKinds, v) }

// fits reports whether an entry of this kind can go on a condition measured
// by m: hours on community service, payments on money, sessions on
// programmes; a status change on anything.
func (v ProgressKind) fits(m Measure) bool {
	switch v {
	case ProgressHours:
		return m == MeasureMinutes
	case ProgressPayment:
		return m == MeasureCents
	case ProgressAttended, ProgressMissed:
		return m == MeasureSessions
	}
	return true
}

// ProgressEntry is one step on a condition, kept for ever: hours done, a
// payment, a session attended or missed, a change of status. A mistake is
// corrected by a new entry, never by changing this one.
type ProgressEntry struct {
	ID          string
	ConditionID string
	ClientID    string
	Kind        ProgressKind
	At          time.Time
	// Amount is minutes for hours, cents for a payment; zero otherwise.
	Amount  int64
	Where   string // where the hours were done or the session held
	Receipt string // the receipt number of a payment
	// Status is the new status of a status change; From is what it was.
	Status    ConditionStatus
	From      ConditionStatus
	Note      string // the reason for a status change, or a remark
	CreatedAt time.Time
}

// Progress field names used in validation errors.
const (
	FieldAmount  = "amount"
	FieldWhere   = "where"
	FieldReceipt = "receipt"
)

// ValidateFor checks the entry against its condition as of now.
func (e ProgressEntry) ValidateFor(c Condition, now time.Time) error {
	var p problems
	if !e.Kind.Valid() {
		p.add(FieldType, "choose what to record")
	} else if !e.Kind.fits(c.Kind.Measure()) {
		p.add(FieldType, e.Kind.Label()+" does not go on "+strings.ToLower(c.Kind.Label()))
	}
	if e.At.IsZero() {
		p.add(FieldAt, "required")
	} else if e.At.After(now.Add(maxFuture)) {
		p.add(FieldAt, "is in the future; record progress after it happens")
	}
	switch e.Kind {
	case ProgressHours, ProgressPayment:
		if e.Amount <= 0 {
			p.add(FieldAmount, "must be more than zero")
		}
	default:
		if e.Amount != 0 {
			p.add(FieldAmount, "only hours and payments have an amount")
		}
	}
	if e.Kind == ProgressStatus {
		if !e.Status.Valid() {
			p.add(FieldStatus, "choose a status")
		} else if e.Status == c.Status {
			p.add(FieldStatus, "is already "+strings.ToLower(c.Status.Label()))
		}
		checkText(&p, FieldNote, e.Note, true, maxNote)
	} else {
		checkText(&p, FieldNote, e.Note, false, maxNote)
	}
	if !c.Status.Open() && e.Kind != ProgressStatus {
		p.add(FieldType, "the condition is "+strings.ToLower(c.Status.Label())+"; nothing more is counted on it")
	}
	checkText(&p, FieldWhere, e.Where, false, 500)
	checkText(&p, FieldReceipt, e.Receipt, false, 100)
	return p.err()
}

// Apply returns the condition after the entry: a status change sets the
// status, and the first step on a condition not started puts it in progress.
func (c Condition) Apply(e ProgressEntry) Condition {
	switch {
	case e.Kind == ProgressStatus:
		c.Status = e.Status
	case c.Status == ConditionNotStarted && e.Kind != ProgressMissed:
		c.Status = ConditionInProgress
	}
	return c
}

// Progress is where a condition stands, derived from its entries, never
// typed.
type Progress struct {
	Done     int64 // minutes, cents or sessions attended
	Target   int64
	Missed   int   // sessions missed
	NextDue  Date  // the next instalment, or the deadline of what is not done; zero when nothing is due
	NextOwed int64 // cents of the next instalment still to pay
	Behind   bool  // NextDue has passed
	Text     string
}

// ProgressTally is what a condition's entries add up to: minutes, cents or
// sessions attended, and sessions missed.
type ProgressTally struct {
	Done   int64
	Missed int
}

// Add counts one entry.
func (t *ProgressTally) Add(e ProgressEntry) {
	switch e.Kind {
	case ProgressHours, ProgressPayment:
		t.Done += e.Amount
	case ProgressAttended:
		t.Done++
	case ProgressMissed:
		t.Missed++
	}
}

// ProgressOf totals a condition's entries as of today.
func ProgressOf(c Condition, entries []ProgressEntry, today Date) Progress {
	var t ProgressTally
	for _, e := range entries {
		t.Add(e)
	}
	return ProgressWith(c, t.Done, t.Missed, today)
}

// ProgressWith is ProgressOf from totals already counted: done (minutes,
// cents or sessions attended) and sessions missed.
func ProgressWith(c Condition, done int64, missed int, today Date) Progress {
	p := Progress{Target: c.Target, Done: done, Missed: missed}
	p.NextDue, p.NextOwed = c.NextDue(done)
	p.Behind = !p.NextDue.IsZero() && p.NextDue.Before(today)
	p.Text = progressText(c, p, today)
	return p
}

// NextDue is what is due next on an open condition with done counted so
// far (minutes, cents or sessions): the day and, for a payment plan, the
// cents still owed on that instalment. The zero Date when nothing is due.
func (c Condition) NextDue(done int64) (Date, int64) {
	if !c.Status.Open() {
		return Date{}, 0
	}
	return nextDue(c, done)
}

// nextDue finds the next thing due: for a payment plan, the first monthly
// instalment not yet covered by what was paid and what is left of it; for
// any other measurable condition not yet met, its deadline.
func nextDue(c Condition, done int64) (Date, int64) {
	if c.Target > 0 && done >= c.Target {
		return Date{}, 0
	}
	if c.Kind == ConditionPayment && c.Instalment > 0 {
		covered := done / c.Instalment
		owed := (covered+1)*c.Instalment - done
		if c.Target > 0 && owed > c.Target-done {
			owed = c.Target - done
		}
		return AddMonths(c.FirstInstalmentOn, int(covered)), owed
	}
	if c.Kind.Measure() != MeasureNone && c.Target > 0 {
		return c.DueBy, 0
	}
	return Date{}, 0
}

// AddMonths returns the same day n months later, or the month's last day
// when it is shorter: an instalment due on the 31st falls on 28 February.
func AddMonths(d Date, n int) Date {
	first := time.Date(d.Year, d.Month+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return Date{first.Year(), first.Month(), min(d.Day, last)}
}

// progressText says the progress in the officer's words: "26 of 40 hours",
// "$450.00 of $1,250.00, next $100.00 due 15 Jan", "8 of 12 sessions, 1
// missed".
func progressText(c Condition, p Progress, today Date) string {
	var b strings.Builder
	switch c.Kind.Measure() {
	case MeasureMinutes:
		b.WriteString(Hours(p.Done))
		if p.Target > 0 {
			b.WriteString(" of " + Hours(p.Target))
		}
		b.WriteString(" hours")
	case MeasureCents:
		b.WriteString(Money(p.Done))
		if p.Target > 0 {
			b.WriteString(" of " + Money(p.Target))
		}
		if p.Target > 0 && p.Done >= p.Target {
			b.WriteString(", paid in full")
		} else if !p.NextDue.IsZero() && p.NextOwed > 0 {
			b.WriteString(", next " + Money(p.NextOwed) + " due " + ShortDate(p.NextDue, today))
		}
	case MeasureSessions:
		b.WriteString(strconv.FormatInt(p.Done, 10))
		if p.Target > 0 {
			b.WriteString(" of " + strconv.FormatInt(p.Target, 10))
		}
		b.WriteString(" sessions")
		if p.Missed > 0 {
			b.WriteString(fmt.Sprintf(", %d missed", p.Missed))
		}
	default:
		return c.Status.Label()
	}
	if c.Kind != ConditionPayment && !p.NextDue.IsZero() {
		b.WriteString(", due " + ShortDate(p.NextDue, today))
	}
	return b.String()
}

// Hours writes minutes as hours: "26", "2.5", "0.25".
func Hours(minutes int64) string {
	h := strconv.FormatFloat(float64(minutes)/60, 'f', 2, 64)
	h = strings.TrimRight(strings.TrimRight(h, "0"), ".")
	return h
}

// Money writes cents as dollars with thousands separated: "$1,250.00".
func Money(cents int64) string {
	sign := ""
	if cents < 0 {
		sign, cents = "-", -cents
	}
	whole := strconv.FormatInt(cents/100, 10)
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	return fmt.Sprintf("%s$%s.%02d", sign, whole, cents%100)
}

// ShortDate writes a date as "15 Jan", with the year when it is not today's.
func ShortDate(d, today Date) string {
	if d.Year == today.Year {
		return fmt.Sprintf("%d %s", d.Day, d.Month.String()[:3])
	}
	return fmt.Sprintf("%d %s %d", d.Day, d.Month.String()[:3], d.Year)
}

// ParseMoney reads an amount as officers type it ("50", "$1,250.00",
// "12.5") into cents.
func ParseMoney(s string) (int64, error) {
	in := strings.ReplaceAll(strings.TrimPrefix(strings.TrimSpace(s), "$"), ",", "")
	whole, frac, hasFrac := strings.Cut(in, ".")
	if whole == "" && !hasFrac || len(frac) > 2 || strings.ContainsAny(whole+frac, "+-") {
		return 0, fmt.Errorf("not an amount: %q", s)
	}
	n, err := strconv.ParseInt("0"+whole, 10, 64)
	if err != nil || n > 1e12 {
		return 0, fmt.Errorf("not an amount: %q", s)
	}
	cents := int64(0)
	if frac != "" {
		f, err := strconv.ParseInt(frac, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("not an amount: %q", s)
		}
		if len(frac) == 1 {
			f *= 10
		}
		cents = f
	}
	return n*100 + cents, nil
}

// ParseHours reads hours as officers type them ("2", "1.5", "0.25") into
// minutes.
func ParseHours(s string) (int64, error) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || f < 0 || f > 10000 {
		return 0, fmt.Errorf("not a number of hours: %q", s)
	}
	return int64(f*60 + 0.5), nil
}
