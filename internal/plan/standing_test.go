package plan

import (
	"slices"
	"testing"

	"opkit/internal/model"
)

func TestStandingAndAssigned(t *testing.T) {
	ar, bo := country("AR"), country("BO")
	ar.Partners = []model.Partner{
		{Name: "Second", Contact: "B. Person", Email: "b@example.org"},
		{Name: "Lead org", Contact: "A. Person", Email: "a@example.org", Lead: true},
	}
	ar.Event.Venue = "Hall"
	ar.Event.RequestSCMember = true
	bo.Event.RequestSCMember = true
	bo.Event.Date = date("2009-08-06") // a day after AR: one member cannot do both
	bo.Event.Venue = "Hall"
	bo.Event.Authorities[0].Status = model.AuthorityInvited
	camp := campaign()
	camp.ReturnsDue = date("2009-09-10")
	camp.Steering = []model.SCMember{member("ana", "en", "Americas", 2, "2009-08-01", "2009-08-31")}
	ws := &model.Workspace{Campaign: camp, Countries: []model.Country{ar, bo}}
	p := Make(ws)

	if m := p.Assigned("AR"); m == nil || m.ID != "ana" {
		t.Fatalf("AR: assigned %v, want ana", m)
	}
	if m := p.Assigned("BO"); m != nil {
		t.Errorf("BO: assigned %v, want none (ana is at AR the day before)", m)
	}
	if all := p.AssignedAll(); len(all) != 1 || all["AR"].Name != "Member ana" {
		t.Errorf("AssignedAll = %v", all)
	}

	// Before Observe the plan claims nothing about packs and returns.
	v := p.View(camp.SignatureDate.Time())
	if v.Standing[0].Pack != "not checked" || v.Standing[0].Return != "not checked" {
		t.Errorf("unobserved standing: %+v", v.Standing[0])
	}
	p.Observe(Progress{Checked: true, Packs: map[string]bool{"AR": true}, Returns: map[string]bool{"BO": true}})
	v = p.View(camp.SignatureDate.Time())
	got := [][]string{}
	for _, s := range v.Standing {
		got = append(got, []string{s.Code, s.Pack, s.Event, s.Authority, s.Return})
	}
	want := [][]string{{"AR", "Yes", "Yes", "Yes", "No"}, {"BO", "No", "Yes", "No", "Yes"}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("standing %v, want %v", got, want)
	}
	if v.ReturnsDue != camp.ReturnsDue {
		t.Errorf("returns due %v", v.ReturnsDue)
	}
	if len(v.Contacts) != 2 || v.Contacts[0].Partner != "Lead org" || !v.Contacts[0].Lead || v.Contacts[1].Email != "b@example.org" {
		t.Errorf("contacts, lead first: %+v", v.Contacts)
	}
	sum := map[string]int{}
	for _, r := range v.Summary {
		sum[r.Label] = r.Value
	}
	if sum["Packs built"] != 1 || sum["Returns received"] != 1 || sum["Authorities confirmed"] != 1 || sum["Events fixed (date, city, venue)"] != 2 {
		t.Errorf("summary %v", sum)
	}
}
