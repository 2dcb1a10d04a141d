package main

import (
	"fmt"

	"github.com/eventwire/eventwire/eval"
)

type evalCmd struct {
	Tokens   evalTokensCmd   `cmd:"" help:"Score token boundaries against the gold tokens of a CoNLL-U file (gzip or plain)."`
	NER      evalNERCmd      `cmd:"" name:"ner" help:"Score the name recogniser on a CoNLL-2003 or IOB2 file: P, R and F1 by type, exact spans."`
	Polnear  evalPolnearCmd  `cmd:"" name:"polnear" help:"Score the quote stage on PolNeAR: P, R and F1 for quoted and direct attributions, with and without the source right."`
	UD       evalUDCmd       `cmd:"" name:"ud" help:"Score the tagger, lemmatizer and parser on a CoNLL-U file: gold tokens, then raw text."`
	Plover   evalPloverCmd   `cmd:"" name:"plover" help:"Score the event stage on PLOVER gold records: type recall, and with source and target countries right."`
	Petrarch evalPetrarchCmd `cmd:"" name:"petrarch" help:"Score the event stage on PETRARCH-2 validation records: P, R and F1 over (source, target, CAMEO code) triples."`
}

type evalUDCmd struct {
	Data string `required:"" type:"existingfile" placeholder:"FILE" help:"CoNLL-U gold file, e.g. ../shared/data/ud-english-ewt/en_ewt-ud-test.conllu.gz."`
}

func (c *evalUDCmd) Run(e *env) error {
	t, p, err := loadSyntax()
	if err != nil {
		return err
	}
	s, err := eval.UDFile(c.Data, t, p)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, s)
	return nil
}

type evalTokensCmd struct {
	Data string `required:"" type:"existingfile" placeholder:"FILE" help:"CoNLL-U gold file, e.g. ../shared/data/ud-english-ewt/en_ewt-ud-test.conllu.gz."`
}

func (c *evalTokensCmd) Run(e *env) error {
	s, err := eval.TokensFile(c.Data)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, s)
	return nil
}
