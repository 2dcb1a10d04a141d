package main

import (
	"context"
	"fmt"
	"net"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/actor"
	"github.com/eventwire/eventwire/geo"
	ewhttp "github.com/eventwire/eventwire/http"
	"github.com/eventwire/eventwire/pipeline"
	"github.com/eventwire/eventwire/sqlite"
)

// serveCmd puts a database on the web: the JSON API and the pages.
type serveCmd struct {
	DB        string        `name:"db" required:"" type:"path" placeholder:"FILE" help:"SQLite database written by eventwire ingest (opened read-only)."`
	Addr      string        `default:"127.0.0.1:8080" placeholder:"HOST:PORT" help:"Address to listen on. The default answers this machine only; use 0.0.0.0:PORT (with --token) to serve others."`
	Token     string        `env:"EVENTWIRE_TOKEN" placeholder:"TOKEN" help:"Require 'Authorization: Bearer TOKEN' on every request (better given in the EVENTWIRE_TOKEN environment variable, which other users cannot read from the process list)."`
	MaxBody   int64         `default:"1048576" placeholder:"BYTES" help:"Largest request body accepted (POST /api/extract); larger ones get 413."`
	Timeout   time.Duration `default:"10s" help:"Longest time one request may take."`
	NoExtract bool          `help:"Turn off POST /api/extract and do not load the models (faster start, less memory)."`
	dictFlags `embed:""`
}

func (c *serveCmd) Run(e *env) error {
	if c.MaxBody <= 0 {
		return fmt.Errorf("--max-body %d: want a positive number of bytes", c.MaxBody)
	}
	if c.Timeout <= 0 {
		return fmt.Errorf("--timeout %s: want a positive duration", c.Timeout)
	}
	host, _, err := net.SplitHostPort(c.Addr)
	if err != nil {
		return fmt.Errorf("--addr %q: %w", c.Addr, err)
	}
	db, err := openStore(e, c.DB)
	if err != nil {
		return err
	}
	defer db.Close()
	g, err := geo.Load()
	if err != nil {
		return err
	}
	opt := ewhttp.Options{DB: db, Gazetteer: g, Token: c.Token, MaxBody: c.MaxBody, Timeout: c.Timeout, Log: e.log}
	if !c.NoExtract {
		if opt.Extract, err = c.extractor(e, db); err != nil {
			return err
		}
	}
	srv, err := ewhttp.New(opt)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(host); c.Token == "" && (host == "" || ip == nil && host != "localhost" || ip != nil && !ip.IsLoopback()) {
		e.log.Warn("serving beyond this machine without --token: anyone who can reach the address can read the database", "addr", c.Addr)
	}
	e.log.Info("serving", "db", c.DB, "url", "http://"+c.Addr+"/", "extract", opt.Extract != nil)
	return srv.ListenAndServe(e.ctx, c.Addr)
}

// extractor loads the pipeline, with what the database has learned of
// actors, for POST /api/extract.
func (c *serveCmd) extractor(e *env, db *sqlite.DB) (func(context.Context, eventwire.Article) (eventwire.Record, error), error) {
	dicts, verbs, err := c.read(e)
	if err != nil {
		return nil, err
	}
	facts, err := db.Knowledge(e.ctx)
	if err != nil {
		return nil, fmt.Errorf("--db: %w", err)
	}
	p, err := pipeline.New(pipeline.Options{Entities: true, Actors: dicts, Verbs: verbs, Knowledge: actor.NewKnowledge(facts...)})
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context, a eventwire.Article) (eventwire.Record, error) {
		doc, err := p.Process(a)
		if err != nil {
			return eventwire.Record{}, err
		}
		return doc.Record(eventwire.RecordOptions{}), nil
	}, nil
}
