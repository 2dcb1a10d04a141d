package main

import (
	"fmt"
	"time"

	"github.com/eventwire/eventwire/sink"
)

// exportCmd writes a database's events, or its article records, in the
// formats other tools read.
type exportCmd struct {
	DB               string `name:"db" required:"" type:"path" placeholder:"FILE" help:"SQLite database written by eventwire ingest (opened read-only)."`
	Format           string `enum:"jsonl,csv,gdelt,icews" required:"" help:"jsonl: one article record a line (as extract writes; with filters, the articles with a matching event); csv: one event a row with a header; gdelt: GDELT 2.0 Events columns (61, tab-separated, no header); icews: ICEWS event columns (tab-separated, with their header)."`
	Limit            int    `default:"0" help:"Most events (for jsonl: records) written; 0 writes all."`
	EveryReport      bool   `help:"Write every report of an event that several articles report (by default only the first, with the counts of all)."`
	eventFilterFlags `embed:""`
}

func (c *exportCmd) Run(e *env) error {
	f, err := c.filter()
	if err != nil {
		return err
	}
	f.Limit = c.Limit
	f.FirstReports = !c.EveryReport
	db, err := openStore(e, c.DB)
	if err != nil {
		return err
	}
	defer db.Close()
	start := time.Now()
	n, what := 0, "events"
	if c.Format == "jsonl" {
		what = "records"
		out, err := sink.New("jsonl", e.stdout)
		if err != nil {
			return err
		}
		for r, err := range db.Records(e.ctx, f) {
			if err != nil {
				return fmt.Errorf("--db: %w", err)
			}
			if err := out.Write(&r); err != nil {
				return err
			}
			n++
		}
		if err := out.Close(); err != nil {
			return err
		}
	} else {
		out, err := sink.NewEvents(c.Format, e.stdout, sink.Tables{})
		if err != nil {
			return err
		}
		for r, err := range db.Events(e.ctx, f) {
			if err != nil {
				return fmt.Errorf("--db: %w", err)
			}
			ev := sink.StoredEvent(&r)
			if err := out.Write(&ev); err != nil {
				return err
			}
			n++
		}
		if err := out.Close(); err != nil {
			return err
		}
	}
	secs := time.Since(start).Seconds()
	fmt.Fprintf(e.stderr, "eventwire: export: %d %s (%s) in %.2fs, %.0f %s/s\n", n, what, c.Format, secs, float64(n)/max(secs, 1e-9), what)
	return nil
}
