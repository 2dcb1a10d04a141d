package text

import (
	"sort"

	"github.com/eventwire/eventwire"
)

// Segment splits doc.Runes into paragraphs, sentences and tokens, skipping
// the spans in doc.Skipped() (dateline and boilerplate marked by the
// earlier clean stage). It sets doc.Paragraphs and doc.Sentences. It never
// changes doc.Text or doc.Runes.
func Segment(doc *eventwire.Doc) {
	rs := doc.Runes
	doc.Paragraphs = nil
	doc.Sentences = nil
	if len(rs) == 0 {
		return
	}
	var skips []eventwire.Span
	if doc.Dateline != nil || len(doc.Boilerplate) > 0 {
		skips = mergeSpans(doc.Skipped(), len(rs))
	}
	g := segmenter{
		rs:    rs,
		skips: skips,
		toks:  make([]eventwire.Token, 0, len(rs)/4+16),
		sents: make([]eventwire.Sentence, 0, len(rs)/100+4),
		paras: make([]eventwire.Span, 0, len(rs)/100+4),
		cuts:  make([]cut, 0, 16),
	}
	g.paragraphs()
	for i, p := range g.paras {
		// Sentences never cross a skipped span: segment the text between
		// them on its own.
		a := p.Start
		for _, s := range g.skipsIn(p.Start, p.End) {
			if a < s.Start {
				g.sentences(a, s.Start, i)
			}
			a = max(a, s.End)
		}
		if a < p.End {
			g.sentences(a, p.End, i)
		}
	}
	doc.Paragraphs = g.paras
	doc.Sentences = g.sents
}

type segmenter struct {
	rs    []rune
	skips []eventwire.Span  // sorted, disjoint, non-empty, inside the text
	toks  []eventwire.Token // the tokens of all sentences
	seg   []eventwire.Token // the tokens of the text being split, at the end of toks
	spare []eventwire.Token // a copy of seg when it has to be rebuilt
	cuts  []cut
	sents []eventwire.Sentence
	paras []eventwire.Span
}

// mergeSpans clips the sorted spans to [0, n), drops empty ones and merges
// those that overlap or touch.
func mergeSpans(spans []eventwire.Span, n int) []eventwire.Span {
	out := spans[:0]
	for _, s := range spans {
		s.Start, s.End = max(s.Start, 0), min(s.End, n)
		if s.Start >= s.End {
			continue
		}
		if k := len(out) - 1; k >= 0 && s.Start <= out[k].End {
			out[k].End = max(out[k].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

// skipsIn returns the skipped spans that overlap [a, b).
func (g *segmenter) skipsIn(a, b int) []eventwire.Span {
	i := sort.Search(len(g.skips), func(i int) bool { return g.skips[i].End > a })
	j := i
	for j < len(g.skips) && g.skips[j].Start < b {
		j++
	}
	return g.skips[i:j]
}

// visible returns the first and last+1 offsets of the code points in [a, b)
// that are neither white space nor skipped; ok is false when there are none.
func (g *segmenter) visible(a, b int) (first, last int, ok bool) {
	first = -1
	for _, s := range g.skipsIn(a, b) {
		g.visibleGap(a, min(s.Start, b), &first, &last)
		a = max(a, s.End)
	}
	g.visibleGap(a, b, &first, &last)
	return first, last, first >= 0
}

func (g *segmenter) visibleGap(a, b int, first, last *int) {
	if a >= b {
		return
	}
	i := a
	for i < b && isSpace(g.rs[i]) {
		i++
	}
	if i == b {
		return
	}
	if *first < 0 {
		*first = i
	}
	j := b
	for isSpace(g.rs[j-1]) {
		j--
	}
	*last = j
}

// A line of the text, without its line break. Lengths are capped at
// maxLen.
type line struct {
	start, end int
	indent     uint16 // leading white space; a tab counts 4
	length     uint16 // code points up to the last non-space one, indent included
	word       uint16 // length of the first word
	blank      bool   // nothing but white space and skipped text
	bullet     bool   // starts with a list marker
	lower      bool   // starts with a lower-case word ("eBay" does not count)
	final      bool   // ends a sentence: a full stop after no abbreviation, ? ! : or a closing quote
	open       bool   // ends with a comma, a hyphen, a word such as "and" or "the", or a title
	initial    bool   // ends with an initial: "P."
}

const maxLen = 1 << 15

// paragraphs finds the paragraphs: see the package comment for the rule.
func (g *segmenter) paragraphs() {
	rs := g.rs
	lines := make([]line, 0, len(rs)/40+4)
	for i := 0; i < len(rs); {
		e := i
		for e < len(rs) {
			if r := rs[e]; uint32(r-0x0e) < 0x85-0x0e || !isNewline(r) {
				e++
				continue
			}
			break
		}
		lines = append(lines, line{})
		g.lineAt(&lines[len(lines)-1], i, e)
		if e < len(rs) && rs[e] == '\r' && e+1 < len(rs) && rs[e+1] == '\n' {
			e++
		}
		i = e + 1
	}

	// Is the text hard-wrapped? Look at the line breaks that neither a
	// blank line, an indented line nor a list item explains.
	var hist [257]int32
	n := 0
	for k := 0; k+1 < len(lines); k++ {
		a, b := &lines[k], &lines[k+1]
		if !a.blank && !b.blank && !hardBreak(a, b) {
			hist[min(a.length, 256)]++
			n++
		}
	}
	width := 0
	if n >= 2 {
		// The wrap width: the 90th percentile of those lines' lengths.
		need, sum := int32((n*9+9)/10), int32(0)
		for width = 0; width < 256; width++ {
			if sum += hist[width]; sum >= need {
				break
			}
		}
		full := 0
		for k := 0; k+1 < len(lines); k++ {
			a, b := &lines[k], &lines[k+1]
			if !a.blank && !b.blank && !hardBreak(a, b) && int(a.length)+1+int(b.word) > width {
				full++
			}
		}
		// Wrapped text fills its lines: the next word would not have fit
		// on nearly every line.
		if width < 30 || width >= 256 || full*10 < n*6 {
			width = 0
		}
	}

	start := -1 // first line of the current paragraph
	for k := range lines {
		l := &lines[k]
		if l.blank {
			if start >= 0 {
				g.addParagraph(lines[start].start, lines[k-1].end)
				start = -1
			}
			continue
		}
		if start < 0 {
			start = k
		}
		if k+1 < len(lines) {
			b := &lines[k+1]
			if b.blank {
				continue
			}
			if softWrap(l, b, width) {
				continue
			}
		}
		g.addParagraph(lines[start].start, l.end)
		start = -1
	}
}

// softWrap reports whether the line break between the non-blank lines a
// and b is a mere wrap inside a paragraph. width is the wrap width of a
// hard-wrapped text, 0 when the text is not hard-wrapped.
func softWrap(a, b *line, width int) bool {
	switch {
	case hardBreak(a, b):
		return false
	case a.open || b.lower && !a.final:
		return true // "... in the\nhouse", "... in\ncomplex refineries"
	case width == 0:
		return false
	case b.indent < a.indent || a.initial:
		return true // the first line of an indented paragraph, "Arthur P.\nYoung"
	}
	return int(a.length)+1+int(b.word) > width // b's first word would not have fit on a
}

// hardBreak reports whether the break between two non-blank lines ends a
// paragraph whatever the wrapping: the next line is indented deeper or is
// a list item. A lower-case line that continues an unfinished one is no
// new paragraph, however indented.
func hardBreak(a, b *line) bool {
	return b.indent > a.indent && !(b.lower && !a.final) || b.bullet
}

// lineAt describes the line rs[s:e] in l.
func (g *segmenter) lineAt(l *line, s, e int) {
	rs := g.rs
	l.start, l.end = s, e
	i := s
	indent := 0
	for i < e && isSpace(rs[i]) {
		if rs[i] == '\t' {
			indent += 4
		} else {
			indent++
		}
		i++
	}
	l.indent = uint16(min(indent, maxLen))
	if i == e {
		l.blank = true
		return
	}
	j := e
	for isSpace(rs[j-1]) {
		j--
	}
	l.length = uint16(min(j-s, maxLen))
	w := i
	for w < j && !isSpace(rs[w]) {
		w++
	}
	l.word = uint16(min(w-i, maxLen))
	l.bullet = w < j && isListMarker(rs[i:w])
	l.lower = isLower(rs[i]) && !(i+1 < w && isUpper(rs[i+1]))
	switch rs[j-1] {
	case '.':
		// Not after an abbreviation: "... Edward A. Neer Jr.\nhas been named"
		v := j - 1
		for v > i && !isSpace(rs[v-1]) {
			v--
		}
		w := rs[v : j-1]
		l.final = !isAbbreviation(w)
		// A title asks for the name ("Gen.\nSmith"), and so does an
		// initial in hard-wrapped text ("Arthur P.\nYoung").
		l.open = len(w) > 1 && abbrevClass(w) == abTitle
		l.initial = len(w) == 1 && isUpper(w[0])
	case '!', '?', ':', '"', '”', '…':
		l.final = true
	case ',', '-':
		l.open = true
	default:
		v := j
		for v > i && isLetter(rs[v-1]) {
			v--
		}
		l.open = v < j && (v == i || !isWordRune(rs[v-1])) && j-v <= 4 && inSet(joiners, rs[v:j])
	}
	if len(g.skips) > 0 {
		_, _, ok := g.visible(i, j)
		l.blank = !ok
	}
}

// isAbbreviation reports whether w, followed by a full stop, is an
// abbreviation that does not end a sentence on its own.
func isAbbreviation(w []rune) bool {
	for len(w) > 0 && !isWordRune(w[0]) {
		w = w[1:] // "(Jr."
	}
	switch {
	case len(w) == 0:
		return false
	case len(w) == 1:
		return isUpper(w[0])
	case containsRune(w, '.'):
		n := 0 // letters since the last full stop: "U.S", "Ph.D"
		for _, r := range w {
			switch {
			case r == '.':
				n = 0
			case isLetter(r) && n < 2:
				n++
			default:
				return false
			}
		}
		return true
	}
	return abbrevClass(w) != abNone
}

// isListMarker reports whether the first word of a line marks a list item:
// a bullet ("-", "*", "•") or a number or letter with ")" or "." ("1.",
// "2)", "a)").
func isListMarker(w []rune) bool {
	if len(w) == 1 {
		return isBullet(w[0])
	}
	if len(w) > 4 {
		return false
	}
	last := w[len(w)-1]
	if last != '.' && last != ')' {
		return false
	}
	for _, r := range w[:len(w)-1] {
		if !isDigit(r) {
			return len(w) == 2 && last == ')' && isLetter(r)
		}
	}
	return true
}

// addParagraph adds the paragraph on lines [a, b), trimmed of white space
// and skipped text; a paragraph with nothing else is dropped.
func (g *segmenter) addParagraph(a, b int) {
	if first, last, ok := g.visible(a, b); ok {
		g.paras = append(g.paras, eventwire.Span{Start: first, End: last})
	}
}

// Kinds of sentence terminators.
const (
	tkNone     = iota
	tkStop     // .
	tkBang     // ! ? ?! and the full stops of other scripts
	tkEllipsis // ... …
	tkAbbrev   // an abbreviation with its full stop: "U.S."
)

// A cut ends a sentence of the segment being split after token end-1;
// split is the index of an abbreviation whose full stop becomes a token of
// its own, or -1.
type cut struct{ end, split int }

// sentences splits the tokens of rs[a:b] into sentences of paragraph para.
func (g *segmenter) sentences(a, b, para int) {
	s0 := len(g.toks)
	g.toks = Tokenize(g.toks, g.rs, a, b)
	g.seg = g.toks[s0:]
	g.cuts = g.cuts[:0]
	splits := false
	begin := 0
	for k := 0; k < len(g.seg); k++ {
		kind := g.terminator(k)
		if kind == tkNone {
			continue
		}
		m := g.closers(k + 1)
		if m >= len(g.seg) {
			break
		}
		if !g.ends(kind, begin, k, m) {
			continue
		}
		c := cut{end: m, split: -1}
		if kind == tkAbbrev {
			// As in UD English, the full stop of an abbreviation that
			// ends a sentence is the sentence's own: "U.S" ".".
			c.split = k
			splits = true
		}
		g.cuts = append(g.cuts, c)
		begin = m
		k = m - 1
	}
	if begin < len(g.seg) {
		g.cuts = append(g.cuts, cut{end: len(g.seg), split: -1})
	}
	if !splits {
		// The sentences share the tokens as they are.
		begin = s0
		for _, c := range g.cuts {
			g.addSentence(g.toks[begin:s0+c.end:s0+c.end], para)
			begin = s0 + c.end
		}
		return
	}
	// Rebuild the tokens with the split full stops.
	g.spare = append(g.spare[:0], g.seg...)
	g.toks = g.toks[:s0]
	begin = 0
	for _, c := range g.cuts {
		start := len(g.toks)
		if c.split < 0 {
			g.toks = append(g.toks, g.spare[begin:c.end]...)
		} else {
			t := g.spare[c.split]
			g.toks = append(g.toks, g.spare[begin:c.split]...)
			g.toks = append(g.toks, eventwire.Token{Start: t.Start, End: t.End - 1}, eventwire.Token{Start: t.End - 1, End: t.End})
			g.toks = append(g.toks, g.spare[c.split+1:c.end]...)
		}
		g.addSentence(g.toks[start:len(g.toks):len(g.toks)], para)
		begin = c.end
	}
}

func (g *segmenter) addSentence(toks []eventwire.Token, para int) {
	g.sents = append(g.sents, eventwire.Sentence{
		Start:     toks[0].Start,
		End:       toks[len(toks)-1].End,
		Paragraph: para,
		Tokens:    toks,
	})
}

func (g *segmenter) text(k int) []rune {
	t := g.seg[k]
	return g.rs[t.Start:t.End]
}

// terminator returns the kind of sentence terminator that token k is.
func (g *segmenter) terminator(k int) int {
	w := g.text(k)
	r := w[0]
	if len(w) == 1 {
		switch r {
		case '.':
			return tkStop
		case '!', '?', '‼', '⁇', '⁈', '⁉', '。', '！', '？', '｡', '؟', '۔', '।', '॥':
			return tkBang
		case '…':
			return tkEllipsis
		}
		return tkNone
	}
	if isWordRune(r) {
		if w[len(w)-1] == '.' {
			return tkAbbrev
		}
		return tkNone
	}
	if !isStopRune(r) {
		return tkNone
	}
	kind := tkEllipsis
	for _, c := range w {
		if c != '.' && c != '…' {
			kind = tkBang // ?! !!! .?
		}
	}
	return kind
}

// closers returns the index of the first token from m that is not a
// closing quote or bracket of the sentence that ends before m.
func (g *segmenter) closers(m int) int {
	for m < len(g.seg) {
		t := g.seg[m]
		r := g.rs[t.Start]
		if t.End-t.Start != 1 {
			if (r == ':' || r == ';') && t.End-t.Start <= 3 {
				m++ // an emoticon closes the sentence before it: "Great! :)"
				continue
			}
			break
		}
		if !isCloser(r) {
			break
		}
		if (r == '"' || r == '\'') && t.Start != g.seg[m-1].End {
			break // an ASCII quote after a space opens the next sentence
		}
		m++
	}
	return m
}

// ends decides whether the sentence that began at token begin ends after
// the terminator k and its closers, which the token m follows.
func (g *segmenter) ends(kind, begin, k, m int) bool {
	nx := g.text(m)
	if len(nx) == 1 && noStart(nx[0]) {
		return false // "U.S.," "?)"
	}
	// The first word, after opening quotes, brackets and dashes.
	w := m
	for w < len(g.seg) {
		t := g.text(w)
		if len(t) > 1 || !(isOpener(t[0]) || isDash(t[0]) || isBullet(t[0])) {
			break
		}
		w++
	}
	if w == len(g.seg) {
		return false
	}
	first := g.text(w)[0]
	if isURL(g.text(w)) {
		first = 'H' // a link after the sentence starts a new one
	}
	if isLower(first) {
		// `"Why?" he asked.` runs on, but an unquoted question followed
		// by a word does not: "Is it raining? the forecast said no".
		return kind == tkBang && w == m && m == k+1
	}
	switch kind {
	case tkStop:
		return !(k-begin == 1 && isMarker(g.text(begin))) // "1. The talks"
	case tkBang:
		return !g.attribution(k, m)
	case tkEllipsis:
		return isUpper(first)
	}
	// An abbreviation.
	word := g.text(k)
	word = word[:len(word)-1]
	if k == begin && isMarker(word) {
		return false // "A. The talks", "IV. Results"
	}
	var class uint8
	switch {
	case len(word) == 1:
		class = abStrict
	case containsRune(word, '.'):
		class = innerAbbrevClass(word)
	default:
		class = abbrevClass(word)
	}
	switch class {
	case abLoose:
		return isUpper(first)
	case abStrict:
		// ... in the U.S. The talks / ... in the U.S. "We are
		return isUpper(first) && (inSet(starters, g.text(w)) || w > m && isQuote(g.text(m)[0]))
	}
	return false
}

// attribution reports whether a quotation that ends with ! or ? at token k
// runs on with its speaker: `"Why?" Kerry asked.`
func (g *segmenter) attribution(k, m int) bool {
	quoted := false
	for i := k + 1; i < m; i++ {
		if isQuote(g.text(i)[0]) {
			quoted = true
		}
	}
	if !quoted || inSet(starters, g.text(m)) {
		return false
	}
	for i := m; i < len(g.seg) && i < m+4; i++ {
		w := g.text(i)
		if inSet(speechVerbs, w) {
			return i > m
		}
		if !isUpper(w[0]) {
			return false
		}
	}
	return false
}

// isURL reports whether w starts like a web address.
func isURL(w []rune) bool {
	return hasPrefixFold(w, "http") || hasPrefixFold(w, "www.")
}

// noStart reports whether a sentence cannot start with the punctuation r.
func noStart(r rune) bool {
	switch r {
	case ',', ';', ':', '.', '!', '?', '%', '…':
		return true
	}
	return isCloser(r) && !isOpener(r)
}

// isMarker reports whether w can number a list item: a number of up to
// three digits, a letter or a Roman numeral.
func isMarker(w []rune) bool {
	if len(w) == 1 {
		return isLetter(w[0]) || isDigit(w[0])
	}
	if len(w) > 4 {
		return false
	}
	digits, roman := true, true
	for _, r := range w {
		digits = digits && isDigit(r)
		switch r {
		case 'i', 'v', 'x', 'I', 'V', 'X':
		default:
			roman = false
		}
	}
	return digits && len(w) <= 3 || roman
}

func containsRune(rs []rune, r rune) bool {
	for _, c := range rs {
		if c == r {
			return true
		}
	}
	return false
}
