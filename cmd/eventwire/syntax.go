package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/eventwire/eventwire/conllu"
	"github.com/eventwire/eventwire/parse"
	"github.com/eventwire/eventwire/tag"
)

type trainCmd struct {
	Tagger trainTaggerCmd `cmd:"" help:"Train the POS tagger and lemmatizer on UD CoNLL-U treebanks."`
	Parser trainParserCmd `cmd:"" help:"Train the dependency parser on UD CoNLL-U treebanks."`
	NER    trainNERCmd    `cmd:"" name:"ner" help:"Train the name recogniser on CoNLL-2003 and Universal NER English."`
}

// treebank names the training data: a UD treebank directory (its
// *-train.conllu[.gz] and *-dev.conllu[.gz] files are used) or files.
type treebank struct {
	Data       string   `required:"" type:"path" placeholder:"DIR" help:"UD treebank directory (its train file trains, its dev file reports), e.g. ../shared/data/ud-english-ewt."`
	Extra      []string `type:"path" placeholder:"DIR" help:"More treebank directories whose train files are added, e.g. ../shared/data/ud-english-gum."`
	Out        string   `required:"" type:"path" placeholder:"FILE" help:"Where to write the model (gzip)."`
	Seed       int64    `default:"1" help:"Seed for shuffling; the same seed and data give the same model."`
	Iterations int      `default:"0" help:"Training passes; 0 uses the model's default."`
}

// split returns the train files of the treebanks and the dev file of the
// first.
func (t *treebank) split() (train []string, dev string, err error) {
	for i, dir := range append([]string{t.Data}, t.Extra...) {
		tr, err := treebankFile(dir, "train")
		if err != nil {
			return nil, "", err
		}
		train = append(train, tr)
		if i == 0 {
			if dev, err = treebankFile(dir, "dev"); err != nil {
				return nil, "", err
			}
		}
	}
	return train, dev, nil
}

var errTreebank = errors.New("not a UD treebank")

func treebankFile(dir, split string) (string, error) {
	var found []string
	for _, pat := range []string{"*-ud-" + split + "*.conllu", "*-ud-" + split + "*.conllu.gz"} {
		m, err := filepath.Glob(filepath.Join(dir, pat))
		if err != nil {
			return "", err
		}
		found = append(found, m...)
	}
	if len(found) != 1 {
		return "", fmt.Errorf("%s: %w: want one *-ud-%s*.conllu[.gz] file, found %d", dir, errTreebank, split, len(found))
	}
	return found[0], nil
}

// writeAtomic writes path through a temporary file beside it, so that a
// failed write leaves the old file in place.
func writeAtomic(path string, save func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := save(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

type trainTaggerCmd struct{ treebank }

func (c *trainTaggerCmd) Run(e *env) error {
	train, dev, err := c.split()
	if err != nil {
		return err
	}
	start := time.Now()
	m, err := tag.Train(e.ctx, tag.TrainOptions{Files: train, Dev: dev, Iterations: c.Iterations, Seed: c.Seed, Log: e.log})
	if err != nil {
		return err
	}
	if err := writeAtomic(c.Out, m.Save); err != nil {
		return err
	}
	e.log.Info("tagger written", "out", c.Out, "train", strings.Join(train, ","), "seconds", time.Since(start).Seconds())
	return nil
}

type trainParserCmd struct {
	treebank
	Folds int `default:"4" help:"Jack-knife folds for training tags (0 trains on gold tags)."`
}

func (c *trainParserCmd) Run(e *env) error {
	train, dev, err := c.split()
	if err != nil {
		return err
	}
	start := time.Now()
	m, err := parse.Train(e.ctx, parse.TrainOptions{Files: train, Dev: dev, Iterations: c.Iterations, Seed: c.Seed,
		JackknifeFolds: c.Folds, Log: e.log})
	if err != nil {
		return err
	}
	if err := writeAtomic(c.Out, m.Save); err != nil {
		return err
	}
	e.log.Info("parser written", "out", c.Out, "train", strings.Join(train, ","), "seconds", time.Since(start).Seconds())
	return nil
}

type parseCmd struct {
	Conllu bool `required:"" help:"Read CoNLL-U on stdin (FORM given) and write it with UPOS, XPOS, LEMMA, HEAD and DEPREL filled."`
}

// loadSyntax loads the embedded tagger and parser.
func loadSyntax() (*tag.Tagger, *parse.Parser, error) {
	t, err := tag.Load()
	if err != nil {
		return nil, nil, err
	}
	p, err := parse.Load()
	if err != nil {
		return nil, nil, err
	}
	return t, p, nil
}

func (c *parseCmd) Run(e *env) error {
	t, p, err := loadSyntax()
	if err != nil {
		return err
	}
	rd := conllu.NewReader(e.stdin)
	w := conllu.NewWriter(e.stdout)
	var words, upos, xpos, lemma, rels []string
	var heads []int
	for {
		s, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			w.Flush()
			return fmt.Errorf("stdin: %w", err)
		}
		n := len(s.Words)
		words = words[:0]
		for _, wd := range s.Words {
			words = append(words, wd.Form)
		}
		upos, xpos, lemma, rels = grow(upos, n), grow(xpos, n), grow(lemma, n), grow(rels, n)
		heads = grow(heads, n)
		t.TagWords(words, upos, xpos, lemma)
		p.ParseWords(words, upos, xpos, heads, rels)
		for i := range s.Words {
			wd := &s.Words[i]
			wd.UPOS, wd.XPOS, wd.Lemma, wd.Head, wd.Deprel = upos[i], xpos[i], lemma[i], heads[i]+1, rels[i]
		}
		if err := w.Write(s); err != nil {
			return err
		}
	}
	return w.Flush()
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}
