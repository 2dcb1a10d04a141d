package main

import (
	"fmt"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/eval"
	"github.com/eventwire/eventwire/pipeline"
	"github.com/eventwire/eventwire/quote"
)

type evalPolnearCmd struct {
	Data string `required:"" type:"existingfile" placeholder:"FILE" help:"PolNeAR JSONL file (gzip or plain), e.g. ../shared/data/polnear/polnear_dev.jsonl.gz."`
}

func (c *evalPolnearCmd) Run(e *env) error {
	p, err := pipeline.New(pipeline.Options{Entities: true})
	if err != nil {
		return err
	}
	f, err := quote.New()
	if err != nil {
		return err
	}
	s, err := eval.PolNeARFile(c.Data, func(a eventwire.Article) ([]eventwire.Quote, error) {
		doc, err := p.Process(a)
		if err != nil {
			return nil, err
		}
		f.Find(doc)
		return doc.Quotes, nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, s)
	return nil
}
