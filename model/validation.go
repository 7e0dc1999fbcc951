package model

import (
	"errors"
	"strconv"
	"strings"
)

// FieldError says what is wrong with one field of a record, in words for the
// officer; a form shows Message next to the field named Field.
type FieldError struct {
	Field   string
	Message string
}

func (e FieldError) Error() string { return e.Field + ": " + e.Message }

// ValidationError holds every problem found in a record at once, so that a form
// can mark all bad fields in one go rather than one per save attempt.
type ValidationError struct {
	Fields []FieldError
}

func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		parts[i] = f.Error()
	}
	return "invalid: " + strings.Join(parts, "; ")
}

// For returns the message for a field, or "" when the field is fine.
func (e *ValidationError) For(field string) string {
	if e == nil {
		return ""
	}
	for _, f := range e.Fields {
		if f.Field == field {
			return f.Message
		}
	}
	return ""
}

// FieldErrors extracts the per-field problems from err, or nil when err is not
// a validation error.
func FieldErrors(err error) *ValidationError {
	var v *ValidationError
	if errors.As(err, &v) {
		return v
	}
	return nil
}

// problems collects field errors while a record is checked.
type problems []FieldError

func (p *problems) add(field, msg string) { *p = append(*p, FieldError{field, msg}) }

// err returns nil when nothing was found, so Validate can `return p.err()`.
func (p problems) err() error {
	if len(p) == 0 {
		return nil
	}
	return &ValidationError{Fields: p}
}

// maxNote bounds free text so that a pasted file cannot bloat the database.
const maxNote = 20000

func checkText(p *problems, field, value string, required bool, max int) {
	trimmed := strings.TrimSpace(value)
	switch {
	case required && trimmed == "":
		p.add(field, "required")
	case len(value) > max:
		p.add(field, "too long (at most "+strconv.Itoa(max)+" characters)")
	}
}
