package ner

import (
	"cmp"
	"context"
	"math"
	"slices"
	"unicode/utf8"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/featurehash"
	"github.com/eventwire/eventwire/text"
)

// Word clusters: words that occur between the same neighbours in news
// text fall in the same cluster, so that a name never seen in the
// labelled data gets the weights of the names it keeps company with. They
// are learned from unlabelled text by spherical k-means over the
// positive pointwise mutual information of each word with the lowercased
// words to its left and right, and kept at two grains: fine clusters, and
// coarse clusters of the fine clusters' centroids.

// Clustering settings.
const (
	clusterMinCount = 3     // occurrences a word needs to get a cluster
	clusterVocab    = 40000 // the most words that get one
	clusterContexts = 1000  // the most frequent lowercased words are the contexts
	fineClusters    = 600
	coarseClusters  = 60
	kmeansIters     = 8
)

// clusters maps word forms to their clusters.
type clusters struct {
	words  []string // the clustered forms, as saved
	fine   []uint16 // by word
	coarse []uint16 // by fine cluster
	keys   []uint64 // open addressing on the hash of the form; 0 is empty
	vals   []int32  // the word of the key
	mask   uint64
}

func newClusters(words []string, fine, coarse []uint16) *clusters {
	c := &clusters{words: words, fine: fine, coarse: coarse}
	size := 16
	for size < 2*len(words) {
		size *= 2
	}
	c.keys, c.vals, c.mask = make([]uint64, size), make([]int32, size), uint64(size-1)
	for i, w := range words {
		h := hashString(fnvOffset, w)
		if h == 0 {
			h = 1
		}
		for s := mix(h) & c.mask; ; s = (s + 1) & c.mask {
			if c.keys[s] == 0 {
				c.keys[s], c.vals[s] = h, int32(i)
				break
			}
			if c.keys[s] == h {
				break
			}
		}
	}
	return c
}

// find returns the word of the hash of a form, -1 when none.
func (c *clusters) find(h uint64) int32 {
	if h == 0 {
		h = 1
	}
	for s := mix(h) & c.mask; ; s = (s + 1) & c.mask {
		switch c.keys[s] {
		case h:
			return c.vals[s]
		case 0:
			return -1
		}
	}
}

// set gives a word's attributes its clusters: those of the form as
// written, else of the lowercased form. hashString over UTF-8 bytes and
// hashRunes over code points agree for ASCII only, so the forms are
// hashed as runes on both sides (see runeHash).
func (c *clusters) set(a *tokAttr, rs []rune) {
	w := c.find(runeHash(rs, false))
	if w < 0 {
		w = c.find(runeHash(rs, true))
	}
	if w < 0 {
		a.cluster, a.coarse = 0, 0
		return
	}
	f := c.fine[w]
	a.cluster = uint64(f) + 1
	a.coarse = uint64(c.coarse[f]) + 1
}

// runeHash hashes code points as hashString hashes the UTF-8 of a string
// of them, optionally lowercased.
func runeHash(rs []rune, lower bool) uint64 {
	var buf [4]byte
	h := uint64(fnvOffset)
	for _, r := range rs {
		if lower {
			r = featurehash.ToLower(r)
		}
		n := utf8.EncodeRune(buf[:], r)
		for _, b := range buf[:n] {
			h ^= uint64(b)
			h *= fnvPrime
		}
	}
	return h
}

// learnClusters clusters the words of texts, deterministically; nil when
// the texts have too few words.
func learnClusters(ctx context.Context, texts []string) (*clusters, error) {
	// Count the forms and the lowercased forms.
	counts := map[string]int{}
	lowerCounts := map[string]int{}
	var sents [][]string
	for i, t := range texts {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		doc := eventwire.NewDoc(eventwire.Article{Text: t})
		text.Segment(doc)
		for _, s := range doc.Sentences {
			ws := make([]string, len(s.Tokens))
			for k, tok := range s.Tokens {
				ws[k] = string(doc.Runes[tok.Start:tok.End])
				counts[ws[k]]++
				lowerCounts[lowerString(ws[k])]++
			}
			sents = append(sents, ws)
		}
	}
	vocab := topWords(counts, clusterMinCount, clusterVocab)
	ctxWords := topWords(lowerCounts, 1, clusterContexts)
	wordID := make(map[string]int32, len(vocab))
	for i, w := range vocab {
		wordID[w] = int32(i)
	}
	ctxID := make(map[string]int32, len(ctxWords))
	for i, w := range ctxWords {
		ctxID[w] = int32(i)
	}
	// Co-occurrences: context d < clusterContexts is the word to the left,
	// clusterContexts+d the word to the right.
	var pairs []uint64
	for _, ws := range sents {
		for k, w := range ws {
			id, ok := wordID[w]
			if !ok {
				continue
			}
			if k > 0 {
				if c, ok := ctxID[lowerString(ws[k-1])]; ok {
					pairs = append(pairs, uint64(id)<<32|uint64(c))
				}
			}
			if k+1 < len(ws) {
				if c, ok := ctxID[lowerString(ws[k+1])]; ok {
					pairs = append(pairs, uint64(id)<<32|uint64(clusterContexts+c))
				}
			}
		}
	}
	slices.Sort(pairs)
	dims := 2 * clusterContexts
	ctxTotal := make([]float64, dims)
	wordTotal := make([]float64, len(vocab))
	for _, p := range pairs {
		ctxTotal[uint32(p)]++
		wordTotal[p>>32]++
	}
	total := float64(len(pairs))
	// Sparse PPMI vectors, L2-normalised.
	type entry struct {
		dim int32
		val float32
	}
	vecs := make([][]entry, len(vocab))
	for i := 0; i < len(pairs); {
		j := i
		for j < len(pairs) && pairs[j] == pairs[i] {
			j++
		}
		w, d := pairs[i]>>32, uint32(pairs[i])
		pmi := math.Log(float64(j-i) * total / (wordTotal[w] * ctxTotal[d]))
		if pmi > 0 {
			vecs[w] = append(vecs[w], entry{int32(d), float32(pmi)})
		}
		i = j
	}
	for _, v := range vecs {
		var n float64
		for _, e := range v {
			n += float64(e.val) * float64(e.val)
		}
		n = math.Sqrt(n)
		for k := range v {
			v[k].val = float32(float64(v[k].val) / n)
		}
	}
	if len(vecs) == 0 {
		return nil, nil // too little text
	}
	// Spherical k-means.
	kmeans := func(points [][]entry, k int) []uint16 {
		assign := make([]uint16, len(points))
		cent := make([]float32, dims*k) // transposed: cent[d*k+c]
		// Start from points spread over the frequency ranks.
		for c := range k {
			p := points[c*len(points)/k]
			for _, e := range p {
				cent[int(e.dim)*k+c] = e.val
			}
		}
		score := make([]float32, k)
		sum := make([]float64, dims*k)
		for it := 0; it < kmeansIters; it++ {
			if ctx.Err() != nil {
				return assign
			}
			for i, p := range points {
				clear(score)
				for _, e := range p {
					row := cent[int(e.dim)*k : int(e.dim+1)*k]
					for c, x := range row {
						score[c] += e.val * x
					}
				}
				best := 0
				for c := 1; c < k; c++ {
					if score[c] > score[best] {
						best = c
					}
				}
				assign[i] = uint16(best)
			}
			clear(sum)
			for i, p := range points {
				c := int(assign[i])
				for _, e := range p {
					sum[int(e.dim)*k+c] += float64(e.val)
				}
			}
			for c := range k {
				var n float64
				for d := range dims {
					n += sum[d*k+c] * sum[d*k+c]
				}
				if n == 0 {
					continue // an empty cluster keeps its centroid
				}
				n = math.Sqrt(n)
				for d := range dims {
					cent[d*k+c] = float32(sum[d*k+c] / n)
				}
			}
		}
		return assign
	}
	fine := kmeans(vecs, min(fineClusters, max(1, len(vecs))))
	// The coarse clusters group the fine clusters' centroids, as points.
	k := min(fineClusters, max(1, len(vecs)))
	centroids := make([][]entry, k)
	acc := make([]map[int32]float64, k)
	for i, p := range vecs {
		c := fine[i]
		if acc[c] == nil {
			acc[c] = map[int32]float64{}
		}
		for _, e := range p {
			acc[c][e.dim] += float64(e.val)
		}
	}
	for c, m := range acc {
		dimsOf := make([]int32, 0, len(m))
		for d := range m {
			dimsOf = append(dimsOf, d)
		}
		slices.Sort(dimsOf)
		var n float64
		for _, d := range dimsOf {
			n += m[d] * m[d]
		}
		n = math.Sqrt(n)
		for _, d := range dimsOf {
			centroids[c] = append(centroids[c], entry{d, float32(m[d] / n)})
		}
	}
	coarse := kmeans(centroids, min(coarseClusters, k))
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return newClusters(vocab, fine, coarse), nil
}

// topWords returns the words counted at least minCount times, the most
// frequent first (ties in string order), at most n.
func topWords(counts map[string]int, minCount, n int) []string {
	var ws []string
	for w, c := range counts {
		if c >= minCount {
			ws = append(ws, w)
		}
	}
	slices.SortFunc(ws, func(a, b string) int {
		if c := cmp.Compare(counts[b], counts[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	return ws[:min(n, len(ws))]
}

func lowerString(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || 'A' <= c && c <= 'Z' {
			rs := []rune(s)
			for k, r := range rs {
				rs[k] = featurehash.ToLower(r)
			}
			return string(rs)
		}
	}
	return s
}
