package cputime

import (
	"runtime"
	"testing"
)

// TestUsedGrows checks that work shows in the CPU time on Unix.
func TestUsedGrows(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" || runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
		t.Skip("CPU time is read on Unix only")
	}
	start := Used()
	x := 0
	for i := range 50_000_000 {
		x += i % 7
	}
	if Used() <= start || x == 0 {
		t.Errorf("CPU time did not grow: %v then %v", start, Used())
	}
}
