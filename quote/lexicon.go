package quote

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strings"
)

//go:embed lexicon.txt
var lexiconText string

// ErrLexicon is wrapped by the errors that ReadLexicon returns for a
// malformed lexicon.
var ErrLexicon = errors.New("bad reporting-verb lexicon")

// Use says what kind of quotation a reporting verb can introduce.
type Use uint8

// Uses of a reporting verb, combined as flags.
const (
	DirectUse   Use = 1 << iota // "...," she said
	IndirectUse                 // she said that ...
)

// Lexicon maps a reporting verb's lemma to its uses. It is read-only once
// built.
type Lexicon map[string]Use

// ReadLexicon reads a lexicon in the format of lexicon.txt: one lemma per
// line followed by flags "d" (direct) and/or "i" (indirect); "#" starts a
// comment line. name names the input in errors.
func ReadLexicon(r io.Reader, name string) (Lexicon, error) {
	lex := Lexicon{}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Fields(s)
		if len(f) < 2 {
			return nil, fmt.Errorf("%s:%d: %w: %q has no flags", name, line, ErrLexicon, s)
		}
		if _, dup := lex[f[0]]; dup {
			return nil, fmt.Errorf("%s:%d: %w: %q listed twice", name, line, ErrLexicon, f[0])
		}
		var u Use
		for _, fl := range f[1:] {
			for _, c := range fl {
				switch c {
				case 'd':
					u |= DirectUse
				case 'i':
					u |= IndirectUse
				default:
					return nil, fmt.Errorf("%s:%d: %w: unknown flag %q", name, line, ErrLexicon, c)
				}
			}
		}
		lex[f[0]] = u
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return lex, nil
}
