package parse

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

func TestErrAnalysis(t *testing.T) {
	if os.Getenv("M") == "" {
		t.Skip("set M to a model file")
	}
	f, _ := os.Open(os.Getenv("M"))
	p, err := Read(f)
	if err != nil {
		t.Fatal(err)
	}
	sents, _ := readSentences(filepath.Join(udDir(t, "ewt"), "en_ewt-ud-dev.conllu.gz"))
	predictedTags(t, "dev", sents)
	byRel := map[string][3]int{}
	var tagWrongErr, tagWrong, tagRightErr, tagRight int
	st := &state{}
	for _, s := range sents {
		p.atoms(s)
		st.load(s)
		p.run(st)
		// does the sentence have any tag error?
		for i := range s.words {
			h, rel := p.arc(st, i)
			gh := int(s.head[i])
			if gh == len(s.words) {
				gh = -1
			}
			c := byRel[s.rel[i]]
			c[0]++
			if h != gh {
				c[1]++
			} else if rel != s.rel[i] {
				c[2]++
			}
			byRel[s.rel[i]] = c
			tw := s.upos[i] != s.src.Words[i].UPOS || s.xpos[i] != s.src.Words[i].XPOS
			if tw {
				tagWrong++
				if h != gh {
					tagWrongErr++
				}
			} else {
				tagRight++
				if h != gh {
					tagRightErr++
				}
			}
		}
	}
	t.Logf("words with a tag error: %d, head errors %d (%.1f%%); tags right: %d, head errors %d (%.1f%%)", tagWrong, tagWrongErr, 100*float64(tagWrongErr)/float64(tagWrong), tagRight, tagRightErr, 100*float64(tagRightErr)/float64(tagRight))
	var rels []string
	for r := range byRel {
		rels = append(rels, r)
	}
	sort.Slice(rels, func(i, j int) bool { return byRel[rels[i]][1]+byRel[rels[i]][2] > byRel[rels[j]][1]+byRel[rels[j]][2] })
	for _, r := range rels[:20] {
		c := byRel[r]
		fmt.Printf("%-14s n=%5d headerr=%4d (%.1f%%) labelerr=%4d (%.1f%%)\n", r, c[0], c[1], 100*float64(c[1])/float64(c[0]), c[2], 100*float64(c[2])/float64(c[0]))
	}
}
