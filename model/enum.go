package model

// Option describes one value of an enumeration: what is stored, what the
// officer reads, and a one-line explanation for the in-app help.
type Option[T ~string] struct {
	Value T
	Label string
	Help  string
}

// lookup finds the option for v; the zero Option when v is not listed.
func lookup[T ~string](opts []Option[T], v T) (Option[T], bool) {
	for _, o := range opts {
		if o.Value == v {
			return o, true
		}
	}
	return Option[T]{}, false
}

// labelOf returns the label of v, or v itself when it is unknown, so that a
// value written by a newer version still shows as something readable.
func labelOf[T ~string](opts []Option[T], v T) string {
	if o, ok := lookup(opts, v); ok {
		return o.Label
	}
	return string(v)
}

func helpOf[T ~string](opts []Option[T], v T) string {
	o, _ := lookup(opts, v)
	return o.Help
}

func valid[T ~string](opts []Option[T], v T) bool {
	_, ok := lookup(opts, v)
	return ok
}

// copyOf returns a copy so callers cannot change the tables behind the enums.
func copyOf[T ~string](opts []Option[T]) []Option[T] {
	return append([]Option[T](nil), opts...)
}
