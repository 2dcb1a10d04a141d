package main

import (
	"fmt"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/eval"
	"github.com/eventwire/eventwire/pipeline"
)

type evalPloverCmd struct {
	Data      string `required:"" type:"existingfile" placeholder:"FILE" help:"PLOVER gold records (JSON array), e.g. ../shared/data/plover/PLOVER_GSR_dev.json."`
	dictFlags `embed:""`
}

func (c *evalPloverCmd) Run(e *env) error {
	code, err := eventCoder(e, &c.dictFlags)
	if err != nil {
		return err
	}
	s, err := eval.PLOVERFile(c.Data, code)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, s)
	return nil
}

type evalPetrarchCmd struct {
	Data      string `required:"" type:"existingfile" placeholder:"FILE" help:"PETRARCH-2 validation records (XML), e.g. ../shared/data/petrarch/PETR2_GSR_validation.xml."`
	dictFlags `embed:""`
}

func (c *evalPetrarchCmd) Run(e *env) error {
	code, err := eventCoder(e, &c.dictFlags)
	if err != nil {
		return err
	}
	s, err := eval.PetrarchFile(c.Data, code)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, s)
	return nil
}

// eventCoder builds the pipeline with every stage up to the events: raw
// text in, events out.
func eventCoder(e *env, f *dictFlags) (eval.EventCoder, error) {
	dicts, verbs, err := f.read(e)
	if err != nil {
		return nil, err
	}
	p, err := pipeline.New(pipeline.Options{Entities: true, Verbs: verbs, Actors: dicts})
	if err != nil {
		return nil, err
	}
	return func(a eventwire.Article) ([]eventwire.Event, error) {
		doc, err := p.Process(a)
		if err != nil {
			return nil, err
		}
		return doc.Events, nil
	}, nil
}
