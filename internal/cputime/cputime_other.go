//go:build !unix

package cputime

import "time"

// Used returns 0: the CPU time is read on Unix systems only, and the
// benchmarks then report no per-CPU-second figure.
func Used() time.Duration { return 0 }
