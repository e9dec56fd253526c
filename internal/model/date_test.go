package model

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		ok   bool
	}{
		{"2027-09-24", Date{2027, time.September, 24}, true},
		{"2028-02-29", Date{2028, time.February, 29}, true},
		{"2027-02-29", Date{}, false},
		{"2027-04-31", Date{}, false},
		{"2027-9-24", Date{}, false},
		{"24/09/2027", Date{}, false},
		{"", Date{}, false},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestDateArithmetic(t *testing.T) {
	d := Date{2027, time.August, 31}
	if got := d.AddDays(1); got != (Date{2027, time.September, 1}) {
		t.Errorf("AddDays = %v", got)
	}
	if n := d.DaysUntil(Date{2027, time.September, 24}); n != 24 {
		t.Errorf("DaysUntil = %d", n)
	}
	if !d.Before(d.AddDays(1)) || d.After(d) || d.Compare(d) != 0 {
		t.Error("comparisons wrong")
	}
	p := Period{Date{2027, 7, 20}, Date{2027, 9, 10}}
	for _, tt := range []struct {
		d  Date
		in bool
	}{{p.Start, true}, {p.End, true}, {p.Start.AddDays(-1), false}, {p.End.AddDays(1), false}} {
		if p.Contains(tt.d) != tt.in {
			t.Errorf("Contains(%v) != %v", tt.d, tt.in)
		}
	}
	if (Date{}).String() != "" || d.String() != "2027-08-31" {
		t.Error("String wrong")
	}
}

func TestClock(t *testing.T) {
	c, err := ParseClock("09:30")
	if err != nil || c != (Clock{9, 30}) {
		t.Fatalf("ParseClock = %v, %v", c, err)
	}
	for _, tt := range []struct {
		add  int
		want string
	}{{20, "09:50"}, {150, "12:00"}, {15 * 60, "00:30"}, {-600, "23:30"}} {
		if got := c.Add(tt.add).String(); got != tt.want {
			t.Errorf("09:30 + %d = %s, want %s", tt.add, got, tt.want)
		}
	}
	for _, bad := range []string{"24:00", "9:30", "09:60", "0930"} {
		if _, err := ParseClock(bad); err == nil {
			t.Errorf("ParseClock(%q) accepted", bad)
		}
	}
}

func TestInForceFor(t *testing.T) {
	for _, tt := range []struct{ deposit, want Date }{
		{Date{2010, time.June, 11}, EnteredIntoForce}, // Ecuador, the first: waits for 5 May 2013
		{Date{2013, time.February, 5}, EnteredIntoForce},
		{Date{2015, time.March, 10}, Date{2015, time.June, 10}},
		{Date{2027, time.November, 30}, Date{2028, time.February, 29}},
		{Date{2026, time.November, 30}, Date{2027, time.February, 28}},
		{Date{2027, time.October, 15}, Date{2028, time.January, 15}},
	} {
		if got := InForceFor(tt.deposit); got != tt.want {
			t.Errorf("InForceFor(%v) = %v, want %v", tt.deposit, got, tt.want)
		}
	}
}
