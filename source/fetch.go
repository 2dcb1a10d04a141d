package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"runtime/debug"
	"strings"
)

// Errors of fetched URLs, wrapped in the Err of an *Error.
var (
	ErrFetch   = errors.New("fetch failed") // the request failed: no connection, too many redirects, a timeout
	ErrTimeout = errors.New("timed out")    // wrapped with ErrFetch when Options.Timeout ran out
	ErrStatus  = errors.New("HTTP status")  // the server answered with a status other than 200 OK
)

// MaxRedirects is the number of redirects followed when fetching a URL.
const MaxRedirects = 5

// isURL reports whether an input name is an http(s) URL.
func isURL(name string) bool {
	return hasPrefixFold([]byte(name), "http://") || hasPrefixFold([]byte(name), "https://")
}

// UserAgent is the User-Agent header of eventwire's requests:
// "eventwire/VERSION (+https://github.com/eventwire/eventwire)", VERSION
// being the module version the binary was built from, or "dev".
func UserAgent() string {
	v := "dev"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Path == "github.com/eventwire/eventwire" &&
		bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		v = strings.TrimPrefix(bi.Main.Version, "v")
	}
	return "eventwire/" + v + " (+https://github.com/eventwire/eventwire)"
}

// httpClient returns the client of this iteration, made on first use.
func (r *reader) httpClient() *http.Client {
	if r.client == nil {
		r.client = &http.Client{
			Timeout: r.timeout,
			CheckRedirect: func(req *http.Request, via []*http.Request) error {
				if len(via) > MaxRedirects {
					return fmt.Errorf("stopped after %d redirects", MaxRedirects)
				}
				return nil
			},
		}
	}
	return r.client
}

// readURL fetches an http(s) URL and reads the body as the input named by
// the URL: by its Content-Type (HTML, feed, WARC, JSONL), else sniffed.
func (r *reader) readURL(name string) bool {
	req, err := http.NewRequestWithContext(r.ctx, http.MethodGet, name, nil)
	if err != nil {
		return r.fail(name, 0, fmt.Errorf("%w: %w", ErrFetch, unwrapURL(err)))
	}
	req.Header.Set("User-Agent", UserAgent())
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8")
	resp, err := r.httpClient().Do(req)
	if err != nil {
		if r.done() {
			return false
		}
		return r.fail(name, 0, r.fetchError(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return r.fail(name, 0, fmt.Errorf("%w %s", ErrStatus, resp.Status))
	}
	if resp.ContentLength > r.max {
		return r.fail(name, 0, fmt.Errorf("%w: %d bytes, over the %d-byte limit", ErrTooLarge, resp.ContentLength, r.max))
	}
	in := &input{name: name, url: resp.Request.URL.String()}
	return r.readStream(in, &bodyReader{r: r, body: resp.Body}, -1, resp.Header.Get("Content-Type"))
}

// fetchError words the error of a request or of reading its body.
func (r *reader) fetchError(err error) error {
	if isTimeout(err) {
		return fmt.Errorf("%w: %w after %v", ErrFetch, ErrTimeout, r.timeout)
	}
	return fmt.Errorf("%w: %w", ErrFetch, unwrapURL(err))
}

// isTimeout reports whether err is a request's deadline running out.
func isTimeout(err error) bool {
	return errors.Is(err, context.DeadlineExceeded) || errors.Is(err, os.ErrDeadlineExceeded) || isNetTimeout(err)
}

func isNetTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}

// unwrapURL drops the "Get URL:" of a *url.Error: the *Error around it
// names the URL already.
func unwrapURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// bodyReader reads a response body, wording its errors (a timeout part way
// through the body, a connection reset) as fetch errors.
type bodyReader struct {
	r    *reader
	body io.Reader
}

func (b *bodyReader) Read(p []byte) (int, error) {
	n, err := b.body.Read(p)
	if err != nil && err != io.EOF && b.r.ctx.Err() == nil {
		err = b.r.fetchError(err)
	}
	return n, err
}
