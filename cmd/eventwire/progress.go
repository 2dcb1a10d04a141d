package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

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

// ingestProgress shows how far an ingest has got: on a terminal a bar
// (mpb) with articles/s, and the ETA once the number of articles is known;
// elsewhere a log line every few seconds. A nil *ingestProgress shows
// nothing.
type ingestProgress struct {
	bars  *mpb.Progress
	bar   *mpb.Bar
	total atomic.Int64 // articles in the inputs; 0 while unknown

	mu    sync.Mutex // guards the log-line fields
	log   io.Writer  // log lines go here when there is no bar
	every time.Duration
	start time.Time
	last  time.Time
}

// newIngestProgress starts showing progress on w: a bar when w is a
// terminal (tty), log lines every interval otherwise. It counts the
// articles of the inputs in the background (see countArticles) so that
// the bar can show an ETA.
func newIngestProgress(ctx context.Context, w io.Writer, tty bool, every time.Duration, inputs []string, format string) *ingestProgress {
	now := time.Now()
	p := &ingestProgress{log: w, every: every, start: now, last: now}
	countable := countable(inputs, format)
	if tty {
		p.bars = mpb.NewWithContext(ctx, mpb.WithOutput(w), mpb.WithAutoRefresh(), mpb.WithRefreshRate(250*time.Millisecond))
		known := func() bool { return p.total.Load() > 0 }
		counter := decor.Any(func(s decor.Statistics) string {
			if known() {
				return fmt.Sprintf("%d/%d articles", s.Current, s.Total)
			}
			return fmt.Sprintf("%d articles", s.Current)
		})
		rate := decor.Any(func(s decor.Statistics) string {
			secs := max(time.Since(now).Seconds(), 1e-9)
			r := float64(s.Current) / secs
			if !known() || s.Completed || r <= 0 || s.Current > s.Total {
				return fmt.Sprintf(" %.1f articles/s", r)
			}
			eta := time.Duration(float64(s.Total-s.Current) / r * float64(time.Second))
			return fmt.Sprintf(" %.1f articles/s, ETA %s", r, eta.Round(time.Second))
		})
		opts := []mpb.BarOption{
			mpb.PrependDecorators(decor.Name("ingest "), counter),
			mpb.AppendDecorators(rate),
		}
		if countable {
			p.bar = p.bars.New(0, mpb.BarStyle(), opts...)
		} else {
			p.bar = p.bars.New(0, mpb.SpinnerStyle(), opts...)
		}
	}
	if countable {
		go func() {
			if n, ok := countArticles(ctx, inputs, format); ok && n > 0 {
				p.total.Store(n)
				if p.bar != nil {
					p.bar.SetTotal(n, false)
				}
			}
		}()
	}
	return p
}

// writer is where messages go while progress is shown: above the bar, or
// w itself.
func (p *ingestProgress) writer(w io.Writer) io.Writer {
	if p == nil || p.bars == nil {
		return w
	}
	return p.bars
}

// update records that done articles have been read (stored, skipped as
// present, or failed). It is safe to call from any goroutine.
func (p *ingestProgress) update(done int64) {
	if p == nil {
		return
	}
	if p.bar != nil {
		p.bar.SetCurrent(done)
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if now := time.Now(); now.Sub(p.last) >= p.every {
		p.last = now
		p.line(done, now)
	}
}

// line prints a log line; p.mu is held.
func (p *ingestProgress) line(done int64, now time.Time) {
	secs := max(now.Sub(p.start).Seconds(), 1e-9)
	rate := float64(done) / secs
	if total := p.total.Load(); total > 0 {
		eta := "?"
		if rate > 0 && done <= total {
			eta = (time.Duration(float64(total-done)/rate) * time.Second).Round(time.Second).String()
		}
		fmt.Fprintf(p.log, "eventwire: ingest: %d of %d articles (%.0f%%) in %.0fs, %.1f articles/s, ETA %s\n",
			done, total, 100*float64(done)/float64(total), secs, rate, eta)
		return
	}
	fmt.Fprintf(p.log, "eventwire: ingest: %d articles in %.0fs, %.1f articles/s\n", done, secs, rate)
}

// finish stops the bar (complete when the run read everything, aborted
// when interrupted) and waits for it to be drawn for the last time.
func (p *ingestProgress) finish(done int64, interrupted bool) {
	if p == nil || p.bar == nil {
		return
	}
	p.bar.SetCurrent(done)
	if interrupted {
		p.bar.Abort(false)
	} else {
		p.bar.SetTotal(-1, true) // the total is now what was done
	}
	p.bars.Wait()
}

// countable reports whether the articles of inputs can be counted
// cheaply: every input is a regular file of JSONL (counted by lines) or of
// plain text (one article), maybe gzipped.
func countable(inputs []string, format string) bool {
	for _, name := range inputs {
		if _, ok := articlesPerLine(name, format); !ok {
			return false
		}
		if fi, err := os.Stat(name); err != nil || !fi.Mode().IsRegular() {
			return false
		}
	}
	return len(inputs) > 0
}

// articlesPerLine reports, for a countable input name, whether it holds
// one article per line (JSONL) or one in all (text).
func articlesPerLine(name, format string) (perLine, ok bool) {
	switch format {
	case "jsonl":
		return true, true
	case "text":
		return false, true
	case "", "auto":
	default:
		return false, false
	}
	switch filepath.Ext(strings.TrimSuffix(strings.ToLower(name), ".gz")) {
	case ".jsonl", ".ndjson":
		return true, true
	case ".txt":
		return false, true
	}
	return false, false
}

// countArticles counts the articles of countable inputs: the non-blank
// lines of JSONL files, one per text file. ok is false when an input could
// not be read (the ingest itself reports why).
func countArticles(ctx context.Context, inputs []string, format string) (n int64, ok bool) {
	for _, name := range inputs {
		perLine, _ := articlesPerLine(name, format)
		if !perLine {
			n++
			continue
		}
		c, err := countLines(ctx, name)
		if err != nil {
			return 0, false
		}
		n += c
	}
	return n, true
}

// countLines counts the non-blank lines of a file, gunzipped when its name
// ends in .gz.
func countLines(ctx context.Context, name string) (int64, error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(strings.ToLower(name), ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return 0, err
		}
		defer zr.Close()
		r = zr
	}
	br := bufio.NewReaderSize(r, 1<<16)
	var n int64
	blank := true
	for {
		if n%4096 == 0 && ctx.Err() != nil {
			return 0, ctx.Err()
		}
		line, err := br.ReadSlice('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			blank = false
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if !blank {
			n++
		}
		blank = true
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return 0, err
		}
	}
}
