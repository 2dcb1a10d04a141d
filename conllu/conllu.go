// Package conllu reads treebanks in the CoNLL-U format of Universal
// Dependencies (https://universaldependencies.org/format.html).
//
// A Reader streams sentences: each call to Next returns the next sentence
// with its comments, its syntactic words, its multiword tokens ("1-2
// don't") and its empty nodes ("8.1"). Malformed input is reported as an
// *Error that carries the line number and wraps one of the sentinel errors
// (ErrColumns, ErrID, ErrHead, ErrOrder), so callers can test for them
// with errors.Is.
package conllu

import (
	"errors"
	"strconv"
	"strings"
)

// NoHead is the Head of a word whose HEAD column is "_", as in text that
// has not been parsed yet.
const NoHead = -1

// Sentence is one sentence of a CoNLL-U file.
type Sentence struct {
	// Comments holds the comment lines in order, as read, each without
	// its leading "#" and the blank that follows it: "sent_id = x",
	// "text = Hello .", "newdoc".
	Comments []string
	ID       string // from "# sent_id = ", or ""
	Text     string // from "# text = ", or ""

	Words  []Word      // the syntactic words, Words[i].ID == i+1
	Tokens []Multiword // the multiword tokens, in order
	Empty  []EmptyNode // the empty nodes of the enhanced graph, in order

	Line int // the line number of the sentence's first line
}

// Word is a syntactic word: one line with an integer ID.
type Word struct {
	ID     int
	Form   string
	Lemma  string
	UPOS   string
	XPOS   string
	Feats  string
	Head   int // 0 for the root, NoHead when the column is "_"
	Deprel string
	Deps   string
	Misc   string
}

// Multiword is a multiword token, a line with a range ID such as "1-2":
// one surface token (Form, "don't") made of the words First to Last ("do",
// "n't").
type Multiword struct {
	First, Last int
	Form        string
	Misc        string
}

// EmptyNode is a line with a decimal ID such as "8.1": the empty node
// Minor after word Major (0 when it comes before the first word).
type EmptyNode struct {
	Major, Minor int
	Form         string
	Lemma        string
	UPOS         string
	XPOS         string
	Feats        string
	Deps         string
	Misc         string
}

// Comment looks for a comment that is key or starts with key and a blank
// or "=". It returns the rest of the comment, trimmed and without a
// leading "=", and whether there was one: for the comment "sent_id = 12",
// Comment("sent_id") returns "12"; for "newdoc id = x", Comment("newdoc")
// returns "id = x" and Comment("newdoc id") returns "x".
func (s *Sentence) Comment(key string) (string, bool) {
	for _, c := range s.Comments {
		rest, ok := strings.CutPrefix(c, key)
		if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' && rest[0] != '=' {
			continue
		}
		rest = strings.TrimSpace(rest)
		if v, ok := strings.CutPrefix(rest, "="); ok {
			rest = strings.TrimSpace(v)
		}
		return rest, true
	}
	return "", false
}

// SpaceAfter reports whether the MISC column of a word or token allows a
// space after it: false when it holds SpaceAfter=No.
func SpaceAfter(misc string) bool {
	for misc != "" {
		var f string
		f, misc, _ = strings.Cut(misc, "|")
		if f == "SpaceAfter=No" {
			return false
		}
	}
	return true
}

// Sentinel errors wrapped by *Error.
var (
	ErrColumns = errors.New("wrong number of columns")
	ErrID      = errors.New("bad ID")
	ErrHead    = errors.New("bad HEAD")
	ErrOrder   = errors.New("misplaced line")
)

// Error is an error in the input at a line.
type Error struct {
	Line int // 1-based
	Err  error
}

func (e *Error) Error() string { return "line " + strconv.Itoa(e.Line) + ": " + e.Err.Error() }

func (e *Error) Unwrap() error { return e.Err }
