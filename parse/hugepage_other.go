//go:build !linux

package parse

// hugeSlice returns a zeroed slice of n words (huge pages are asked for
// on Linux only).
func hugeSlice(n int) []uint32 { return make([]uint32, n) }
