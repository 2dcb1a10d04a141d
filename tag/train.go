package tag

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"math/rand/v2"
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
	// UPOS/XPOS pairs than the model can hold (maxClasses).
	ErrTooManyTags = errors.New("tag: too many UPOS/XPOS pairs")
)

// maxClasses is the most UPOS/XPOS pairs a model can hold: the weights of
// a feature are indexed by a byte, the class for the first pass and nc
// plus the class for the second.
const maxClasses = 127

// DefaultIterations is the number of training passes when
// TrainOptions.Iterations is 0.
const DefaultIterations = 10

// TrainOptions configure Train and TrainSentences.
type TrainOptions struct {
	Files      []string     // CoNLL-U training files (gzip or plain), e.g. EWT train + GUM train
	Dev        string       // optional CoNLL-U dev file for reporting per-iteration accuracy (never test)
	Iterations int          // 0: DefaultIterations
	Seed       int64        // deterministic shuffling
	Log        *slog.Logger // progress; nil = discard

	// Tuning knobs for experiments; the zero value means the default.
	folds     int        // jack-knifing folds for the second pass; 1: no second pass
	runs      int        // training runs with different seeds whose weights are averaged
	lexFolds  int        // parts for jack-knifing the lexical attributes of the training data
	prune     float64    // averaged weights smaller than this are dropped
	lexParams *lexParams // tag dictionary thresholds
}

// defaultPrune is the smallest averaged weight kept in a saved model, and
// quantLevels the number of steps a weight as large as the largest one
// is quantised to. Measured on EWT dev, neither costs accuracy; together
// they shrink the model by a third.
const (
	defaultPrune = 0.3
	quantLevels  = 1023
)

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

// trainEnt is the weight of one feature for one class during training,
// with what lazy averaging needs.
type trainEnt struct {
	tot int64 // sum of the weight over all steps up to ts
	w   int32
	ts  int32 // the step at which w last changed
	c   uint8
}

type trainer struct {
	index map[uint64]int32
	keys  []uint64
	ents  [][]trainEnt
	now   int32
	acc   [][]accEnt // the sum of the averaged weights of the finished runs
	runs  int
}

func (tr *trainer) id(key uint64) int32 {
	if i, ok := tr.index[key]; ok {
		return i
	}
	i := int32(len(tr.keys))
	tr.index[key] = i
	tr.keys = append(tr.keys, key)
	tr.ents = append(tr.ents, nil)
	return i
}

func (tr *trainer) score(f int32, scores *[256]int32) {
	for _, e := range tr.ents[f] {
		scores[e.c] += e.w
	}
}

func (tr *trainer) update(f int32, c uint8, d int32) {
	es := tr.ents[f]
	for i := range es {
		if e := &es[i]; e.c == c {
			e.tot += int64(tr.now-e.ts) * int64(e.w)
			e.ts = tr.now
			e.w += d
			return
		}
	}
	tr.ents[f] = append(es, trainEnt{c: c, w: d, ts: tr.now})
}

// accEnt is an averaged weight of a finished run.
type accEnt struct {
	w float64
	c uint8
}

// finishRun adds the averaged weights of the current run to those of the
// earlier runs and starts a new run from zero weights.
func (tr *trainer) finishRun() {
	tr.acc = slices.Grow(tr.acc, len(tr.ents)-len(tr.acc))[:len(tr.ents)]
	for f, es := range tr.ents {
		for _, e := range es {
			a := tr.avg(e)
			if i := slices.IndexFunc(tr.acc[f], func(x accEnt) bool { return x.c == e.c }); i >= 0 {
				tr.acc[f][i].w += a
			} else {
				tr.acc[f] = append(tr.acc[f], accEnt{a, e.c})
			}
		}
		tr.ents[f] = nil
	}
	tr.runs++
	tr.now = 0
}

func (tr *trainer) avg(e trainEnt) float64 {
	return float64(e.tot+int64(tr.now-e.ts)*int64(e.w)) / float64(max(tr.now, 1))
}

// averaged returns the averaged, pruned and quantised weights: the mean of
// the finished runs and the current one.
func (tr *trainer) averaged(prune float64) ([]feature, float32) {
	runs := float64(tr.runs)
	if tr.now > 0 {
		runs++
	}
	runs = max(runs, 1)
	weights := make([][]accEnt, len(tr.ents))
	maxAbs := 0.0
	for f, es := range tr.ents {
		var ws []accEnt
		if f < len(tr.acc) {
			ws = slices.Clone(tr.acc[f])
		}
		for _, e := range es {
			a := tr.avg(e)
			if i := slices.IndexFunc(ws, func(x accEnt) bool { return x.c == e.c }); i >= 0 {
				ws[i].w += a
			} else {
				ws = append(ws, accEnt{a, e.c})
			}
		}
		for i := range ws {
			ws[i].w /= runs
			maxAbs = max(maxAbs, math.Abs(ws[i].w))
		}
		weights[f] = ws
	}
	scale := maxAbs / quantLevels
	if scale == 0 {
		scale = 1
	}
	var feats []feature
	for f, ws := range weights {
		var ents []int32
		for _, e := range ws {
			if math.Abs(e.w) < prune {
				continue
			}
			q := int32(math.Round(e.w / scale))
			if q == 0 {
				continue
			}
			ents = append(ents, q<<8|int32(e.c))
		}
		if len(ents) > 0 {
			slices.SortFunc(ents, func(a, b int32) int { return cmp.Compare(uint8(a), uint8(b)) })
			feats = append(feats, feature{key: tr.keys[f], ents: ents})
		}
	}
	sortFeatures(feats)
	return feats, float32(scale)
}

// TrainSentences is Train on sentences already in memory. It reads only
// the FORM, UPOS, XPOS and LEMMA of the words; multiword tokens and empty
// nodes are ignored. The sentences are not modified.
func TrainSentences(ctx context.Context, sents []*conllu.Sentence, opt TrainOptions) (*Tagger, error) {
	log := opt.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	iters := opt.Iterations
	if iters <= 0 {
		iters = DefaultIterations
	}
	prune := opt.prune
	if prune == 0 {
		prune = defaultPrune
	}
	lp := defaultLexParams
	if opt.lexParams != nil {
		lp = *opt.lexParams
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
	t.lex = newLexicon(lp, buildLexicon(sents, classID))
	t.lem = newLemmatizer(defaultMaxSuffix, learnRules(t.lex.entries, defaultMaxSuffix, minRuleTypes), learnCasing(sents, classes, classID), classes, t.lex)
	log.Info("tag: training", "sentences", len(sents), "words", words, "classes", len(classes),
		"forms", len(t.lex.entries), "lemma_rules", len(t.lem.rules), "iterations", iters)

	var dev []*conllu.Sentence
	if opt.Dev != "" {
		var err error
		if dev, err = ReadFiles(ctx, opt.Dev); err != nil {
			return nil, err
		}
	}

	folds := opt.folds
	if folds == 0 {
		folds = defaultFolds
	}
	var first [][]uint8
	if folds > 1 {
		var err error
		first, err = jackknife(ctx, sents, classes, classID, lp, folds, min(iters, foldIterations), opt.Seed, prune, opt.lexFolds)
		if err != nil {
			return nil, err
		}
		t.stacked = true
		log.Info("tag: jack-knifed first-pass tags", "folds", folds, "elapsed", time.Since(start).Round(time.Millisecond))
	}

	tr := newTrainer()
	c, err := t.prepare(ctx, sents, classID, tr, opt.lexFolds, lp)
	if err != nil {
		return nil, err
	}
	c.first = first
	runs := max(opt.runs, 1)
	for r := range runs {
		if r > 0 {
			tr.finishRun()
		}
		err = tr.run(ctx, t, c, iters, opt.Seed+int64(r)*1000, func(it int, acc1, acc2 float64) error {
			attrs := []any{"iteration", it, "train_acc", acc1}
			if t.stacked {
				attrs = append(attrs, "train_acc2", acc2)
			}
			attrs = append(attrs, "features", len(tr.keys), "elapsed", time.Since(start).Round(time.Millisecond))
			if dev != nil {
				t.setWeights(tr.averaged(prune))
				sc := t.evaluate(dev)
				attrs = append(attrs, "dev_upos", pct(sc.UPOS, sc.Words), "dev_xpos", pct(sc.XPOS, sc.Words), "dev_lemma", pct(sc.Lemma, sc.Words))
			}
			log.Info("tag: iteration", attrs...)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	t.setWeights(tr.averaged(prune))
	log.Info("tag: trained", "features", t.w.n, "weights", len(t.w.ents), "elapsed", time.Since(start).Round(time.Millisecond))
	return t, nil
}

// minRuleTypes is the number of word types a lemma rule for a suffix
// needs.
const minRuleTypes = 2

// defaultFolds is the number of parts the training data is cut into to
// produce honest first-pass tags for training the second pass.
const defaultFolds = 4

// foldIterations is the most passes a jack-knifing model trains for.
const foldIterations = 5

// corpus is training data with everything precomputed that does not
// change during training.
type corpus struct {
	attrs [][]tokAttr
	gold  [][]uint8
	feats [][]int32 // the static features of each sentence, nStatic per word
	first [][]uint8 // the jack-knifed first-pass tags; nil when not stacked
	cands []uint8   // the candidate classes that the attributes refer to
}

func newTrainer() *trainer { return &trainer{index: make(map[uint64]int32, 1<<20)} }

// prepare computes the attributes and static features of the training
// sentences, with t's lexicon.
//
// With lexFolds > 1 the lexical attributes of a sentence (ambiguity
// class, candidates, tag dictionary) come from a lexicon of the other
// lexFolds-1 parts of the data, so that they are as informative in
// training as on new text, words missing from it included.
func (t *Tagger) prepare(ctx context.Context, sents []*conllu.Sentence, classID map[class]uint8, tr *trainer, lexFolds int, lp lexParams) (*corpus, error) {
	c := &corpus{attrs: make([][]tokAttr, len(sents)), gold: make([][]uint8, len(sents)), feats: make([][]int32, len(sents))}
	lexes := []*lexicon{t.lex}
	bases := []uint32{0}
	c.cands = t.lex.cands
	if lexFolds > 1 {
		lexes, bases = nil, nil
		c.cands = nil
		for f := range lexFolds {
			var part []*conllu.Sentence
			for i, s := range sents {
				if i%lexFolds != f {
					part = append(part, s)
				}
			}
			lx := newLexicon(lp, buildLexicon(part, classID))
			lexes = append(lexes, lx)
			bases = append(bases, uint32(len(c.cands)))
			c.cands = append(c.cands, lx.cands...)
		}
	}
	var keys []uint64
	var rbuf []rune
	saved := t.lex
	defer func() { t.lex = saved }()
	for si, s := range sents {
		f := si % len(lexes)
		t.lex = lexes[f]
		as, gold := make([]tokAttr, len(s.Words)+2*pad), make([]uint8, len(s.Words))
		for i, w := range s.Words {
			rbuf = appendRunes(rbuf[:0], w.Form)
			t.attrs(&as[i+pad], rbuf, i == 0)
			as[i+pad].cands += bases[f]
			gold[i] = classID[class{w.UPOS, w.XPOS}]
		}
		finishSentence(as)
		var feats []int32
		for i := range s.Words {
			keys = staticFeatures(keys[:0], as, i)
			if feats == nil {
				feats = make([]int32, 0, len(keys)*len(s.Words))
			}
			for _, k := range keys {
				feats = append(feats, tr.id(k))
			}
		}
		c.attrs[si], c.gold[si], c.feats[si] = as, gold, feats
		if si%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
	}
	return c, nil
}

func appendRunes(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, r)
	}
	return dst
}

// run trains for iters passes over c in an order shuffled with the seed.
// With c.first set it trains the second pass alongside the first: its
// weights are those of classes nc..2nc-1. After each pass it calls done
// with the training accuracies of both passes.
func (tr *trainer) run(ctx context.Context, t *Tagger, c *corpus, iters int, seed int64, done func(it int, acc1, acc2 float64) error) error {
	nc := len(t.classes)
	rng := rand.New(rand.NewPCG(uint64(seed), 0x7a6761747461))
	order := make([]int, len(c.attrs))
	for i := range order {
		order[i] = i
	}
	var scores [256]int32
	var keys []uint64
	dyn := make([]int32, 0, numDynamic2)
	// step scores the dynamic features keys on top of the static scores
	// and returns the best class of the pass at offset off; on a mistake
	// it updates the static and dynamic features.
	step := func(static []int32, keys []uint64, off int, cands []uint8, gold uint8) uint8 {
		dyn = dyn[:0]
		for _, k := range keys {
			f, ok := tr.index[k]
			if !ok {
				f = -1
			} else {
				tr.score(f, &scores)
			}
			dyn = append(dyn, f)
		}
		guess := best(scores[off:off+nc], cands)
		if guess != gold {
			g, p := uint8(off)+gold, uint8(off)+guess
			for _, f := range static {
				tr.update(f, g, 1)
				tr.update(f, p, -1)
			}
			for j, f := range dyn {
				if f < 0 {
					f = tr.id(keys[j])
				}
				tr.update(f, g, 1)
				tr.update(f, p, -1)
			}
		}
		return guess
	}
	var static2 []int32
	for it := 1; it <= iters; it++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct1, correct2, total := 0, 0, 0
		for n, si := range order {
			if n%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			as, gold, feats := c.attrs[si], c.gold[si], c.feats[si]
			nStatic := len(feats) / len(gold)
			var first []uint8
			if c.first != nil {
				first = c.first[si]
				static2 = grow(static2, len(gold)*nc)
			}
			var t1, t2 uint8 = histStart1, histStart2
			var u1, u2 uint8 = histStart1, histStart2
			for i, g := range gold {
				a := &as[i+pad]
				guess1, guess2 := g, g
				if a.direct >= 0 {
					guess1, guess2 = uint8(a.direct), uint8(a.direct)
				} else {
					cands := c.cands[a.cands : a.cands+a.candsN]
					static := feats[i*nStatic : (i+1)*nStatic]
					clear(scores[:2*nc])
					for _, f := range static {
						tr.score(f, &scores)
					}
					if first != nil {
						copy(static2[i*nc:], scores[nc:2*nc])
					}
					tr.now++
					keys = dynamicFeatures(keys[:0], as, i, t1, t2)
					guess1 = step(static, keys, 0, cands, g)
					if first != nil {
						copy(scores[nc:2*nc], static2[i*nc:(i+1)*nc])
						keys = dynamicFeatures2(keys[:0], as, i, u1, u2, first)
						guess2 = step(static, keys, nc, cands, g)
					}
				}
				if guess1 == g {
					correct1++
				}
				if guess2 == g {
					correct2++
				}
				total++
				t2, t1 = t1, guess1
				u2, u1 = u1, guess2
			}
		}
		if err := done(it, pct(correct1, total), pct(correct2, total)); err != nil {
			return err
		}
	}
	return nil
}

// jackknife cuts the sentences into k parts and tags each part with a
// first-pass model trained on the others.
func jackknife(ctx context.Context, sents []*conllu.Sentence, classes []class, classID map[class]uint8, lp lexParams, k, iters int, seed int64, prune float64, lexFolds int) ([][]uint8, error) {
	first := make([][]uint8, len(sents))
	for f := range k {
		var train []*conllu.Sentence
		for i, s := range sents {
			if i%k != f {
				train = append(train, s)
			}
		}
		t := &Tagger{classes: classes, lex: newLexicon(lp, buildLexicon(train, classID))}
		tr := newTrainer()
		c, err := t.prepare(ctx, train, classID, tr, lexFolds, lp)
		if err != nil {
			return nil, err
		}
		if err := tr.run(ctx, t, c, iters, seed+int64(f)+1, func(int, float64, float64) error { return nil }); err != nil {
			return nil, err
		}
		t.setWeights(tr.averaged(prune))
		s := t.getScratch()
		var rbuf []rune
		for i, sent := range sents {
			if i%k != f {
				continue
			}
			n := len(sent.Words)
			s.attrs = grow(s.attrs, n+2*pad)
			for j, w := range sent.Words {
				rbuf = appendRunes(rbuf[:0], w.Form)
				t.attrs(&s.attrs[j+pad], rbuf, j == 0)
			}
			finishSentence(s.attrs)
			first[i] = make([]uint8, n)
			t.decode(s, s.attrs, first[i])
		}
	}
	return first, nil
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

func (t *Tagger) setWeights(feats []feature, scale float32) {
	t.w = newWeights(feats, t.rowLen(), scale)
}
