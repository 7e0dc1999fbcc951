package model

import "time"

// ResourceQuery asks for one page of the resource directory.
type ResourceQuery struct {
	Text     string           // words to find in name, description, categories, tags and address; "" for all
	Category ResourceCategory // "" for every category
	Limit    int
	Offset   int
}

// ResourceReferral is one client referred to a resource, for the resource's
// detail: who, and where the referral stands.
type ResourceReferral struct {
	ReferralID    string
	ClientID      string
	ClientName    string
	CaseNumber    string
	Status        ReferralStatus
	ReferredOn    Date
	AppointmentAt time.Time
	FollowUpOn    Date
}
