package eval

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/eventwire/eventwire"
)

// ErrPolNeAR is wrapped by the errors that PolNeARFile returns for a
// malformed gold file.
var ErrPolNeAR = errors.New("bad PolNeAR file")

// QuoteFinder returns the quotations of an article (a pipeline followed by
// the quote stage).
type QuoteFinder func(a eventwire.Article) ([]eventwire.Quote, error)

// PolNeARScores are the figures of `eventwire eval polnear`. A gold
// attribution is found when a predicted quote of the same class covers more
// than half of its content; a predicted quote is right when it covers more
// than half of a gold content of its class, or more than half of it lies in
// one. "Source" figures also ask that the predicted speaker overlap the
// gold source (or that both be absent).
type PolNeARScores struct {
	Documents, Attributions int
	// Quoted counts direct and mixed quotations (PolNeAR's
	// quote_type_heuristic), Direct only direct ones.
	Quoted, QuotedSource, Direct, DirectSource QuotePRF
}

// QuotePRF is precision, recall and F1 where one prediction may match
// several gold items and the other way round: Correct counts the right
// predictions (for precision), Found the gold items found (for recall).
type QuotePRF struct {
	Gold, Predicted, Correct, Found int
	Precision, Recall, F1           float64
}

func (p *QuotePRF) compute() {
	p.Precision = ratio(p.Correct, p.Predicted)
	p.Recall = ratio(p.Found, p.Gold)
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
}

func (s PolNeARScores) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "PolNeAR: %d documents, %d attributions\n", s.Documents, s.Attributions)
	fmt.Fprintf(&b, "%-22s %7s %7s %7s %7s %7s\n", "", "gold", "pred", "P", "R", "F1")
	row := func(name string, p QuotePRF) {
		fmt.Fprintf(&b, "%-22s %7d %7d %6.2f%% %6.2f%% %6.2f%%\n", name, p.Gold, p.Predicted,
			100*p.Precision, 100*p.Recall, 100*p.F1)
	}
	row("quoted", s.Quoted)
	row("quoted, source right", s.QuotedSource)
	row("direct", s.Direct)
	row("direct, source right", s.DirectSource)
	b.WriteString("Match: more than half of the gold content covered (or of the predicted quote inside it).")
	return b.String()
}

type polnearDoc struct {
	DocID        string `json:"doc_id"`
	Title        string `json:"title"`
	Publisher    string `json:"publisher"`
	Text         string `json:"text"`
	Attributions []struct {
		ID       string           `json:"id"`
		Source   []eventwire.Span `json:"source"`
		Content  []eventwire.Span `json:"content"`
		NoSource bool             `json:"no_source"`
		Type     *string          `json:"quote_type_heuristic"`
	} `json:"attributions"`
}

// PolNeARFile scores a quote finder on a PolNeAR JSONL file (gzip or plain,
// detected): one annotated document a line.
func PolNeARFile(path string, find QuoteFinder) (PolNeARScores, error) {
	f, err := os.Open(path)
	if err != nil {
		return PolNeARScores{}, err
	}
	defer f.Close()
	br := bufio.NewReader(f)
	var r io.Reader = br
	if head, _ := br.Peek(2); len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return PolNeARScores{}, fmt.Errorf("%s: %w", path, err)
		}
		r = zr
	}
	return PolNeAR(r, path, find)
}

// PolNeAR scores a quote finder on PolNeAR JSONL read from r; name names
// the input in errors.
func PolNeAR(r io.Reader, name string, find QuoteFinder) (PolNeARScores, error) {
	var sc PolNeARScores
	lines := bufio.NewScanner(r)
	lines.Buffer(make([]byte, 1<<20), 64<<20)
	line := 0
	cache := map[string][]eventwire.Quote{}
	for lines.Scan() {
		line++
		if len(strings.TrimSpace(lines.Text())) == 0 {
			continue
		}
		var d polnearDoc
		if err := json.Unmarshal(lines.Bytes(), &d); err != nil {
			return sc, fmt.Errorf("%s:%d: %w: %w", name, line, ErrPolNeAR, err)
		}
		qs, ok := cache[d.DocID+"\x00"+d.Text]
		if !ok {
			var err error
			qs, err = find(eventwire.Article{ID: d.DocID, Title: d.Title, Source: d.Publisher, Text: d.Text,
				Origin: eventwire.Origin{Name: name, Line: line}})
			if err != nil {
				return sc, err
			}
			cache[d.DocID+"\x00"+d.Text] = qs
		}
		sc.Documents++
		sc.Attributions += len(d.Attributions)
		var quoted, direct []goldAttr
		for _, a := range d.Attributions {
			g := goldAttr{content: a.Content, source: a.Source, noSource: a.NoSource}
			if a.Type == nil {
				continue
			}
			switch *a.Type {
			case "direct":
				direct = append(direct, g)
				quoted = append(quoted, g)
			case "mixed":
				quoted = append(quoted, g)
			}
		}
		var pq, pd []eventwire.Quote
		for _, q := range qs {
			switch q.Kind {
			case eventwire.Direct:
				pd = append(pd, q)
				pq = append(pq, q)
			case eventwire.Mixed:
				pq = append(pq, q)
			}
		}
		scoreQuotes(&sc.Quoted, &sc.QuotedSource, quoted, pq)
		scoreQuotes(&sc.Direct, &sc.DirectSource, direct, pd)
	}
	if err := lines.Err(); err != nil {
		return sc, fmt.Errorf("%s: %w", name, err)
	}
	for _, p := range []*QuotePRF{&sc.Quoted, &sc.QuotedSource, &sc.Direct, &sc.DirectSource} {
		p.compute()
	}
	return sc, nil
}

type goldAttr struct {
	content, source []eventwire.Span
	noSource        bool
}

func overlap(a eventwire.Span, bs []eventwire.Span) int {
	n := 0
	for _, b := range bs {
		if o := min(a.End, b.End) - max(a.Start, b.Start); o > 0 {
			n += o
		}
	}
	return n
}

func spansLen(bs []eventwire.Span) int {
	n := 0
	for _, b := range bs {
		n += b.Len()
	}
	return n
}

// matches reports whether a predicted quote matches a gold attribution.
func (g goldAttr) matches(q eventwire.Quote) bool {
	o := overlap(eventwire.Span{Start: q.Start, End: q.End}, g.content)
	return 2*o > spansLen(g.content) || 2*o > q.End-q.Start
}

// covers reports whether the quote covers more than half of the gold content.
func (g goldAttr) covers(q eventwire.Quote) bool {
	return 2*overlap(eventwire.Span{Start: q.Start, End: q.End}, g.content) > spansLen(g.content)
}

func (g goldAttr) sourceRight(q eventwire.Quote) bool {
	if q.Speaker == nil {
		return g.noSource || len(g.source) == 0
	}
	return overlap(eventwire.Span{Start: q.Speaker.Start, End: q.Speaker.End}, g.source) > 0
}

func scoreQuotes(plain, source *QuotePRF, gold []goldAttr, pred []eventwire.Quote) {
	plain.Gold += len(gold)
	source.Gold += len(gold)
	plain.Predicted += len(pred)
	source.Predicted += len(pred)
	for _, g := range gold {
		found, right := false, false
		for _, q := range pred {
			if g.covers(q) {
				found = true
				right = right || g.sourceRight(q)
			}
		}
		if found {
			plain.Found++
		}
		if right {
			source.Found++
		}
	}
	for _, q := range pred {
		ok, right := false, false
		for _, g := range gold {
			if g.matches(q) {
				ok = true
				right = right || g.sourceRight(q)
			}
		}
		if ok {
			plain.Correct++
		}
		if right {
			source.Correct++
		}
	}
}
