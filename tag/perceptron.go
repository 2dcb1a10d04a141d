package tag

import (
	"cmp"
	"context"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/eventwire/eventwire/conllu"
)

// trainEnt is the weight of one feature for one class during training,
// with what lazy averaging needs.
type trainEnt struct {
	tot int64 // sum of the weight over all steps up to ts
	w   int32
	ts  int32 // the step at which w last changed
	c   uint8
}

// trainer holds the weights of an averaged perceptron being trained. The
// training needs a map from feature keys to feature numbers; the trained
// model does not (see weights).
type trainer struct {
	index map[uint64]int32 // feature key -> feature number
	keys  []uint64         // by feature number
	ents  [][]trainEnt     // by feature number: the classes it has weights for
	now   int32            // the number of training steps so far
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

func (tr *trainer) avg(e trainEnt) float64 {
	return float64(e.tot+int64(tr.now-e.ts)*int64(e.w)) / float64(max(tr.now, 1))
}

// averaged returns the averaged weights, pruned and quantised.
func (tr *trainer) averaged() ([]feature, float32) {
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
			feats = append(feats, feature{key: tr.keys[f], ents: ents})
		}
	}
	sortFeatures(feats)
	return feats, float32(scale)
}

// corpus is training data with everything precomputed that does not
// change during training.
type corpus struct {
	attrs [][]tokAttr // with boundary tokens, see finishSentence
	gold  [][]uint8
	feats [][]int32 // the static features of each sentence, nStatic per word
	first [][]uint8 // the jack-knifed first-pass tags; nil when not stacked
}

func newTrainer() *trainer { return &trainer{index: make(map[uint64]int32, 1<<20)} }

// prepare computes the attributes and static features of the training
// sentences, with t's lexicon.
func (t *Tagger) prepare(ctx context.Context, sents []*conllu.Sentence, classID map[class]uint8, tr *trainer) (*corpus, error) {
	c := &corpus{attrs: make([][]tokAttr, len(sents)), gold: make([][]uint8, len(sents)), feats: make([][]int32, len(sents))}
	var keys []uint64
	var rbuf []rune
	for si, s := range sents {
		if si%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		as, gold := make([]tokAttr, len(s.Words)+2*pad), make([]uint8, len(s.Words))
		for i, w := range s.Words {
			rbuf = appendRunes(rbuf[:0], w.Form)
			t.attrs(&as[i+pad], rbuf, i == 0)
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
func (tr *trainer) run(ctx context.Context, t *Tagger, c *corpus, iters int, seed int64, done func(it int, acc1, acc2 float64)) error {
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
			if len(gold) == 0 {
				continue
			}
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
					cands := t.lex.cands[a.cands : a.cands+a.candsN]
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
		done(it, pct(correct1, total), pct(correct2, total))
	}
	return nil
}

// jackknife cuts the sentences into k parts and tags each part with a
// first-pass model trained on the others.
func jackknife(ctx context.Context, sents []*conllu.Sentence, classes []class, classID map[class]uint8, iters int, seed int64) ([][]uint8, error) {
	const k = folds
	first := make([][]uint8, len(sents))
	for f := range k {
		var train []*conllu.Sentence
		for i, s := range sents {
			if i%k != f {
				train = append(train, s)
			}
		}
		t := &Tagger{classes: classes, lex: newLexicon(defaultLexParams(), buildLexicon(train, classID))}
		tr := newTrainer()
		c, err := t.prepare(ctx, train, classID, tr)
		if err != nil {
			return nil, err
		}
		if err := tr.run(ctx, t, c, iters, seed+int64(f)+1, func(int, float64, float64) {}); err != nil {
			return nil, err
		}
		t.setWeights(tr.averaged())
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
