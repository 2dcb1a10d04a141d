package parse

import (
	"github.com/eventwire/eventwire"
)

// Parse fills Head and Deprel of every token of every tagged sentence of
// doc and sets Sentence.Parsed. Token text is doc.Runes[t.Start:t.End];
// the tags are read from t.UPOS and t.XPOS.
func (p *Parser) Parse(doc *eventwire.Doc) {
	st := p.getState()
	defer p.pool.Put(st)
	for si := range doc.Sentences {
		s := &doc.Sentences[si]
		if !s.Tagged {
			continue
		}
		n := len(s.Tokens)
		if p.nAct == 0 {
			for i := range s.Tokens {
				s.Tokens[i].Head, s.Tokens[i].Deprel = flat(i)
			}
			s.Parsed = true
			continue
		}
		st.reset(n)
		for i := range s.Tokens {
			t := &s.Tokens[i]
			var k formKey
			if 0 <= t.Start && t.Start <= t.End && t.End <= len(doc.Runes) {
				k = keyRunes(doc.Runes[t.Start:t.End])
			} else {
				k = keyString("")
			}
			st.W[i], st.A[i], st.S[i] = p.wordAtoms(k)
			st.T[i] = p.xposID[t.XPOS]
			st.U[i] = p.uposID[t.UPOS]
		}
		p.run(st)
		for i := range s.Tokens {
			t := &s.Tokens[i]
			t.Head, t.Deprel = p.arc(st, i)
		}
		s.Parsed = true
	}
}

// ParseWords parses one sentence given as forms and tags. It writes into
// heads the 0-based index of each word's head (-1 for the root) and into
// rels its relation; heads and rels should be as long as words (when one
// is shorter, only that many words are parsed). upos and xpos may be
// shorter than words: missing tags count as unknown.
func (p *Parser) ParseWords(words, upos, xpos []string, heads []int, rels []string) {
	n := len(words)
	if len(heads) < n || len(rels) < n {
		n = min(len(heads), len(rels))
	}
	if p.nAct == 0 {
		for i := range n {
			heads[i], rels[i] = flat(i)
		}
		return
	}
	st := p.getState()
	defer p.pool.Put(st)
	st.reset(n)
	for i := range n {
		k := keyString(words[i])
		st.W[i], st.A[i], st.S[i] = p.wordAtoms(k)
		st.T[i], st.U[i] = 0, 0
		if i < len(xpos) {
			st.T[i] = p.xposID[xpos[i]]
		}
		if i < len(upos) {
			st.U[i] = p.uposID[upos[i]]
		}
	}
	p.run(st)
	for i := range n {
		heads[i], rels[i] = p.arc(st, i)
	}
}

// getState returns pooled scratch memory.
func (p *Parser) getState() *state {
	if st, ok := p.pool.Get().(*state); ok {
		return st
	}
	return new(state)
}

// flat is the tree a Parser without a model (the zero Parser) gives: the
// first word is the root and heads the others.
func flat(i int) (int, string) {
	if i == 0 {
		return -1, "root"
	}
	return 0, "dep"
}

// wordAtoms returns the atoms of a form: the word (its hash, or its shape
// when it is not in the vocabulary), its ambiguity class and its suffix.
func (p *Parser) wordAtoms(k formKey) (w, amb, suffix uint64) {
	if i := p.vocab.get(k.hash); i >= 0 {
		return k.hash, p.ambList[i], k.suffix
	}
	return unknownAtom(k.shape), atomUnknown, k.suffix
}

// lookahead computes the V atoms, which say how far the next verb is, from
// the UPOS atoms of the sentence.
func (p *Parser) lookahead(st *state) {
	next := int32(-1)
	for i := st.n - 1; i >= 0; i-- {
		d := uint64(0)
		if next >= 0 {
			d = dist(next - i)
		}
		st.V[i] = d
		if u := st.U[i]; u != 0 && (u == p.verb || u == p.aux) {
			next = i
		}
	}
}

// arc returns the head (-1 for the root) and relation of word i after a
// parse.
func (p *Parser) arc(st *state, i int) (int, string) {
	h := int(st.head[i])
	l := int(st.lab[i]) - 1
	rel := "dep"
	if 0 <= l && l < len(p.labels) {
		rel = p.labels[l]
	}
	if h < 0 || h >= int(st.n) {
		return -1, p.labels[p.root]
	}
	return h, rel
}

// run parses the sentence loaded into st greedily.
func (p *Parser) run(st *state) {
	p.lookahead(st)
	sc := &st.scores
	if cap(st.span) < maxFeatures {
		st.span = make([][2]uint32, maxFeatures)
	}
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
		clear(sc[:p.nAct])
		st.touch += p.w.add(st.features(p.bits), st.span, sc)
		best, bestScore := -1, int32(0)
		if st.b0 < st.n {
			for a := 0; a <= p.nLeft; a++ {
				if best < 0 || sc[a] > bestScore {
					best, bestScore = a, sc[a]
				}
			}
		}
		if k >= 2 {
			for a := p.nLeft + 1; a < p.nAct; a++ {
				if best < 0 || sc[a] > bestScore {
					best, bestScore = a, sc[a]
				}
			}
		}
		p.apply(st, best)
	}
}

func (p *Parser) apply(st *state, a int) {
	switch {
	case a <= 0:
		st.shift()
	case a <= p.nLeft:
		st.left(p.leftLab[a-1])
	default:
		st.right(p.rightLab[a-p.nLeft-1])
	}
}
