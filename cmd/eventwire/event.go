package main

import (
	"fmt"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/eval"
	"github.com/eventwire/eventwire/pipeline"
)

type evalPloverCmd struct {
	Data   string   `required:"" type:"existingfile" placeholder:"FILE" help:"PLOVER gold records (JSON array), e.g. ../shared/data/plover/PLOVER_GSR_dev.json."`
	Verbs  []string `type:"existingfile" placeholder:"FILE" help:"An event dictionary tried before the built-in one (PETRARCH-2 or eventwire format), as for extract."`
	Actors []string `type:"existingfile" placeholder:"FILE" help:"A PETRARCH/Phoenix actor or agent dictionary consulted before the built-in tables, as for extract."`
}

func (c *evalPloverCmd) Run(e *env) error {
	code, err := eventCoder(e, c.Verbs, c.Actors)
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
	Data   string   `required:"" type:"existingfile" placeholder:"FILE" help:"PETRARCH-2 validation records (XML), e.g. ../shared/data/petrarch/PETR2_GSR_validation.xml."`
	Verbs  []string `type:"existingfile" placeholder:"FILE" help:"An event dictionary tried before the built-in one (PETRARCH-2 or eventwire format), as for extract."`
	Actors []string `type:"existingfile" placeholder:"FILE" help:"A PETRARCH/Phoenix actor or agent dictionary consulted before the built-in tables, as for extract."`
}

func (c *evalPetrarchCmd) Run(e *env) error {
	code, err := eventCoder(e, c.Verbs, c.Actors)
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
func eventCoder(e *env, verbFiles, actorFiles []string) (eval.EventCoder, error) {
	verbs, err := readVerbs(e, verbFiles)
	if err != nil {
		return nil, err
	}
	dicts, err := readDicts(e, actorFiles)
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
