package demo

import (
	"time"

	"caseload/model"
	"caseload/store"
)

// pathTo lists the status changes that take a new referral to each status.
var pathTo = map[model.ReferralStatus][]model.ReferralStatus{
	model.ReferralReferred:   nil,
	model.ReferralScheduled:  {model.ReferralScheduled},
	model.ReferralEngaged:    {model.ReferralScheduled, model.ReferralEngaged},
	model.ReferralCompleted:  {model.ReferralScheduled, model.ReferralEngaged, model.ReferralCompleted},
	model.ReferralDeclined:   {model.ReferralDeclined},
	model.ReferralIneligible: {model.ReferralScheduled, model.ReferralIneligible},
	model.ReferralWaitlisted: {model.ReferralWaitlisted},
	model.ReferralNoShow:     {model.ReferralScheduled, model.ReferralNoShow},
	model.ReferralDischarged: {model.ReferralScheduled, model.ReferralEngaged, model.ReferralDischarged},
	model.ReferralCancelled:  {model.ReferralCancelled},
}

var reasons = map[model.ResourceCategory]string{
	model.CategorySubstanceUse: "Substance-use assessment and outpatient treatment per conditions",
	model.CategoryResidential:  "Residential treatment after repeated positive tests",
	model.CategoryMentalHealth: "Low mood and poor sleep; mental-health evaluation",
	model.CategoryEmployment:   "Unemployed; wants job training",
	model.CategoryEducation:    "Wants to finish GED",
	model.CategoryHousing:      "Unstable housing; staying with friends",
	model.CategoryPeerSupport:  "Peer recovery support alongside treatment",
	model.CategoryFinancial:    "Behind on restitution; budgeting help",
	model.CategoryMedical:      "No primary care; untreated health problems",
	model.CategoryLegal:        "Needs help with license restoration",
	model.CategoryOther:        "Needs ID documents to apply for work",
}

// referralsFor refers about half the clients to one to three resources and
// walks each referral along its lifecycle. The first referrals made cycle
// through every status, so even a small demo shows them all.
func (g *generator) referralsFor(w *store.Writer, c model.Client, start time.Time, rep *Report) error {
	rng := g.rng
	if rng.IntN(2) == 0 && g.referrals >= len(model.ReferralStatuses()) {
		return nil
	}
	for n := 1 + rng.IntN(3); n > 0; n-- {
		statuses := model.ReferralStatuses()
		target := statuses[g.referrals%len(statuses)].Value
		if g.referrals >= len(statuses) {
			target = statuses[weighted(rng, 10, 10, 12, 14, 6, 4, 6, 6, 5, 4)].Value
		}
		g.referrals++
		path := pathTo[target]
		// Open referrals are recent; closed ones can be from any time.
		span := int(g.now.Sub(start).Hours()/24) - 20*len(path) - 1
		if target.Open() && span > 45 {
			span = 45
		}
		if span < 1 {
			span = 1
		}
		on := model.DateOf(g.now.AddDate(0, 0, -20*len(path)-1-rng.IntN(span)))
		res := pick(rng, g.resources)
		at := on.In(time.Local).Add(time.Duration(9+rng.IntN(8)) * time.Hour)
		ref, err := w.CreateReferral(model.Referral{
			ID: g.id(), ClientID: c.ID, ResourceID: res.ID, Reason: reasons[res.Category], ReferredOn: on,
			FollowUpOn: on.AddDays(7 + rng.IntN(14)), CreatedAt: at,
		}, "Referral discussed with client; release of information signed.")
		if err != nil {
			return err
		}
		rep.Referrals++
		for _, to := range path {
			at = at.AddDate(0, 0, 3+rng.IntN(17))
			ch := store.StatusChange{To: to, At: at, Note: "Status confirmed with " + res.Name + "."}
			if to.Open() {
				ch.FollowUpOn = model.DateOf(at).AddDays(7 + rng.IntN(21))
			}
			if to == model.ReferralScheduled {
				ch.AppointmentAt = model.StartOfDay(at.AddDate(0, 0, 5+rng.IntN(10))).Add(10 * time.Hour)
			}
			if _, err := w.ChangeReferralStatus(ref.ID, ch); err != nil {
				return err
			}
		}
	}
	return nil
}
