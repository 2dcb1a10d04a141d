package quote

import (
	"unicode"

	"github.com/eventwire/eventwire"
)

// seg is one stretch of text inside quote marks. open is the offset of the
// opening mark; close is the offset of the closing mark, or the end of the
// paragraph (trimmed of spaces) when the quote is left open there. The
// quoted words are [open+1, close).
type seg struct {
	open, close int
	para        int
	closed      bool
	// next is the index of the segment that continues this quote in the
	// next paragraph, -1 if none; prev the one it continues.
	next, prev int
	used       bool
}

func (s seg) inner() eventwire.Span { return eventwire.Span{Start: s.open + 1, End: s.close} }

// outer is the segment with its marks.
func (s seg) outer() eventwire.Span {
	if s.closed {
		return eventwire.Span{Start: s.open, End: s.close + 1}
	}
	return eventwire.Span{Start: s.open, End: s.close}
}

func isDoubleOpen(r rune) bool  { return r == '“' || r == '„' || r == '«' || r == '‟' }
func isDoubleClose(r rune) bool { return r == '”' || r == '»' }

// isSpaceOrStart reports whether the rune before a mark lets it open a
// quote: a space, an opening bracket, a dash or the start of the text.
func opensAfter(r rune) bool {
	return unicode.IsSpace(r) || r == '(' || r == '[' || r == '{' || r == '—' || r == '–' || r == '-' || r == '/' || isDoubleOpen(r) || r == '"'
}

// closesBefore reports whether the rune after a mark lets it close a
// quote: a space, punctuation or the end of the text.
func closesBefore(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '(' && r != '[' || r == '…'
}

// marks finds the quoted stretches of every paragraph, outside the spans
// that cleaning marked as boilerplate.
func marks(doc *eventwire.Doc, segs []seg) []seg {
	paras := doc.Paragraphs
	if len(paras) == 0 && len(doc.Runes) > 0 {
		paras = []eventwire.Span{{Start: 0, End: len(doc.Runes)}}
	}
	rs := doc.Runes
	skipped := doc.Skipped()
	pending := -1 // segment left open at the end of the previous paragraph
	for pi, p := range paras {
		if inSkipped(skipped, p) {
			pending = -1
			continue
		}
		first := firstNonSpace(rs, p)
		if pending >= 0 && (first < 0 || !isOpenMark(rs, first, p)) {
			pending = -1
		}
		open, sopen := -1, -1
		for i := p.Start; i < p.End; i++ {
			r := rs[i]
			prev, next := ' ', ' '
			if i > p.Start {
				prev = rs[i-1]
			}
			if i+1 < p.End {
				next = rs[i+1]
			}
			switch {
			case isDoubleOpen(r):
				if open >= 0 && !unicode.IsSpace(prev) && closesBefore(next) {
					// A „ or « used as a closing mark is not handled; treat
					// the stray as the end of the open quote.
					segs = addSeg(segs, open, i, pi, true, &pending)
					open = -1
					continue
				}
				open, sopen = i, -1
			case isDoubleClose(r):
				if open >= 0 {
					segs = addSeg(segs, open, i, pi, true, &pending)
					open = -1
				}
				sopen = -1
			case r == '"':
				looksOpen := opensAfter(prev) && !unicode.IsSpace(next)
				looksClose := !unicode.IsSpace(prev) && closesBefore(next)
				switch {
				case open < 0 && !looksClose || open < 0 && looksOpen:
					open, sopen = i, -1
				case open >= 0 && (!looksOpen || looksClose):
					segs = addSeg(segs, open, i, pi, true, &pending)
					open = -1
				case open >= 0:
					// An opening mark while a quote is open: the earlier
					// mark was stray.
					open, sopen = i, -1
				}
			case open < 0 && (r == '‘' || r == '\''):
				if sopen < 0 && opensAfter(prev) && (unicode.IsLetter(next) || unicode.IsDigit(next)) {
					sopen = i
				} else if sopen >= 0 && i > sopen+1 && !unicode.IsSpace(prev) && closesBefore(next) {
					if hasSpace(rs[sopen:i]) {
						segs = addSeg(segs, sopen, i, pi, true, &pending)
					}
					sopen = -1
				}
			case open < 0 && r == '’':
				if sopen >= 0 && i > sopen+1 && !unicode.IsSpace(prev) && closesBefore(next) {
					if hasSpace(rs[sopen:i]) {
						segs = addSeg(segs, sopen, i, pi, true, &pending)
					}
					sopen = -1
				}
			}
		}
		if open >= 0 {
			end := p.End
			for end > open+1 && unicode.IsSpace(rs[end-1]) {
				end--
			}
			n := len(segs)
			segs = addSeg(segs, open, end, pi, false, &pending)
			if len(segs) > n {
				pending = len(segs) - 1
			}
		} else {
			pending = -1
		}
	}
	return segs
}

// addSeg appends a segment, linking it to the quote left open in the
// previous paragraph when it is the first of its paragraph.
func addSeg(segs []seg, open, close, para int, closed bool, pending *int) []seg {
	if close <= open+1 {
		*pending = -1
		return segs // nothing inside the marks
	}
	s := seg{open: open, close: close, para: para, closed: closed, next: -1, prev: -1}
	if *pending >= 0 && segs[*pending].para == para-1 {
		s.prev = *pending
		segs[*pending].next = len(segs)
	}
	*pending = -1
	return append(segs, s)
}

func isOpenMark(rs []rune, i int, p eventwire.Span) bool {
	if isDoubleOpen(rs[i]) {
		return true
	}
	return rs[i] == '"' && i+1 < p.End && !unicode.IsSpace(rs[i+1])
}

func firstNonSpace(rs []rune, p eventwire.Span) int {
	for i := p.Start; i < p.End; i++ {
		if !unicode.IsSpace(rs[i]) {
			return i
		}
	}
	return -1
}

func inSkipped(skipped []eventwire.Span, p eventwire.Span) bool {
	for _, s := range skipped {
		if s.Start <= p.Start && p.End <= s.End {
			return true
		}
	}
	return false
}

// hasSpace reports whether a single-quoted stretch has two words or more:
// "'n'" in "rock 'n' roll" is no quotation.
func hasSpace(rs []rune) bool {
	for _, r := range rs {
		if unicode.IsSpace(r) {
			return true
		}
	}
	return false
}
