package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"caseload/model"
	"caseload/store"
)

// maxListed is how many matches an ambiguous --for lists before "and N more".
const maxListed = 5

// recipientFor finds who --for names: a resource by its id or its name as the
// directory shows it (case and spacing aside), else a person named on a
// consent. A name that is part of one resource's name only is taken as that
// resource; a name that matches several is refused with a short list of them.
//
// A person is one client's contact: the summary covers the client whose
// consent names them, the one --client gives (clientID) or, without it, the
// only client with a consent to that name; several are refused.
func recipientFor(ctx context.Context, st *store.Store, name, clientID string) (store.ShareRecipient, error) {
	want := fold(name)
	if want == "" {
		return store.ShareRecipient{}, fmt.Errorf("%w: --for needs the name or id of a resource, or the name of a person", errUsage)
	}
	if r, err := st.Resource(ctx, strings.TrimSpace(name)); err == nil {
		return store.ShareRecipient{To: model.Recipient{ResourceID: r.ID}, Name: r.Name}, nil
	} else if !errors.Is(err, store.ErrNotFound) {
		return store.ShareRecipient{}, err
	}
	all, err := st.Resources(ctx, "", 0, 0)
	if err != nil {
		return store.ShareRecipient{}, err
	}
	var exact, partial []model.Resource
	for _, r := range all {
		switch n := fold(r.Name); {
		case n == want:
			exact = append(exact, r)
		case strings.Contains(n, want):
			partial = append(partial, r)
		}
	}
	if len(exact) == 0 {
		// A person named on a consent comes before a guess from part of a
		// resource's name.
		person := model.Recipient{Person: model.PersonName(name)}
		consents, err := st.ConsentsTo(ctx, person)
		if err != nil {
			return store.ShareRecipient{}, err
		}
		if len(consents) > 0 {
			return personRecipient(person, consents, clientID)
		}
		exact = partial
	}
	switch len(exact) {
	case 0:
		return store.ShareRecipient{}, fmt.Errorf("no resource or consent recipient is named %q", printable(name))
	case 1:
		return store.ShareRecipient{To: model.Recipient{ResourceID: exact[0].ID}, Name: exact[0].Name}, nil
	}
	return store.ShareRecipient{}, fmt.Errorf("%q matches %d resources: %s; give the id", printable(name), len(exact), listResources(exact))
}

// personRecipient ties a person to the one client whose consent names them.
func personRecipient(person model.Recipient, consents []model.Consent, clientID string) (store.ShareRecipient, error) {
	clients := map[string]bool{}
	for _, c := range consents {
		clients[c.ClientID] = true
	}
	r := store.ShareRecipient{To: person, Name: consents[0].Recipient.Person, ClientID: clientID}
	switch {
	case clientID != "":
		// A client without a consent to that name is refused by the
		// summary itself, in the words of every other refusal.
	case len(clients) == 1:
		r.ClientID = consents[0].ClientID
	default:
		return r, fmt.Errorf("%w: %q is named on the consents of %d clients, and a person is one client's contact: add --client CASE",
			errUsage, printable(person.Person), len(clients))
	}
	return r, nil
}

// listResources names a few resources with their ids, on one line.
func listResources(list []model.Resource) string {
	parts := make([]string, 0, maxListed+1)
	for i, r := range list {
		if i == maxListed {
			parts = append(parts, fmt.Sprintf("and %d more", len(list)-maxListed))
			break
		}
		parts = append(parts, printable(r.Name)+" ("+r.ID+")")
	}
	return strings.Join(parts, ", ")
}

// fold is a name as --for compares it: lower case, single spaces.
func fold(s string) string { return strings.ToLower(model.PersonName(s)) }
