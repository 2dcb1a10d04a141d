//go:build !unix

package ner

import "time"

// cpuTime is not measured here.
func cpuTime() time.Duration { return 0 }
