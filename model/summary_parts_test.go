package model

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// TestSortSectionsPutsEachItemInItsPlace checks the in-place sort against a
// plain sort of a copy, over lists whose names differ only in case, repeat
// with other case numbers, or are already in order.
func TestSortSectionsPutsEachItemInItsPlace(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	names := []string{"ann", "Ann", "ANN", "bob", "Émile", "émile", "zoë", ""}
	for n := range 60 {
		list := make([]ClientHeading, n)
		for i := range list {
			list[i] = ClientHeading{ID: fmt.Sprintf("c%03d", i), Name: names[r.IntN(len(names))], CaseNumber: fmt.Sprint("CR-", r.IntN(3))}
		}
		if n%5 == 0 {
			slices.SortFunc(list, func(a, b ClientHeading) int {
				return orderOf(a.Name, a.CaseNumber, a.ID).compare(orderOf(b.Name, b.CaseNumber, b.ID))
			})
		}
		want := slices.Clone(list)
		slices.SortFunc(want, func(a, b ClientHeading) int {
			return orderOf(a.Name, a.CaseNumber, a.ID).compare(orderOf(b.Name, b.CaseNumber, b.ID))
		})
		sortSections(list, func(c ClientHeading) sectionOrder { return orderOf(c.Name, c.CaseNumber, c.ID) })
		if !slices.Equal(list, want) {
			t.Fatalf("%d items: got %v, want %v", n, list, want)
		}
	}
}

// TestSummaryInPartsIsTheWholeSummary builds the fixture a client at a time
// and two at a time: the parts hold the whole summary's sections in its
// order, and their totals add up to its totals.
func TestSummaryInPartsIsTheWholeSummary(t *testing.T) {
	for _, redact := range []bool{false, true} {
		opt := SummaryOptions{ProducedAt: day(11, 9, 0), Redact: redact}
		whole := BuildSummary(summaryFixture(), opt)
		for _, size := range []int{1, 2, 5} {
			var clients []ClientActivity
			parts := 0
			head, err := BuildSummaryInParts(summaryFixture(), opt, size, func(s Summary) error {
				parts++
				if len(s.Clients) > size {
					t.Errorf("a part of %d clients, want at most %d", len(s.Clients), size)
				}
				clients = append(clients, s.Clients...)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if want := (len(whole.Clients) + size - 1) / size; parts != want {
				t.Errorf("%d clients a part: %d parts, want %d", size, parts, want)
			}
			if !reflect.DeepEqual(clients, whole.Clients) {
				t.Errorf("%d clients a part: the parts hold\n%+v\nwant\n%+v", size, clients, whole.Clients)
			}
			want := whole
			want.Clients = nil
			if !reflect.DeepEqual(head, want) {
				t.Errorf("%d clients a part: the whole is\n%+v\nwant\n%+v", size, head, want)
			}
		}
	}
}

func TestSummaryForARecipientIsNotBuiltInParts(t *testing.T) {
	_, err := BuildSummaryInParts(summaryFixture(), SummaryOptions{Share: &ShareScope{Recipient: "Riverside"}}, 1,
		func(Summary) error { t.Fatal("a part was built"); return nil })
	if err == nil {
		t.Fatal("a summary for a recipient was built in parts")
	}
}
