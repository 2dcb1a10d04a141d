package ner

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/geo"
	"github.com/eventwire/eventwire/tag"
	"github.com/eventwire/eventwire/text"
)

// embedded loads the tagger and the recogniser once for all the tests.
var embedded = sync.OnceValues(func() (*tag.Tagger, error) { return tag.Load() })

var embeddedNER = sync.OnceValues(func() (*Recognizer, error) { return Load() })

// loadRecognizer returns the embedded model, failing the test when it
// cannot be loaded.
func loadRecognizer(tb testing.TB) *Recognizer {
	tb.Helper()
	r, err := embeddedNER()
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

func loadTagger(tb testing.TB) *tag.Tagger {
	tb.Helper()
	t, err := embedded()
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

// names runs the pipeline's stages up to ner on a text and renders the
// names as "Type:words".
func names(tb testing.TB, tg *tag.Tagger, r *Recognizer, txt string) string {
	tb.Helper()
	doc := eventwire.NewDoc(eventwire.Article{Text: txt})
	text.Segment(doc)
	tg.Tag(doc)
	r.Recognize(doc)
	var out []string
	for _, n := range doc.Names {
		s := doc.Sentences[n.Sentence]
		out = append(out, n.Type+":"+string(doc.Runes[s.Tokens[n.Start].Start:s.Tokens[n.End-1].End]))
	}
	return strings.Join(out, " ")
}

func TestLoad(t *testing.T) {
	start := time.Now()
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("loaded in %v: %d features, stacked %v, gazetteer %v", time.Since(start), r.w.n, r.stacked, r.gaz != nil)
	if !r.stacked || r.gaz == nil {
		t.Errorf("the embedded model should have the second pass and the gazetteer")
	}
}

func TestRecognize(t *testing.T) {
	tg, r := loadTagger(t), loadRecognizer(t)
	for _, c := range []struct{ text, want string }{
		{"Angela Merkel met Vladimir Putin in Berlin on Monday.", "PER:Angela Merkel PER:Vladimir Putin LOC:Berlin"},
		{"The United Nations said on Tuesday that talks in Geneva had failed.", "ORG:United Nations LOC:Geneva"},
		{"Shares of Microsoft Corp rose 3 percent in New York.", "ORG:Microsoft Corp LOC:New York"},
		{"the weather was fine and nobody came.", ""},
	} {
		if got := names(t, tg, r, c.text); got != c.want {
			t.Errorf("%s\ngot  %s\nwant %s", c.text, got, c.want)
		}
	}
}

// TestDocumentContext checks that the document is one context: a surname
// alone is labelled as the full name was.
func TestDocumentContext(t *testing.T) {
	tg, r := loadTagger(t), loadRecognizer(t)
	got := names(t, tg, r, "Police said Marek Hollander was arrested in Prague on Friday. Hollander denied the charges.")
	if want := "PER:Marek Hollander LOC:Prague PER:Hollander"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestTagWords(t *testing.T) {
	tg, r := loadTagger(t), loadRecognizer(t)
	for _, c := range []struct{ words, want string }{
		{"EU rejects German call to boycott British lamb .", "B-ORG O B-MISC O O O B-MISC O O"},
		{"Peter Blackburn", "B-PER I-PER"},
		{"", ""},
	} {
		words := strings.Fields(c.words)
		xpos := make([]string, len(words))
		tg.TagWords(words, nil, xpos, nil)
		if got := strings.Join(r.TagWords(words, xpos), " "); got != c.want {
			t.Errorf("%s:\ngot  %s\nwant %s", c.words, got, c.want)
		}
	}
}

// TestBadInput feeds the recogniser what real text throws at it.
func TestBadInput(t *testing.T) {
	r := loadRecognizer(t)
	long := make([]string, 600)
	for i := range long {
		long[i] = []string{"the", "Talks", "in", "Geneva", ",", "1987", "SAID", "—", "", "al-"}[i%10]
	}
	for _, words := range [][]string{nil, {""}, {"\x00"}, long, {"\uFFFD", "ÉÉ", "日本"}} {
		labels := r.TagWords(words, []string{"NNP"}) // xpos shorter than words
		if len(labels) != len(words) {
			t.Errorf("%d labels for %d words", len(labels), len(words))
		}
		checkIOB2(t, labels)
	}
	doc := eventwire.NewDoc(eventwire.Article{Text: "abc"})
	doc.Sentences = []eventwire.Sentence{{Tokens: []eventwire.Token{{Start: 2, End: 9}, {Start: -1, End: 1}}}, {}}
	r.Recognize(doc) // offsets out of range: empty words
}

// checkIOB2 fails when an I- label does not continue a name of its type.
func checkIOB2(t *testing.T, labels []string) {
	t.Helper()
	prev := "O"
	for _, l := range labels {
		if strings.HasPrefix(l, "I-") && (prev == "O" || prev[2:] != l[2:]) {
			t.Fatalf("invalid IOB2 sequence %v", labels)
		}
		prev = l
	}
}

// TestConcurrent runs Recognize from several goroutines on one recogniser.
func TestConcurrent(t *testing.T) {
	tg, r := loadTagger(t), loadRecognizer(t)
	const txt = "Kerry met Lavrov in Brussels. The European Union and NATO sent envoys to Damascus."
	want := names(t, tg, r, txt)
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 8 {
		wg.Go(func() {
			for range 20 {
				if got := names(t, tg, r, txt); got != want {
					errs <- got
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for got := range errs {
		t.Errorf("concurrent run: %s, want %s", got, want)
	}
}

// TestRoundTrip writes a model with every part (second pass, gazetteer,
// clusters) and reads it back.
func TestRoundTrip(t *testing.T) {
	r := tinyRecognizer(t, loadRecognizer(t).gaz)
	var a, b bytes.Buffer
	if err := r.Write(&a); err != nil {
		t.Fatal(err)
	}
	r2, err := ReadWith(bytes.NewReader(a.Bytes()), r.gaz)
	if err != nil {
		t.Fatal(err)
	}
	if err := r2.Write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("a model read back writes other bytes")
	}
	if r2.trans != r.trans || !r2.stacked || r2.gaz == nil || r2.clu == nil {
		t.Error("the model read back lost a part")
	}
	words := strings.Fields("Kerry met Lavrov in Paris .")
	if x, y := r.TagWords(words, nil), r2.TagWords(words, nil); !slices.Equal(x, y) {
		t.Errorf("labels before %v and after %v a round trip", x, y)
	}
}

// TestAccuracyFloor scores the first documents of CoNLL-2003 (CoNLL++)
// dev, 300 sentences or more, so that a regression fails the suite. The
// full figures come from eventwire eval ner.
func TestAccuracyFloor(t *testing.T) {
	dir := sharedData(t)
	ss, _, err := ReadFile(filepath.Join(dir, "conll2003", "conllpp_dev.txt.gz"))
	if err != nil {
		t.Fatal(err)
	}
	var docs []Document
	n := 0
	for _, d := range Documents(ss) {
		if n >= 300 {
			break
		}
		docs = append(docs, d)
		n += len(d.Sentences)
	}
	tg, r := loadTagger(t), loadRecognizer(t)
	c := r.score(docs, tagDocs([][]Document{docs}, tg)[0])
	f1, core := c.F1(), c.F1Without(tMISC)
	t.Logf("CoNLL++ dev, first %d documents (%d sentences): F1 %.2f, PER/ORG/LOC %.2f", len(docs), n, f1, core)
	if f1 < 85 || core < 87 {
		t.Errorf("below the floor: F1 %.2f (85), PER/ORG/LOC %.2f (87)", f1, core)
	}
}

// fakeTagger tags capitalised words NNP and the rest NN.
type fakeTagger struct{}

func (fakeTagger) TagWords(words []string, upos, xpos, lemma []string) {
	for i, w := range words {
		if i < len(xpos) {
			xpos[i] = "NN"
			if w != "" && strings.ToUpper(w[:1]) == w[:1] {
				xpos[i] = "NNP"
			}
		}
	}
}

const toyCoNLL = `-DOCSTART- -X- -X- O

Kerry NNP B-NP B-PER
met VBD B-VP O
Lavrov NNP B-NP B-PER
in IN B-PP O
Brussels NNP B-NP B-LOC
. . O O

The DT B-NP O
Reuters NNP I-NP B-ORG
report NN I-NP O
was VBD B-VP O
in IN B-PP O
English NNP B-NP B-MISC
. . O O

-DOCSTART- -X- -X- O

John NNP B-NP B-PER
Smith NNP I-NP I-PER
visited VBD B-VP O
New NNP B-NP B-LOC
York NNP I-NP I-LOC
. . O O
`

const toyIOB2 = "# newdoc id = a\n1\tAcme\tB-ORG\t-\t-\n2\tsaid\tO\t-\t-\n3\tso\tO\t-\t-\n\n" +
	"1\tParis\tB-LOC\t-\t-\n2\tis\tO\t-\t-\n3\tFrench\tO\t-\t-\n"

// tinyRecognizer trains a model on the toy files, with the gazetteer g
// (nil for none).
func tinyRecognizer(tb testing.TB, g *geo.Gazetteer) *Recognizer {
	tb.Helper()
	dir := tb.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.iob2")
	if err := os.WriteFile(a, []byte(toyCoNLL), 0o644); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(b, []byte(toyIOB2), 0o644); err != nil {
		tb.Fatal(err)
	}
	var texts []string
	for i := range 30 {
		texts = append(texts, fmt.Sprintf("Mr. Smith%d said the bank in Paris rose. The minister met Jones in London and Berlin.", i%3))
	}
	r, err := Train(context.Background(), TrainOptions{Files: []string{a, b}, Tagger: fakeTagger{}, Iterations: 5, Seed: 3, Unlabeled: texts, Gazetteer: g})
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

func TestTrainToy(t *testing.T) {
	r := tinyRecognizer(t, nil)
	if r.clu == nil || len(r.clu.words) == 0 {
		t.Fatal("no word clusters")
	}
	got := strings.Join(r.TagWords(strings.Fields("Kerry met Lavrov in Brussels ."), nil), " ")
	if want := "B-PER O B-PER O B-LOC O"; got != want {
		t.Errorf("on a training sentence: %s, want %s", got, want)
	}
	// Deterministic: the same options give the same bytes.
	var a, b bytes.Buffer
	if err := r.Write(&a); err != nil {
		t.Fatal(err)
	}
	if err := tinyRecognizer(t, nil).Write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two trainings with the same seed differ")
	}
	if _, err := Train(context.Background(), TrainOptions{Tagger: fakeTagger{}}); !errors.Is(err, ErrNoData) {
		t.Errorf("no files: %v, want ErrNoData", err)
	}
	if _, err := Train(context.Background(), TrainOptions{}); !errors.Is(err, ErrNoTagger) {
		t.Errorf("no tagger: %v, want ErrNoTagger", err)
	}
}

// FuzzRead feeds corrupt models to Read: it must return an error wrapping
// ErrModel or a recogniser that labels, never panic.
func FuzzRead(f *testing.F) {
	g, err := geo.Load()
	if err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	if err := tinyRecognizer(f, g).Write(&buf); err != nil {
		f.Fatal(err)
	}
	good := buf.Bytes()
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte{})
	raw := gunzip(f, good)
	f.Add(gz(raw))
	f.Add(gz(raw[:len(raw)/2]))
	for _, i := range []int{len(magic), len(magic) + 1, len(magic) + 3, len(raw) / 2, len(raw) - 2} {
		if i < len(raw) {
			d := bytes.Clone(raw)
			d[i] ^= 0xff
			f.Add(gz(d))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, in := range [][]byte{data, gz(data)} {
			r, err := ReadWith(bytes.NewReader(in), g)
			if err != nil {
				if !errors.Is(err, ErrModel) {
					t.Fatalf("error %v does not wrap ErrModel", err)
				}
				continue
			}
			labels := r.TagWords(strings.Fields("Kerry met Lavrov in Brussels ."), nil)
			checkIOB2(t, labels)
		}
	})
}

// TestViterbi checks that decoding never takes a transition BILOU forbids,
// whatever the scores, and honours a mask.
func TestViterbi(t *testing.T) {
	var trans [numLabels + 1][numLabels]int32
	for _, c := range []struct {
		name string
		best []uint8 // the label each word scores highest alone
		mask []uint32
	}{
		{"I after O", []uint8{labelO, label(0, posI), labelO}, nil},
		{"B at the end", []uint8{labelO, label(1, posB)}, nil},
		{"type change inside", []uint8{label(0, posB), label(1, posL)}, nil},
		{"L first", []uint8{label(2, posL)}, nil},
		{"masked", []uint8{label(0, posU), labelO}, []uint32{1 << labelO, 1 << label(3, posU)}},
	} {
		n := len(c.best)
		em := make([]int32, n*numLabels)
		for i, l := range c.best {
			em[i*numLabels+int(l)] = 100
		}
		out := make([]uint8, n)
		viterbi(em, &trans, c.mask, nil, out)
		prev := uint8(start)
		for i, l := range out {
			if !allowed(prev, l) || c.mask != nil && c.mask[i]&(1<<l) == 0 {
				t.Errorf("%s: invalid labels %v", c.name, out)
				break
			}
			prev = l
		}
		if !canEnd(prev) {
			t.Errorf("%s: ends with %d", c.name, prev)
		}
	}
}
