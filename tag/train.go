package tag

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/eventwire/eventwire/conllu"
)

// Sentinel errors.
var (
	// ErrModel is wrapped by the errors of Read and Load for a model that
	// is corrupt, truncated or of an unknown format version.
	ErrModel = errors.New("tag: corrupt or incompatible model")
	// ErrNoData is returned by Train when there is nothing to train on.
	ErrNoData = errors.New("tag: no training sentences")
	// ErrTooManyTags is returned by Train when the training data has more
	// UPOS/XPOS pairs than a model can hold (127).
	ErrTooManyTags = errors.New("tag: too many UPOS/XPOS pairs")
)

// maxClasses is the most UPOS/XPOS pairs a model can hold: the weights of
// a feature are indexed by a byte, the class for the first pass and nc
// plus the class for the second.
const maxClasses = 127

// DefaultIterations is the number of training passes when
// TrainOptions.Iterations is 0.
const DefaultIterations = 10

// Training settings, chosen on EWT dev.
const (
	// folds is the number of parts the training data is cut into to
	// produce honest first-pass tags for training the second pass, and
	// foldIterations the most passes each of those models trains for.
	folds          = 4
	foldIterations = 5

	// prune is the smallest averaged weight kept in a model, and
	// quantLevels the number of steps that a weight as large as the
	// largest one is quantised to. Neither costs accuracy; together they
	// shrink the model by a third.
	prune       = 0.3
	quantLevels = 1023

	// minRuleTypes is the number of word types that a lemma rule for a
	// suffix needs.
	minRuleTypes = 2
)

// TrainOptions configure Train and TrainSentences.
type TrainOptions struct {
	Files      []string     // CoNLL-U training files (gzip or plain), e.g. EWT train + GUM train
	Dev        string       // optional CoNLL-U dev file for reporting per-iteration accuracy (never test)
	Iterations int          // 0: DefaultIterations
	Seed       int64        // deterministic shuffling
	Log        *slog.Logger // progress; nil = discard
}

// ReadFiles reads the words of the sentences of CoNLL-U files (gzip or
// plain).
func ReadFiles(ctx context.Context, files ...string) ([]*conllu.Sentence, error) {
	var sents []*conllu.Sentence
	for _, path := range files {
		r, c, err := conllu.Open(path)
		if err != nil {
			return nil, fmt.Errorf("tag: %w", err)
		}
		for {
			s, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				c.Close()
				return nil, fmt.Errorf("tag: %s: %w", path, err)
			}
			if len(s.Words) > 0 {
				sents = append(sents, s)
			}
			if len(sents)%1024 == 0 {
				if err := ctx.Err(); err != nil {
					c.Close()
					return nil, err
				}
			}
		}
		if err := c.Close(); err != nil {
			return nil, fmt.Errorf("tag: %s: %w", path, err)
		}
	}
	return sents, nil
}

// Train trains a tagger on the CoNLL-U files of opt.Files. It is
// deterministic for a given seed and files.
func Train(ctx context.Context, opt TrainOptions) (*Tagger, error) {
	sents, err := ReadFiles(ctx, opt.Files...)
	if err != nil {
		return nil, err
	}
	return TrainSentences(ctx, sents, opt)
}

// TrainSentences is Train on sentences already in memory. It reads only
// the FORM, UPOS, XPOS and LEMMA of the words; multiword tokens and empty
// nodes are ignored. The sentences are not modified.
//
// Training takes about a minute and a half for EWT and GUM train (330,000
// words) on one core: four first-pass models on three quarters of the
// data each, for the jack-knifed tags, then the model itself.
func TrainSentences(ctx context.Context, sents []*conllu.Sentence, opt TrainOptions) (*Tagger, error) {
	log := opt.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	iters := opt.Iterations
	if iters <= 0 {
		iters = DefaultIterations
	}
	start := time.Now()

	// Classes, by decreasing frequency.
	classCount := map[class]int{}
	words := 0
	for _, s := range sents {
		for _, w := range s.Words {
			classCount[class{w.UPOS, w.XPOS}]++
			words++
		}
	}
	if words == 0 {
		return nil, ErrNoData
	}
	if len(classCount) > maxClasses {
		return nil, fmt.Errorf("%w: %d, at most %d", ErrTooManyTags, len(classCount), maxClasses)
	}
	classes := make([]class, 0, len(classCount))
	for c := range classCount {
		classes = append(classes, c)
	}
	slices.SortFunc(classes, func(a, b class) int {
		if c := cmp.Compare(classCount[b], classCount[a]); c != 0 {
			return c
		}
		if c := cmp.Compare(a.upos, b.upos); c != 0 {
			return c
		}
		return cmp.Compare(a.xpos, b.xpos)
	})
	classID := make(map[class]uint8, len(classes))
	for i, c := range classes {
		classID[c] = uint8(i)
	}

	t := &Tagger{classes: classes}
	t.lex = newLexicon(defaultLexParams(), buildLexicon(sents, classID))
	t.lem = newLemmatizer(defaultMaxSuffix, learnRules(t.lex.entries, defaultMaxSuffix, minRuleTypes),
		learnCasing(sents, classes, classID), classes, t.lex)
	log.Info("tag: training", "sentences", len(sents), "words", words, "classes", len(classes),
		"forms", len(t.lex.entries), "lemma_rules", len(t.lem.rules), "iterations", iters)

	var dev []*conllu.Sentence
	if opt.Dev != "" {
		var err error
		if dev, err = ReadFiles(ctx, opt.Dev); err != nil {
			return nil, err
		}
	}

	first, err := jackknife(ctx, sents, classes, classID, min(iters, foldIterations), opt.Seed)
	if err != nil {
		return nil, err
	}
	t.stacked = true
	log.Info("tag: jack-knifed first-pass tags", "folds", folds, "elapsed", time.Since(start).Round(time.Millisecond))

	tr := newTrainer()
	c, err := t.prepare(ctx, sents, classID, tr)
	if err != nil {
		return nil, err
	}
	c.first = first
	err = tr.run(ctx, t, c, iters, opt.Seed, func(it int, acc1, acc2 float64) {
		attrs := []any{"iteration", it, "train_acc", acc1, "train_acc2", acc2,
			"features", len(tr.keys), "elapsed", time.Since(start).Round(time.Millisecond)}
		if dev != nil {
			t.setWeights(tr.averaged())
			sc := t.evaluate(dev)
			attrs = append(attrs, "dev_upos", pct(sc.UPOS, sc.Words), "dev_xpos", pct(sc.XPOS, sc.Words), "dev_lemma", pct(sc.Lemma, sc.Words))
		}
		log.Info("tag: iteration", attrs...)
	})
	if err != nil {
		return nil, err
	}
	feats, scale := tr.averaged()
	t.setWeights(feats, scale)
	weights := 0
	for _, f := range feats {
		weights += len(f.ents)
	}
	log.Info("tag: trained", "features", len(feats), "weights", weights, "elapsed", time.Since(start).Round(time.Millisecond))
	return t, nil
}

func (t *Tagger) setWeights(feats []feature, scale float32) {
	t.w = newWeights(feats, t.rowLen(), scale)
}

func pct(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return math.Round(10000*float64(n)/float64(d)) / 100
}

// buildLexicon counts the classes and lemmas of every form of the training
// data and adds the built-in irregular forms.
func buildLexicon(sents []*conllu.Sentence, classID map[class]uint8) []lexEntry {
	type stat struct {
		counts map[uint8]uint32
		lemmas map[uint8]map[string]uint32
	}
	forms := map[string]*stat{}
	get := func(form string) *stat {
		st := forms[form]
		if st == nil {
			st = &stat{counts: map[uint8]uint32{}, lemmas: map[uint8]map[string]uint32{}}
			forms[form] = st
		}
		return st
	}
	for _, s := range sents {
		for _, w := range s.Words {
			c := classID[class{w.UPOS, w.XPOS}]
			st := get(w.Form)
			st.counts[c]++
			m := st.lemmas[c]
			if m == nil {
				m = map[string]uint32{}
				st.lemmas[c] = m
			}
			m[w.Lemma]++
		}
	}
	override := map[string]map[uint8]string{}
	irregular(func(form, lemma, upos, xpos string) {
		c, ok := classID[class{upos, xpos}]
		if !ok {
			return
		}
		m := override[form]
		if m == nil {
			m = map[uint8]string{}
			override[form] = m
		}
		if _, dup := m[c]; !dup {
			m[c] = lemma
		}
		get(form)
	})
	names := make([]string, 0, len(forms))
	for f := range forms {
		names = append(names, f)
	}
	slices.Sort(names)
	entries := make([]lexEntry, 0, len(names))
	for _, f := range names {
		st := forms[f]
		e := lexEntry{form: f}
		for c, n := range st.counts {
			var lemma string
			var ln uint32
			for l, k := range st.lemmas[c] {
				if k > ln || k == ln && l < lemma {
					lemma, ln = l, k
				}
			}
			e.tags = append(e.tags, lexTag{class: c, count: n, lemma: lemma})
			e.total += n
		}
		for c, lemma := range override[f] {
			i := slices.IndexFunc(e.tags, func(t lexTag) bool { return t.class == c })
			if i >= 0 {
				e.tags[i].lemma = lemma
			} else {
				e.tags = append(e.tags, lexTag{class: c, lemma: lemma})
			}
		}
		slices.SortFunc(e.tags, func(a, b lexTag) int { return cmp.Compare(a.class, b.class) })
		entries = append(entries, e)
	}
	return entries
}

// learnCasing decides for every class and casingBit whether capitalised
// words get a lowercased lemma, by the majority of the training tokens.
// Without evidence, proper nouns keep their case and other words are
// lowercased.
func learnCasing(sents []*conllu.Sentence, classes []class, classID map[class]uint8) []uint16 {
	lowered := make([][16]int, len(classes))
	kept := make([][16]int, len(classes))
	var flags []uint64
	for _, s := range sents {
		flags = flags[:0]
		for i, w := range s.Words {
			_, _, f := shapeOf([]rune(w.Form), i == 0)
			flags = append(flags, f)
		}
		sc := sentenceCase(len(flags), func(i int) uint64 { return flags[i] })
		for i, w := range s.Words {
			if flags[i]&flUpper == 0 {
				continue
			}
			bit := casingBit(i == 0, flags[i]&flAllUp != 0, sc)
			c := classID[class{w.UPOS, w.XPOS}]
			if w.Lemma == strings.ToLower(w.Lemma) {
				lowered[c][bit]++
			} else {
				kept[c][bit]++
			}
		}
	}
	out := make([]uint16, len(classes))
	for c := range classes {
		for bit := range 16 {
			lo, ke := lowered[c][bit], kept[c][bit]
			if lo > ke || lo == ke && classes[c].upos != "PROPN" {
				out[c] |= 1 << bit
			}
		}
	}
	return out
}

// Scores counts the words that a tagger got right.
type scores struct {
	Words, UPOS, XPOS, Lemma int
}

// evaluate tags the words of gold sentences and counts what it got right.
func (t *Tagger) evaluate(gold []*conllu.Sentence) scores {
	var sc scores
	var words, upos, xpos, lemma []string
	for _, s := range gold {
		words = words[:0]
		for _, w := range s.Words {
			words = append(words, w.Form)
		}
		n := len(words)
		upos, xpos, lemma = grow(upos, n), grow(xpos, n), grow(lemma, n)
		t.TagWords(words, upos, xpos, lemma)
		for i, w := range s.Words {
			sc.Words++
			if upos[i] == w.UPOS {
				sc.UPOS++
			}
			if xpos[i] == w.XPOS {
				sc.XPOS++
			}
			if lemma[i] == w.Lemma {
				sc.Lemma++
			}
		}
	}
	return sc
}
