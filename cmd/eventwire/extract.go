package main

import (
	"fmt"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/pipeline"
	"github.com/eventwire/eventwire/sink"
	"github.com/eventwire/eventwire/source"
)

type extractCmd struct {
	Inputs      []string `arg:"" optional:"" name:"input" help:"Files, directories (read recursively) or - for standard input (the default). Plain text, JSONL, gzip."`
	Format      string   `enum:"jsonl,json" default:"jsonl" help:"Output format: jsonl (one record a line) or json (one indented array)."`
	Published   string   `placeholder:"DATE" help:"Publication date (YYYY-MM-DD) for articles whose input gives none."`
	Workers     int      `default:"0" help:"Worker goroutines; 0 uses every core."`
	Sentences   bool     `help:"Add each article's sentences and tokens to its record."`
	Syntax      bool     `help:"Tag, lemmatize and parse every sentence; implies --sentences (each token gets tag, xpos, lemma, head and relation)."`
	InputFormat string   `enum:"auto,text,jsonl" default:"auto" help:"How to read inputs: auto (by name, then by content), text or jsonl."`
	MaxBytes    int64    `default:"16777216" help:"Largest article accepted, in bytes (a text file or a JSONL line)."`
	Progress    bool     `help:"Show progress on stderr (on by default when stderr is a terminal)."`
}

func (c *extractCmd) Run(e *env) error {
	opt := source.Options{Format: c.InputFormat, MaxBytes: c.MaxBytes, Stdin: e.stdin}
	if c.Published != "" {
		d, err := source.ParseDate(c.Published)
		if err != nil {
			return fmt.Errorf("--published: %w", err)
		}
		opt.Published = d
	}
	inputs := c.Inputs
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	out, err := sink.New(c.Format, e.stdout)
	if err != nil {
		return err
	}
	p, err := pipeline.New(pipeline.Options{Syntax: c.Syntax})
	if err != nil {
		return err
	}
	recOpt := eventwire.RecordOptions{Sentences: c.Sentences || c.Syntax}
	emit := func(d *eventwire.Doc) error {
		r := d.Record(recOpt)
		return out.Write(&r)
	}
	fail := func(err error) { fmt.Fprintf(e.stderr, "eventwire: %v\n", err) }

	var prog *progress
	if c.Progress || e.stderrTTY {
		prog = newProgress(e.stderr, time.Second)
	}
	st, runErr := p.Run(e.ctx, source.Read(e.ctx, inputs, opt), c.Workers, emit, fail, prog.update)
	closeErr := out.Close()
	prog.done(st)
	switch {
	case runErr != nil && e.ctx.Err() != nil:
		fmt.Fprintf(e.stderr, "eventwire: interrupted after %d articles; the output holds every one of them, whole\n", st.Articles)
		return failed{exitFailed}
	case runErr != nil:
		return fmt.Errorf("writing output: %w", runErr)
	case closeErr != nil:
		return fmt.Errorf("writing output: %w", closeErr)
	case st.Failed > 0:
		fmt.Fprintf(e.stderr, "eventwire: %d input(s) failed, %d article(s) written\n", st.Failed, st.Articles)
		return failed{exitFailed}
	}
	return nil
}
