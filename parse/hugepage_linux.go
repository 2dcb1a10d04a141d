//go:build linux

package parse

import (
	"syscall"
	"unsafe"
)

// hugePage is the size of a transparent huge page on the platforms Go
// supports (x86-64 and arm64 with 4 KiB base pages).
const hugePage = 2 << 20

// hugeSlice returns a zeroed slice of n words for a table that scoring
// reads at random. When the table spans huge pages, the slice starts on a
// huge page boundary and the kernel is asked (madvise MADV_HUGEPAGE,
// before the memory is first written) to back it with transparent huge
// pages, so that the reads miss the TLB less. This is a hint: where the
// kernel does not honour it, nothing changes but speed.
func hugeSlice(n int) []uint32 {
	const words = hugePage / 4
	if n < words {
		return make([]uint32, n)
	}
	buf := make([]uint32, n+words)
	p := uintptr(unsafe.Pointer(unsafe.SliceData(buf)))
	skip := int((hugePage-p%hugePage)%hugePage) / 4
	s := buf[skip : skip+n : skip+n]
	size := uintptr(n) * 4 &^ (hugePage - 1)
	_ = syscall.Madvise(unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(s))), size), syscall.MADV_HUGEPAGE)
	return s
}
