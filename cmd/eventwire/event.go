package main

import (
	"fmt"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/eval"
	"github.com/eventwire/eventwire/event"
	"github.com/eventwire/eventwire/pipeline"
)

type evalPloverCmd struct {
	Data string `required:"" type:"existingfile" placeholder:"FILE" help:"PLOVER gold records (JSON array), e.g. ../shared/data/plover/PLOVER_GSR_dev.json."`
}

func (c *evalPloverCmd) Run(e *env) error {
	code, err := eventCoder()
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
	Data string `required:"" type:"existingfile" placeholder:"FILE" help:"PETRARCH-2 validation records (XML), e.g. ../shared/data/petrarch/PETR2_GSR_validation.xml."`
}

func (c *evalPetrarchCmd) Run(e *env) error {
	code, err := eventCoder()
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

// eventCoder builds the stages up to the actors, then the event coder
// with the built-in ontology and dictionary: raw text in, events out.
func eventCoder() (eval.EventCoder, error) {
	p, err := pipeline.New(pipeline.Options{Entities: true})
	if err != nil {
		return nil, err
	}
	ont, err := event.LoadOntology()
	if err != nil {
		return nil, err
	}
	dict, err := event.LoadDictionary()
	if err != nil {
		return nil, err
	}
	coder, err := event.New(ont, dict)
	if err != nil {
		return nil, err
	}
	return func(a eventwire.Article) ([]eventwire.Event, error) {
		doc, err := p.Process(a)
		if err != nil {
			return nil, err
		}
		coder.Code(doc)
		return doc.Events, nil
	}, nil
}
