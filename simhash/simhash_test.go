package simhash_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/newscorpus"
	"github.com/eventwire/eventwire/simhash"
)

// Invented texts.
const (
	story = `Rescue workers pulled three fishermen from the sea off the northern coast on Tuesday after their boat capsized in a storm, the coastguard said. The men, who had been in the water for six hours, were taken to hospital in the port town and were said to be in a stable condition. A fourth crew member is still missing and the search will resume at first light, a spokeswoman for the coastguard told reporters.`
	other = `The central bank left its main interest rate unchanged on Thursday, saying inflation had eased for a third month but that wage growth remained too strong to justify a cut. Economists had expected the decision, and the currency barely moved after the announcement. The bank's governor said the board would watch the labour market closely before its next meeting in March.`
)

func dist(a, b string) int {
	ha, _ := simhash.Sum(a)
	hb, _ := simhash.Sum(b)
	return simhash.Distance(ha, hb)
}

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		name     string
		a, b     string
		min, max int
	}{
		{"same text", story, story, 0, 0},
		{"case, punctuation and spacing", story, strings.ToUpper(strings.NewReplacer(",", " ", ".", " ;", " ", "\n  ").Replace(story)), 0, 0},
		{"one word changed (70 words: each shingle weighs much)", story, strings.Replace(story, "three", "four", 1), 0, 12},
		{"one word dropped", story, strings.Replace(story, " northern", "", 1), 0, 12},
		{"dateline added", story, "LONDON (Wire) - " + story, 0, 12},
		{"last sentence cut", story, story[:strings.LastIndex(story, " A fourth")], 0, 16},
		{"unrelated", story, other, 16, 64},
	} {
		if d := dist(tc.a, tc.b); d < tc.min || d > tc.max {
			t.Errorf("%s: distance %d, want %d to %d", tc.name, d, tc.min, tc.max)
		}
	}
}

func TestSumShingles(t *testing.T) {
	for _, tc := range []struct {
		text     string
		shingles int
	}{
		{"", 0},
		{" ,.; ", 0},
		{"one", 1},
		{"one two", 1},
		{"one two three", 1},
		{"one two three four", 2},
		{"Über-Straße, 12 mai", 2}, // über straße 12 mai
	} {
		if h, n := simhash.Sum(tc.text); n != tc.shingles || (n == 0) != (h == 0) {
			t.Errorf("Sum(%q) = %#x, %d shingles; want %d", tc.text, h, n, tc.shingles)
		}
	}
}

func TestBlocks(t *testing.T) {
	h := simhash.Hash(0x1111222233334444)
	if got, want := h.Blocks(), [4]uint16{0x4444, 0x3333, 0x2222, 0x1111}; got != want {
		t.Errorf("Blocks = %#x, want %#x", got, want)
	}
	// Pigeonhole: any three flipped bits leave a block unchanged.
	for i := range 64 {
		for j := i; j < 64; j++ {
			for k := j; k < 64; k++ {
				g := h ^ 1<<i ^ 1<<j ^ 1<<k
				a, b := h.Blocks(), g.Blocks()
				if a[0] != b[0] && a[1] != b[1] && a[2] != b[2] && a[3] != b[3] {
					t.Fatalf("bits %d %d %d: no block in common", i, j, k)
				}
			}
		}
	}
}

// FuzzSum checks properties for any text: a text is at distance 0 from
// itself and from itself re-spaced and upper-cased (when upper case keeps
// its words), and appending one word moves the hash little once the text
// is long.
func FuzzSum(f *testing.F) {
	f.Add(story)
	f.Add(other)
	f.Add("")
	f.Add("a b")
	f.Fuzz(func(t *testing.T, text string) {
		h, n := simhash.Sum(text)
		if h2, n2 := simhash.Sum(text); h2 != h || n2 != n {
			t.Fatalf("Sum not deterministic")
		}
		if h3, n3 := simhash.Sum(" " + strings.Join(strings.Fields(text), "\n\t") + " ."); h3 != h || n3 != n {
			t.Fatalf("re-spacing changed the hash: %#x/%d vs %#x/%d", h, n, h3, n3)
		}
		if n >= 200 {
			if h4, _ := simhash.Sum(text + " zzyzx"); simhash.Distance(h, h4) > 8 {
				t.Fatalf("one word appended to %d shingles moved %d bits", n, simhash.Distance(h, h4))
			}
		}
	})
}

func ExampleSum() {
	a, _ := simhash.Sum("Rescue workers pulled three fishermen from the sea off the northern coast on Tuesday after their boat capsized in a storm.")
	b, _ := simhash.Sum("RESCUE WORKERS pulled three fishermen from the sea off the northern coast on Tuesday, after their boat capsized in a storm")
	fmt.Println(simhash.Distance(a, b))
	// Output: 0
}

func BenchmarkSum(b *testing.B) {
	dir, ok := newscorpus.DataDir()
	if !ok {
		b.Skip("no ../shared/data: the news corpora are not here")
	}
	arts, err := newscorpus.All(dir)
	if err != nil {
		b.Fatal(err)
	}
	var size, words int
	for _, a := range arts {
		size += len(a.Text)
		words += len(strings.Fields(a.Text))
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			simhash.Sum(a.Text)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
