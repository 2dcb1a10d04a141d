//go:build !linux

package hugepage

// Slice returns a zeroed slice of n elements (huge pages are asked for
// on Linux only).
func Slice[T Word](n int) []T { return make([]T, n) }
