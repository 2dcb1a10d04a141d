package tag

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/conllu"
	"github.com/eventwire/eventwire/text"
)

// toy is a tiny treebank: one sentence a line, words as FORM/UPOS/XPOS/LEMMA.
const toy = `The/DET/DT/the dog/NOUN/NN/dog barked/VERB/VBD/bark ./PUNCT/./.
Kerry/PROPN/NNP/Kerry met/VERB/VBD/meet Lavrov/PROPN/NNP/Lavrov in/ADP/IN/in Brussels/PROPN/NNP/Brussels ./PUNCT/./.
The/DET/DT/the children/NOUN/NNS/child ran/VERB/VBD/run home/ADV/RB/home ./PUNCT/./.
She/PRON/PRP/she was/AUX/VBD/be tired/ADJ/JJ/tired ./PUNCT/./.
They/PRON/PRP/they fled/VERB/VBD/flee the/DET/DT/the city/NOUN/NN/city in/ADP/IN/in 2013/NUM/CD/2013 ./PUNCT/./.
Talks/NOUN/NNS/talk resumed/VERB/VBD/resume in/ADP/IN/in Geneva/PROPN/NNP/Geneva ./PUNCT/./.
He/PRON/PRP/he said/VERB/VBD/say that/SCONJ/IN/that the/DET/DT/the plan/NOUN/NN/plan works/VERB/VBZ/work ./PUNCT/./.
The/DET/DT/the ministers/NOUN/NNS/minister agreed/VERB/VBD/agree to/PART/TO/to meet/VERB/VB/meet again/ADV/RB/again ./PUNCT/./.`

func toySentences(tb testing.TB) []*conllu.Sentence {
	tb.Helper()
	var sents []*conllu.Sentence
	for line := range strings.Lines(toy) {
		s := &conllu.Sentence{}
		for i, f := range strings.Fields(line) {
			p := strings.Split(f, "/")
			if len(p) != 4 {
				tb.Fatalf("bad toy word %q", f)
			}
			s.Words = append(s.Words, conllu.Word{ID: i + 1, Form: p[0], UPOS: p[1], XPOS: p[2], Lemma: p[3]})
		}
		sents = append(sents, s)
	}
	return sents
}

func toyTagger(tb testing.TB) *Tagger {
	tb.Helper()
	tg, err := TrainSentences(context.Background(), toySentences(tb), TrainOptions{Iterations: 3, Seed: 7})
	if err != nil {
		tb.Fatal(err)
	}
	return tg
}

func saved(tb testing.TB, tg *Tagger) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := tg.Save(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func tagWords(tg *Tagger, words ...string) (upos, xpos, lemma []string) {
	upos, xpos, lemma = make([]string, len(words)), make([]string, len(words)), make([]string, len(words))
	tg.TagWords(words, upos, xpos, lemma)
	return upos, xpos, lemma
}

func TestLoad(t *testing.T) {
	tg := loadTagger(t)
	if tg.Classes() < 17 {
		t.Errorf("%d classes, want at least the 17 UPOS", tg.Classes())
	}
}

func TestTagWords(t *testing.T) {
	tg := loadTagger(t)
	for _, c := range []struct {
		words, upos, lemma string
	}{
		{"Kerry met Lavrov in Brussels .", "PROPN VERB PROPN ADP PROPN PUNCT", "Kerry meet Lavrov in Brussels ."},
		{"The rebels fled the city on Tuesday .", "DET NOUN VERB DET NOUN ADP PROPN PUNCT", "the rebel flee the city on Tuesday ."},
		{"The children were taken to safety .", "DET NOUN AUX VERB ADP NOUN PUNCT", "the child be take to safety ."},
		{"Prices rose 3.5 percent in 2013 .", "NOUN VERB NUM NOUN ADP NUM PUNCT", "price rise 3.5 percent in 2013 ."},
		{"3,417 people fled the shelling .", "NUM NOUN VERB DET NOUN PUNCT", "3417 people flee the shelling ."},
		{"I did n't say that .", "PRON AUX PART VERB PRON PUNCT", "I do not say that ."},
	} {
		upos, _, lemma := tagWords(tg, strings.Fields(c.words)...)
		if got := strings.Join(upos, " "); got != c.upos {
			t.Errorf("%s:\nUPOS  %s\nwant  %s", c.words, got, c.upos)
		}
		if got := strings.Join(lemma, " "); got != c.lemma {
			t.Errorf("%s:\nlemma %s\nwant  %s", c.words, got, c.lemma)
		}
	}
}

// TestLemmas checks lemmas given the tag, irregular forms included.
func TestLemmas(t *testing.T) {
	tg := loadTagger(t)
	classOf := map[string]uint8{}
	for i, c := range tg.classes {
		classOf[c.upos+" "+c.xpos] = uint8(i)
	}
	s := tg.getScratch()
	for _, c := range []struct {
		form, tag, lemma string
	}{
		{"met", "VERB VBD", "meet"},
		{"fled", "VERB VBD", "flee"},
		{"fled", "VERB VBN", "flee"},
		{"was", "AUX VBD", "be"},
		{"children", "NOUN NNS", "child"},
		{"bombings", "NOUN NNS", "bombing"},
		{"negotiators", "NOUN NNS", "negotiator"},
		{"Ministers", "NOUN NNS", "minister"},
		{"militias", "NOUN NNS", "militia"},
		{"shelled", "VERB VBD", "shell"},
		{"stockpiling", "VERB VBG", "stockpile"},
		{"Sergei", "PROPN NNP", "Sergei"},
		{"Kyiv", "PROPN NNP", "Kyiv"},
		{"1,200", "NUM CD", "1200"}, // EWT drops thousands separators
		{"3,417,000", "NUM CD", "3417000"},
		{"3.5", "NUM CD", "3.5"},
		{"!", "PUNCT .", "!"},
		{"n't", "PART RB", "not"},
		{"The", "DET DT", "the"},
	} {
		cl, ok := classOf[c.tag]
		if !ok {
			t.Fatalf("no class %q", c.tag)
		}
		var a tokAttr
		rs := []rune(c.form)
		tg.attrs(&a, rs, false)
		got, ok := tg.lemma(s, &a, rs, cl, false)
		if !ok {
			got = c.form
		}
		if got != c.lemma {
			t.Errorf("lemma(%q, %s) = %q, want %q", c.form, c.tag, got, c.lemma)
		}
	}
}

func TestTagDoc(t *testing.T) {
	tg := loadTagger(t)
	doc := eventwire.NewDoc(eventwire.Article{Text: "The talks were held in private.\n\nKerry met Lavrov. They didn't agree."})
	text.Segment(doc)
	tg.Tag(doc)
	var got []string
	for _, s := range doc.Sentences {
		if !s.Tagged {
			t.Errorf("sentence %d not marked tagged", s.Start)
		}
		for _, tok := range s.Tokens {
			got = append(got, fmt.Sprintf("%s/%s/%s/%s", doc.Slice(eventwire.Span{Start: tok.Start, End: tok.End}), tok.UPOS, tok.XPOS, tok.Lemma))
		}
	}
	want := "The/DET/DT/the talks/NOUN/NNS/talk were/AUX/VBD/be held/VERB/VBN/hold in/ADP/IN/in private/ADJ/JJ/private ./PUNCT/./. " +
		"Kerry/PROPN/NNP/Kerry met/VERB/VBD/meet Lavrov/PROPN/NNP/Lavrov ./PUNCT/./. " +
		"They/PRON/PRP/they did/AUX/VBD/do n't/PART/RB/not agree/VERB/VB/agree ./PUNCT/./."
	if g := strings.Join(got, " "); g != want {
		t.Errorf("got  %s\nwant %s", g, want)
	}
}

// TestAccuracyFloor scores the first 300 sentences of EWT dev with gold
// tokens, so that a regression fails the suite. The full figures come from
// eventwire eval ud.
func TestAccuracyFloor(t *testing.T) {
	dir := udDir(t, "ud-english-ewt")
	gold, err := ReadFiles(context.Background(), filepath.Join(dir, "en_ewt-ud-dev.conllu.gz"))
	if err != nil {
		t.Fatal(err)
	}
	sc := loadTagger(t).evaluate(gold[:300])
	upos, xpos, lemma := pct(sc.UPOS, sc.Words), pct(sc.XPOS, sc.Words), pct(sc.Lemma, sc.Words)
	t.Logf("EWT dev, first 300 sentences (%d words): UPOS %.2f XPOS %.2f lemma %.2f", sc.Words, upos, xpos, lemma)
	if upos < 94 || xpos < 93 || lemma < 96 {
		t.Errorf("below the floor: UPOS %.2f (94), XPOS %.2f (93), lemma %.2f (96)", upos, xpos, lemma)
	}
}

// TestBadInput feeds the tagger what real text throws at it.
func TestBadInput(t *testing.T) {
	tg := loadTagger(t)
	long := make([]string, 500)
	for i := range long {
		long[i] = []string{"the", "talks", "in", "Geneva", ",", "1987", "said", "—"}[i%8]
	}
	for _, c := range []struct {
		name  string
		words []string
	}{
		{"empty", nil},
		{"one empty word", []string{""}},
		{"500 words", long},
		{"Cyrillic", strings.Fields("Сергей Лавров встретился с Джоном Керри в Брюсселе .")},
		{"Arabic", strings.Fields("التقى وزير الخارجية الأمريكي بنظيره الروسي .")},
		{"CJK", strings.Fields("美国 和 俄罗斯 同意 恢复 叙利亚 计划 。")},
		{"symbols", strings.Fields("@@@ #### $$ %% ^^^ ~~ \u00a0 \ufffd \x00 \U0001F600")},
		{"invalid UTF-8", []string{"\xff\xfe", "a\x80b"}},
		{"very long word", []string{strings.Repeat("xy", 5000)}},
	} {
		t.Run(c.name, func(t *testing.T) {
			upos, xpos, lemma := tagWords(tg, c.words...)
			for i := range c.words {
				if upos[i] == "" || xpos[i] == "" {
					t.Errorf("word %d %q: no tag", i, c.words[i])
				}
				if lemma[i] == "" && c.words[i] != "" {
					t.Errorf("word %d %q: no lemma", i, c.words[i])
				}
			}
			doc := eventwire.NewDoc(eventwire.Article{Text: strings.Join(c.words, " ")})
			text.Segment(doc)
			tg.Tag(doc)
		})
	}
	t.Run("short destinations", func(t *testing.T) {
		upos := make([]string, 1)
		tg.TagWords([]string{"Kerry", "met", "Lavrov"}, upos, nil, make([]string, 2))
		if upos[0] != "PROPN" {
			t.Errorf("UPOS %q, want PROPN", upos[0])
		}
	})
	t.Run("empty sentence in doc", func(t *testing.T) {
		doc := &eventwire.Doc{Sentences: []eventwire.Sentence{{}}}
		tg.Tag(doc)
		if !doc.Sentences[0].Tagged {
			t.Error("empty sentence not marked tagged")
		}
	})
	t.Run("offsets out of range", func(t *testing.T) {
		doc := eventwire.NewDoc(eventwire.Article{Text: "short"})
		doc.Sentences = []eventwire.Sentence{{Tokens: []eventwire.Token{{Start: 3, End: 99}, {Start: -1, End: 2}, {Start: 4, End: 2}}}}
		tg.Tag(doc)
	})
}

func TestConcurrent(t *testing.T) {
	tg := loadTagger(t)
	words := strings.Fields("Kerry met Lavrov in Brussels on Tuesday to revive the Syria plan .")
	wantUPOS, _, wantLemma := tagWords(tg, words...)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 200 {
				upos, _, lemma := tagWords(tg, words...)
				if strings.Join(upos, " ") != strings.Join(wantUPOS, " ") || strings.Join(lemma, " ") != strings.Join(wantLemma, " ") {
					t.Error("concurrent tagging differs")
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestSaveRead(t *testing.T) {
	for _, c := range []struct {
		name string
		tg   func(testing.TB) *Tagger
	}{{"toy", toyTagger}, {"embedded", loadTagger}} {
		t.Run(c.name, func(t *testing.T) {
			tg := c.tg(t)
			data := saved(t, tg)
			back, err := Read(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if again := saved(t, back); !bytes.Equal(again, data) {
				t.Errorf("Save(Read(Save(t))) differs from Save(t): %d and %d bytes", len(again), len(data))
			}
			for _, s := range toySentences(t) {
				var words []string
				for _, w := range s.Words {
					words = append(words, w.Form)
				}
				u1, x1, l1 := tagWords(tg, words...)
				u2, x2, l2 := tagWords(back, words...)
				if fmt.Sprint(u1, x1, l1) != fmt.Sprint(u2, x2, l2) {
					t.Errorf("%v: tagged %v %v %v before saving, %v %v %v after", words, u1, x1, l1, u2, x2, l2)
				}
			}
		})
	}
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func ungzipped(tb testing.TB, b []byte) []byte {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		tb.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		tb.Fatal(err)
	}
	return raw
}

func TestReadCorrupt(t *testing.T) {
	data := saved(t, toyTagger(t))
	raw := ungzipped(t, data)
	flipped := bytes.Clone(raw)
	flipped[len(flipped)/2] ^= 0x55
	badCRC := bytes.Clone(data)
	badCRC[len(badCRC)-6] ^= 1
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"not gzip", []byte("eventwire tagger\n")},
		{"gzip of nothing", gzipped(nil)},
		{"gzip of text", gzipped([]byte("hello, world"))},
		{"wrong magic", gzipped(append([]byte("eventwire parser\n"), raw[len(magic):]...))},
		{"future version", gzipped(append([]byte(magic), append([]byte{99}, raw[len(magic)+1:]...)...))},
		{"truncated gzip", data[:len(data)/2]},
		{"bad checksum", badCRC},
		{"truncated model, 1 byte", gzipped(raw[:len(magic)+1])},
		{"truncated model, half", gzipped(raw[:len(raw)/2])},
		{"truncated model, all but 1 byte", gzipped(raw[:len(raw)-1])},
		{"trailing data", gzipped(append(bytes.Clone(raw), 0))},
		{"flipped bits", gzipped(flipped)},
		{"huge count", gzipped(append([]byte(magic), 1, 0, 0xff, 0xff, 0xff, 0xff, 0x0f))},
	} {
		t.Run(c.name, func(t *testing.T) {
			tg, err := Read(bytes.NewReader(c.data))
			if c.name == "flipped bits" && err == nil {
				// A flipped byte may land in a weight and still decode.
				tagWords(tg, "Kerry", "met", "Lavrov", ".")
				return
			}
			if !errors.Is(err, ErrModel) {
				t.Fatalf("Read: %v, want an error wrapping ErrModel", err)
			}
		})
	}
	for n := 0; n < len(raw); n += 1 + n/8 {
		if _, err := Read(bytes.NewReader(gzipped(raw[:n]))); !errors.Is(err, ErrModel) {
			t.Fatalf("model truncated to %d of %d bytes: %v, want an error wrapping ErrModel", n, len(raw), err)
		}
	}
}

// FuzzRead checks that Read never panics and that what it accepts tags
// without panicking. The input is tried as it is and, so that the fuzzer
// reaches the decoder, gzip-compressed.
func FuzzRead(f *testing.F) {
	data := saved(f, toyTagger(f))
	raw := ungzipped(f, data)
	f.Add(data)
	f.Add(raw)
	f.Add(raw[:len(raw)/2])
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, in := range [][]byte{b, gzipped(b)} {
			tg, err := Read(bytes.NewReader(in))
			if err != nil {
				if !errors.Is(err, ErrModel) {
					t.Fatalf("error not wrapping ErrModel: %v", err)
				}
				continue
			}
			tagWords(tg, "Kerry", "met", "Lavrov", "in", "Brüssel", "1987", ".", "")
		}
	})
}

func TestTrainSentences(t *testing.T) {
	sents := toySentences(t)
	withEmpty := append([]*conllu.Sentence{{}}, sents...)
	if _, err := TrainSentences(context.Background(), withEmpty, TrainOptions{Iterations: 1}); err != nil {
		t.Errorf("with an empty sentence: %v", err)
	}
	a, b := saved(t, toyTagger(t)), saved(t, toyTagger(t))
	if !bytes.Equal(a, b) {
		t.Error("training twice with the same seed gave different models")
	}
	tg := toyTagger(t)
	for _, s := range sents {
		var words []string
		for _, w := range s.Words {
			words = append(words, w.Form)
		}
		upos, _, lemma := tagWords(tg, words...)
		for i, w := range s.Words {
			if upos[i] != w.UPOS || lemma[i] != w.Lemma {
				t.Errorf("%s: %s/%s, want %s/%s (training data)", w.Form, upos[i], lemma[i], w.UPOS, w.Lemma)
			}
		}
	}
}

func TestTrainErrors(t *testing.T) {
	ctx := context.Background()
	if _, err := TrainSentences(ctx, nil, TrainOptions{}); !errors.Is(err, ErrNoData) {
		t.Errorf("no sentences: %v, want ErrNoData", err)
	}
	if _, err := Train(ctx, TrainOptions{Files: []string{filepath.Join(t.TempDir(), "missing.conllu")}}); err == nil {
		t.Error("missing file: no error")
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := TrainSentences(cancelled, toySentences(t), TrainOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v, want context.Canceled", err)
	}
	var many []*conllu.Sentence
	for i := range maxClasses + 1 {
		many = append(many, &conllu.Sentence{Words: []conllu.Word{{ID: 1, Form: "x", UPOS: "X", XPOS: fmt.Sprint(i)}}})
	}
	if _, err := TrainSentences(ctx, many, TrainOptions{}); !errors.Is(err, ErrTooManyTags) {
		t.Errorf("%d tags: %v, want ErrTooManyTags", maxClasses+1, err)
	}
}
