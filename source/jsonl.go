package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/eventwire/eventwire"
)

// parseLine turns one non-blank JSONL line into an article (without its
// Origin). base is the offset of the line's first byte that messages add
// (the length of a byte-order mark stripped before line 1).
//
// Field names match exactly. The text is "text" when that is a non-empty
// string, else "body"; a "text" that is present with another type is an
// error even when "body" is set. A JSON null counts as an absent field.
func (r *reader) parseLine(line []byte, base int) (eventwire.Article, error) {
	var a eventwire.Article
	// Go's JSON decoder replaces invalid UTF-8 silently: check first.
	if base == 0 && isUTF16(line) {
		return a, fmt.Errorf("%w at byte offset 0 of the line: a UTF-16 byte-order mark (convert the input to UTF-8)", ErrInvalidUTF8)
	}
	if i := bytes.IndexByte(line, 0); i >= 0 {
		return a, fmt.Errorf("%w at byte offset %d of the line (binary file?)", ErrNUL, base+i)
	}
	if i := invalidUTF8Bytes(line); i >= 0 {
		return a, fmt.Errorf("%w at byte offset %d of the line", ErrInvalidUTF8, base+i)
	}
	var fields map[string]json.RawMessage
	if t := bytes.TrimLeft(line, " \t\r"); t[0] != '{' {
		var v json.RawMessage
		if err := json.Unmarshal(line, &v); err != nil {
			return a, notJSON(err, base)
		}
		return a, fmt.Errorf("%w: the line is %s", ErrNotJSON, kind(v))
	}
	if err := json.Unmarshal(line, &fields); err != nil {
		return a, notJSON(err, base)
	}

	key, raw := "text", fields["text"]
	if absent(raw) || string(raw) == `""` {
		if b := fields["body"]; !absent(b) && string(b) != `""` {
			key, raw = "body", b
		}
	}
	switch {
	case absent(raw) || string(raw) == `""`:
		_, hasText := fields["text"]
		_, hasBody := fields["body"]
		if !hasText && !hasBody {
			return a, fmt.Errorf(`%w: no "text" or "body" field`, ErrNoText)
		}
		return a, fmt.Errorf(`%w: "text" and "body" are empty`, ErrNoText)
	case raw[0] != '"':
		return a, fmt.Errorf("%w: field %q is %s, not a string", ErrNoText, key, kind(raw))
	}
	if err := json.Unmarshal(raw, &a.Text); err != nil {
		return a, notJSON(err, 0) // cannot happen: the line was valid JSON
	}
	// The decoded text is valid UTF-8: the decoder turns a lone surrogate
	// escape into U+FFFD. An escaped NUL is still a NUL.
	if err := checkText(a.Text, 0, " of the text"); err != nil {
		return a, err
	}

	var err error
	if a.ID, err = idField(fields["id"]); err != nil {
		return a, err
	}
	var published string
	for _, f := range []struct {
		name string
		dst  *string
	}{{"title", &a.Title}, {"url", &a.URL}, {"source", &a.Source}, {"published", &published}} {
		if *f.dst, err = stringField(f.name, fields[f.name]); err != nil {
			return a, err
		}
	}
	if a.Title == "" {
		a.Title = firstLine(a.Text)
	}
	a.Published = r.published
	if published != "" {
		if a.Published, err = ParseDate(published); err != nil {
			return eventwire.Article{}, fmt.Errorf(`field "published": %w`, err)
		}
	}
	return a, nil
}

// absent reports whether a field is missing or null.
func absent(raw json.RawMessage) bool {
	return len(raw) == 0 || string(raw) == "null"
}

// stringField decodes an optional string field, trimmed.
func stringField(name string, raw json.RawMessage) (string, error) {
	if absent(raw) {
		return "", nil
	}
	var s string
	if raw[0] != '"' || json.Unmarshal(raw, &s) != nil {
		return "", fmt.Errorf("%w %q: want a string, got %s", ErrBadField, name, kind(raw))
	}
	return strings.TrimSpace(s), nil
}

// idField decodes the optional "id": a string as is, a number as written.
func idField(raw json.RawMessage) (string, error) {
	if absent(raw) {
		return "", nil
	}
	if kind(raw) == "a number" {
		return string(raw), nil
	}
	var s string
	if raw[0] != '"' || json.Unmarshal(raw, &s) != nil {
		return "", fmt.Errorf(`%w "id": want a string or number, got %s`, ErrBadField, kind(raw))
	}
	return s, nil
}

// kind names the JSON type of a valid value.
func kind(raw json.RawMessage) string {
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '"':
		return "a string"
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// notJSON wraps a decoder error in ErrNotJSON, saying where it occurred.
// base is added to the offset.
func notJSON(err error, base int) error {
	var se *json.SyntaxError
	if errors.As(err, &se) && se.Offset > 0 && !strings.HasPrefix(se.Error(), "unexpected end") {
		// Offset counts the bytes read, the offending one included.
		return fmt.Errorf("%w: %s at byte offset %d of the line", ErrNotJSON, se.Error(), base+int(se.Offset)-1)
	}
	return fmt.Errorf("%w: %w", ErrNotJSON, err)
}

// invalidUTF8Bytes returns the byte offset of the first invalid UTF-8
// sequence in b, or -1.
func invalidUTF8Bytes(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		c, n := utf8.DecodeRune(b[i:])
		if c == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}
