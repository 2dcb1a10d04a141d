package parse

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/conllu"
	"github.com/eventwire/eventwire/tag"
)

// tinySentences is a toy treebank in CoNLL-U, enough to train a parser
// whose model exercises every part of the file format.
const tinyTreebank = `1	Kerry	Kerry	PROPN	NNP	_	2	nsubj	_	_
2	met	meet	VERB	VBD	_	0	root	_	_
3	Lavrov	Lavrov	PROPN	NNP	_	2	obj	_	_
4	in	in	ADP	IN	_	5	case	_	_
5	Brussels	Brussels	PROPN	NNP	_	2	obl	_	_
6	.	.	PUNCT	.	_	2	punct	_	_

1	The	the	DET	DT	_	2	det	_	_
2	talks	talk	NOUN	NNS	_	3	nsubj	_	_
3	ended	end	VERB	VBD	_	0	root	_	_
4	on	on	ADP	IN	_	5	case	_	_
5	Tuesday	Tuesday	PROPN	NNP	_	3	obl:tmod	_	_
6	.	.	PUNCT	.	_	3	punct	_	_

1	Russia	Russia	PROPN	NNP	_	2	nsubj	_	_
2	said	say	VERB	VBD	_	0	root	_	_
3	it	it	PRON	PRP	_	4	nsubj	_	_
4	would	would	AUX	MD	_	2	ccomp	_	_
5	.	.	PUNCT	.	_	2	punct	_	_
`

// tinyParser trains a small parser on tinyTreebank.
func tinyParser(tb testing.TB) *Parser {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "tiny.conllu")
	if err := writeFile(path, tinyTreebank); err != nil {
		tb.Fatal(err)
	}
	cfg := defaultConfig()
	cfg.bits = 10
	cfg.minCount = 1
	cfg.minArcs = 1
	cfg.prune = 0
	p, err := train(context.Background(), TrainOptions{Files: []string{path}, Iterations: 5, Seed: 1}, cfg)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// checkTree fails unless heads form a single-rooted tree over n words.
func checkTree(t *testing.T, heads []int, rels []string) {
	t.Helper()
	n := len(heads)
	roots := 0
	for i, h := range heads {
		if h < -1 || h >= n || h == i {
			t.Fatalf("word %d: head %d out of range (n=%d)", i, h, n)
		}
		if h == -1 {
			roots++
			if rels[i] != "root" {
				t.Errorf("word %d: root with relation %q", i, rels[i])
			}
		} else if rels[i] == "" || rels[i] == "root" {
			t.Errorf("word %d: relation %q for a non-root", i, rels[i])
		}
	}
	if n > 0 && roots != 1 {
		t.Fatalf("%d roots in %v", roots, heads)
	}
	for i := range heads {
		h, steps := i, 0
		for h != -1 {
			h = heads[h]
			if steps++; steps > n {
				t.Fatalf("cycle through word %d: %v", i, heads)
			}
		}
	}
}

func oddSentences() []struct {
	name        string
	words, tags []string
} {
	long := make([]string, 500)
	longTags := make([]string, 500)
	for i := range long {
		long[i], longTags[i] = []string{"the", "talks", "in", "Brussels", "ended", ","}[i%6], []string{"DT", "NNS", "IN", "NNP", "VBD", ","}[i%6]
	}
	punct := []string{".", ",", "!", "?", "--", "...", "(", ")"}
	punctTags := []string{".", ",", ".", ".", ":", ":", "-LRB-", "-RRB-"}
	return []struct {
		name        string
		words, tags []string
	}{
		{"empty", nil, nil},
		{"one word", []string{"Hello"}, []string{"UH"}},
		{"two words", []string{"Stop", "!"}, []string{"VB", "."}},
		{"sentence", strings.Fields("Kerry met Lavrov in Brussels on Tuesday ."), strings.Fields("NNP VBD NNP IN NNP IN NNP .")},
		{"500 words", long, longTags},
		{"punctuation", punct, punctTags},
		{"cyrillic", strings.Fields("Лавров встретился с Керри ."), strings.Fields("NNP VBD IN NNP .")},
		{"chinese", strings.Fields("克里 在 布鲁塞尔 会见 了 拉夫罗夫 。"), nil},
		{"arabic", strings.Fields("التقى كيري لافروف"), strings.Fields("FW FW FW")},
		{"unknown tags", strings.Fields("a b c d"), strings.Fields("?? XX YY ZZ")},
		{"odd forms", []string{"", " ", "\u200b", "\uFFFD", strings.Repeat("x", 1000)}, nil},
	}
}

func TestParseWordsWellFormed(t *testing.T) {
	parsers := map[string]*Parser{"tiny": tinyParser(t)}
	if p, err := Load(); err == nil {
		parsers["embedded"] = p
	} else {
		t.Errorf("Load: %v", err)
	}
	for pname, p := range parsers {
		for _, tc := range oddSentences() {
			t.Run(pname+"/"+tc.name, func(t *testing.T) {
				heads := make([]int, len(tc.words))
				rels := make([]string, len(tc.words))
				upos := make([]string, len(tc.tags))
				p.ParseWords(tc.words, upos, tc.tags, heads, rels)
				checkTree(t, heads, rels)
			})
		}
	}
}

func TestParseDoc(t *testing.T) {
	p := tinyParser(t)
	text := "Kerry met Lavrov in Brussels. The talks ended on Tuesday. Untagged sentence here."
	doc := eventwire.NewDoc(eventwire.Article{Text: text})
	var sents []eventwire.Sentence
	start := 0
	tags := [][]string{strings.Fields("NNP VBD NNP IN NNP ."), strings.Fields("DT NNS VBD IN NNP ."), strings.Fields("JJ NN RB .")}
	for si, s := range strings.SplitAfter(text, ". ") {
		var toks []eventwire.Token
		pos := start
		for _, w := range strings.Fields(strings.ReplaceAll(s, ".", " .")) {
			i := strings.Index(text[pos:], w) + pos
			toks = append(toks, eventwire.Token{Start: i, End: i + len(w), XPOS: tags[si][len(toks)]})
			pos = i + len(w)
		}
		sents = append(sents, eventwire.Sentence{Start: toks[0].Start, End: toks[len(toks)-1].End, Tokens: toks, Tagged: si < 2})
		start += len(s)
	}
	// A token with impossible offsets must not crash the parser.
	sents[1].Tokens[0].End = len(doc.Runes) + 5
	doc.Sentences = sents
	p.Parse(doc)
	for si, s := range doc.Sentences {
		if s.Parsed != s.Tagged {
			t.Errorf("sentence %d: Parsed %v, Tagged %v", si, s.Parsed, s.Tagged)
		}
		if !s.Parsed {
			for _, tok := range s.Tokens {
				if tok.Deprel != "" {
					t.Errorf("sentence %d: untagged sentence got a parse", si)
				}
			}
			continue
		}
		heads := make([]int, len(s.Tokens))
		rels := make([]string, len(s.Tokens))
		for i, tok := range s.Tokens {
			heads[i], rels[i] = tok.Head, tok.Deprel
		}
		checkTree(t, heads, rels)
	}
	// The tiny parser learnt its treebank: "met" heads the first sentence.
	if s := doc.Sentences[0]; s.Tokens[1].Head != -1 || s.Tokens[0].Head != 1 || s.Tokens[0].Deprel != "nsubj" {
		t.Errorf("first sentence: %+v", s.Tokens)
	}
}

func TestProjectivise(t *testing.T) {
	for _, tc := range []struct {
		name       string
		head, want []int32
	}{
		{"projective", []int32{1, 3, 1}, []int32{1, 3, 1}},
		{"nested", []int32{4, 0, 1, 0}, []int32{4, 0, 1, 0}},
		// The root is word 1 (index 4 is ROOT). The arc 2 -> 0 spans the
		// root, which 2 does not dominate: 0 is lifted to 1. Then 0 -> 3
		// spans 1 and 2: 3 is lifted to 1 as well.
		{"lift", []int32{2, 4, 1, 0}, []int32{1, 4, 1, 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := projectivise(tc.head)
			if !equal32(got, tc.want) {
				t.Errorf("projectivise(%v) = %v, want %v", tc.head, got, tc.want)
			}
			if !isProjective(got) {
				t.Errorf("result %v is not projective", got)
			}
		})
	}
}

func equal32(a, b []int32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func isProjective(h []int32) bool {
	n := int32(len(h))
	for d := range n {
		for e := range n {
			a, b := min(d, h[d]), max(d, h[d])
			c, f := min(e, h[e]), max(e, h[e])
			if h[d] == n || h[e] == n {
				continue
			}
			if a < c && c < b && b < f {
				return false
			}
		}
	}
	return true
}

func TestSaveRead(t *testing.T) {
	p := tinyParser(t)
	var buf bytes.Buffer
	if err := p.Save(&buf); err != nil {
		t.Fatal(err)
	}
	q, err := Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := q.Save(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("Save(Read(Save(p))) differs from Save(p)")
	}
	for _, tc := range oddSentences() {
		h1, r1 := make([]int, len(tc.words)), make([]string, len(tc.words))
		h2, r2 := make([]int, len(tc.words)), make([]string, len(tc.words))
		p.ParseWords(tc.words, nil, tc.tags, h1, r1)
		q.ParseWords(tc.words, nil, tc.tags, h2, r2)
		for i := range h1 {
			if h1[i] != h2[i] || r1[i] != r2[i] {
				t.Fatalf("%s: word %d: %d %s after reading, %d %s before", tc.name, i, h2[i], r2[i], h1[i], r1[i])
			}
		}
	}
}

func TestReadCorrupt(t *testing.T) {
	p := tinyParser(t)
	var buf bytes.Buffer
	if err := p.Save(&buf); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"not gzip", []byte("hello")},
		{"truncated", good[:len(good)/2]},
		{"flipped byte", flip(good, len(good)/2)},
		{"gzip of junk", gz([]byte("EWPARSE1junk"))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Read(bytes.NewReader(tc.data)); !errors.Is(err, ErrModel) {
				t.Errorf("Read = %v, want ErrModel", err)
			}
		})
	}
}

func flip(b []byte, i int) []byte {
	c := bytes.Clone(b)
	c[i] ^= 0x55
	return c
}

func TestConcurrentParse(t *testing.T) {
	p := tinyParser(t)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for _, tc := range oddSentences() {
				heads, rels := make([]int, len(tc.words)), make([]string, len(tc.words))
				p.ParseWords(tc.words, nil, tc.tags, heads, rels)
			}
		})
	}
	wg.Wait()
}

// TestAccuracyFloor parses the first 300 sentences of EWT dev with the
// embedded model, with gold tags and with the embedded tagger's, and fails
// below floors a little under the scores of the shipped model.
func TestAccuracyFloor(t *testing.T) {
	ewt := udDir(t, "ewt")
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	r, c, err := conllu.Open(filepath.Join(ewt, "en_ewt-ud-dev.conllu.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var sents []*sentence
	for len(sents) < 300 {
		cs, err := r.Next()
		if err != nil {
			t.Fatal(err)
		}
		if s := fromCoNLLU(cs); s != nil {
			sents = append(sents, s)
		}
	}
	for _, tc := range []struct {
		tags     string
		uas, las float64
	}{
		{"gold", 0.84, 0.81},
		{"predicted", 0.82, 0.78},
	} {
		if tc.tags == "predicted" {
			tg, err := tag.Load()
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range sents {
				tg.TagWords(s.words, s.upos, s.xpos, make([]string, len(s.words)))
			}
		}
		sc := evaluate(p, sents)
		t.Logf("first 300 sentences of EWT dev, %s tags: UAS %.2f LAS %.2f (%d words)", tc.tags, 100*sc.UAS(), 100*sc.LAS(), sc.words)
		if sc.UAS() < tc.uas || sc.LAS() < tc.las {
			t.Errorf("%s tags: UAS %.2f LAS %.2f below the floor (%.0f, %.0f)", tc.tags, 100*sc.UAS(), 100*sc.LAS(), 100*tc.uas, 100*tc.las)
		}
	}
}
