package main

import (
	"fmt"

	"github.com/eventwire/eventwire/eval"
)

type evalCmd struct {
	Tokens evalTokensCmd `cmd:"" help:"Score token boundaries against the gold tokens of a CoNLL-U file (gzip or plain)."`
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
