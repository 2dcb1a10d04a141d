//go:build linux

package hugepage

import (
	"syscall"
	"unsafe"
)

// size is the size of a transparent huge page on the platforms Go
// supports (x86-64 and arm64 with 4 KiB base pages).
const size = 2 << 20

// Slice returns a zeroed slice of n elements for a table that scoring
// reads at random. When the table spans huge pages, the slice starts on
// a huge page boundary and the kernel is asked (madvise MADV_HUGEPAGE,
// before the memory is first written) to back it with transparent huge
// pages.
func Slice[T Word](n int) []T {
	elem := int(unsafe.Sizeof(T(0)))
	per := size / elem
	if n < per {
		return make([]T, n)
	}
	buf := make([]T, n+per)
	p := uintptr(unsafe.Pointer(unsafe.SliceData(buf)))
	skip := int((size-p%size)%size) / elem
	s := buf[skip : skip+n : skip+n]
	bytes := uintptr(n*elem) &^ (size - 1)
	_ = syscall.Madvise(unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(s))), bytes), syscall.MADV_HUGEPAGE)
	return s
}
