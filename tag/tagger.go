package tag

import (
	"sync"

	"github.com/eventwire/eventwire"
)

// Tagger is a trained tagger and lemmatizer. It is read-only after Load,
// Read or Train and safe for concurrent use by many goroutines.
type Tagger struct {
	classes []class // by class number; sorted by decreasing training frequency
	w       *weights
	lex     *lexicon
	lem     *lemmatizer
	stacked bool // a second pass with the first pass's tags to the right

	pool sync.Pool // of *scratch
}

// class is one tag the model predicts: a UPOS and XPOS pair.
type class struct {
	upos, xpos string
}

// scratch holds the buffers of one call of Tag or TagWords.
type scratch struct {
	runes   []rune // the words of TagWords, end to end
	bounds  []int  // word i is runes[bounds[i]:bounds[i+1]]
	attrs   []tokAttr
	out     []uint8
	feats   []uint64
	scores  [256]int32
	refs    []uint32
	touch   int32   // keeps the prefetching loads of weights.score
	first   []uint8 // the tags of the first pass
	static2 []int32 // the second pass's scores from the static features, nc per word
	lbuf    []rune
	view    []rune // the runes the tagger sees for a headline (see headlineView)
	lowered []bool // whether headlineView lowercased each token
}

func (t *Tagger) getScratch() *scratch {
	if s, ok := t.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{feats: make([]uint64, 0, 64)}
}

// rowLen is the number of weights a feature can have: one per class and
// pass.
func (t *Tagger) rowLen() int {
	if t.stacked {
		return 2 * len(t.classes)
	}
	return len(t.classes)
}

// Classes returns the number of UPOS/XPOS pairs the tagger predicts.
func (t *Tagger) Classes() int { return len(t.classes) }

// Tag fills UPOS, XPOS and Lemma of every token of every sentence of doc
// and sets Sentence.Tagged. The text of a token is
// doc.Runes[tok.Start:tok.End]; tokens whose offsets fall outside doc.Runes
// are tagged as empty words. A title-cased headline that is the document's
// title (Doc.Title, as its first paragraph) is tagged as running text
// would write it: see the package comment.
func (t *Tagger) Tag(doc *eventwire.Doc) {
	s := t.getScratch()
	defer t.pool.Put(s)
	title := titleParagraph(doc)
	for si := range doc.Sentences {
		sent := &doc.Sentences[si]
		toks := sent.Tokens
		// A title-cased headline is seen as running text would write it
		// (see lowerInTitle); headline says whether some word of it is.
		headline := title && sent.Paragraph == 0 && titleCased(doc.Runes, toks) &&
			t.headlineView(s, doc.Runes, toks)
		seen := func(i int) []rune {
			if headline {
				return s.view[s.bounds[i]:s.bounds[i+1]]
			}
			return tokenRunes(doc.Runes, toks[i])
		}
		s.attrs = grow(s.attrs, len(toks)+2*pad)
		for i := range toks {
			t.attrs(&s.attrs[i+pad], seen(i), i == 0)
		}
		finishSentence(s.attrs)
		s.out = grow(s.out, len(toks))
		t.decode(s, s.attrs, s.out)
		for i := range toks {
			tok := &toks[i]
			c := s.out[i]
			tok.UPOS, tok.XPOS = t.classes[c].upos, t.classes[c].xpos
			rs := seen(i)
			if headline && s.lowered[i] && tok.UPOS == "PROPN" {
				// A name keeps its form as its lemma.
				rs = tokenRunes(doc.Runes, *tok)
				tok.Lemma = string(rs)
				continue
			}
			lemma, ok := t.lemma(s, &s.attrs[i+pad], rs, c, i == 0)
			if !ok {
				lemma = string(rs)
			}
			tok.Lemma = lemma
		}
		sent.Tagged = true
	}
}

func tokenRunes(rs []rune, tok eventwire.Token) []rune {
	if tok.Start < 0 || tok.End > len(rs) || tok.Start > tok.End {
		return nil
	}
	return rs[tok.Start:tok.End]
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/4)
	}
	return s[:n]
}

// TagWords tags one sentence given as word forms: it writes the UPOS, XPOS
// and lemma of words[i] to upos[i], xpos[i] and lemma[i], which should be
// as long as words (a shorter one gets the tags of the first words only).
func (t *Tagger) TagWords(words []string, upos, xpos, lemma []string) {
	n := len(words)
	s := t.getScratch()
	defer t.pool.Put(s)
	s.runes = s.runes[:0]
	s.bounds = append(s.bounds[:0], 0)
	for _, w := range words {
		for _, r := range w {
			s.runes = append(s.runes, r)
		}
		s.bounds = append(s.bounds, len(s.runes))
	}
	s.attrs = grow(s.attrs, n+2*pad)
	for i := range words {
		t.attrs(&s.attrs[i+pad], s.runes[s.bounds[i]:s.bounds[i+1]], i == 0)
	}
	finishSentence(s.attrs)
	s.out = grow(s.out, n)
	t.decode(s, s.attrs, s.out)
	for i, c := range s.out {
		if i < len(upos) {
			upos[i] = t.classes[c].upos
		}
		if i < len(xpos) {
			xpos[i] = t.classes[c].xpos
		}
		if i < len(lemma) {
			l, ok := t.lemma(s, &s.attrs[i+pad], s.runes[s.bounds[i]:s.bounds[i+1]], c, i == 0)
			if !ok {
				l = words[i]
			}
			lemma[i] = l
		}
	}
}

// decode tags a sentence: greedily from left to right, and, in a stacked
// model, a second time with the tags of the first pass to the right of
// each word as features. The two passes share their static features: a
// feature's entries hold the weights of the first pass for classes 0..nc-1
// and those of the second for nc..2nc-1.
//
// as holds the attributes of the words with boundary tokens (see
// finishSentence); out gets a class for each word.
func (t *Tagger) decode(s *scratch, as []tokAttr, out []uint8) {
	nc := len(t.classes)
	n := len(as) - 2*pad
	first := out
	if t.stacked {
		s.first = grow(s.first, n)
		s.static2 = grow(s.static2, n*nc)
		first = s.first
	}
	var t1, t2 uint8 = histStart1, histStart2
	for i := range n {
		a := &as[i+pad]
		c := uint8(0)
		if a.direct >= 0 {
			c = uint8(a.direct)
		} else {
			cands := t.lex.cands[a.cands : a.cands+a.candsN]
			s.feats = staticFeatures(s.feats[:0], as, i)
			clear(s.scores[:2*nc])
			s.refs = t.w.score(s.feats, &s.scores, cands, nc, s.refs, &s.touch)
			if t.stacked {
				copy(s.static2[i*nc:(i+1)*nc], s.scores[nc:2*nc])
			}
			s.feats = dynamicFeatures(s.feats[:0], as, i, t1, t2)
			s.refs = t.w.score(s.feats, &s.scores, cands, nc, s.refs, &s.touch)
			c = best(s.scores[:nc], cands)
		}
		first[i] = c
		t2, t1 = t1, c
	}
	if !t.stacked {
		return
	}
	t1, t2 = histStart1, histStart2
	for i := range n {
		a := &as[i+pad]
		c := first[i]
		if a.direct < 0 {
			cands := t.lex.cands[a.cands : a.cands+a.candsN]
			copy(s.scores[nc:2*nc], s.static2[i*nc:(i+1)*nc])
			s.feats = dynamicFeatures2(s.feats[:0], as, i, t1, t2, first)
			s.refs = t.w.score(s.feats, &s.scores, cands, nc, s.refs, &s.touch)
			c = best(s.scores[nc:2*nc], cands)
		}
		out[i] = c
		t2, t1 = t1, c
	}
}

// best returns the highest-scoring class among cands, or among all classes
// of scores when cands is empty. Ties go to the lower class number, the
// more frequent class.
func best(scores []int32, cands []uint8) uint8 {
	if len(cands) > 0 {
		b := cands[0]
		for _, c := range cands[1:] {
			if int(c) < len(scores) && (scores[c] > scores[b] || scores[c] == scores[b] && c < b) {
				b = c
			}
		}
		return b
	}
	b := 0
	for c := 1; c < len(scores); c++ {
		if scores[c] > scores[b] {
			b = c
		}
	}
	return uint8(b)
}
