package tag

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/conllu"
	"time"
)

const sharedUD = "../../shared/data/"

func TestExperiment(t *testing.T) {
	if os.Getenv("EXP") == "" {
		t.Skip()
	}
	files := []string{sharedUD + "ud-english-ewt/en_ewt-ud-train.conllu.gz"}
	if os.Getenv("EXP_EWT2") != "" {
		files = append(files, files[0])
	}
	if os.Getenv("EXP_GUMALL") != "" {
		files = append(files, sharedUD+"ud-english-gum/en_gum-ud-dev.no-NC-genres.conllu.gz", sharedUD+"ud-english-gum/en_gum-ud-test.no-NC-genres.conllu.gz")
	}
	if os.Getenv("EXP_GUM") != "" {
		files = append(files, sharedUD+"ud-english-gum/en_gum-ud-train.no-NC-genres.conllu.gz")
	}
	it, _ := strconv.Atoi(os.Getenv("EXP_IT"))
	opt := TrainOptions{Files: files, Dev: sharedUD + "ud-english-ewt/en_ewt-ud-dev.conllu.gz", Iterations: it, Seed: int64(atoi(os.Getenv("EXP_SEED"))),
		Log: slog.New(slog.NewTextHandler(os.Stderr, nil))}
	if p := os.Getenv("EXP_PRUNE"); p != "" {
		opt.prune, _ = strconv.ParseFloat(p, 64)
	}
	if v := os.Getenv("EXP_LEX"); v != "" {
		lp := defaultLexParams
		var a, b, c, d, e float64
		fmt.Sscan(v, &a, &b, &c, &d, &e)
		lp.DirectMin, lp.DirectRatio, lp.CandMin, lp.AmbMin, lp.AmbShare = uint32(a), float32(b), uint32(c), uint32(d), float32(e)
		opt.lexParams = &lp
	}
	opt.folds, _ = strconv.Atoi(os.Getenv("EXP_FOLDS"))
	opt.runs = atoi(os.Getenv("EXP_RUNS"))
	opt.lexFolds = atoi(os.Getenv("EXP_LEXFOLDS"))
	start := time.Now()
	sents, err := ReadFiles(context.Background(), opt.Files...)
	if err != nil {
		t.Fatal(err)
	}
	if pc := atoi(os.Getenv("EXP_AUG")); pc > 0 {
		n := len(sents)
		for i := 0; i < n; i++ {
			if i%100 < pc {
				c := *sents[i]
				c.Words = slices.Clone(c.Words)
				for j := range c.Words {
					c.Words[j].Form = strings.ToLower(c.Words[j].Form)
				}
				sents = append(sents, &c)
			}
		}
	}
	if os.Getenv("EXP_UPOSONLY") != "" {
		for _, s := range sents {
			for i := range s.Words {
				s.Words[i].XPOS = "_"
			}
		}
	}
	tg, err := TrainSentences(context.Background(), sents, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Log("train", time.Since(start))
	errorReport(t, tg)
	dev, _ := ReadFiles(context.Background(), opt.Dev)
	st := time.Now()
	var sc scores
	for range 5 {
		sc = tg.evaluate(dev)
	}
	t.Logf("speed %.0f words/s", float64(5*sc.Words)/time.Since(st).Seconds())
}

func errorReport(t *testing.T, tg *Tagger) {
	dev, err := ReadFiles(context.Background(), sharedUD+"ud-english-ewt/en_ewt-ud-dev.conllu.gz")
	if err != nil {
		t.Fatal(err)
	}
	conf := map[string]int{}
	var kn, knOK, unk, unkOK int
	var words, upos, xpos, lemma []string
	lemErr := map[string]int{}
	for _, s := range dev {
		words = words[:0]
		for _, w := range s.Words {
			words = append(words, w.Form)
		}
		n := len(words)
		upos, xpos, lemma = grow(upos, n), grow(xpos, n), grow(lemma, n)
		tg.TagWords(words, upos, xpos, lemma)
		for i, w := range s.Words {
			known := tg.lex.find(hashString(fnvOffset, w.Form)) >= 0 && tg.lex.entries[tg.lex.find(hashString(fnvOffset, w.Form))].total > 0
			ok := upos[i] == w.UPOS
			if known {
				kn++
				if ok {
					knOK++
				}
			} else {
				unk++
				if ok {
					unkOK++
				}
			}
			if !ok {
				if e := tg.lex.find(hashString(fnvOffset, w.Form)); e >= 0 {
					en := &tg.lex.entries[e]
					if en.direct >= 0 {
						conf["DIRECT"]++
					} else if en.candsN > 0 {
						in := false
						for _, c := range tg.lex.cands[en.cands : en.cands+en.candsN] {
							if tg.classes[c].upos == w.UPOS {
								in = true
							}
						}
						if !in {
							conf["NOTINCANDS"]++
						} else {
							conf["RESTRICTED"]++
						}
					} else {
						conf["RARE"]++
					}
				}
				conf[w.UPOS+"->"+upos[i]]++
				conf["W "+strings.ToLower(w.Form)+" "+w.UPOS+"->"+upos[i]]++
				if os.Getenv("EXP_SHOW") != "" && known == (os.Getenv("EXP_SHOW") == "known") {
					lo, hi := max(0, i-4), min(n, i+4)
					ctx := ""
					for j := lo; j < hi; j++ {
						if j == i {
							ctx += "[" + words[j] + " " + w.UPOS + "/" + w.XPOS + "->" + upos[j] + "/" + xpos[j] + "] "
						} else {
							ctx += words[j] + "/" + xpos[j] + " "
						}
					}
					t.Log(ctx)
				}
			}
			if lemma[i] != w.Lemma && upos[i] == w.UPOS {
				lemErr[w.Form+" "+w.UPOS+"/"+w.XPOS+" gold="+w.Lemma+" got="+lemma[i]]++
			}
		}
	}
	t.Logf("known %d %.2f unknown %d %.2f", kn, 100*float64(knOK)/float64(kn), unk, 100*float64(unkOK)/float64(unk))
	type kv struct {
		k string
		v int
	}
	var l []kv
	for k, v := range conf {
		l = append(l, kv{k, v})
	}
	slices.SortFunc(l, func(a, b kv) int { return b.v - a.v })
	for _, x := range l[:min(70, len(l))] {
		t.Log(x.v, x.k)
	}
	if os.Getenv("EXP_LEM") != "" {
		l = l[:0]
		for k, v := range lemErr {
			l = append(l, kv{k, v})
		}
		slices.SortFunc(l, func(a, b kv) int { return b.v - a.v })
		for _, x := range l[:min(80, len(l))] {
			t.Log(x.v, x.k)
		}
	}
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

func TestPruneSweep(t *testing.T) {
	if os.Getenv("EXP_PRUNESWEEP") == "" {
		t.Skip()
	}
	f, err := os.Open("model/tagger.bin.gz")
	if err != nil {
		t.Fatal(err)
	}
	tg, err := Read(f)
	if err != nil {
		t.Fatal(err)
	}
	dev, _ := ReadFiles(context.Background(), sharedUD+"ud-english-ewt/en_ewt-ud-dev.conllu.gz")
	base := tg.w.features()
	for _, p := range []float64{0.6, 0.7, 0.8, 0.9, 0.99} {
		for _, div := range []int32{32} {
			var feats []feature
			for _, f := range base {
				var ents []int32
				for _, e := range f.ents {
					w := e >> 8
					if math.Abs(float64(w)*float64(tg.w.scale)) < p {
						continue
					}
					q := int32(math.Round(float64(w) / float64(div)))
					if q == 0 {
						continue
					}
					ents = append(ents, q<<8|e&0xff)
				}
				if len(ents) > 0 {
					feats = append(feats, feature{key: f.key, ents: ents})
				}
			}
			t2 := &Tagger{classes: tg.classes, lex: tg.lex, lem: tg.lem, stacked: tg.stacked}
			t2.w = newWeights(feats, tg.rowLen(), tg.w.scale*float32(div))
			var buf bytes.Buffer
			t2.Save(&buf)
			sc := t2.evaluate(dev)
			t.Logf("prune %.2f div %d: feats %d ents %d size %d upos %.2f xpos %.2f", p, div, len(feats), len(t2.w.ents), buf.Len(), pct(sc.UPOS, sc.Words), pct(sc.XPOS, sc.Words))
		}
	}
}

func goldLemmaAcc(tg *Tagger, gold []*conllu.Sentence) (float64, float64) {
	classOf := map[class]uint8{}
	for i, c := range tg.classes {
		classOf[c] = uint8(i)
	}
	s := tg.getScratch()
	var n, ok, unk, unkOK int
	for _, sent := range gold {
		as := make([]tokAttr, len(sent.Words)+2*pad)
		for i, w := range sent.Words {
			tg.attrs(&as[i+pad], []rune(w.Form), i == 0)
		}
		finishSentence(as)
		as = as[pad:]
		for i, w := range sent.Words {
			c, found := classOf[class{w.UPOS, w.XPOS}]
			l := ""
			if found {
				var good bool
				l, good = tg.lemma(s, &as[i], []rune(w.Form), c, i == 0)
				if !good {
					l = w.Form
				}
			}
			n++
			known := as[i].lex >= 0 && tg.lex.entries[as[i].lex].total > 0
			if !known {
				unk++
			}
			if l == w.Lemma {
				ok++
				if !known {
					unkOK++
				}
			} else if os.Getenv("EXP_LEMMA") == "show" && !known {
				fmt.Println(w.Form, w.UPOS, w.XPOS, "gold="+w.Lemma, "got="+l)
			}
		}
	}
	return pct(ok, n), pct(unkOK, unk)
}

func TestLemmaGold(t *testing.T) {
	if os.Getenv("EXP_LEMMA") == "" {
		t.Skip()
	}
	files := []string{sharedUD + "ud-english-ewt/en_ewt-ud-train.conllu.gz", sharedUD + "ud-english-gum/en_gum-ud-train.no-NC-genres.conllu.gz"}
	tg, err := Train(context.Background(), TrainOptions{Files: files, Iterations: 1, folds: 1})
	if err != nil {
		t.Fatal(err)
	}
	dev, _ := ReadFiles(context.Background(), sharedUD+"ud-english-ewt/en_ewt-ud-dev.conllu.gz")
	all, unk := goldLemmaAcc(tg, dev)
	t.Logf("gold-tag lemma accuracy: %.2f, unknown words %.2f, rules %d", all, unk, len(tg.lem.rules))
}
