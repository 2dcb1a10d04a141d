package http

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/geo"
	"github.com/eventwire/eventwire/sqlite"
)

// Options configure a Server. DB is required; the zero value of every other
// field is a safe default.
type Options struct {
	// DB is the store the server reads. Open it with
	// sqlite.Options{ReadOnly: true}: the server never writes.
	DB *sqlite.DB
	// Extract runs the pipeline on one article for POST /api/extract; nil
	// turns that route off (503).
	Extract func(ctx context.Context, a eventwire.Article) (eventwire.Record, error)
	// Gazetteer widens the place filter of events ("Geneva" also finds
	// "Genève", "Syria" every place in it); nil loads the embedded one on
	// first use.
	Gazetteer *geo.Gazetteer
	// Token, when set, is the bearer token every request must carry
	// ("Authorization: Bearer TOKEN"), pages and assets included; others
	// get 401. It is read from the header only, never from the URL (where
	// it would end up in logs and browser history): put the server behind
	// a proxy that adds the header for browsers.
	Token string
	// MaxBody caps a request body in bytes (413 above it); 0 means 1 MiB.
	MaxBody int64
	// Timeout bounds the handling of one request; 0 means 10 seconds.
	Timeout time.Duration
	// Log receives one line per failed request; nil discards.
	Log *slog.Logger
}

// Server answers the JSON API and serves the pages. It is an http.Handler,
// safe for concurrent use.
type Server struct {
	opt     Options
	handler http.Handler
	pages   *pages // pages.go

	openAPIDoc []byte // GET /api/openapi.json (openAPIDocument)

	token     [sha256.Size]byte              // SHA-256 of Options.Token, compared in constant time
	gazetteer func() (*geo.Gazetteer, error) // Options.Gazetteer, else geo.Load once
	extractor chan struct{}                  // one token per extraction running: at most GOMAXPROCS
	gzips     sync.Pool                      // *gzip.Writer
}

// ErrNoDB is returned by New without Options.DB.
var ErrNoDB = errors.New("http: Options.DB is required")

// New returns a server for opt.
func New(opt Options) (*Server, error) {
	if opt.DB == nil {
		return nil, ErrNoDB
	}
	if opt.MaxBody <= 0 {
		opt.MaxBody = 1 << 20
	}
	if opt.Timeout <= 0 {
		opt.Timeout = 10 * time.Second
	}
	if opt.Log == nil {
		opt.Log = slog.New(slog.DiscardHandler)
	}
	gazetteer := sync.OnceValues(geo.Load)
	if g := opt.Gazetteer; g != nil {
		gazetteer = func() (*geo.Gazetteer, error) { return g, nil }
	}
	p, err := newPages()
	if err != nil {
		return nil, err
	}
	s := &Server{opt: opt, pages: p, token: sha256.Sum256([]byte(opt.Token)),
		gazetteer: gazetteer, extractor: make(chan struct{}, runtime.GOMAXPROCS(0))}
	if s.openAPIDoc, err = openAPIDocument(); err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	s.routeAPI(mux)   // api.go
	s.routePages(mux) // pages.go
	s.handler = s.middleware(mux)
	return s, nil
}

// ServeHTTP answers one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

// Security headers on every response. The policy allows no inline script
// or style: pages keep all code in their own files.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

// middleware wraps every route: security headers, the token, the body
// limit, the timeout, gzip, panic recovery and a log line per 5xx.
func (s *Server) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Add("Vary", "Accept-Encoding")
		rw := &respWriter{ResponseWriter: w, s: s, gzip: acceptsGzip(r)}
		defer func() {
			v := recover()
			if v != nil && v != http.ErrAbortHandler {
				rw.err = fmt.Errorf("panic: %v\n%s", v, debug.Stack())
				if !rw.sent {
					// Nothing has gone out: answer 500 instead.
					rw.status = 0
					h.Del("Content-Disposition")
					s.writeError(rw, r, rw.err)
					v = nil
				} else {
					rw.status = http.StatusInternalServerError // for the log
				}
			}
			if v == nil {
				rw.finish()
			}
			if rw.status >= 500 {
				s.opt.Log.Error("http: request failed", "method", r.Method, "path", r.URL.Path, "status", rw.status,
					"duration", time.Since(start), "err", rw.err)
			}
			if v != nil {
				// Part of the answer has gone out: break the connection
				// so that the client sees it is cut short.
				panic(http.ErrAbortHandler)
			}
		}()
		if s.opt.Token != "" && !s.authorized(r) {
			h.Set("WWW-Authenticate", `Bearer realm="eventwire"`)
			s.writeError(rw, r, &statusError{status: http.StatusUnauthorized, msg: "missing or wrong bearer token"})
			return
		}
		if r.ContentLength > s.opt.MaxBody {
			s.writeError(rw, r, &http.MaxBytesError{Limit: s.opt.MaxBody})
			return
		}
		if r.Body != nil {
			r.Body = http.MaxBytesReader(rw, r.Body, s.opt.MaxBody)
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.opt.Timeout)
		defer cancel()
		next.ServeHTTP(rw, r.WithContext(ctx))
	})
}

// authorized reports whether r carries the bearer token. Both sides are
// hashed first so that the comparison takes the same time whatever the
// length of the token tried.
func (s *Server) authorized(r *http.Request) bool {
	scheme, tok, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return false
	}
	got := sha256.Sum256([]byte(strings.TrimSpace(tok)))
	return subtle.ConstantTimeCompare(got[:], s.token[:]) == 1
}

// acceptsGzip reports whether the client takes gzip-encoded responses.
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			continue
		}
		// "gzip;q=0" refuses it.
		k, v, _ := strings.Cut(strings.TrimSpace(params), "=")
		if strings.TrimSpace(k) == "q" {
			q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			return err == nil && q > 0
		}
		return true
	}
	return false
}

// minGzip is the smallest body, when its length is known in advance, that
// is worth compressing.
const minGzip = 1024

// respWriter is the http.ResponseWriter that handlers get: it remembers
// the status (and the error behind a 5xx, for the log line), and
// compresses the body with gzip when the client accepts it and the
// content type is text. The header is sent on the first Write (or at the
// end), when the content type is known.
type respWriter struct {
	http.ResponseWriter
	s      *Server
	gzip   bool // the client accepts gzip
	status int  // 0 until WriteHeader
	sent   bool // the header has gone out
	gz     *gzip.Writer
	err    error // what went wrong, for a 5xx
}

func (w *respWriter) WriteHeader(code int) {
	if w.status != 0 || code < 200 {
		return // 1xx informational responses are not sent
	}
	w.status = code
	if code == http.StatusNoContent || code == http.StatusNotModified || code == http.StatusPartialContent {
		w.sendHeader(nil, false)
	}
}

func (w *respWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.WriteHeader(http.StatusOK)
	}
	if !w.sent {
		w.sendHeader(p, true)
	}
	if w.gz != nil {
		return w.gz.Write(p)
	}
	return w.ResponseWriter.Write(p)
}

// sendHeader decides on compression and sends the header; p is the start
// of the body, to sniff a content type the handler did not set.
func (w *respWriter) sendHeader(p []byte, body bool) {
	w.sent = true
	h := w.Header()
	if body && h.Get("Content-Type") == "" {
		h.Set("Content-Type", http.DetectContentType(p))
	}
	if body && w.gzip && h.Get("Content-Encoding") == "" && compressible(h.Get("Content-Type")) {
		n, err := strconv.ParseInt(h.Get("Content-Length"), 10, 64)
		if err != nil || n >= minGzip {
			h.Del("Content-Length")
			h.Set("Content-Encoding", "gzip")
			if gz, ok := w.s.gzips.Get().(*gzip.Writer); ok {
				gz.Reset(w.ResponseWriter)
				w.gz = gz
			} else {
				w.gz, _ = gzip.NewWriterLevel(w.ResponseWriter, gzip.DefaultCompression)
			}
		}
	}
	w.ResponseWriter.WriteHeader(w.status)
}

// compressible reports whether a content type is worth compressing.
func compressible(ct string) bool {
	ct, _, _ = strings.Cut(ct, ";")
	ct = strings.TrimSpace(strings.ToLower(ct))
	return strings.HasPrefix(ct, "text/") || ct == "application/json" || ct == "application/javascript" ||
		ct == "image/svg+xml" || strings.HasSuffix(ct, "+json") || strings.HasSuffix(ct, "+xml")
}

// Flush sends what was written so far (streamed CSV).
func (w *respWriter) Flush() {
	if w.status == 0 {
		w.WriteHeader(http.StatusOK)
	}
	if !w.sent {
		w.sendHeader(nil, true)
	}
	if w.gz != nil {
		w.gz.Flush()
	}
	http.NewResponseController(w.ResponseWriter).Flush()
}

// Unwrap gives http.ResponseController the writer underneath.
func (w *respWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// finish sends the header if nothing was written and ends the gzip stream.
func (w *respWriter) finish() {
	if w.status == 0 {
		w.WriteHeader(http.StatusOK)
	}
	if !w.sent {
		w.sendHeader(nil, false)
	}
	if w.gz != nil {
		w.gz.Close()
		w.gz.Reset(nil)
		w.s.gzips.Put(w.gz)
		w.gz = nil
	}
}

// statusError is an error whose status and message are meant for the
// client as they are.
type statusError struct {
	status int
	msg    string
}

func (e *statusError) Error() string { return e.msg }

// errTimeout is the message of a request that ran out of time.
const errTimeout = "the request took too long"

// errorStatus returns the status and the message to show for an error
// that a handler met: 400 and the message for a bad parameter
// (*paramError), 404 for sqlite.ErrNotFound, 413 for a body over the
// limit, 503 when the request ran out of time, the status of a
// *statusError, and 500 with a generic message for everything else, whose
// text (SQL, paths) must not reach the client. It records err for the log
// line that every 5xx gets. Pages render the message in their own error
// page; the API writes it with writeError.
func (s *Server) errorStatus(w http.ResponseWriter, err error) (int, string) {
	status, msg := http.StatusInternalServerError, "internal error: the server could not answer (see its log)"
	var pe *paramError
	var se *statusError
	var mb *http.MaxBytesError
	switch {
	case errors.As(err, &pe):
		status, msg = http.StatusBadRequest, pe.Error()
	case errors.As(err, &se):
		status, msg = se.status, se.msg
	case errors.As(err, &mb):
		status, msg = http.StatusRequestEntityTooLarge, fmt.Sprintf("request body over the limit of %d bytes", mb.Limit)
	case errors.Is(err, sqlite.ErrNotFound):
		status, msg = http.StatusNotFound, "not found"
	case errors.Is(err, context.DeadlineExceeded):
		status, msg = http.StatusServiceUnavailable, errTimeout
	case errors.Is(err, context.Canceled):
		status, msg = http.StatusServiceUnavailable, "the request was canceled"
	}
	if status >= 500 {
		noteError(w, err)
	}
	return status, msg
}

// noteError records err as the cause of a 5xx for the log line of the
// request (w is, or wraps, the middleware's writer).
func noteError(w http.ResponseWriter, err error) {
	for w != nil {
		if rw, ok := w.(*respWriter); ok {
			rw.err = err
			return
		}
		u, ok := w.(interface{ Unwrap() http.ResponseWriter })
		if !ok {
			return
		}
		w = u.Unwrap()
	}
}

// writeError answers with err as a JSON error object: {"error": message},
// with the status errorStatus gives. Pages write their own HTML instead.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := s.errorStatus(w, err)
	if status == http.StatusRequestEntityTooLarge {
		w.Header().Set("Connection", "close") // the rest of the body is not read
	}
	writeJSON(w, status, struct {
		Error string `json:"error"`
	}{msg})
}

// writeJSON answers with v as JSON. HTML's special characters are escaped
// (\u003c for <), so that no browser can read article text as markup.
func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		// Only values that JSON cannot hold (NaN) fail: a bug.
		status = http.StatusInternalServerError
		buf.Reset()
		buf.WriteString(`{"error":"internal error: the server could not answer (see its log)"}` + "\n")
		noteError(w, fmt.Errorf("json: %w", err))
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// Timeouts of the server ListenAndServe runs, beyond Options.Timeout.
const (
	readHeaderTimeout = 5 * time.Second
	idleTimeout       = 60 * time.Second
	maxHeaderBytes    = 64 << 10
	shutdownTimeout   = 10 * time.Second
)

// ListenAndServe serves on addr ("127.0.0.1:8080") until ctx ends, then
// shuts down gracefully: it stops accepting, lets the requests in flight
// finish (for at most 10 seconds) and returns nil. It returns the error
// of a listen that fails.
func (s *Server) ListenAndServe(ctx context.Context, addr string) error {
	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", addr)
	if err != nil {
		return err
	}
	return s.serve(ctx, ln)
}

// serve serves on ln until ctx ends; see ListenAndServe.
func (s *Server) serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: readHeaderTimeout,
		// A body within MaxBody arrives well within this on any link.
		ReadTimeout: s.opt.Timeout + readHeaderTimeout,
		// Handlers end at Options.Timeout; this leaves them time to
		// write the answer.
		WriteTimeout:   2*s.opt.Timeout + readHeaderTimeout,
		IdleTimeout:    idleTimeout,
		MaxHeaderBytes: maxHeaderBytes,
		ErrorLog:       slog.NewLogLogger(s.opt.Log.Handler(), slog.LevelWarn),
		BaseContext:    func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	err := hs.Shutdown(sctx)
	<-errc // http.ErrServerClosed
	return err
}
