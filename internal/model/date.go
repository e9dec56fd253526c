package model

import (
	"cmp"
	"fmt"
	"time"
)

// Date is a calendar date with no time of day and no zone. Event dates and
// deadlines are civil dates: 5 August is 5 August wherever the program runs,
// so they are never carried as time.Time in the machine's zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the date and whether it exists (31 April does not).
func NewDate(y int, m time.Month, d int) (Date, bool) {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || t.Month() != m || t.Day() != d {
		return Date{}, false
	}
	return Date{y, m, d}, true
}

// ParseDate reads YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	var y, m, d int
	if len(s) != 10 {
		return Date{}, fmt.Errorf("%q is not a date of the form YYYY-MM-DD", s)
	}
	if _, err := fmt.Sscanf(s, "%4d-%2d-%2d", &y, &m, &d); err != nil || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("%q is not a date of the form YYYY-MM-DD", s)
	}
	dt, ok := NewDate(y, time.Month(m), d)
	if !ok {
		return Date{}, fmt.Errorf("%s does not exist", s)
	}
	return dt, nil
}

// DateOf takes the calendar fields of t as they read, ignoring its zone.
func DateOf(t time.Time) Date { return Date{t.Year(), t.Month(), t.Day()} }

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d == Date{} }

// Time is midnight UTC of the date; use it only for arithmetic and formatting.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// ExcelEpoch is day zero of the spreadsheet 1900 date system (Excel's
// count, which takes 1900 for a leap year, so day 60 is its 29 February).
var ExcelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// ExcelSerial is the number a spreadsheet stores for the date.
func (d Date) ExcelSerial() int { return int(d.Time().Sub(ExcelEpoch).Hours() / 24) }

// String gives YYYY-MM-DD, or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Before reports whether d is earlier than e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is later than e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// Compare returns -1, 0 or +1.
func (d Date) Compare(e Date) int {
	return cmp.Or(cmp.Compare(d.Year, e.Year), cmp.Compare(d.Month, e.Month), cmp.Compare(d.Day, e.Day))
}

// AddDays moves the date by n days.
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// DaysUntil counts the days from d to e (negative when e is earlier).
func (d Date) DaysUntil(e Date) int { return int(e.Time().Sub(d.Time()).Hours() / 24) }

// Weekday of the date.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// Period is a closed range of dates, both ends included.
type Period struct {
	Start, End Date
}

// Contains reports whether d falls inside the period, ends included.
func (p Period) Contains(d Date) bool { return !d.Before(p.Start) && !d.After(p.End) }

// Clock is a local time of day, as an event's start is given.
type Clock struct {
	Hour, Minute int
}

// ParseClock reads HH:MM (24-hour).
func ParseClock(s string) (Clock, error) {
	var h, m int
	if len(s) != 5 || s[2] != ':' {
		return Clock{}, fmt.Errorf("%q is not a time of the form HH:MM", s)
	}
	if _, err := fmt.Sscanf(s, "%2d:%2d", &h, &m); err != nil || h < 0 || h > 23 || m < 0 || m > 59 {
		return Clock{}, fmt.Errorf("%q is not a time of day between 00:00 and 23:59", s)
	}
	return Clock{h, m}, nil
}

// Add returns the clock moved on by minutes, wrapping past midnight.
func (c Clock) Add(minutes int) Clock {
	t := ((c.Hour*60+c.Minute+minutes)%(24*60) + 24*60) % (24 * 60)
	return Clock{t / 60, t % 60}
}

// String gives HH:MM.
func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", c.Hour, c.Minute) }
