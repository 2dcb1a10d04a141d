package hugepage

import (
	"slices"
	"testing"
)

// TestSlice checks the tables that scoring reads: zeroed, of the length
// asked for, whatever the element size.
func TestSlice(t *testing.T) {
	for _, n := range []int{0, 1, 1000, 1 << 20, 3<<20 + 5} {
		if s := Slice[uint32](n); len(s) != n || slices.ContainsFunc(s, func(x uint32) bool { return x != 0 }) {
			t.Errorf("Slice[uint32](%d): %d elements, want %d zeros", n, len(s), n)
		}
		if s := Slice[uint64](n); len(s) != n || slices.ContainsFunc(s, func(x uint64) bool { return x != 0 }) {
			t.Errorf("Slice[uint64](%d): %d elements, want %d zeros", n, len(s), n)
		}
	}
}
