package store

import "github.com/google/uuid"

// hsdsNamespace is the namespace of the ids of resources imported from an
// Open Referral (HSDS) file.
var hsdsNamespace = uuid.MustParse("6f1c2a9e-4b1d-5c37-9a52-0e3d8b7c41f0")

// ResourceIDForHSDS is the id of the resource an Open Referral file names
// hsdsID: the same on every laptop, so that the agency's directory holds a
// resource once however many officers import the same file.
func ResourceIDForHSDS(hsdsID string) string {
	return uuid.NewSHA1(hsdsNamespace, []byte("hsds:"+hsdsID)).String()
}
