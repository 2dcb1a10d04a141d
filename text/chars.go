package text

import "unicode"

// Character classes of the ASCII range, looked up in a table; the rest of
// Unicode goes through package unicode.
const (
	clSpace uint8 = 1 << iota
	clLower
	clUpper
	clDigit
	clWord // letter, digit or underscore
)

var asciiClass = func() (t [128]uint8) {
	for r := 0; r < 128; r++ {
		switch {
		case r <= 0x20 || r == 0x7f:
			t[r] = clSpace // blank and the C0 controls
		case 'a' <= r && r <= 'z':
			t[r] = clLower | clWord
		case 'A' <= r && r <= 'Z':
			t[r] = clUpper | clWord
		case '0' <= r && r <= '9':
			t[r] = clDigit | clWord
		case r == '_':
			t[r] = clWord
		}
	}
	return t
}()

// isSpace reports whether r separates tokens: Unicode White_Space, the C0
// controls, DEL, the zero-width space and the byte-order mark.
func isSpace(r rune) bool {
	if uint32(r) < 128 {
		return asciiClass[r]&clSpace != 0
	}
	return isSpaceSlow(r)
}

func isSpaceSlow(r rune) bool {
	switch r {
	case 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0x200b, 0xfeff:
		return true
	}
	return 0x2000 <= r && r <= 0x200a
}

// isNewline reports whether r ends a line: \n, \r, \v, \f, U+0085, U+2028
// or U+2029 (\r\n counts once; see nextLine).
func isNewline(r rune) bool {
	if r > '\r' && r < 0x85 {
		return false
	}
	switch r {
	case '\n', '\r', '\v', '\f', 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// isWordRune reports whether r belongs in a word: a letter, number, mark,
// underscore, soft hyphen or zero-width (non-)joiner.
func isWordRune(r rune) bool {
	if uint32(r) < 128 {
		return asciiClass[r]&clWord != 0
	}
	return isWordRuneSlow(r)
}

func isWordRuneSlow(r rune) bool {
	switch r {
	case 0xad, 0x200c, 0x200d:
		return true
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

func isLetter(r rune) bool {
	if uint32(r) < 128 {
		return asciiClass[r]&(clLower|clUpper) != 0
	}
	return unicode.IsLetter(r)
}

func isDigit(r rune) bool {
	if uint32(r) < 128 {
		return asciiClass[r]&clDigit != 0
	}
	return unicode.IsDigit(r)
}

func isUpper(r rune) bool {
	if uint32(r) < 128 {
		return asciiClass[r]&clUpper != 0
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

func isLower(r rune) bool {
	if uint32(r) < 128 {
		return asciiClass[r]&clLower != 0
	}
	return unicode.IsLower(r)
}

// isApostrophe reports whether r can join a word and its clitic: ' ’ ` ‘.
func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '`' || r == '‘'
}

// isHyphen reports whether r is a hyphen that may join two words.
func isHyphen(r rune) bool {
	return r == '-' || r == 0x2010 || r == 0x2011
}

// isOpener reports whether r opens a quotation or bracket. The ASCII quotes
// are both openers and closers; context decides.
func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '`', '(', '[', '{', '<', '“', '‘', '„', '‚', '‟', '‛', '«', '‹', '「', '『', '（', '［', '｛', '〈', '《', '【':
		return true
	}
	return uint32(r) >= 128 && unicode.Is(unicode.Ps, r)
}

// isCloser reports whether r closes a quotation or bracket.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '>', '”', '’', '»', '›', '」', '』', '）', '］', '｝', '〉', '》', '】':
		return true
	}
	return uint32(r) >= 128 && unicode.Is(unicode.Pe, r)
}

// isQuote reports whether r is a quotation mark, ASCII or typographic.
func isQuote(r rune) bool {
	switch r {
	case '"', '\'', '`', '“', '”', '„', '‟', '‘', '’', '‚', '‛', '«', '»', '‹', '›', '「', '」', '『', '』':
		return true
	}
	return false
}

// isDash reports whether r is a dash or hyphen used as punctuation.
func isDash(r rune) bool {
	switch r {
	case '-', 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x2e3a, 0x2e3b:
		return true
	}
	return false
}

// isBullet reports whether r marks a list item at the start of a line.
func isBullet(r rune) bool {
	switch r {
	case '-', '*', '+', 0x2022, 0x2023, 0x2043, 0x25aa, 0x25cf, 0x25e6, 0x2013, 0x2014, 0xb7:
		return true
	}
	return false
}

// lowerASCII writes the ASCII-lowercased runes of rs into buf and reports
// whether they all fit and were ASCII. Table look-ups use the result as a
// string key without allocating.
func lowerASCII(buf []byte, rs []rune) ([]byte, bool) {
	if len(rs) > cap(buf) {
		return nil, false
	}
	buf = buf[:len(rs)]
	for i, r := range rs {
		if uint32(r) >= 128 {
			return nil, false
		}
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		buf[i] = byte(r)
	}
	return buf, true
}
