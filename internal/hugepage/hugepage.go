// Package hugepage allocates the large tables that the models read at
// random (the parser's and the name recogniser's weights) so that the
// kernel may back them with transparent huge pages: fewer TLB misses,
// the same contents. It is a hint; where it is not honoured, only speed
// changes.
package hugepage

// Word is what a table may hold: fixed-size integers, no pointers.
type Word interface {
	~uint16 | ~uint32 | ~uint64 | ~int32 | ~int64
}
