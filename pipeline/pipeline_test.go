package pipeline

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
)

// articles yields n articles, with a source error in place of every k-th
// one (k = 0: none).
func articles(n, k int) iter.Seq2[eventwire.Article, error] {
	return func(yield func(eventwire.Article, error) bool) {
		for i := range n {
			var a eventwire.Article
			var err error
			if k > 0 && i%k == k-1 {
				err = fmt.Errorf("bad input %d", i)
			} else {
				a = eventwire.Article{ID: fmt.Sprint(i), Text: fmt.Sprintf("Article %d.\n\nIt says %d things. Then it stops.", i, i)}
			}
			if !yield(a, err) {
				return
			}
		}
	}
}

func TestRunKeepsInputOrder(t *testing.T) {
	for _, workers := range []int{1, 3, 8} {
		var got []string
		emit := func(d *eventwire.Doc) error { got = append(got, d.ID); return nil }
		fail := func(err error) { got = append(got, err.Error()) }
		st, err := newPipeline(t, Options{}).Run(context.Background(), articles(200, 7), workers, emit, fail, nil)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for i := range 200 {
			if i%7 == 6 {
				want = append(want, fmt.Sprintf("bad input %d", i))
			} else {
				want = append(want, fmt.Sprint(i))
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("workers=%d: output out of order:\n got %v\nwant %v", workers, got, want)
		}
		if st.Articles != 172 || st.Failed != 28 {
			t.Errorf("workers=%d: stats %+v, want 172 articles and 28 failed", workers, st)
		}
	}
}

func TestRunStopsOnEmitError(t *testing.T) {
	stop := errors.New("disk full")
	n := 0
	emit := func(*eventwire.Doc) error {
		if n++; n == 10 {
			return stop
		}
		return nil
	}
	st, err := newPipeline(t, Options{}).Run(context.Background(), articles(10000, 0), 4, emit, func(error) {}, nil)
	if !errors.Is(err, stop) {
		t.Fatalf("err = %v, want %v", err, stop)
	}
	if st.Articles != 9 {
		t.Errorf("emitted %d articles before the error, want 9", st.Articles)
	}
}

func TestRunStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	emit := func(*eventwire.Doc) error {
		if n++; n == 5 {
			cancel()
		}
		return nil
	}
	_, err := newPipeline(t, Options{}).Run(ctx, articles(1_000_000, 0), 2, emit, func(error) {}, nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if n > 5+4*2+2 {
		t.Errorf("emitted %d articles after cancelling at 5", n)
	}
}

func TestProcessFillsLayers(t *testing.T) {
	d, err := newPipeline(t, Options{}).Process(eventwire.Article{Text: "Talks Resume\n\nGENEVA (Reuters) - Envoys met on Monday. They said little."})
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != eventwire.TextID(d.Text) {
		t.Errorf("ID %q is not the text's hash", d.ID)
	}
	if d.Dateline == nil || d.Dateline.Place != "GENEVA" {
		t.Errorf("dateline = %+v, want GENEVA", d.Dateline)
	}
	var sents []string
	for _, s := range d.Sentences {
		sents = append(sents, d.Slice(eventwire.Span{Start: s.Start, End: s.End}))
	}
	want := []string{"Talks Resume", "Envoys met on Monday.", "They said little."}
	if strings.Join(sents, "|") != strings.Join(want, "|") {
		t.Errorf("sentences = %q, want %q", sents, want)
	}
}

// newPipeline builds a pipeline or fails the test.
func newPipeline(t testing.TB, opt Options) *Pipeline {
	t.Helper()
	p, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestRunLearnsInInputOrder checks that what one article teaches the actor
// stage reaches the articles after it, whatever the number of workers: the
// first article introduces a (fictional) minister with her title, the later
// ones name her bare.
func TestRunLearnsInInputOrder(t *testing.T) {
	texts := []string{
		"Minister visits Kiev\n\nMoldovan Foreign Minister Amara Velkova arrived in Kiev on Monday for talks on trade. Velkova said the talks would be difficult.",
		"Talks go on\n\nVelkova met officials in Paris on Tuesday.",
		"Trade deal\n\nVelkova said on Wednesday that a deal was close.",
	}
	for _, workers := range []int{1, 3} {
		p := newPipeline(t, Options{Entities: true})
		in := func(yield func(eventwire.Article, error) bool) {
			for _, s := range texts {
				a := eventwire.Article{Text: s, Published: "2024-05-06"}
				if !yield(a, nil) {
					return
				}
			}
		}
		var got []string
		emit := func(d *eventwire.Doc) error {
			code := ""
			for _, e := range d.Entities {
				if e.Name == "Amara Velkova" || e.Name == "Velkova" {
					if e.Actor != nil {
						code = e.Actor.Code
					}
				}
			}
			got = append(got, code)
			return nil
		}
		if _, err := p.Run(context.Background(), in, workers, emit, func(err error) { t.Error(err) }, nil); err != nil {
			t.Fatal(err)
		}
		if want := []string{"MDAGOV", "MDAGOV", "MDAGOV"}; !slices.Equal(got, want) {
			t.Errorf("workers=%d: Velkova coded %q, want %q", workers, got, want)
		}
	}
}
