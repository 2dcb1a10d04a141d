package eventwire

import (
	"encoding/json"
	"errors"
	"strconv"
)

// MarshalJSON writes a sentence as the JSON contract gives it:
//
//	{"start":0,"end":21,"paragraph":1,"tokens":[{"start":0,"end":5,...},...]}
//
// A token carries "tag" (UPOS), "xpos" and "lemma" once the sentence is
// tagged, and "head" (index of its head in "tokens", -1 for the root) and
// "relation" (UD relation) once it is parsed. It is written by hand: a long
// article has tens of thousands of tokens.
func (s Sentence) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 64+len(s.Tokens)*48)
	b = append(b, `{"start":`...)
	b = strconv.AppendInt(b, int64(s.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(s.End), 10)
	b = append(b, `,"paragraph":`...)
	b = strconv.AppendInt(b, int64(s.Paragraph), 10)
	b = append(b, `,"tokens":[`...)
	for i, t := range s.Tokens {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"start":`...)
		b = strconv.AppendInt(b, int64(t.Start), 10)
		b = append(b, `,"end":`...)
		b = strconv.AppendInt(b, int64(t.End), 10)
		if s.Tagged {
			b = append(b, `,"tag":`...)
			b = strconv.AppendQuote(b, t.UPOS)
			b = append(b, `,"xpos":`...)
			b = strconv.AppendQuote(b, t.XPOS)
			b = append(b, `,"lemma":`...)
			b = appendJSONString(b, t.Lemma)
		}
		if s.Parsed {
			b = append(b, `,"head":`...)
			b = strconv.AppendInt(b, int64(t.Head), 10)
			b = append(b, `,"relation":`...)
			b = strconv.AppendQuote(b, t.Deprel)
		}
		b = append(b, '}')
	}
	return append(b, "]}"...), nil
}

// appendJSONString appends s as a JSON string. strconv.AppendQuote is not
// enough for text: it writes Go escapes such as \x00 that JSON lacks.
func appendJSONString(b []byte, s string) []byte {
	q, _ := json.Marshal(s) // a string always marshals
	return append(b, q...)
}

// UnmarshalJSON reads a sentence back, so that consumers written in Go can
// decode records.
func (s *Sentence) UnmarshalJSON(data []byte) error {
	var v struct {
		Start, End, Paragraph int
		Tokens                []struct {
			Start, End      int
			Tag, XPOS       string
			Lemma, Relation string
			Head            *int
		}
	}
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	if v.Tokens == nil {
		return errors.New("sentence without tokens")
	}
	*s = Sentence{Start: v.Start, End: v.End, Paragraph: v.Paragraph, Tokens: make([]Token, len(v.Tokens))}
	for i, t := range v.Tokens {
		s.Tokens[i] = Token{Start: t.Start, End: t.End, UPOS: t.Tag, XPOS: t.XPOS, Lemma: t.Lemma, Deprel: t.Relation}
		s.Tagged = s.Tagged || t.Tag != ""
		if t.Head != nil {
			s.Tokens[i].Head = *t.Head
			s.Parsed = true
		}
	}
	return nil
}
