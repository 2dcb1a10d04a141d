package main

import (
	"fmt"
	"io"
	"time"

	"github.com/eventwire/eventwire/pipeline"
)

// progress prints running totals on one stderr line at most once per
// interval. A nil *progress prints nothing.
type progress struct {
	w     io.Writer
	every time.Duration
	start time.Time
	last  time.Time
}

func newProgress(w io.Writer, every time.Duration) *progress {
	now := time.Now()
	return &progress{w: w, every: every, start: now, last: now}
}

func (p *progress) update(st pipeline.Stats) {
	if p == nil {
		return
	}
	if now := time.Now(); now.Sub(p.last) >= p.every {
		p.last = now
		p.print(st, "\r")
	}
}

func (p *progress) done(st pipeline.Stats) {
	if p == nil {
		return
	}
	p.print(st, "\r")
	fmt.Fprintln(p.w)
}

func (p *progress) print(st pipeline.Stats, prefix string) {
	secs := time.Since(p.start).Seconds()
	if secs <= 0 {
		secs = 1e-9
	}
	fmt.Fprintf(p.w, "%s%d articles, %d failed, %d sentences, %.1f MB in %.1fs (%.0f articles/s, %.1f MB/s)",
		prefix, st.Articles, st.Failed, st.Sentences, float64(st.Bytes)/1e6, secs,
		float64(st.Articles)/secs, float64(st.Bytes)/1e6/secs)
}
