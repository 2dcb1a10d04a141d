package source

import (
	"errors"
	"fmt"
	"io/fs"
	"unicode/utf8"

	"github.com/eventwire/eventwire"
)

// Sentinel errors, wrapped in the Err of an *Error; test for them with
// errors.Is. The message of the wrapping error adds the detail, such as the
// byte offset of invalid UTF-8 or the size limit.
var (
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrNUL         = errors.New("NUL byte")
	ErrEmpty       = errors.New("empty article")
	ErrTooLarge    = errors.New("article too large")
	ErrNotJSON     = errors.New("not a JSON object")
	ErrNoText      = errors.New("no article text")
	ErrBadDate     = errors.New("bad date")
	ErrBadField    = errors.New("bad field")
	ErrGzip        = errors.New("corrupt gzip")   // the gzip stream of an input is damaged
	ErrBadOption   = errors.New("bad option")     // Options are invalid; Read yields this once and stops
	ErrRead        = errors.New("read error")     // an input failed part way through
	ErrNotArticle  = errors.New("not an article") // a name that is neither a file nor a directory nor "-"
)

// Error is a bad article or an unreadable input, with where it was found.
// Origin.Name is "" only for errors in Options.
type Error struct {
	Origin eventwire.Origin
	Err    error
}

// Error returns "NAME:LINE: problem", or "NAME: problem" when Line is 0.
func (e *Error) Error() string {
	if e.Origin.Name == "" {
		return e.Err.Error()
	}
	return e.Origin.String() + ": " + e.Err.Error()
}

// Unwrap returns Err.
func (e *Error) Unwrap() error { return e.Err }

// pathError shows an *fs.PathError without its path, which the *Error
// around it already names, and still unwraps to it.
type pathError struct{ pe *fs.PathError }

func (e pathError) Error() string { return e.pe.Err.Error() }
func (e pathError) Unwrap() error { return e.pe }

// osError drops the path from an error of package os.
func osError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pathError{pe}
	}
	return err
}

// quote quotes a value for a message, cut short when long.
func quote(s string) string {
	const max = 64
	if len(s) <= max {
		return fmt.Sprintf("%q", s)
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%q...", s[:cut])
}
