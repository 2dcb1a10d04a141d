package eval

import (
	"errors"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
)

// polnearLine is one invented article in PolNeAR's JSONL format (no text
// of the corpus), with three attributions.
const polnearLine = `{"doc_id":"d1","title":"T","text":"“Yes,” Ann said. Bob said no. “Go,” Cy said.","attributions":[` +
	`{"id":"E1","source":[{"start":7,"end":10}],"content":[{"start":0,"end":6}],"no_source":false,"quote_type_heuristic":"direct"},` +
	`{"id":"E2","source":[{"start":17,"end":20}],"content":[{"start":26,"end":28}],"no_source":false,"quote_type_heuristic":"indirect"},` +
	`{"id":"E3","source":[{"start":36,"end":38}],"content":[{"start":30,"end":35}],"no_source":false,"quote_type_heuristic":"direct"}]}`

func quoteAt(kind string, s, e, ss, se int) eventwire.Quote {
	return eventwire.Quote{Kind: kind, Start: s, End: e, Speaker: &eventwire.Speaker{Start: ss, End: se}}
}

func TestPolNeAR(t *testing.T) {
	tests := []struct {
		name                        string
		quotes                      []eventwire.Quote
		found, right, pred, correct int // quoted: gold found, found with source, predicted, correct
	}{
		{"all right", []eventwire.Quote{quoteAt("direct", 1, 5, 7, 10), quoteAt("direct", 31, 34, 36, 38)}, 2, 2, 2, 2},
		{"wrong speaker", []eventwire.Quote{quoteAt("direct", 1, 5, 17, 20)}, 1, 0, 1, 1},
		{"indirect not counted", []eventwire.Quote{quoteAt("indirect", 1, 5, 7, 10)}, 0, 0, 0, 0},
		{"spurious", []eventwire.Quote{quoteAt("mixed", 11, 29, 7, 10)}, 0, 0, 1, 0},
	}
	for _, tt := range tests {
		sc, err := PolNeAR(strings.NewReader(polnearLine+"\n"), "test", func(eventwire.Article) ([]eventwire.Quote, error) { return tt.quotes, nil })
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		q, qs := sc.Quoted, sc.QuotedSource
		if q.Gold != 2 || q.Found != tt.found || qs.Found != tt.right || q.Predicted != tt.pred || q.Correct != tt.correct {
			t.Errorf("%s: quoted %+v, source %+v; want found %d, right %d, predicted %d, correct %d",
				tt.name, q, qs, tt.found, tt.right, tt.pred, tt.correct)
		}
	}
}

func TestPolNeARBadLine(t *testing.T) {
	_, err := PolNeAR(strings.NewReader(polnearLine+"\n{bad\n"), "gold.jsonl", func(eventwire.Article) ([]eventwire.Quote, error) { return nil, nil })
	if !errors.Is(err, ErrPolNeAR) || !strings.Contains(err.Error(), "gold.jsonl:2") {
		t.Errorf("error %v, want ErrPolNeAR at gold.jsonl:2", err)
	}
}
