package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/actor"
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
	Entities    bool     `default:"true" negatable:"" help:"Find people, organisations and places, resolve their mentions and code their actors (on by default; --no-entities skips the models)."`
	Actors      []string `type:"existingfile" placeholder:"FILE" help:"A PETRARCH/Phoenix actor or agent dictionary (plain or .gz), consulted before the built-in tables; repeat for more."`
	Knowledge   string   `type:"path" placeholder:"FILE" help:"JSON file of what the actor stage has learned about people (\"Lavrov is RUSGOV\"): read before the run when it exists, written back after it."`
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
	dicts, err := readDicts(e, c.Actors)
	if err != nil {
		return err
	}
	kb, err := readKnowledge(c.Knowledge)
	if err != nil {
		return err
	}
	p, err := pipeline.New(pipeline.Options{Syntax: c.Syntax, Entities: c.Entities, Actors: dicts, Knowledge: kb})
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
	if c.Knowledge != "" && kb != nil {
		if err := writeKnowledge(c.Knowledge, kb); err != nil {
			return fmt.Errorf("--knowledge: %w", err)
		}
	}
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

// readDicts reads the user's actor dictionaries, gzip or plain, and prints
// the entries each one had to skip.
func readDicts(e *env, names []string) ([]*actor.Dict, error) {
	var dicts []*actor.Dict
	for _, name := range names {
		d, err := readDict(name)
		if err != nil {
			return nil, err
		}
		for _, w := range d.Warnings {
			fmt.Fprintf(e.stderr, "eventwire: %v\n", w)
		}
		dicts = append(dicts, d)
	}
	return dicts, nil
}

func readDict(name string) (*actor.Dict, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	br := bufio.NewReader(f)
	var r io.Reader = br
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		defer zr.Close()
		r = zr
	}
	return actor.ReadDict(r, name)
}

// readKnowledge loads the facts a previous run saved; a file that does not
// exist yet is an empty start. It returns nil when no file is named.
func readKnowledge(name string) (*actor.Knowledge, error) {
	if name == "" {
		return nil, nil
	}
	b, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return actor.NewKnowledge(), nil
	}
	if err != nil {
		return nil, fmt.Errorf("--knowledge: %w", err)
	}
	var facts []actor.Fact
	if err := json.Unmarshal(b, &facts); err != nil {
		return nil, fmt.Errorf("--knowledge: %s: not a JSON array of facts: %w", name, err)
	}
	return actor.NewKnowledge(facts...), nil
}

// writeKnowledge saves what the run knows, whole or not at all.
func writeKnowledge(name string, kb *actor.Knowledge) error {
	return writeAtomic(name, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(kb.Facts())
	})
}
