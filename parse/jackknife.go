package parse

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"time"

	"github.com/eventwire/eventwire/conllu"
	"github.com/eventwire/eventwire/tag"
)

// jackknife replaces the gold tags of sents by predicted ones: the
// sentences are cut into folds contiguous blocks (so that a document
// mostly stays in one fold), and each fold is tagged by a tagger trained
// on the other folds. The folds train in parallel, up to GOMAXPROCS at a
// time. It returns a function that tags dev data with the embedded tagger
// (or, when there is none, the first fold's).
func jackknife(ctx context.Context, sents []*sentence, folds int, seed int64, log *slog.Logger) (tagFunc, error) {
	if folds > len(sents) {
		folds = len(sents)
	}
	bound := func(f int) int { return f * len(sents) / folds }
	taggers := make([]*tag.Tagger, folds)
	errs := make([]error, folds)
	sem := make(chan struct{}, max(1, min(folds, runtime.GOMAXPROCS(0))))
	var wg sync.WaitGroup
	for f := range folds {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			start := time.Now()
			var rest []*conllu.Sentence
			for i, s := range sents {
				if i < bound(f) || i >= bound(f+1) {
					rest = append(rest, s.src)
				}
			}
			tg, err := tag.TrainSentences(ctx, rest, tag.TrainOptions{Seed: seed + int64(f)})
			if err != nil {
				errs[f] = fmt.Errorf("parse: jackknife fold %d: %w", f, err)
				return
			}
			taggers[f] = tg
			var lemma []string
			for _, s := range sents[bound(f):bound(f+1)] {
				lemma = append(lemma[:0], make([]string, len(s.words))...)
				tg.TagWords(s.words, s.upos, s.xpos, lemma)
			}
			u, x := tagAccuracy(sents[bound(f):bound(f+1)])
			log.Info("jackknife fold", "fold", f, "train_sentences", len(rest), "upos", pct(u), "xpos", pct(x),
				"elapsed", time.Since(start).Round(time.Second))
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	// Dev data is tagged as it will be at parse time: by the embedded
	// tagger, if there is one.
	tg, err := tag.Load()
	if err != nil {
		log.Warn("no embedded tagger: tagging dev with the first fold's", "err", err)
		tg = taggers[0]
	}
	return func(words, upos, xpos []string) {
		tg.TagWords(words, upos, xpos, make([]string, len(words)))
	}, nil
}

// tagAccuracy compares the tags of sents with the gold tags of their
// source.
func tagAccuracy(sents []*sentence) (upos, xpos float64) {
	var n, u, x int
	for _, s := range sents {
		for i, w := range s.src.Words {
			n++
			if s.upos[i] == w.UPOS {
				u++
			}
			if s.xpos[i] == w.XPOS {
				x++
			}
		}
	}
	return float64(u) / float64(max(n, 1)), float64(x) / float64(max(n, 1))
}
