package ner

import (
	"math"
	"sync"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/geo"
)

// Recognizer is a trained name recogniser. It is read-only after Load,
// Read or Train and safe for concurrent use by many goroutines.
type Recognizer struct {
	w *weights
	// trans[p][prev][l] is the score of label l after label prev (start
	// before the first word) in pass p.
	trans   [2][numLabels + 1][numLabels]int32
	stacked bool // a second, document-level pass
	// gaz is the gazetteer of the gazetteer features, nil in a model
	// trained without them.
	gaz *geo.Gazetteer
	// clu holds the word clusters, nil in a model trained without them.
	clu *clusters

	pool sync.Pool // of *scratch
}

// scratch holds the buffers of one call.
type scratch struct {
	runes  []rune
	bounds []int
	attrs  []tokAttr // the sentences' attributes, each with its boundary tokens
	sents  []sentSpan
	keys   []uint64
	em1    []int32 // first-pass scores, numLabels per word
	em2    []int32 // second-pass scores
	first  []uint8 // first-pass labels
	out    []uint8
	back   []uint8
	stats  docStats
	touch  int32 // keeps the prefetching loads of weights.score from being removed

	bytes   []byte // sentenceWords's buffers
	wbounds []int
	wstr    []string
}

// sentSpan places a sentence in a scratch: its attributes start at aoff,
// its words' scores and labels at woff.
type sentSpan struct{ aoff, woff, n int }

func (r *Recognizer) getScratch() *scratch {
	if s, ok := r.pool.Get().(*scratch); ok {
		s.attrs, s.sents, s.runes, s.bounds = s.attrs[:0], s.sents[:0], s.runes[:0], s.bounds[:0]
		return s
	}
	return &scratch{keys: make([]uint64, 0, maxWords*numStatic)}
}

// addSentence appends the attributes of a sentence of n words, word i
// having runes word(i) and Penn tag xpos(i), with the gazetteer and word
// clusters of r.
func (s *scratch) addSentence(r *Recognizer, n int, word func(i int) []rune, xpos func(i int) string) {
	woff := 0
	if k := len(s.sents); k > 0 {
		woff = s.sents[k-1].woff + s.sents[k-1].n
	}
	aoff := len(s.attrs)
	s.attrs = grow(s.attrs, aoff+n+2*pad)
	as := s.attrs[aoff:]
	for i := range n {
		rs := word(i)
		attrs(&as[i+pad], rs, xpos(i), i == 0)
		if r.clu != nil {
			r.clu.set(&as[i+pad], rs)
		}
	}
	if r.gaz != nil {
		gazAttrs(r.gaz, as, s.sentenceWords(n, word))
	}
	finishSentence(as)
	s.sents = append(s.sents, sentSpan{aoff: aoff, woff: woff, n: n})
}

func (s *scratch) words() int {
	if k := len(s.sents); k > 0 {
		return s.sents[k-1].woff + s.sents[k-1].n
	}
	return 0
}

// decode labels the words of the sentences added to s, as one document,
// into s.out.
func (r *Recognizer) decode(s *scratch) {
	nw := s.words()
	s.em1 = grow(s.em1, nw*numLabels)
	s.first = grow(s.first, nw)
	s.out = grow(s.out, nw)
	if r.stacked {
		s.em2 = grow(s.em2, nw*numLabels)
	}
	var sc [maxWords][2 * numLabels]int32
	var scp [maxWords]*[2 * numLabels]int32
	for j := range scp {
		scp[j] = &sc[j]
	}
	var ends [maxWords]int
	for _, sp := range s.sents {
		as := s.attrs[sp.aoff : sp.aoff+sp.n+2*pad]
		// The words are scored maxWords at a time, so that the loads of
		// all of them are in flight together.
		for i := 0; i < sp.n; i += maxWords {
			k := min(maxWords, sp.n-i)
			s.keys = s.keys[:0]
			for j := range k {
				s.keys = staticFeatures(s.keys, as, i+j, r.clu != nil)
				ends[j] = len(s.keys)
			}
			for j := range k {
				clear(sc[j][:])
			}
			s.touch += r.w.scoreWords(s.keys, ends[:k], scp[:k])
			for j := range k {
				w := sp.woff + i + j
				copy(s.em1[w*numLabels:(w+1)*numLabels], sc[j][:numLabels])
				if r.stacked {
					copy(s.em2[w*numLabels:(w+1)*numLabels], sc[j][numLabels:])
				}
			}
		}
		s.back = viterbi(s.em1[sp.woff*numLabels:(sp.woff+sp.n)*numLabels], &r.trans[0], nil, s.back, s.first[sp.woff:sp.woff+sp.n])
	}
	if !r.stacked {
		copy(s.out, s.first)
		return
	}
	s.stats.reset(nw)
	for _, sp := range s.sents {
		s.stats.add(s.attrs[sp.aoff:sp.aoff+sp.n+2*pad], s.first[sp.woff:sp.woff+sp.n])
	}
	for _, sp := range s.sents {
		as := s.attrs[sp.aoff : sp.aoff+sp.n+2*pad]
		first := s.first[sp.woff : sp.woff+sp.n]
		for i := 0; i < sp.n; i += maxWords {
			k := min(maxWords, sp.n-i)
			s.keys = s.keys[:0]
			for j := range k {
				s.keys = docFeatures(s.keys, as, i+j, first, &s.stats)
				ends[j] = len(s.keys)
			}
			for j := range k {
				clear(sc[j][:])
			}
			s.touch += r.w.scoreWords(s.keys, ends[:k], scp[:k])
			for j := range k {
				w := sp.woff + i + j
				em := s.em2[w*numLabels : (w+1)*numLabels]
				for l := range em {
					em[l] += sc[j][numLabels+l]
				}
			}
		}
		s.back = viterbi(s.em2[sp.woff*numLabels:(sp.woff+sp.n)*numLabels], &r.trans[1], nil, s.back, s.out[sp.woff:sp.woff+sp.n])
	}
}

// validTrans[prev][l] says whether label l may follow prev in BILOU, and
// preds[l] lists the labels that label l may follow.
var validTrans, preds = func() (v [numLabels + 1][numLabels]bool, preds [numLabels][]uint8) {
	for p := range numLabels + 1 {
		for l := range numLabels {
			v[p][l] = allowed(uint8(p), uint8(l))
			if v[p][l] && p < numLabels {
				preds[l] = append(preds[l], uint8(p))
			}
		}
	}
	return v, preds
}()

const (
	negInf = math.MinInt64 / 4
	// invalid bounds the scores of labellings with no valid path.
	invalid = negInf / 2
)

// viterbi writes to out the best valid BILOU labelling of a sentence given
// the scores em (numLabels per word) and transition scores trans. When
// mask is not nil, word i may only get the labels whose bits mask[i] has.
// It returns back, scratch space, grown.
func viterbi(em []int32, trans *[numLabels + 1][numLabels]int32, mask []uint32, back, out []uint8) []uint8 {
	n := len(out)
	if n == 0 {
		return back
	}
	back = grow(back, n*numLabels)
	// tr[l][p] is the score of l after p, widened, with the predecessors
	// indexed up to 31 so that indexing by p&31 needs no bounds check.
	var tr [numLabels][32]int64
	for p := range numLabels {
		for l := range numLabels {
			tr[l][p] = int64(trans[p][l])
		}
	}
	var prev, cur [32]int64
	for l := range numLabels {
		prev[l] = negInf
		if validTrans[start][l] && (mask == nil || mask[0]&(1<<l) != 0) {
			prev[l] = int64(em[l]) + int64(trans[start][l])
		}
	}
	for i := 1; i < n; i++ {
		e := em[i*numLabels : (i+1)*numLabels]
		bk := back[i*numLabels : (i+1)*numLabels]
		for l := range numLabels {
			cur[l] = negInf
			if mask != nil && mask[i]&(1<<l) == 0 {
				continue
			}
			best, arg := bestPred(&prev, &tr[l], preds[l])
			if best > invalid {
				cur[l] = best + int64(e[l])
			}
			bk[l] = arg
		}
		prev = cur
	}
	best, arg := int64(negInf), 0
	for l := range numLabels {
		if prev[l] != negInf && canEnd(uint8(l)) && prev[l] > best {
			best, arg = prev[l], l
		}
	}
	if best == negInf {
		// No valid path (only with a mask that allows none): all O.
		clear(out)
		return back
	}
	out[n-1] = uint8(arg)
	for i := n - 1; i > 0; i-- {
		out[i-1] = back[i*numLabels+int(out[i])]
	}
	return back
}

// bestPred returns the best score of a label's predecessors ps, prev[p]
// plus tr[p], and the first predecessor with it; the score is at most
// invalid, and the predecessor 0, when none has a path.
//
// A label with no path is at exactly negInf, and a sum through it stays
// below invalid, far below every sum of real scores (at most 2^32 a word):
// so the maximum over all the predecessors, with no branch on which have a
// path, is that over those with one. It is kept out of line: inlined in
// viterbi, its loop's variables lived on the stack.
//
//go:noinline
func bestPred(prev, tr *[32]int64, ps []uint8) (int64, uint8) {
	best, arg := int64(negInf), uint8(0)
	for _, p := range ps {
		if v := prev[p&31] + tr[p&31]; v > best {
			best, arg = v, p
		}
	}
	if best <= invalid {
		arg = 0
	}
	return best, arg
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return append(s[:cap(s)], make([]T, n-cap(s)+n/4)...)[:n]
	}
	return s[:n]
}

// Recognize fills doc.Names with the names in the doc's sentences, in text
// order. The sentences should be tagged (Token.XPOS set): the recogniser
// uses the Penn tags. The whole document is one context: a name that the
// first pass is sure of somewhere informs its other mentions.
func (r *Recognizer) Recognize(doc *eventwire.Doc) {
	s := r.getScratch()
	defer r.pool.Put(s)
	for si := range doc.Sentences {
		toks := doc.Sentences[si].Tokens
		s.addSentence(r, len(toks), func(i int) []rune {
			t := toks[i]
			if t.Start < 0 || t.End > len(doc.Runes) || t.Start > t.End {
				return nil
			}
			return doc.Runes[t.Start:t.End]
		}, func(i int) string { return toks[i].XPOS })
	}
	r.decode(s)
	doc.Names = doc.Names[:0]
	for si, sp := range s.sents {
		doc.Names = appendNames(doc.Names, si, s.out[sp.woff:sp.woff+sp.n])
	}
}

// appendNames appends the names that BILOU labels mark in sentence si.
func appendNames(dst []eventwire.Name, si int, labels []uint8) []eventwire.Name {
	begin := -1
	for i, l := range labels {
		if l == labelO {
			begin = -1
			continue
		}
		switch posOf(l) {
		case posU:
			dst = append(dst, eventwire.Name{Sentence: si, Start: i, End: i + 1, Type: types[typeOf(l)]})
			begin = -1
		case posB:
			begin = i
		case posL:
			if begin >= 0 {
				dst = append(dst, eventwire.Name{Sentence: si, Start: begin, End: i + 1, Type: types[typeOf(l)]})
			}
			begin = -1
		}
	}
	return dst
}

// TagWords returns the IOB2 labels (B-PER, I-ORG, O, ...) of one sentence
// given as words and their Penn tags (xpos may be shorter than words, the
// missing tags empty). The sentence is its own document.
func (r *Recognizer) TagWords(words, xpos []string) []string {
	return r.TagDocument([][]string{words}, [][]string{xpos})[0]
}

// TagDocument is TagWords for the sentences of one document, which are
// labelled together: see Recognize.
func (r *Recognizer) TagDocument(words, xpos [][]string) [][]string {
	s := r.getScratch()
	defer r.pool.Put(s)
	for k, ws := range words {
		var xs []string
		if k < len(xpos) {
			xs = xpos[k]
		}
		base := len(s.bounds)
		for _, w := range ws {
			s.bounds = append(s.bounds, len(s.runes))
			for _, c := range w {
				s.runes = append(s.runes, c)
			}
		}
		s.bounds = append(s.bounds, len(s.runes))
		s.addSentence(r, len(ws), func(i int) []rune {
			return s.runes[s.bounds[base+i]:s.bounds[base+i+1]]
		}, func(i int) string {
			if i < len(xs) {
				return xs[i]
			}
			return ""
		})
	}
	r.decode(s)
	out := make([][]string, len(words))
	for k, sp := range s.sents {
		out[k] = make([]string, sp.n)
		for i, l := range s.out[sp.woff : sp.woff+sp.n] {
			out[k][i] = iob2[l]
		}
	}
	return out
}
