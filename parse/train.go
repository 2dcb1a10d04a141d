package parse

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"log/slog"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/eventwire/eventwire/conllu"
)

// The settings of the shipped model (see model/PROVENANCE.md).
const (
	DefaultIterations     = 10
	DefaultJackknifeFolds = 5
	DefaultSeed           = 1
)

// TrainOptions configures Train.
type TrainOptions struct {
	Files          []string // CoNLL-U training files (gzip or plain): EWT train (+ GUM train)
	Dev            string   // optional dev file for per-iteration UAS/LAS (never test)
	Iterations     int      // passes over the training data; 0 means DefaultIterations
	Seed           int64
	JackknifeFolds int // 0 = train on gold tags; k>1 = tag each fold with a tagger trained on the other k-1 folds
	Log            *slog.Logger
}

// config holds the settings that TrainOptions does not expose; tests use
// it to tune.
type config struct {
	bits       uint    // log2 of the rows of the weight matrix
	minCount   int     // a form seen fewer times is unknown
	minArcs    int     // a label seen fewer times in a direction gets no action for it
	expStart   int     // iterations with the static choice before exploring
	expProb    float64 // probability of following the model's prediction
	prune      float32 // averaged weights below this magnitude are dropped
	maxSents   int     // use at most this many training sentences (0: all)
	devEvery   int     // evaluate on dev every k iterations (0: every)
	tagger     tagFunc // tags the dev sentences; nil: gold tags
	jackknifer jackknifeFunc
}

func defaultConfig() config {
	return config{bits: 20, minCount: 2, minArcs: 20, expStart: 1, expProb: 0.9, prune: 1}
}

// tagFunc tags sentences in place (forms in, UPOS and XPOS out).
type tagFunc func(words, upos, xpos []string)

// jackknifeFunc replaces the tags of sents with predicted ones.
type jackknifeFunc func(ctx context.Context, sents []*sentence, folds int, seed int64, log *slog.Logger) (tagFunc, error)

// sentence is a training or evaluation sentence.
type sentence struct {
	src               *conllu.Sentence
	words, upos, xpos []string
	head              []int32  // gold heads, n for the root
	rel               []string // gold relations
	// derived for training
	proj          []int32 // projectivised heads
	lab           []uint8 // label ids
	W, T, U, S, A []uint64
}

// Train trains a parser on the CoNLL-U files of opt.
func Train(ctx context.Context, opt TrainOptions) (*Parser, error) {
	return train(ctx, opt, defaultConfig())
}

func train(ctx context.Context, opt TrainOptions, cfg config) (*Parser, error) {
	log := opt.Log
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if opt.Iterations <= 0 {
		opt.Iterations = DefaultIterations
	}
	start := time.Now()
	var sents []*sentence
	for _, f := range opt.Files {
		ss, err := readSentences(f)
		if err != nil {
			return nil, err
		}
		sents = append(sents, ss...)
	}
	if cfg.maxSents > 0 && len(sents) > cfg.maxSents {
		sents = sents[:cfg.maxSents]
	}
	if len(sents) == 0 {
		return nil, ErrNoData
	}
	var dev []*sentence
	if opt.Dev != "" {
		var err error
		if dev, err = readSentences(opt.Dev); err != nil {
			return nil, err
		}
	}
	log.Info("read", "sentences", len(sents), "dev", len(dev), "elapsed", time.Since(start).Round(time.Millisecond))

	if opt.JackknifeFolds > 1 {
		jk := cfg.jackknifer
		if jk == nil {
			jk = jackknife
		}
		tagger, err := jk(ctx, sents, opt.JackknifeFolds, opt.Seed, log)
		if err != nil {
			return nil, err
		}
		if cfg.tagger == nil {
			cfg.tagger = tagger
		}
		log.Info("jackknifed tags", "folds", opt.JackknifeFolds, "elapsed", time.Since(start).Round(time.Millisecond))
	}
	if cfg.tagger != nil {
		for _, s := range dev {
			cfg.tagger(s.words, s.upos, s.xpos)
		}
		u, x := tagAccuracy(dev)
		log.Info("tagged dev", "upos", pct(u), "xpos", pct(x))
	}

	p := newParserFor(sents, cfg)
	for _, s := range sents {
		p.atoms(s)
	}
	for _, s := range dev {
		p.atoms(s)
	}
	log.Info("inventory", "labels", len(p.labels), "actions", p.nAct, "vocabulary", len(p.vocabList), "upos", len(p.upos), "xpos", len(p.xpos))

	t := &trainer{p: p, A: p.nAct, cfg: cfg, rng: rand.New(rand.NewPCG(uint64(opt.Seed), 0x5eed))}
	if err := t.train(ctx, sents, dev, opt.Iterations, log, start); err != nil {
		return nil, err
	}
	t.finish()
	log.Info("model", "weights", p.w.n, "scale", p.scale, "elapsed", time.Since(start).Round(time.Second))
	if len(dev) > 0 {
		sc := evaluate(p, dev)
		log.Info("dev (quantised model)", "uas", pct(sc.UAS()), "las", pct(sc.LAS()), "ulas", pct(sc.UniversalLAS()))
	}
	return p, nil
}

func pct(x float64) string { return fmt.Sprintf("%.2f", 100*x) }

// readSentences reads a CoNLL-U file. Sentences whose trees are not
// well formed (no single root, cycles, heads out of range) are dropped.
func readSentences(path string) ([]*sentence, error) {
	r, c, err := conllu.Open(path)
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	defer c.Close()
	var out []*sentence
	for {
		cs, err := r.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("parse: %s: %w", path, err)
		}
		if s := fromCoNLLU(cs); s != nil {
			out = append(out, s)
		}
	}
}

func fromCoNLLU(cs *conllu.Sentence) *sentence {
	n := len(cs.Words)
	if n == 0 {
		return nil
	}
	s := &sentence{
		src:   cs,
		words: make([]string, n), upos: make([]string, n), xpos: make([]string, n),
		head: make([]int32, n), rel: make([]string, n),
	}
	roots := 0
	for i, w := range cs.Words {
		s.words[i], s.upos[i], s.xpos[i], s.rel[i] = w.Form, w.UPOS, w.XPOS, w.Deprel
		switch {
		case w.Head == 0:
			s.head[i] = int32(n)
			roots++
		case w.Head >= 1 && w.Head <= n && w.Head != i+1:
			s.head[i] = int32(w.Head - 1)
		default:
			return nil
		}
	}
	if roots != 1 || !acyclic(s.head) {
		return nil
	}
	return s
}

// acyclic reports whether every word reaches the root (index n).
func acyclic(head []int32) bool {
	n := int32(len(head))
	for i := range head {
		h, steps := int32(i), 0
		for h != n {
			h = head[h]
			if steps++; steps > len(head) || h < 0 || h > n {
				return false
			}
		}
	}
	return true
}

// projectivise lifts non-projective arcs (Nivre and Nilsson 2005, without
// label encoding) until the tree is projective: the shortest arc that
// spans a word its head does not dominate is re-attached to its head's
// head, and again, until no such arc is left. The root is at index n.
func projectivise(head []int32) []int32 {
	h := slices.Clone(head)
	n := int32(len(h))
	dominates := func(a, b int32) bool { // a dominates b
		for steps := 0; b != n && steps <= len(h); steps++ {
			if b == a {
				return true
			}
			b = h[b]
		}
		return b == a
	}
	for {
		best, bestLen := int32(-1), int32(math.MaxInt32)
		for d := range n {
			hd := h[d]
			if hd == n {
				continue // every word lies under the root
			}
			lo, hi := min(hd, d), max(hd, d)
			if hi-lo >= bestLen {
				continue
			}
			for k := lo + 1; k < hi; k++ {
				if !dominates(hd, k) {
					best, bestLen = d, hi-lo
					break
				}
			}
		}
		if best < 0 {
			return h
		}
		h[best] = h[h[best]]
	}
}

// newParserFor sets up the inventory (labels, actions, tags, vocabulary)
// of a parser to be trained on sents.
func newParserFor(sents []*sentence, cfg config) *Parser {
	p := &Parser{bits: cfg.bits}
	labels := map[string]bool{"root": true, "dep": true}
	upos, xpos := map[string]bool{}, map[string]bool{}
	counts := map[uint64]int{}
	for _, s := range sents {
		for i := range s.words {
			labels[s.rel[i]] = true
			upos[s.upos[i]] = true
			xpos[s.xpos[i]] = true
			counts[keyString(s.words[i]).hash]++
		}
	}
	p.labels = sortedKeys(labels)
	if len(p.labels) > maxLabels {
		p.labels = p.labels[:maxLabels] // not for UD, which has about 50
	}
	p.root = uint8(slices.Index(p.labels, "root"))
	p.upos = sortedKeys(upos)
	p.xpos = sortedKeys(xpos)
	for h, c := range counts {
		if c >= cfg.minCount {
			p.vocabList = append(p.vocabList, h)
		}
	}
	slices.Sort(p.vocabList)
	// Ambiguity classes, from the gold tags: the XPOS tags that make up at
	// least 5% of a known word's occurrences.
	xposID := tagIndex(p.xpos)
	type wordTag struct {
		h uint64
		t uint64
	}
	pairs := map[wordTag]int{}
	for _, s := range sents {
		for i, w := range s.src.Words {
			if t, ok := xposID[w.XPOS]; ok {
				pairs[wordTag{keyString(s.words[i]).hash, t}]++
			}
		}
	}
	p.ambList = make([]uint64, len(p.vocabList))
	for wt, c := range pairs {
		if i, ok := slices.BinarySearch(p.vocabList, wt.h); ok && 20*c >= counts[wt.h] {
			p.ambList[i] |= 1 << (wt.t & 63)
		}
	}
	// Actions: the labels seen in each direction on the projectivised trees.
	left, right := map[uint8]int{}, map[uint8]int{}
	for _, s := range sents {
		s.proj = projectivise(s.head)
		s.lab = make([]uint8, len(s.words))
		for i, r := range s.rel {
			l, ok := slices.BinarySearch(p.labels, r)
			if !ok {
				l = int(p.root) // unreachable: every label is in the list
			}
			s.lab[i] = uint8(l)
			switch h := s.proj[i]; {
			case h == int32(len(s.words)):
			case int(h) > i:
				left[uint8(l)]++
			default:
				right[uint8(l)]++
			}
		}
	}
	frequent := func(m map[uint8]int) map[uint8]bool {
		f := map[uint8]bool{}
		for l, c := range m {
			if c >= cfg.minArcs && l != p.root {
				f[l] = true
			}
		}
		return f
	}
	p.leftLab = sortedKeys(frequent(left))
	p.rightLab = sortedKeys(frequent(right))
	// A corpus without arcs in one direction (one-word sentences) still
	// needs an action of each kind.
	dep := uint8(slices.Index(p.labels, "dep"))
	if len(p.rightLab) == 0 {
		p.rightLab = []uint8{dep}
	}
	if len(p.leftLab) == 0 {
		p.leftLab = []uint8{dep}
	}
	p.init()
	return p
}

func sortedKeys[K cmp.Ordered](m map[K]bool) []K {
	ks := make([]K, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// atoms computes the atoms of a sentence's words and tags.
func (p *Parser) atoms(s *sentence) {
	n := len(s.words)
	s.W, s.T, s.U, s.S, s.A = make([]uint64, n), make([]uint64, n), make([]uint64, n), make([]uint64, n), make([]uint64, n)
	for i := range n {
		s.W[i], s.A[i], s.S[i] = p.wordAtoms(keyString(s.words[i]))
		s.T[i] = p.xposID[s.xpos[i]]
		s.U[i] = p.uposID[s.upos[i]]
	}
}

func (st *state) load(s *sentence) {
	st.reset(len(s.words))
	copy(st.W, s.W)
	copy(st.T, s.T)
	copy(st.U, s.U)
	copy(st.S, s.S)
	copy(st.A, s.A)
}

// trainer holds the dense weights of the averaged perceptron: w, and u,
// the sum of every update times the instance count at the time, so that
// the averaged weights are w - u/c (Daumé 2006).
type trainer struct {
	p    *Parser
	A    int
	cfg  config
	w, u []float32
	c    float32 // instances seen
	rng  *rand.Rand
	cost []int // scratch
}

func (t *trainer) score(fs []uint32, sc []float32) {
	clear(sc)
	A := t.A
	for _, r := range fs {
		o := int(r) * A
		row := t.w[o : o+A : o+A]
		for a, v := range row {
			sc[a] += v
		}
	}
}

func (t *trainer) update(fs []uint32, a int, v float32) {
	cv := t.c * v
	for _, r := range fs {
		i := int(r)*t.A + a
		t.w[i] += v
		t.u[i] += cv
	}
}

// actionCosts fills cost with the number of gold arcs that each action
// makes unreachable (dynamic oracle for arc-hybrid, Goldberg and Nivre
// 2013), -1 for an action that is not allowed, and returns the least cost.
func (t *trainer) actionCosts(st *state, s *sentence, cost []int) int {
	p := t.p
	gh, gl := s.proj, s.lab
	k := len(st.stack)
	s0 := st.stack[k-1]
	s1 := int32(-2)
	if k > 1 {
		s1 = st.stack[k-2]
	}
	b0, n := st.b0, st.n
	depsInBuf := 0
	for d := b0; d < n; d++ {
		if gh[d] == s0 {
			depsInBuf++
		}
	}
	for a := range cost {
		cost[a] = -1
	}
	best := math.MaxInt
	if b0 < n {
		cs := 0
		for _, d := range st.stack {
			if gh[d] == b0 {
				cs++
			}
		}
		if h := gh[b0]; h != s0 && h < b0 && st.head[h] < 0 && slices.Contains(st.stack, h) {
			cs++
		}
		cost[0] = cs
		best = min(best, cs)
		cl := depsInBuf
		if h := gh[s0]; h != b0 && (h > b0 || h == s1) {
			cl++
		}
		for a := 1; a <= p.nLeft; a++ {
			c := cl
			if gh[s0] == b0 && p.leftLab[a-1] != gl[s0] {
				c++
			}
			cost[a] = c
			best = min(best, c)
		}
	}
	if k >= 2 {
		cr := depsInBuf
		if gh[s0] >= b0 {
			cr++
		}
		for a := p.nLeft + 1; a < p.nAct; a++ {
			c := cr
			if gh[s0] == s1 && p.rightLab[a-p.nLeft-1] != gl[s0] {
				c++
			}
			cost[a] = c
			best = min(best, c)
		}
	}
	return best
}

// learn runs one training pass over a sentence and returns the number of
// wrong predictions and of decisions.
func (t *trainer) learn(st *state, s *sentence, it int) (errs, total int) {
	p := t.p
	st.load(s)
	p.lookahead(st)
	if cap(st.fscore) < t.A {
		st.fscore = make([]float32, t.A)
	}
	sc := st.fscore[:t.A]
	if len(t.cost) < t.A {
		t.cost = make([]int, t.A)
	}
	cost := t.cost[:t.A]
	for !st.terminal() {
		k := len(st.stack)
		if k == 0 {
			st.shift()
			continue
		}
		if st.b0 == st.n && k == 1 {
			st.left(p.root)
			continue
		}
		fs := st.features(p.bits)
		t.score(fs, sc)
		minCost := t.actionCosts(st, s, cost)
		pred, gold := -1, -1
		for a, c := range cost {
			if c < 0 {
				continue
			}
			if pred < 0 || sc[a] > sc[pred] {
				pred = a
			}
			if c == minCost && (gold < 0 || sc[a] > sc[gold]) {
				gold = a
			}
		}
		t.c++
		total++
		next := gold
		if cost[pred] != minCost {
			errs++
			t.update(fs, gold, 1)
			t.update(fs, pred, -1)
			if it > t.cfg.expStart && t.rng.Float64() < t.cfg.expProb {
				next = pred
			}
		}
		p.apply(st, next)
	}
	return errs, total
}

// evalAveraged parses sents with the averaged weights (without building
// the compact model) and returns UAS and LAS.
func (t *trainer) evalAveraged(sents []*sentence) (uas, las float64) {
	p := t.p
	var st state
	sc := make([]float32, t.A)
	su := make([]float32, t.A)
	var sum score
	for _, s := range sents {
		st.load(s)
		p.lookahead(&st)
		for !st.terminal() {
			k := len(st.stack)
			if k == 0 {
				st.shift()
				continue
			}
			if st.b0 == st.n && k == 1 {
				st.left(p.root)
				continue
			}
			fs := st.features(p.bits)
			clear(sc)
			clear(su)
			A := t.A
			for _, r := range fs {
				o := int(r) * A
				w, u := t.w[o:o+A:o+A], t.u[o:o+A:o+A]
				for a := range w {
					sc[a] += w[a]
					su[a] += u[a]
				}
			}
			inv := 1 / t.c
			best, bestScore := -1, float32(0)
			consider := func(a int) {
				v := sc[a] - su[a]*inv
				if best < 0 || v > bestScore {
					best, bestScore = a, v
				}
			}
			if st.b0 < st.n {
				for a := 0; a <= p.nLeft; a++ {
					consider(a)
				}
			}
			if k >= 2 {
				for a := p.nLeft + 1; a < p.nAct; a++ {
					consider(a)
				}
			}
			p.apply(&st, best)
		}
		sum.add(p, &st, s)
	}
	return sum.UAS(), sum.LAS()
}

// finish averages the weights, prunes and quantises them into the compact
// model of t.p, and frees the dense matrices.
func (t *trainer) finish() {
	inv := 1 / t.c
	for i := range t.w {
		t.w[i] -= t.u[i] * inv
	}
	t.u = nil
	compact(t.p, t.w, t.A, t.cfg.prune)
	t.w = nil
}

// compact prunes and quantises the averaged weights w (rows of A actions)
// into the compact model of p.
func compact(p *Parser, w []float32, A int, prune float32) {
	var maxAbs float32
	for _, v := range w {
		maxAbs = max(maxAbs, v, -v)
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	p.scale = scale
	thr := max(prune, scale/2)
	// A model holds at most maxWeights weights: raise the threshold until
	// it fits (only an unpruned model is that big).
	for {
		n := 0
		for _, v := range w {
			if max(v, -v) >= thr {
				n++
			}
		}
		if n <= maxWeights {
			break
		}
		thr *= 1.25
	}
	rows := len(w) / A
	off := make([]uint32, rows+1)
	var ent []uint32
	for r := range rows {
		for a, v := range w[r*A : r*A+A] {
			if max(v, -v) < thr {
				continue
			}
			q := int32(math.Round(float64(v / scale)))
			q = max(-32767, min(32767, q))
			if q == 0 {
				continue
			}
			ent = append(ent, uint32(a)<<16|uint32(uint16(int16(q))))
		}
		off[r+1] = uint32(len(ent))
	}
	p.w = buildWeights(off, ent, A)
}

// train runs the perceptron over sents for the given iterations, logging
// the dev scores.
func (t *trainer) train(ctx context.Context, sents, dev []*sentence, iterations int, log *slog.Logger, start time.Time) error {
	rows := 1 << t.cfg.bits
	t.w = make([]float32, rows*t.A)
	t.u = make([]float32, rows*t.A)
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var st state
	for it := 1; it <= iterations; it++ {
		t.rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, total := 0, 0
		for k, i := range order {
			if k%256 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			e, n := t.learn(&st, sents[i], it)
			errs += e
			total += n
		}
		attrs := []any{"iteration", it, "train_err", fmt.Sprintf("%.2f%%", 100*float64(errs)/float64(max(total, 1))),
			"elapsed", time.Since(start).Round(time.Second)}
		if len(dev) > 0 && (t.cfg.devEvery <= 1 || it%t.cfg.devEvery == 0 || it == iterations) {
			uas, las := t.evalAveraged(dev)
			attrs = append(attrs, "dev_uas", pct(uas), "dev_las", pct(las))
		}
		log.Info("train", attrs...)
	}
	return nil
}

// score counts correct heads and labels.
type score struct {
	words, heads, labels, universal int
}

func (c *score) add(p *Parser, st *state, s *sentence) {
	for i := range s.words {
		c.words++
		h, rel := p.arc(st, i)
		gh := int(s.head[i])
		if gh == len(s.words) {
			gh = -1
		}
		if h == gh {
			c.heads++
			if rel == s.rel[i] {
				c.labels++
			}
			if universal(rel) == universal(s.rel[i]) {
				c.universal++
			}
		}
	}
}

func universal(rel string) string {
	for i := range len(rel) {
		if rel[i] == ':' {
			return rel[:i]
		}
	}
	return rel
}

func (c *score) UAS() float64          { return float64(c.heads) / float64(max(c.words, 1)) }
func (c *score) LAS() float64          { return float64(c.labels) / float64(max(c.words, 1)) }
func (c *score) UniversalLAS() float64 { return float64(c.universal) / float64(max(c.words, 1)) }

// evaluate parses sents with the compact model and their own tags.
func evaluate(p *Parser, sents []*sentence) score {
	var sc score
	st := &state{}
	for _, s := range sents {
		p.atoms(s)
		st.load(s)
		p.run(st)
		sc.add(p, st, s)
	}
	return sc
}
