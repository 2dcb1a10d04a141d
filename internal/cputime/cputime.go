// Package cputime reads the CPU time the process has used, so that the
// benchmarks can report work per CPU-second: on a loaded, shared machine
// that figure holds where a wall-clock rate does not.
package cputime
