package clean

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire"
)

// Clean marks the dateline and the boilerplate of doc: it sets doc.Dateline
// (nil when there is none) and doc.Boilerplate (sorted by Start,
// non-overlapping). It never changes doc.Text or doc.Runes: cleaning only
// marks spans that later stages skip.
func Clean(doc *eventwire.Doc) {
	doc.Dateline = nil
	doc.Boilerplate = nil
	rs := doc.Runes
	if len(rs) == 0 || len(rs) > math.MaxInt32 {
		// Lines keep 32-bit offsets; no article comes near 2^31 code points.
		return
	}

	var lineBuf [128]line
	lines := splitLines(rs, lineBuf[:0])

	// The title line: the first non-empty line, when it is doc.Title.
	first := -1
	for i := range lines {
		if lines[i].start < lines[i].end {
			first = i
			break
		}
	}
	if first < 0 {
		return
	}
	title := -1
	if isTitle(rs[lines[first].start:lines[first].end], doc.Title) {
		title = first
	}

	markDuplicates(rs, lines, title)

	last := -1
	for i := len(lines) - 1; i >= 0; i-- {
		if lines[i].start < lines[i].end {
			last = i
			break
		}
	}
	for i := range lines {
		l := &lines[i]
		if i == title || l.start == l.end || l.reason != none {
			continue
		}
		var next rune
		if i+1 < len(lines) && lines[i+1].start < lines[i+1].end {
			next = rs[lines[i+1].start]
		}
		classify(rs, l, i == last, next)
	}

	bodyStart := first
	if title >= 0 {
		bodyStart = title + 1
	}
	doc.Dateline = findDateline(rs, lines, title, bodyStart)

	n := 0
	for i := range lines {
		if lines[i].reason != none || lines[i].inReason != none {
			n++
		}
	}
	if n == 0 {
		return
	}
	out := make([]eventwire.Boilerplate, 0, n)
	for i := range lines {
		l := &lines[i]
		switch {
		case l.reason != none:
			out = append(out, eventwire.Boilerplate{Start: int(l.start), End: int(l.end), Reason: reasonNames[l.reason]})
		case l.inReason != none:
			out = append(out, eventwire.Boilerplate{Start: int(l.inStart), End: int(l.end), Reason: reasonNames[l.inReason]})
		}
	}
	doc.Boilerplate = out
}

// line is one line of the text. start and end are its bounds trimmed of
// white space (start == end for a blank line). It is kept small: Clean
// keeps the lines of an ordinary article in an array on its stack.
type line struct {
	start, end int32
	letters    int32
	words      int32
	inStart    int32  // start of the span that inReason marks
	reason     reason // whole-line boilerplate reason, or none
	inReason   reason // reason of a span from inStart to end, when reason is none
	mark       bool   // the line has a '/' or ':'
	copySign   bool   // the line has a '©'
}

// reason is a boilerplate reason of package eventwire, as a small number.
type reason uint8

const (
	none reason = iota
	duplicateLine
	photoCredit
	credits
	copyright
	link
)

var reasonNames = [...]string{
	none:          "",
	duplicateLine: eventwire.ReasonDuplicateLine,
	photoCredit:   eventwire.ReasonPhotoCredit,
	credits:       eventwire.ReasonCredits,
	copyright:     eventwire.ReasonCopyright,
	link:          eventwire.ReasonLink,
}

// Code point classes for the line scan.
const (
	clLetter = 1 << iota
	clSpace  // must be 2: splitLines shifts it
	clBreak
	clMark // '/' or ':'
	clCopy // '©'
)

// classTableSize bounds classTable: above it, class is computed inline.
const classTableSize = 0x3000

// classTable holds the class of every code point below classTableSize. It
// is built once at package initialisation and only read afterwards.
var classTable = func() (t *[classTableSize]uint8) {
	t = new([classTableSize]uint8)
	for r := rune(0); r < classTableSize; r++ {
		switch {
		case r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x85 || r == 0x2028 || r == 0x2029:
			t[r] = clBreak
		case isSpace(r):
			t[r] = clSpace
		case unicode.IsLetter(r):
			t[r] = clLetter
		case r == '/' || r == ':':
			t[r] = clMark
		case r == '©':
			t[r] = clCopy
		}
	}
	return t
}()

// class returns the class of r. Above classTableSize, all but two white
// space code points are counted as letters: the counts only decide which
// lines are long enough to compare for duplicates.
func class(r rune) uint8 {
	if uint32(r) < classTableSize {
		return classTable[r]
	}
	if r == 0x3000 || r == 0xfeff {
		return clSpace
	}
	return clLetter
}

// splitLines cuts rs into lines, trimming and measuring each in the same
// pass.
func splitLines(rs []rune, lines []line) []line {
	i := 0
	for {
		l, e := scanLine(rs[i:])
		l.start += int32(i)
		l.end += int32(i)
		lines = append(lines, l)
		i += e
		if i >= len(rs) {
			return lines
		}
		if rs[i] == '\r' && i+1 < len(rs) && rs[i+1] == '\n' {
			i++
		}
		i++
	}
}

// scanLine measures the line that opens rs and returns it with the offset
// of the line break that ends it (len(rs) when there is none). It is the
// hot loop of Clean: few live values, so that they stay in registers, and
// no branch on white space, which the processor cannot predict.
func scanLine(rs []rune) (line, int) {
	letters, words := 0, 0
	prevSpace := 1
	var all uint8
	i := 0
	for ; i < len(rs); i++ {
		c := class(rs[i])
		if c&clBreak != 0 {
			break
		}
		all |= c
		space := int(c>>1) & 1 // clSpace
		words += prevSpace &^ space
		prevSpace = space
		letters += int(c & clLetter)
	}
	start, end := i, i
	if words > 0 {
		start = 0
		for isSpace(rs[start]) {
			start++
		}
		for isSpace(rs[end-1]) {
			end--
		}
	}
	return line{
		start: int32(start), end: int32(end), letters: int32(letters), words: int32(words),
		mark: all&clMark != 0, copySign: all&clCopy != 0,
	}, i
}

// isSpace reports white space for trimming and word counting: Unicode white
// space, control characters, and the zero-width space and byte order mark
// that scraped text often carries.
func isSpace(r rune) bool {
	if r < 0x80 {
		return r <= ' ' || r == 0x7f
	}
	switch r {
	case 0x200b, 0xfeff:
		return true
	}
	return unicode.IsSpace(r)
}

// isTitle reports whether the trimmed line t is the title: the same text,
// taking each run of white space as one space and ignoring a final period
// that one of them has and the other lacks.
func isTitle(t []rune, title string) bool {
	title = strings.TrimFunc(title, isSpace)
	if title == "" {
		return false
	}
	t = trimPeriod(t)
	title = strings.TrimSuffix(title, ".")
	k := 0
	space := false
	for i := 0; i < len(title); {
		r, size := rune(title[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(title[i:])
		}
		i += size
		if isSpace(r) {
			space = true
			continue
		}
		if space {
			if k >= len(t) || !isSpace(t[k]) {
				return false
			}
			for k < len(t) && isSpace(t[k]) {
				k++
			}
			space = false
		}
		if k >= len(t) || t[k] != r {
			return false
		}
		k++
	}
	return k == len(t)
}

func trimPeriod(t []rune) []rune {
	if len(t) > 0 && t[len(t)-1] == '.' {
		return t[:len(t)-1]
	}
	return t
}

// markDuplicates marks the later occurrences of repeated lines. Lines are
// kept in an open-addressing table of line indexes keyed by a hash of what
// the line scan measured and of the first and last code points of the line,
// all blind to runs of white space; lines with the same key are compared in
// full.
func markDuplicates(rs []rune, lines []line, title int) {
	eligible := 0
	for i := range lines {
		if lines[i].letters >= minDupLetters && lines[i].words >= minDupWords {
			eligible++
		}
	}
	if eligible < 2 {
		return
	}
	size := 16
	for size < 2*eligible {
		size <<= 1
	}
	var tableBuf [128]int32
	var keyBuf [128]uint64
	var table []int32
	var keys []uint64
	if size <= len(tableBuf) {
		table = tableBuf[:size]
		keys = keyBuf[:size]
	} else {
		table = make([]int32, size)
		keys = make([]uint64, size)
	}
	mask := uint64(size - 1)
	for i := range lines {
		l := &lines[i]
		if l.letters < minDupLetters || l.words < minDupWords {
			continue
		}
		key := lineKey(rs, l)
		// Lines alike in all that the key sees ("Shr 1.20 dlrs vs 1.10
		// dlrs" in a table) share a probe chain; it is cut short so that no
		// text makes the search quadratic.
		for k, probes := key&mask, 0; probes < maxProbes; k, probes = (k+1)&mask, probes+1 {
			j := table[k]
			if j == 0 {
				table[k] = int32(i + 1)
				keys[k] = key
				break
			}
			p := &lines[j-1]
			if keys[k] == key && sameLine(rs[p.start:p.end], rs[l.start:l.end]) {
				if i != title {
					l.reason = duplicateLine
				}
				break
			}
		}
	}

	// Keep only runs of repeated lines that begin and end where a sentence
	// does, so that a wrapped line is never cut out of its paragraph.
	for a := 0; a < len(lines); {
		if lines[a].reason == none {
			a++
			continue
		}
		b := a
		for b+1 < len(lines) && lines[b+1].reason != none {
			b++
		}
		startOK := a == 0 || a-1 == title || lines[a-1].start == lines[a-1].end || endsSentence(rs, &lines[a-1])
		startOK = startOK && !isLower(rs[lines[a].start])
		endOK := b+1 == len(lines) || lines[b+1].start == lines[b+1].end || endsSentence(rs, &lines[b])
		if !startOK || !endOK {
			for k := a; k <= b; k++ {
				lines[k].reason = none
			}
		}
		a = b + 1
	}
}

// endsSentence reports whether the non-blank line l ends like a sentence, a
// caption or a heading that introduces what follows.
func endsSentence(rs []rune, l *line) bool {
	switch rs[l.end-1] {
	case '.', '!', '?', ')', ']', '"', '”', '’', '»', '…', ':', ';':
		return true
	}
	return false
}

// lineKey hashes the counts of a line and its first and last eight code
// points that are not white space: all blind to how long a run of white
// space is, so that lines that differ only there get the same key.
func lineKey(rs []rune, l *line) uint64 {
	h := uint64(l.letters)<<32 ^ uint64(l.words)
	h *= 0x9e3779b97f4a7c15
	for i, n := l.start, 0; i < l.end && n < 8; i++ {
		if !isSpace(rs[i]) {
			h = (h ^ uint64(rs[i])) * 0x100000001b3
			n++
		}
	}
	for i, n := l.end-1, 0; i >= l.start && n < 8; i-- {
		if !isSpace(rs[i]) {
			h = (h ^ uint64(rs[i])) * 0x100000001b3
			n++
		}
	}
	return h ^ h>>29
}

const (
	minDupLetters = 20
	minDupWords   = 3
	maxProbes     = 16 // lines looked at for one line in the duplicate table
)

// sameLine compares two trimmed lines, taking each run of white space as
// one space.
func sameLine(a, b []rune) bool {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		ra, rb := a[i], b[j]
		sa, sb := isSpace(ra), isSpace(rb)
		if sa != sb {
			return false
		}
		if sa {
			for i < len(a) && isSpace(a[i]) {
				i++
			}
			for j < len(b) && isSpace(b[j]) {
				j++
			}
			continue
		}
		if ra != rb {
			return false
		}
		i++
		j++
	}
	return i == len(a) && j == len(b)
}
