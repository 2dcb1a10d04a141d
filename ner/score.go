package ner

// counts are exact-span name counts by type (the last index for types
// that are not ours), for the training log; package eval has the scorer
// of record.
type counts struct {
	gold, pred, correct [numTypes + 1]int
}

func typeIndex(t string) int {
	if i := typeNum(t); i >= 0 {
		return i
	}
	return numTypes
}

// add counts the names of one sentence.
func (c *counts) add(gold, pred []string) {
	g, p := Chunks(gold), Chunks(pred)
	for _, x := range g {
		c.gold[typeIndex(x.Type)]++
	}
	for _, x := range p {
		c.pred[typeIndex(x.Type)]++
	}
	for _, x := range p {
		for _, y := range g {
			if x == y {
				c.correct[typeIndex(x.Type)]++
				break
			}
		}
	}
}

// f1 is the F1 over the types for which keep is true, in percent.
func (c *counts) f1(keep func(t int) bool) float64 {
	var g, p, k int
	for t := range numTypes + 1 {
		if keep(t) {
			g += c.gold[t]
			p += c.pred[t]
			k += c.correct[t]
		}
	}
	if g+p == 0 {
		return 0
	}
	return pct(2*k, g+p)
}

// F1 is the F1 over all names.
func (c *counts) F1() float64 { return c.f1(func(int) bool { return true }) }

// F1Without is the F1 without the names of type t, gold or predicted.
func (c *counts) F1Without(t int) float64 { return c.f1(func(u int) bool { return u != t }) }

// score labels documents, each as one context, with the Penn tags given,
// and counts the names against the gold labels.
func (r *Recognizer) score(docs []Document, pos [][][]string) *counts {
	c := &counts{}
	for d, doc := range docs {
		words := make([][]string, len(doc.Sentences))
		for i, s := range doc.Sentences {
			words[i] = s.Words
		}
		out := r.TagDocument(words, pos[d])
		for i, s := range doc.Sentences {
			c.add(s.Labels, out[i])
		}
	}
	return c
}
