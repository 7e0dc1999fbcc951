package model

import (
	"slices"
	"strconv"
)

// SourcePlace names where in an imported file a record came from, so that a
// report can send the officer to the exact line.
type SourcePlace struct {
	File string
	Line int // 0 when the place is the whole file
}

// String writes the place as file:line, or just the file.
func (p SourcePlace) String() string {
	if p.Line <= 0 {
		return p.File
	}
	return p.File + ":" + strconv.Itoa(p.Line)
}

// ImportProblem is a row an import skipped, or a warning about one it kept,
// with where it is and why.
type ImportProblem struct {
	Place  SourcePlace
	Reason string
}

// String writes the problem as "file:line: reason".
func (p ImportProblem) String() string { return p.Place.String() + ": " + p.Reason }

// ImportedResource is a resource read from an outside directory, with the
// place it came from.
type ImportedResource struct {
	Resource Resource
	Place    SourcePlace
}

// ResourceImport is everything read from the files of one import: the
// resources to save and what the reader already had to skip or warn about.
type ResourceImport struct {
	Source    string // what was read, for the report: a path and its format
	Resources []ImportedResource
	Skipped   []ImportProblem
	Warnings  []ImportProblem
}

// ResourceImportReport says what an import did, or would do in a dry run.
type ResourceImportReport struct {
	Source    string
	DryRun    bool // nothing was saved
	Added     int
	Updated   int
	Unchanged int
	Skipped   []ImportProblem
	Warnings  []ImportProblem
}

// MergeImport returns r updated with what an import read for it. The file
// wins for every field it fills; a field it leaves empty keeps what is there,
// so an officer's additions to the record survive a re-import. A category
// the mapping could only guess as Other never replaces a real one.
func (r Resource) MergeImport(in Resource) Resource {
	keep := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	keep(&r.HSDSID, in.HSDSID)
	keep(&r.Name, in.Name)
	if in.Category.Valid() && (in.Category != CategoryOther || !r.Category.Valid()) {
		r.Category = in.Category
	}
	if len(in.Tags) > 0 {
		r.Tags = slices.Clone(in.Tags)
	}
	keep(&r.Description, in.Description)
	keep(&r.Phone, in.Phone)
	keep(&r.Email, in.Email)
	keep(&r.Website, in.Website)
	keep(&r.Address, in.Address)
	keep(&r.Hours, in.Hours)
	keep(&r.Eligibility, in.Eligibility)
	keep(&r.Languages, in.Languages)
	keep(&r.Notes, in.Notes)
	return r
}

// SameDetails reports whether two resources hold the same details, times and
// ids aside: a re-import that changes nothing leaves the record alone.
func (r Resource) SameDetails(o Resource) bool {
	return r.HSDSID == o.HSDSID && r.Name == o.Name && r.Category == o.Category &&
		slices.Equal(r.Tags, o.Tags) && r.Description == o.Description && r.Phone == o.Phone &&
		r.Email == o.Email && r.Website == o.Website && r.Address == o.Address && r.Hours == o.Hours &&
		r.Eligibility == o.Eligibility && r.Languages == o.Languages && r.Notes == o.Notes
}
