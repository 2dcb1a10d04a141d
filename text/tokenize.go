package text

import (
	"unicode"

	"github.com/eventwire/eventwire"
)

// Tokenize appends to dst the tokens of runes[start:end] (offsets relative to
// runes, i.e. absolute) and returns it.
//
// Tokens never contain white space (see the package comment for the rules)
// and every other code point of the range lies in exactly one token. The
// tokenizer reads nothing outside runes[start:end]. Out-of-range bounds are
// clamped.
func Tokenize(dst []eventwire.Token, runes []rune, start, end int) []eventwire.Token {
	if end > len(runes) {
		end = len(runes)
	}
	if start < 0 {
		start = 0
	}
	if start >= end {
		return dst
	}
	runes = runes[:end]
	t := tokenizer{rs: runes, end: end, dst: dst, base: len(dst)}
	i := start
	for i < len(runes) {
		r := runes[i]
		if uint32(r) < 128 {
			c := asciiClass[r&127]
			if c&clSpace != 0 {
				i++
				continue
			}
			if c&clWord != 0 {
				// Fast path: an ASCII word followed by white space.
				j := i + 1
				for j < len(runes) {
					if n := runes[j]; uint32(n) >= 128 || asciiClass[n&127]&clWord == 0 {
						break
					}
					j++
				}
				if j == len(runes) || uint32(runes[j]) < 128 && asciiClass[runes[j]&127]&clSpace != 0 {
					if c&clDigit != 0 || maybeContraction(runes, i, j) {
						t.emitBase(i, j)
					} else {
						t.dst = append(t.dst, eventwire.Token{Start: i, End: j})
					}
					i = j
					continue
				}
			}
		} else if isSpaceSlow(r) {
			i++
			continue
		}
		// A chunk is a run of non-space code points. Only chunks with a
		// colon, an at sign or a "www." can hold a URL or an e-mail address.
		j := i + 1
		maybeURL := r == 'w' || r == 'W'
		for j < len(runes) {
			c := runes[j]
			if uint32(c) < 0x80 {
				if asciiClass[c&127]&clSpace != 0 {
					break
				}
				if c == ':' || c == '@' {
					maybeURL = true
				}
			} else if isSpace(c) {
				break
			}
			j++
		}
		if maybeURL || (j-i > 4 && isOpener(r)) {
			if u0, u1 := t.url(i, j); u0 < u1 {
				t.scan(i, u0)
				t.emit(u0, u1)
				t.scan(u1, j)
				i = j
				continue
			}
		}
		t.scan(i, j)
		i = j
	}
	return t.dst
}

type tokenizer struct {
	rs   []rune // the text up to end; nothing past end is ever read
	end  int
	dst  []eventwire.Token
	base int // len(dst) when Tokenize was called
}

func (t *tokenizer) emit(s, e int) {
	t.dst = append(t.dst, eventwire.Token{Start: s, End: e})
}

// scan tokenizes the chunk part rs[p:e], which has no white space.
func (t *tokenizer) scan(p, e int) {
	for p < e {
		if isWordRune(t.rs[p]) {
			p = t.word(p, e)
		} else {
			p = t.punct(p, e)
		}
	}
}

// word reads the word that starts at p, emits its tokens and returns its
// end. A word runs over letters, digits and marks, and over the inner
// punctuation that belongs to it: the full stops of "U.S." and "3.5", the
// comma of "1,400", the colon of "10:30", the apostrophe of "O'Brien", the
// hyphen after a prefix ("non-profit") and a few more.
func (t *tokenizer) word(p, e int) int {
	rs := t.rs
	q := p + 1
	seg := p       // start of the current part between inner full stops
	hseg := p      // start of the current part between kept hyphens
	inner := false // the word has inner full stops between letters
	short := true  // every part between inner full stops has at most two letters
loop:
	for q < e {
		r := rs[q]
		if isWordRune(r) {
			q++
			continue
		}
		if q+1 >= e {
			if r == '/' && q == p+1 && rs[p]|0x20 == 'w' {
				q++ // w/ for "with"
			}
			break
		}
		n, prev := rs[q+1], rs[q-1]
		switch {
		case r == '.':
			if isDigit(n) && isDigit(prev) {
				q += 2
				continue
			}
			if isLower(n) && isDigit(prev) {
				q += 2 // file3.doc
				seg = q - 1
				short = false
				inner = true
				continue
			}
			if isLetter(n) && isLetter(prev) {
				if q-seg >= 2 && isUpper(n) && q+2 < e && isLower(rs[q+2]) && !isTLD(rs, q+1, e) {
					break loop // a missing space: "Geneva.The talks"
				}
				if q-seg > 2 {
					short = false
				}
				inner = true
				seg = q + 1
				q += 2
				continue
			}
		case r == ',':
			if isDigit(prev) && isDigit(n) {
				q += 2 // 1,400
				continue
			}
		case r == ':':
			if isDigit(prev) && isDigit(n) {
				q += 2 // 10:30
				continue
			}
		case r == '/':
			if isDigit(prev) && isDigit(n) {
				q += 2 // 9/11, 1/8
				continue
			}
			if q-p == 1 && isLetter(prev) && isLetter(n) && (q+2 >= e || !isWordRune(rs[q+2])) {
				q += 2 // b/c, w/o, I/O
				continue
			}
		case r == '@':
			if isLetter(n) {
				q += 2 // user@HOST, as in mail headers
				continue
			}
		case r == '&':
			if isLetter(prev) && isLetter(n) && q-p <= 3 && runLen(rs, q+1, e) <= 3 {
				q += 2 // AT&T, R&D
				continue
			}
		case isApostrophe(r):
			if isLetter(n) && (r != '`' && r != '‘' || isLetter(prev)) {
				q += 2 // O'Brien, don't
				continue
			}
		case isHyphen(r):
			if isWordRune(n) && t.keepHyphen(hseg, q, e) {
				q += 2
				hseg = q - 1
				continue
			}
		}
		break
	}
	if inner && q-seg > 2 {
		short = false
	}

	// A full stop after the word: part of an abbreviation, or punctuation.
	if q < e && rs[q] == '.' {
		dots := 1
		for q+dots < e && rs[q+dots] == '.' && dots < 3 {
			dots++
		}
		if dots <= 2 && t.abbrev(p, q, inner, short) != abNone && (dots == 2 || !t.atEnd(q+1)) {
			t.emit(p, q+1)
			return q + 1
		}
	}
	t.emitWord(p, q)
	return q
}

// isTLD reports whether the letters at rs[i:e] are a common top-level
// domain: "Newsfeed.Com".
func isTLD(rs []rune, i, e int) bool {
	j := i
	for j < e && isLetter(rs[j]) {
		j++
	}
	if j < e && isWordRune(rs[j]) {
		return false
	}
	return inSet(tlds, rs[i:j])
}

// runLen is the length of the run of word runes at rs[i:e].
func runLen(rs []rune, i, e int) int {
	j := i
	for j < e && isWordRune(rs[j]) {
		j++
	}
	return j - i
}

// keepHyphen decides whether the hyphen at q joins the word part
// rs[seg:q] to what follows: after a prefix ("non-", "e-", "co-") and
// inside a telephone number (555-0123, 1-800-555-0123).
func (t *tokenizer) keepHyphen(seg, q, e int) bool {
	rs := t.rs
	left := rs[seg:q]
	if len(left) <= 6 && inSet(hyphenPrefixes, left) {
		return true
	}
	k := q
	for k > seg && isDigit(rs[k-1]) {
		k--
	}
	if k == q || q-k == 4 || q-k > 5 || k > seg && isLetter(rs[k-1]) {
		return false
	}
	left = rs[k:q]
	d := digitRun(rs, q+1, e)
	end := q + 1 + d
	if d == 4 {
		return end >= e || !isWordRune(rs[end]) // 555-0123, 713/853-6197, 94720-5180
	}
	if d == 3 && (len(left) == 3 || left[0] == '1') && end+1 < e && isHyphen(rs[end]) {
		return digitRun(rs, end+1, e) >= 3
	}
	return false
}

func allDigits(rs []rune) bool {
	for _, r := range rs {
		if !isDigit(r) {
			return false
		}
	}
	return len(rs) > 0
}

func digitRun(rs []rune, i, e int) int {
	j := i
	for j < e && isDigit(rs[j]) {
		j++
	}
	return j - i
}

// abbrev returns the abbreviation class of the word rs[p:q] that a full
// stop follows, or abNone when the stop is punctuation.
func (t *tokenizer) abbrev(p, q int, inner, short bool) uint8 {
	rs := t.rs
	if inner {
		if short {
			return innerAbbrevClass(rs[p:q]) // U.S. e.g. a.m. Ph.D.
		}
		return abNone // example.com.
	}
	if q-p == 1 {
		if isUpper(rs[p]) {
			return abStrict // an initial: John F. Kennedy
		}
		if isLower(rs[p]) && t.digitFollows(q+1) {
			return abNumber // p. 5
		}
		return abNone
	}
	c := abbrevClass(rs[p:q])
	if c == abNumber && !t.digitFollows(q+1) {
		return abNone // "No. 5" but "said no."
	}
	return c
}

// atEnd reports whether only white space and closing quotes or brackets
// follow position i in the range.
func (t *tokenizer) atEnd(i int) bool {
	for ; i < t.end; i++ {
		r := t.rs[i]
		if !isSpace(r) && !isCloser(r) {
			return false
		}
	}
	return true
}

// digitFollows reports whether the next non-space code point from i is a
// digit.
func (t *tokenizer) digitFollows(i int) bool {
	for i < t.end && isSpace(t.rs[i]) {
		i++
	}
	return i < t.end && isDigit(t.rs[i])
}

// emitWord emits the word rs[p:q], split off its clitic ("do|n't",
// "Russia|'s"), and a number split from its unit ("10|am", "2.5|bn").
func (t *tokenizer) emitWord(p, q int) {
	rs := t.rs
	if n := q - p; n >= 3 {
		if k := cliticStart(rs, p, q); k > p && !allDigits(rs[p:k]) {
			t.emitBase(p, k)
			t.emit(k, q)
			return
		}
	}
	t.emitBase(p, q)
}

// cliticStart returns where the clitic at the end of rs[p:q] starts, or p
// when there is none: n't 's 'm 'd 'll 're 've with any apostrophe.
func cliticStart(rs []rune, p, q int) int {
	n := q - p
	last := rs[q-1] | 0x20 // lower case for ASCII; no ASCII letter otherwise
	if isApostrophe(rs[q-2]) {
		if last == 's' || last == 'm' || last == 'd' {
			return q - 2
		}
		if last == 't' && n >= 4 && rs[q-3]|0x20 == 'n' {
			return q - 3 // don't -> do n't, can't -> ca n't
		}
		return p
	}
	if n >= 4 && isApostrophe(rs[q-3]) {
		two := rs[q-2] | 0x20
		if two == 'l' && last == 'l' || two == 'r' && last == 'e' || two == 'v' && last == 'e' {
			return q - 3
		}
	}
	return p
}

// emitBase emits a word without clitic: a number and its unit are split
// ("10am", "35mm", "2.5bn"), ordinals and decades are not ("1st", "1990s"),
// and so are contractions without apostrophe ("cannot", "gonna").
func (t *tokenizer) emitBase(p, q int) {
	rs := t.rs
	n := q - p
	if isDigit(rs[p]) {
		if n >= 2 && isLetter(rs[q-1]) {
			k := q - 1
			for k > p && isLetter(rs[k-1]) {
				k--
			}
			if isDigit(rs[k-1]) && numberLike(rs[p:k]) && unitSuffix(rs[k:q]) {
				t.emit(p, k)
				t.emit(k, q)
				return
			}
		}
	} else if maybeContraction(rs, p, q) {
		{
			var b [8]byte
			if key, ok := lowerASCII(b[:], rs[p:q]); ok {
				if k, ok := contractions[string(key)]; ok {
					t.emit(p, p+k)
					t.emit(p+k, q)
					return
				}
			}
		}
	}
	t.emit(p, q)
}

// maybeContraction reports whether rs[p:q] may be in contractions: it is
// a quick test before the look-up.
func maybeContraction(rs []rune, p, q int) bool {
	n := q - p
	if n < 4 || n > 8 {
		return false
	}
	last, prev := rs[q-1]|0x20, rs[q-2]|0x20
	return prev == 'n' && last == 't' || prev == 'o' && last == 't' && n == 6 ||
		last == 'a' && (prev == 'n' || prev == 't') && n == 5
}

// numberLike reports whether rs holds only digits and number punctuation.
func numberLike(rs []rune) bool {
	for _, r := range rs {
		if !isDigit(r) && r != '.' && r != ',' && r != ':' && r != '/' {
			return false
		}
	}
	return true
}

// unitSuffix reports whether the letters after a number are a unit to
// split off: "10am", "35mm", "2.5bn", "65k"; not an ordinal ("1st"), a
// decade ("1990s") or a code ("3D", "4105SF").
func unitSuffix(rs []rune) bool {
	if len(rs) == 1 {
		switch rs[0] {
		case 'k', 'm', 'p', 'b', 't', 'f', 'h', 'x', 'K', 'M':
			return true
		}
		return false
	}
	upper := true
	for _, r := range rs {
		upper = upper && isUpper(r)
	}
	if upper {
		return len(rs) == 2 && (rs[0] == 'A' || rs[0] == 'P') && rs[1] == 'M' // 10AM, not 10MM
	}
	return inSet(units, rs)
}

// punct emits the punctuation or symbol token at p and returns its end.
func (t *tokenizer) punct(p, e int) int {
	rs := t.rs
	r := rs[p]
	q := p + 1
	switch {
	case r == '.' || r == '!' || r == '?' || r == '…' || r == '‼' || r == '⁇' || r == '⁈' || r == '⁉':
		for q < e && isStopRune(rs[q]) {
			q++ // ... ?! !!! are one token
		}
	case (r == '@' || r == '#') && q < e && isLetter(rs[q]):
		// @name and #tag are one token; "#" before a number is not.
		for q < e && (isWordRune(rs[q]) || rs[q] == '.' && q+1 < e && isWordRune(rs[q+1])) {
			q++
		}
	case isApostrophe(r):
		if end := t.apostrophe(p, e); end > q {
			q = end
		} else if q < e && isApostrophe(rs[q]) && (q+1 == e || !isApostrophe(rs[q+1])) {
			q++ // '' and ‘’ standing for a double quote
		}
	case r == ':' || r == ';' || r == '=':
		if end := emoticon(rs, p, e); end > q {
			q = end
		} else {
			for q < e && (rs[q] == r || r == '=' && isDecoration(rs[q])) {
				q++
			}
		}
	case r < 0x80:
		switch {
		case isDecoration(r):
			for q < e && isDecoration(rs[q]) {
				q++ // -- *** >> ---->== are one token
			}
		case r == '$' || r == ',':
			for q < e && rs[q] == r {
				q++
			}
		}
	case isDash(r):
		for q < e && rs[q] == r {
			q++
		}
	case isQuote(r) || isOpener(r) || isCloser(r):
	default:
		// A symbol with its modifiers: combining marks, variation selectors,
		// emoji skin tones, zero-width-joined sequences and flag pairs.
		if 0x1f1e6 <= r && r <= 0x1f1ff && q < e && 0x1f1e6 <= rs[q] && rs[q] <= 0x1f1ff {
			q++
		}
		for q < e {
			c := rs[q]
			if unicode.IsMark(c) || 0x1f3fb <= c && c <= 0x1f3ff {
				q++
			} else if c == 0x200d && q+1 < e && !isSpace(rs[q+1]) {
				q += 2
			} else {
				break
			}
		}
	}
	t.emit(p, q)
	return q
}

// isStopRune reports whether r is part of a run of final punctuation.
func isStopRune(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '‼', '⁇', '⁈', '⁉':
		return true
	}
	return false
}

// isDecoration reports whether r is ASCII punctuation that is drawn in
// runs: ---, ***, ===, >>.
func isDecoration(r rune) bool {
	switch r {
	case '-', '=', '*', '~', '#', '+', '<', '>', '|', '^', '/', '\\':
		return true
	}
	return false
}

// apostrophe handles an apostrophe that starts a token: a clitic after an
// abbreviation ("U.S.'s") or a decade ("'90s", "'07"). It returns the end
// of the token, or p when the apostrophe stands alone.
func (t *tokenizer) apostrophe(p, e int) int {
	rs := t.rs
	// A clitic glued to the token before it.
	if n := len(t.dst); n > t.base && t.dst[n-1].End == p && p+1 < e {
		k := p + 1
		for k < e && k-p <= 3 && isLetter(rs[k]) {
			k++
		}
		if k == e || !isWordRune(rs[k]) {
			if c := cliticStart(rs, p-1, k); c == p {
				return k
			}
		}
	}
	if rs[p] == '\'' || rs[p] == '’' {
		d := digitRun(rs, p+1, e)
		if d == 2 {
			k := p + 3
			if k < e && rs[k] == 's' {
				k++
			}
			if k == e || !isWordRune(rs[k]) {
				return k
			}
		}
	}
	return p
}

// emoticon returns the end of the emoticon at p (":)", ";-)", ":D"), or p.
func emoticon(rs []rune, p, e int) int {
	q := p + 1
	if q < e && rs[q] == '-' {
		q++
	}
	if q >= e {
		return p
	}
	switch rs[q] {
	case ')', '(', 'D', 'P', 'p':
		q++
		if q == e || !isWordRune(rs[q]) {
			return q
		}
	}
	return p
}

// url returns the span of a URL or e-mail address in the chunk rs[s:e],
// without the punctuation around it, or an empty span.
func (t *tokenizer) url(s, e int) (int, int) {
	rs := t.rs
	// Skip opening punctuation.
	b := s
	for b < e && !isWordRune(rs[b]) {
		b++
	}
	if e-b >= 5 && rs[b+3] == '.' && hasPrefixFold(rs[b:e], "www") {
		return b, t.urlEnd(b, b+4, e)
	}
	for i := b; i+2 < e; i++ {
		switch rs[i] {
		case ':':
			if rs[i+1] == '/' && rs[i+2] == '/' {
				j := i
				for j > s && isSchemeRune(rs[j-1]) {
					j--
				}
				if j < i && isLetter(rs[j]) {
					return j, t.urlEnd(j, i+3, e)
				}
			}
		case '@':
			j := i
			for j > s && isEmailRune(rs[j-1]) {
				j--
			}
			for j < i && !isWordRune(rs[j]) {
				j++
			}
			if j == i {
				continue
			}
			k := i + 1
			dot := false
			for k < e && (isWordRune(rs[k]) || rs[k] == '-' || rs[k] == '.') {
				if rs[k] == '.' && k+1 < e && isLetter(rs[k+1]) && k > i+1 {
					dot = true
				}
				k++
			}
			for k > i+1 && (rs[k-1] == '.' || rs[k-1] == '-') {
				k--
			}
			if !dot {
				continue
			}
			if j-7 >= s && hasPrefixFold(rs[j-7:j], "mailto:") {
				j -= 7
			}
			return j, k
		}
	}
	return 0, 0
}

// urlEnd trims trailing punctuation from the URL rs[u0:e], reading from p.
// A closing parenthesis stays when the URL opened one: "/wiki/Foo_(bar)".
func (t *tokenizer) urlEnd(u0, p, e int) int {
	rs := t.rs
	open := 0
	for _, c := range rs[u0:e] {
		if c == '(' {
			open++
		} else if c == ')' {
			open--
		}
	}
	q := e
	for q > p {
		r := rs[q-1]
		if r == ')' {
			if open >= 0 {
				break
			}
			open++
		} else if !(r == '.' || r == ',' || r == ';' || r == ':' || r == '!' || r == '?' ||
			r == '…' || isQuote(r) || isCloser(r)) {
			break
		}
		q--
	}
	return q
}

func isSchemeRune(r rune) bool {
	return uint32(r) < 0x80 && (asciiClass[r&127]&(clLower|clUpper|clDigit) != 0 || r == '+' || r == '-' || r == '.')
}

func isEmailRune(r rune) bool {
	return isWordRune(r) || r == '.' || r == '%' || r == '+' || r == '-'
}

// hasPrefixFold reports whether rs starts with the ASCII string s, ignoring
// case.
func hasPrefixFold(rs []rune, s string) bool {
	if len(rs) < len(s) {
		return false
	}
	for i := 0; i < len(s); i++ {
		r := rs[i]
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		if r != rune(s[i]) {
			return false
		}
	}
	return true
}
