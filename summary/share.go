package summary

import (
	"context"
	"errors"
	"fmt"
	"time"

	"caseload/model"
	"caseload/store"
)

// ErrNoConsent is the refusal of a summary for a recipient when no client in
// it has an active consent to share anything with them.
var ErrNoConsent = errors.New("no active consent")

// ErrPersonNeedsClient refuses a summary for a person that does not say
// whose contact they are: a name alone could join two clients' contacts.
var ErrPersonNeedsClient = errors.New("a summary for a person covers the one client whose consent names them")

// shareScope reads every consent to the recipient and judges each client's
// on the day the summary is produced: the consent must allow the sharing
// when it happens, so one that ran out or was revoked since the end of the
// range allows nothing, and one signed since allows what it lists.
func shareScope(ctx context.Context, st *store.Store, to store.ShareRecipient, now time.Time) (*model.ShareScope, error) {
	if to.To.Person != "" && to.ClientID == "" {
		return nil, ErrPersonNeedsClient
	}
	consents, err := st.ConsentsTo(ctx, to.To)
	if err != nil {
		return nil, err
	}
	byClient := map[string][]model.Consent{}
	for _, c := range consents {
		// A person is one client's contact: another client's consent to
		// someone of the same name is to someone else.
		if to.ClientID != "" && c.ClientID != to.ClientID {
			continue
		}
		byClient[c.ClientID] = append(byClient[c.ClientID], c)
	}
	scope := &model.ShareScope{Recipient: to.Name, Day: model.DateOf(now), Policies: map[string]model.SharePolicy{}}
	for id, list := range byClient {
		scope.Policies[id] = model.SharePolicyFor(list, to.To, scope.Day)
	}
	return scope, nil
}

// noConsent says, in one line, why a summary for a recipient was refused.
func noConsent(to store.ShareRecipient, caseNumber string, day model.Date) error {
	name := clean(to.Name)
	if caseNumber != "" {
		return fmt.Errorf("%w: client %s has no consent to share with %s that is active on %s; nothing was written",
			ErrNoConsent, clean(caseNumber), name, day)
	}
	return fmt.Errorf("%w: no client seen in this range has a consent to share with %s that is active on %s; nothing was written",
		ErrNoConsent, name, day)
}
