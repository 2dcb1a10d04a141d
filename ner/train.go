package ner

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/eventwire/eventwire/geo"
)

// Sentinel errors.
var (
	// ErrModel is wrapped by the errors of Read and Load for a model that
	// is corrupt, truncated or of an unknown format version.
	ErrModel = errors.New("ner: corrupt or incompatible model")
	// ErrNoData is returned by Train when there is nothing to train on.
	ErrNoData = errors.New("ner: no training sentences")
	// ErrNoTagger is returned by Train without a POS tagger.
	ErrNoTagger = errors.New("ner: no POS tagger to tag the training words")
)

// POSTagger tags one sentence given as words (tag.Tagger does): the
// recogniser's features use the Penn tags that the pipeline's tagger
// gives, so the training words are tagged by the same tagger.
type POSTagger interface {
	TagWords(words []string, upos, xpos, lemma []string)
}

// Training settings, chosen on the dev sets (CoNLL-2003 dev and UNER EWT
// dev).
const (
	// DefaultIterations is the number of training passes when
	// TrainOptions.Iterations is 0.
	DefaultIterations = 16
	// folds is the number of parts the training documents are cut into
	// to produce honest first-pass labels for training the second pass,
	// and foldIterations the passes each of those models trains for.
	folds          = 4
	foldIterations = 8
	// prune is the smallest averaged weight kept, and quantLevels the
	// number of steps that the largest weight is quantised to.
	prune       = 0.1
	quantLevels = 4095
)

// TrainOptions configure Train.
type TrainOptions struct {
	// Files are the training files, CoNLL-2003 or IOB2 (gzip or plain),
	// detected from their lines. A file without any MISC name is taken
	// to leave MISC unannotated: its O words may be MISC (see the package
	// comment).
	Files []string
	// Dev are files scored after each pass, for the log (never test).
	Dev    []string
	Tagger POSTagger
	// Gazetteer, when not nil, gives the gazetteer features.
	Gazetteer *geo.Gazetteer
	// Unlabeled are texts (news articles) to learn word clusters from;
	// none: no cluster features.
	Unlabeled  []string
	Iterations int   // 0: DefaultIterations
	Seed       int64 // deterministic shuffling
	// NoPartial trains on the O of files without MISC as O (for
	// comparison).
	NoPartial bool
	// Flat trains a model without the document-level second pass.
	Flat bool
	Log  *slog.Logger // progress; nil = discard
}

// Document is the sentences of one document of a token-per-line file.
type Document struct {
	Sentences []*Sentence
}

// Documents groups sentences into documents at -DOCSTART- and "# newdoc";
// the -DOCSTART- items themselves are dropped. A file without document
// marks is one document.
func Documents(sents []*Sentence) []Document {
	var docs []Document
	var cur Document
	for _, s := range sents {
		if s.DocStart && len(cur.Sentences) > 0 {
			docs = append(docs, cur)
			cur = Document{}
		}
		if len(s.Words) > 0 {
			cur.Sentences = append(cur.Sentences, s)
		}
	}
	if len(cur.Sentences) > 0 {
		docs = append(docs, cur)
	}
	return docs
}

// trainSent is a training sentence with everything precomputed that does
// not change during training.
type trainSent struct {
	doc   int
	attrs []tokAttr
	gold  []uint8
	mask  []uint32 // labels allowed by word when the annotation is partial, else nil
	feats []int32  // static feature numbers, numStatic per word
	dfeat []int32  // second-pass feature numbers, numDoc per word
	first []uint8  // jack-knifed first-pass labels
}

// trainEnt is the weight of one feature for one label index during
// training, with what lazy averaging needs.
type trainEnt struct {
	tot int64
	w   int32
	ts  int32
	c   uint8
}

// index numbers the features of the training data.
type index struct {
	ids  map[uint64]int32
	keys []uint64
}

func (x *index) id(key uint64) int32 {
	if i, ok := x.ids[key]; ok {
		return i
	}
	i := int32(len(x.keys))
	x.ids[key] = i
	x.keys = append(x.keys, key)
	return i
}

// trainer holds the weights of an averaged perceptron being trained.
type trainer struct {
	ix    *index
	ents  [][]trainEnt // by feature number
	trans [2][numLabels + 1]int32
	now   int32
}

func newTrainer(ix *index) *trainer {
	tr := &trainer{ix: ix}
	for p := range 2 {
		for prev := range numLabels + 1 {
			tr.trans[p][prev] = ix.id(fkey2(tTrans, uint64(p), uint64(prev)+1))
		}
	}
	return tr
}

func (tr *trainer) row(f int32) []trainEnt {
	if int(f) < len(tr.ents) {
		return tr.ents[f]
	}
	return nil
}

func (tr *trainer) update(f int32, c uint8, d int32) {
	if int(f) >= len(tr.ents) {
		tr.ents = append(tr.ents, make([][]trainEnt, int(f)+1-len(tr.ents)+1024)...)
	}
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

func (tr *trainer) avg(e trainEnt) float64 {
	return float64(e.tot+int64(tr.now-e.ts)*int64(e.w)) / float64(max(tr.now, 1))
}

// recognizer returns a recogniser with the averaged weights, pruned and
// quantised.
func (tr *trainer) recognizer(stacked bool) *Recognizer {
	maxAbs := 0.0
	for _, es := range tr.ents {
		for _, e := range es {
			maxAbs = max(maxAbs, math.Abs(tr.avg(e)))
		}
	}
	scale := maxAbs / quantLevels
	if scale == 0 {
		scale = 1
	}
	var feats []feature
	for f, es := range tr.ents {
		var ents []int32
		for _, e := range es {
			a := tr.avg(e)
			if math.Abs(a) < prune {
				continue
			}
			if q := int32(math.Round(a / scale)); q != 0 {
				ents = append(ents, q<<8|int32(e.c))
			}
		}
		if len(ents) > 0 {
			slices.SortFunc(ents, func(a, b int32) int { return cmp.Compare(uint8(a), uint8(b)) })
			feats = append(feats, feature{key: tr.ix.keys[f], ents: ents})
		}
	}
	slices.SortFunc(feats, func(a, b feature) int { return cmp.Compare(a.key, b.key) })
	return newRecognizer(feats, stacked)
}

// newRecognizer builds a recogniser from its features.
func newRecognizer(feats []feature, stacked bool) *Recognizer {
	r := &Recognizer{w: newWeights(feats), stacked: stacked}
	for p := range 2 {
		for prev := range numLabels + 1 {
			for _, e := range r.w.lookup(fkey2(tTrans, uint64(p), uint64(prev)+1)) {
				if c := int(uint8(e)) - p*numLabels; c >= 0 && c < numLabels {
					r.trans[p][prev][c] = e >> 8
				}
			}
		}
	}
	return r
}

// Train trains a recogniser on the files of opt.Files. It is deterministic
// for a given seed, files and tagger.
func Train(ctx context.Context, opt TrainOptions) (*Recognizer, error) {
	log := opt.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if opt.Tagger == nil {
		return nil, ErrNoTagger
	}
	iters := opt.Iterations
	if iters <= 0 {
		iters = DefaultIterations
	}
	start := time.Now()
	var clu *clusters
	if len(opt.Unlabeled) > 0 {
		var err error
		if clu, err = learnClusters(ctx, opt.Unlabeled); err != nil {
			return nil, err
		}
	}
	if clu != nil {
		log.Info("ner: word clusters", "texts", len(opt.Unlabeled), "words", len(clu.words),
			"elapsed", time.Since(start).Round(time.Millisecond))
	}
	ix := &index{ids: make(map[uint64]int32, 1<<21)}
	var sents []*trainSent
	ndocs, words := 0, 0
	for _, path := range opt.Files {
		ss, _, err := ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("ner: %w", err)
		}
		partial := !opt.NoPartial && !hasMISC(ss)
		for _, d := range Documents(ss) {
			for _, s := range d.Sentences {
				if s.Labels == nil {
					return nil, fmt.Errorf("ner: %s: line %d: no label column", path, s.Line)
				}
				ts := prepare(s.Words, opt.Tagger, opt.Gazetteer, clu)
				ts.doc = ndocs
				ts.gold = encode(nil, s.Labels)
				if partial {
					ts.mask = partialMask(ts.gold)
				}
				ts.feats = staticIDs(ix, ts.attrs, clu != nil)
				sents = append(sents, ts)
				words += len(s.Words)
			}
			ndocs++
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		log.Info("ner: read", "file", path, "partial", partial, "documents", ndocs, "sentences", len(sents))
	}
	if words == 0 {
		return nil, ErrNoData
	}
	var dev [][]Document
	for _, path := range opt.Dev {
		ss, _, err := ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("ner: %w", err)
		}
		dev = append(dev, Documents(ss))
	}
	devPOS := tagDocs(dev, opt.Tagger)
	log.Info("ner: training", "documents", ndocs, "sentences", len(sents), "words", words,
		"features", len(ix.keys), "elapsed", time.Since(start).Round(time.Millisecond))

	stacked := !opt.Flat
	if stacked {
		// Jack-knifed first-pass labels for the second pass's features.
		for f := range folds {
			tr := newTrainer(ix)
			var part []*trainSent
			for _, s := range sents {
				if s.doc%folds != f {
					part = append(part, s)
				}
			}
			if err := tr.run(ctx, part, min(iters, foldIterations), opt.Seed+int64(f)+1, false, nil); err != nil {
				return nil, err
			}
			r := tr.recognizer(false)
			r.gaz, r.clu = opt.Gazetteer, clu
			sc := r.getScratch()
			for _, s := range sents {
				if s.doc%folds == f {
					s.first = r.firstPass(sc, s.attrs)
				}
			}
			log.Info("ner: jack-knife fold", "fold", f+1, "elapsed", time.Since(start).Round(time.Millisecond))
		}
		// The second pass's features, document by document.
		var st docStats
		for i := 0; i < len(sents); {
			j := i
			n := 0
			for j < len(sents) && sents[j].doc == sents[i].doc {
				n += len(sents[j].gold)
				j++
			}
			st.reset(n)
			for _, s := range sents[i:j] {
				st.add(s.attrs, s.first)
			}
			var keys []uint64
			for _, s := range sents[i:j] {
				s.dfeat = make([]int32, 0, numDoc*len(s.gold))
				for w := range s.gold {
					keys = docFeatures(keys[:0], s.attrs, w, s.first, &st)
					for _, k := range keys {
						s.dfeat = append(s.dfeat, ix.id(k))
					}
				}
			}
			i = j
		}
	}

	tr := newTrainer(ix)
	err := tr.run(ctx, sents, iters, opt.Seed, stacked, func(it int, acc1, acc2 float64) {
		attrs := []any{"iteration", it, "train_f1", acc1, "train_f1_2", acc2, "elapsed", time.Since(start).Round(time.Millisecond)}
		if len(dev) > 0 && (it == iters || it%3 == 0) {
			r := tr.recognizer(stacked)
			r.gaz, r.clu = opt.Gazetteer, clu
			for k, docs := range dev {
				sc := r.score(docs, devPOS[k])
				attrs = append(attrs, fmt.Sprintf("dev%d_f1", k+1), sc.F1(), fmt.Sprintf("dev%d_f1_perorgloc", k+1), sc.F1Without(tMISC))
			}
		}
		log.Info("ner: iteration", attrs...)
	})
	if err != nil {
		return nil, err
	}
	r := tr.recognizer(stacked)
	r.gaz, r.clu = opt.Gazetteer, clu
	log.Info("ner: trained", "features", r.w.n, "elapsed", time.Since(start).Round(time.Millisecond))
	return r, nil
}

func hasMISC(ss []*Sentence) bool {
	for _, s := range ss {
		for _, l := range s.Labels {
			if len(l) > 2 && l[2:] == "MISC" {
				return true
			}
		}
	}
	return false
}

// partialMask allows, where the gold label is O, O or any MISC label.
func partialMask(gold []uint8) []uint32 {
	var misc uint32 = 1 << labelO
	for pos := range 4 {
		misc |= 1 << label(tMISC, pos)
	}
	m := make([]uint32, len(gold))
	for i, g := range gold {
		if g == labelO {
			m[i] = misc
		} else {
			m[i] = 1 << g
		}
	}
	return m
}

// prepare tags a sentence and computes its attributes.
func prepare(words []string, tagger POSTagger, g *geo.Gazetteer, clu *clusters) *trainSent {
	n := len(words)
	xpos := make([]string, n)
	tagger.TagWords(words, nil, xpos, nil)
	as := make([]tokAttr, n+2*pad)
	for i, w := range words {
		rs := []rune(w)
		attrs(&as[i+pad], rs, xpos[i], i == 0)
		if clu != nil {
			clu.set(&as[i+pad], rs)
		}
	}
	if g != nil {
		gazAttrs(g, as, words)
	}
	finishSentence(as)
	return &trainSent{attrs: as}
}

func staticIDs(ix *index, as []tokAttr, clusters bool) []int32 {
	n := len(as) - 2*pad
	ids := make([]int32, 0, n*numStatic)
	var keys []uint64
	for i := range n {
		keys = staticFeatures(keys[:0], as, i, clusters)
		for _, k := range keys {
			ids = append(ids, ix.id(k))
		}
	}
	return ids
}

// firstPass labels a sentence with the first pass alone.
func (r *Recognizer) firstPass(s *scratch, as []tokAttr) []uint8 {
	n := len(as) - 2*pad
	s.em1 = grow(s.em1, n*numLabels)
	var sc [2 * numLabels]int32
	for i := range n {
		s.keys = staticFeatures(s.keys[:0], as, i, r.clu != nil)
		clear(sc[:])
		s.touch += r.w.score(s.keys, &sc)
		copy(s.em1[i*numLabels:], sc[:numLabels])
	}
	out := make([]uint8, n)
	s.back = viterbi(s.em1[:n*numLabels], &r.trans[0], nil, s.back, out)
	return out
}

// run trains for iters passes over sents in an order shuffled with the
// seed: the first pass, and with stacked the second pass too. After each
// pass it calls done (when not nil) with the share of sentences each pass
// labelled right.
func (tr *trainer) run(ctx context.Context, sents []*trainSent, iters int, seed int64, stacked bool, done func(it int, acc1, acc2 float64)) error {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x6e6572))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var em []int32
	var trans [numLabels + 1][numLabels]int32
	var back, pred, gold []uint8
	// learn labels sentence s in pass p and updates on a mistake.
	learn := func(s *trainSent, p int) bool {
		n := len(s.gold)
		off := uint8(p * numLabels)
		em = grow(em, n*numLabels)
		clear(em)
		nf := len(s.feats) / n
		for i := range n {
			e := em[i*numLabels : (i+1)*numLabels]
			add := func(f int32) {
				for _, x := range tr.row(f) {
					if c := x.c - off; c < numLabels {
						e[c] += x.w
					}
				}
			}
			for _, f := range s.feats[i*nf : (i+1)*nf] {
				add(f)
			}
			if p == 1 {
				for _, f := range s.dfeat[i*numDoc : (i+1)*numDoc] {
					add(f)
				}
			}
		}
		for prev := range numLabels + 1 {
			trans[prev] = [numLabels]int32{}
			for _, x := range tr.row(tr.trans[p][prev]) {
				if c := x.c - off; c < numLabels {
					trans[prev][c] = x.w
				}
			}
		}
		pred = grow(pred, n)
		back = viterbi(em, &trans, nil, back, pred)
		g := s.gold
		if s.mask != nil {
			gold = grow(gold, n)
			back = viterbi(em, &trans, s.mask, back, gold)
			g = gold
		}
		if slices.Equal(pred, g) {
			return true
		}
		pp, gp := uint8(start), uint8(start)
		for i := range n {
			if pred[i] != g[i] {
				up := func(f int32) {
					tr.update(f, off+g[i], 1)
					tr.update(f, off+pred[i], -1)
				}
				for _, f := range s.feats[i*nf : (i+1)*nf] {
					up(f)
				}
				if p == 1 {
					for _, f := range s.dfeat[i*numDoc : (i+1)*numDoc] {
						up(f)
					}
				}
			}
			if pred[i] != g[i] || pp != gp {
				tr.update(tr.trans[p][gp], off+g[i], 1)
				tr.update(tr.trans[p][pp], off+pred[i], -1)
			}
			pp, gp = pred[i], g[i]
		}
		return false
	}
	for it := 1; it <= iters; it++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		ok1, ok2, total := 0, 0, 0
		for k, si := range order {
			if k%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			s := sents[si]
			if len(s.gold) == 0 {
				continue
			}
			tr.now++
			total++
			if learn(s, 0) {
				ok1++
			}
			if stacked && learn(s, 1) {
				ok2++
			}
		}
		if done != nil {
			done(it, pct(ok1, total), pct(ok2, total))
		}
	}
	return nil
}

func pct(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return math.Round(10000*float64(n)/float64(d)) / 100
}

// tagDocs tags the words of documents with tagger: the Penn tags by set,
// document, sentence and word.
func tagDocs(sets [][]Document, tagger POSTagger) [][][][]string {
	out := make([][][][]string, len(sets))
	for k, docs := range sets {
		out[k] = make([][][]string, len(docs))
		for d, doc := range docs {
			out[k][d] = make([][]string, len(doc.Sentences))
			for i, s := range doc.Sentences {
				x := make([]string, len(s.Words))
				tagger.TagWords(s.Words, nil, x, nil)
				out[k][d][i] = x
			}
		}
	}
	return out
}
