package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/eventwire/eventwire/eval"
	"github.com/eventwire/eventwire/geo"
	"github.com/eventwire/eventwire/internal/newscorpus"
	"github.com/eventwire/eventwire/ner"
	"github.com/eventwire/eventwire/tag"
)

type tagCmd struct {
	Conll      bool `required:"" help:"Read CoNLL-2003-style token lines on stdin (token, POS, chunk [, gold NER]; -DOCSTART- lines kept) and write each line back with a predicted NER label (IOB2) appended."`
	BySentence bool `help:"Label every sentence on its own rather than each document (-DOCSTART- to -DOCSTART-) as one context."`
}

func (c *tagCmd) Run(e *env) error {
	t, err := tag.Load()
	if err != nil {
		return err
	}
	r, err := ner.Load()
	if err != nil {
		return err
	}
	rd := ner.NewReader(e.stdin, "stdin")
	w := ner.NewWriter(e.stdout)
	// A document is labelled, and written, when the next one starts.
	var doc []*ner.Sentence
	flush := func() error {
		var words, xpos [][]string
		for _, s := range doc {
			if len(s.Words) == 0 {
				continue
			}
			x := make([]string, len(s.Words))
			t.TagWords(s.Words, nil, x, nil)
			words = append(words, s.Words)
			xpos = append(xpos, x)
		}
		var labels [][]string
		if c.BySentence {
			for k := range words {
				labels = append(labels, r.TagWords(words[k], xpos[k]))
			}
		} else {
			labels = r.TagDocument(words, xpos)
		}
		k := 0
		for _, s := range doc {
			var l []string
			if len(s.Words) > 0 {
				l = labels[k]
				k++
			}
			if err := w.Write(s, rd.Format(), l); err != nil {
				return err
			}
		}
		doc = doc[:0]
		return nil
	}
	for {
		s, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			flush()
			w.Flush()
			return err
		}
		if s.DocStart {
			if err := flush(); err != nil {
				return err
			}
		}
		doc = append(doc, s)
	}
	if err := flush(); err != nil {
		return err
	}
	return w.Flush()
}

type evalNERCmd struct {
	Data       string `required:"" type:"existingfile" placeholder:"FILE" help:"CoNLL-2003 or IOB2 (Universal NER) gold file, gzip or plain, e.g. ../shared/data/conll2003/eng.testb.original.gz."`
	BySentence bool   `help:"Label every sentence on its own rather than each document as one context."`
}

func (c *evalNERCmd) Run(e *env) error {
	t, err := tag.Load()
	if err != nil {
		return err
	}
	r, err := ner.Load()
	if err != nil {
		return err
	}
	s, err := eval.NERFile(c.Data, t, r, c.BySentence)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, s)
	return nil
}

type trainNERCmd struct {
	Data         string `required:"" type:"existingdir" placeholder:"DIR" help:"The shared data directory: its conll2003/conllpp_train and uner-english-ewt train files train, their dev files report (and with --clusters its news/ corpora give word clusters)."`
	Out          string `required:"" type:"path" placeholder:"FILE" help:"Where to write the model (gzip)."`
	Seed         int64  `default:"1" help:"Seed for shuffling; the same seed and data give the same model."`
	Iterations   int    `default:"0" help:"Training passes; 0 uses the model's default."`
	NoUNER       bool   `name:"no-uner" help:"Train on CoNLL-2003 alone."`
	NoGazetteer  bool   `help:"Train without the gazetteer features."`
	NoDocContext bool   `help:"Train without the document-level second pass."`
	Clusters     bool   `help:"Add word clusters learned from the news corpora of DIR/news (research-only text: not in the shipped model)."`
}

func (c *trainNERCmd) Run(e *env) error {
	train := []string{filepath.Join(c.Data, "conll2003", "conllpp_train.txt.gz")}
	dev := []string{filepath.Join(c.Data, "conll2003", "conllpp_dev.txt.gz")}
	if !c.NoUNER {
		train = append(train, filepath.Join(c.Data, "uner-english-ewt", "en_ewt-ud-train.iob2.gz"))
		dev = append(dev, filepath.Join(c.Data, "uner-english-ewt", "en_ewt-ud-dev.iob2.gz"))
	}
	t, err := tag.Load()
	if err != nil {
		return err
	}
	opt := ner.TrainOptions{Files: train, Dev: dev, Tagger: t, Iterations: c.Iterations, Seed: c.Seed,
		Flat: c.NoDocContext, Log: e.log}
	if !c.NoGazetteer {
		if opt.Gazetteer, err = geo.Load(); err != nil {
			return err
		}
	}
	if c.Clusters {
		arts, err := newscorpus.All(c.Data)
		if err != nil {
			return err
		}
		for _, a := range arts {
			opt.Unlabeled = append(opt.Unlabeled, a.Text)
		}
	}
	start := time.Now()
	m, err := ner.Train(e.ctx, opt)
	if err != nil {
		return err
	}
	if err := writeAtomic(c.Out, m.Write); err != nil {
		return err
	}
	e.log.Info("ner model written", "out", c.Out, "train", strings.Join(train, ","), "seconds", time.Since(start).Seconds())
	return nil
}
