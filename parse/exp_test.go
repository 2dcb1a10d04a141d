package parse

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestPruneSweep scores a model file on EWT dev (predicted tags, see
// predictedTags) after pruning at several thresholds. It runs only with
// EVENTWIRE_PRUNE_MODEL=FILE and EVENTWIRE_PRUNE_THR="0.1 0.5 1".
func TestPruneSweep(t *testing.T) {
	path := os.Getenv("EVENTWIRE_PRUNE_MODEL")
	if path == "" {
		t.Skip("set EVENTWIRE_PRUNE_MODEL to sweep pruning thresholds")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Read(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	dev, err := readSentences(filepath.Join(udDir(t, "ewt"), "en_ewt-ud-dev.conllu.gz"))
	if err != nil {
		t.Fatal(err)
	}
	predictedTags(t, "dev", dev)
	for _, s := range strings.Fields(os.Getenv("EVENTWIRE_PRUNE_THR")) {
		thr, _ := strconv.ParseFloat(s, 64)
		q := p.pruned(float32(thr))
		start := time.Now()
		sc := evaluate(q, dev)
		el := time.Since(start)
		t.Logf("thr %6.3f: %8d weights, UAS %.2f LAS %.2f, %.0f words/s", thr, q.w.n, 100*sc.UAS(), 100*sc.LAS(), float64(sc.words)/el.Seconds())
	}
}

// TestEvalPredicted scores a model file on EWT dev (and test with
// EVENTWIRE_EVAL_TEST=1) with predicted tags. It runs only with
// EVENTWIRE_EVAL_MODEL=FILE. The tags come from tag.Load when the tag
// package has an embedded model, else from a tagger trained here on EWT
// and GUM train (cached in EVENTWIRE_EVAL_TAGS, a directory).
func TestEvalPredicted(t *testing.T) {
	path := os.Getenv("EVENTWIRE_EVAL_MODEL")
	if path == "" {
		t.Skip("set EVENTWIRE_EVAL_MODEL to score a model with predicted tags")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Read(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	splits := []string{"dev"}
	if os.Getenv("EVENTWIRE_EVAL_TEST") == "1" {
		splits = append(splits, "test")
	}
	ewt := udDir(t, "ewt")
	for _, split := range splits {
		sents, err := readSentences(filepath.Join(ewt, "en_ewt-ud-"+split+".conllu.gz"))
		if err != nil {
			t.Fatal(err)
		}
		gold := evaluate(p, sents)
		predictedTags(t, split, sents)
		u, x := tagAccuracy(sents)
		sc := evaluate(p, sents)
		t.Logf("%s: gold tags UAS %.2f LAS %.2f; predicted tags (UPOS %.2f XPOS %.2f) UAS %.2f LAS %.2f, universal LAS %.2f",
			split, 100*gold.UAS(), 100*gold.LAS(), 100*u, 100*x, 100*sc.UAS(), 100*sc.LAS(), 100*sc.UniversalLAS())
	}
}

// TestErrorReport prints, for a model file (EVENTWIRE_ERRORS_MODEL) on EWT
// dev with predicted tags, the head and label errors by gold relation and
// the most frequent label confusions on correct heads.
func TestErrorReport(t *testing.T) {
	path := os.Getenv("EVENTWIRE_ERRORS_MODEL")
	if path == "" {
		t.Skip("set EVENTWIRE_ERRORS_MODEL to print an error report")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Read(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	sents, err := readSentences(filepath.Join(udDir(t, "ewt"), "en_ewt-ud-dev.conllu.gz"))
	if err != nil {
		t.Fatal(err)
	}
	predictedTags(t, "dev", sents)
	type counts struct{ n, head, label int }
	byRel := map[string]*counts{}
	confusion := map[string]int{}
	st := &state{}
	for _, s := range sents {
		p.atoms(s)
		st.load(s)
		p.run(st)
		for i := range s.words {
			h, rel := p.arc(st, i)
			gh := int(s.head[i])
			if gh == len(s.words) {
				gh = -1
			}
			c := byRel[s.rel[i]]
			if c == nil {
				c = &counts{}
				byRel[s.rel[i]] = c
			}
			c.n++
			switch {
			case h != gh:
				c.head++
			case rel != s.rel[i]:
				c.label++
				confusion[s.rel[i]+" -> "+rel]++
			}
		}
	}
	rels := slices.Collect(maps.Keys(byRel))
	slices.SortFunc(rels, func(a, b string) int {
		return (byRel[b].head + byRel[b].label) - (byRel[a].head + byRel[a].label)
	})
	for _, r := range rels[:min(20, len(rels))] {
		c := byRel[r]
		t.Logf("%-14s %5d words, head errors %5.1f%%, label errors %5.1f%%", r, c.n, 100*float64(c.head)/float64(c.n), 100*float64(c.label)/float64(c.n))
	}
	pairs := slices.Collect(maps.Keys(confusion))
	slices.SortFunc(pairs, func(a, b string) int { return confusion[b] - confusion[a] })
	for _, k := range pairs[:min(15, len(pairs))] {
		t.Logf("%4d %s", confusion[k], k)
	}
}
