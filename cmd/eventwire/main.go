// Command eventwire turns news articles into evidence-linked records of who
// said what and who did what to whom. This package only wires: it parses
// the command line and connects sources, the pipeline and sinks.
//
// See README.md for the command reference and docs/schema.md for the
// records it writes.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/alecthomas/kong"

	"github.com/eventwire/eventwire"
)

// Exit statuses.
const (
	exitOK     = 0
	exitFailed = 1 // some input failed; the rest was processed
	exitUsage  = 2 // the command line was wrong, or the run could not start
)

// env is what a command may touch: passed in, so tests run commands in
// process.
type env struct {
	ctx    context.Context
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	log    *slog.Logger
	// stderrTTY is true when stderr is a terminal: progress is shown.
	stderrTTY bool
}

type cli struct {
	Extract extractCmd `cmd:"" help:"Read articles and write one JSON record per article (the main job)."`
	Ingest  ingestCmd  `cmd:"" help:"Read articles and add them, with their entities, quotes and events, to an SQLite database."`
	Query   queryCmd   `cmd:"" help:"Find events or quotes in a database by actor, code, date, place, speaker or text."`
	Export  exportCmd  `cmd:"" help:"Write a database's events as CSV, GDELT or ICEWS columns, or its records as JSONL."`
	Serve   serveCmd   `cmd:"" help:"Serve a database on the web: a JSON API and pages for reading articles, quotes, actors and events."`
	Parse   parseCmd   `cmd:"" help:"Tag and parse CoNLL-U: words in on stdin, UPOS, XPOS, LEMMA, HEAD and DEPREL out."`
	Tag     tagCmd     `cmd:"" help:"Name tagging of CoNLL-2003 token lines: tokens in on stdin, the lines with a predicted NER label (IOB2) out."`
	Eval    evalCmd    `cmd:"" help:"Score a stage against a public gold set and print the figures."`
	Train   trainCmd   `cmd:"" help:"Train a model that eventwire embeds, reproducibly."`
	Schema  schemaCmd  `cmd:"" help:"Print the JSON Schema of the records extract writes."`
}

// exitCode is how run's kong.Exit hook unwinds a --help or a usage error.
type exitCode int

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, isTerminal(os.Stderr))
	stop()
	os.Exit(code)
}

// run executes one command line and returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, tty bool) (code int) {
	e := &env{
		ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr, stderrTTY: tty,
		log: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo})),
	}
	var c cli
	parser, err := kong.New(&c,
		kong.Name("eventwire"),
		kong.Description("eventwire turns news articles into evidence-linked records of who said what and who did what to whom."),
		kong.Writers(stdout, stderr),
		kong.Exit(func(n int) { panic(exitCode(n)) }),
		kong.UsageOnError(),
		kong.Bind(e),
	)
	if err != nil {
		fmt.Fprintf(stderr, "eventwire: %v\n", err)
		return exitUsage
	}
	defer func() {
		if r := recover(); r != nil {
			n, ok := r.(exitCode)
			if !ok {
				panic(r)
			}
			code = int(n)
		}
	}()
	kctx, err := parser.Parse(args)
	if err != nil {
		fmt.Fprintf(stderr, "eventwire: %v\n", err)
		return exitUsage
	}
	if err := kctx.Run(); err != nil {
		var f failed
		if errors.As(err, &f) {
			return f.code
		}
		fmt.Fprintf(stderr, "eventwire: %v\n", err)
		return exitUsage
	}
	return exitOK
}

// failed is returned by a command that has already reported its problems on
// stderr and only needs to set the exit status.
type failed struct{ code int }

func (f failed) Error() string { return fmt.Sprintf("exit status %d", f.code) }

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

type schemaCmd struct{}

func (schemaCmd) Run(e *env) error {
	_, err := io.WriteString(e.stdout, eventwire.Schema())
	return err
}
