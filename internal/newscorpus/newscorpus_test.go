package newscorpus

import (
	"strings"
	"testing"
)

func TestLoad(t *testing.T) {
	dir, ok := DataDir()
	if !ok {
		t.Skip("../shared/data/news is absent; skipping the corpus loader test")
	}
	bbc, err := BBC(dir)
	if err != nil {
		t.Fatal(err)
	}
	reu, err := Reuters(dir)
	if err != nil {
		t.Fatal(err)
	}
	// The corpus README gives 2,225 BBC articles; Reuters-21578 has about
	// 19,000 stories with a body.
	if len(bbc) != 2225 {
		t.Errorf("BBC: %d articles, want 2225", len(bbc))
	}
	if len(reu) < 18000 {
		t.Errorf("Reuters: %d articles, want at least 18000", len(reu))
	}
	pol, err := PolNeAR(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(pol) < 500 {
		t.Errorf("PolNeAR: %d articles, want at least 500", len(pol))
	}
	for _, a := range append(append(bbc[:5], reu[:5]...), pol[:5]...) {
		if a.Title == "" || !strings.Contains(a.Text, a.Title) {
			t.Errorf("%s: title %q not in text", a.Origin, a.Title)
		}
	}
}
