// Package http serves an eventwire store on the web (eventwire serve): a
// JSON API described by an OpenAPI 3.1 document, and server-rendered pages
// for analysts. New returns a Server, an http.Handler over a store opened
// read-only; ListenAndServe runs it until its context ends.
//
// The files follow the request:
//
//   - server.go: Options, New, and the middleware every request passes
//     through: security headers (a Content-Security-Policy allowing only
//     the server's own scripts and styles), the optional bearer token, the
//     body limit, the per-request timeout, panic recovery and gzip.
//   - params.go: query strings into sqlite filters; a bad parameter is a
//     *paramError naming it, answered 400.
//   - api.go: the /api/ routes (apiRoutes, which openapi.json describes
//     exactly; the record schema is filled in from the JSON contract).
//   - pages.go, templates/, assets/: the pages (html/template, so every
//     piece of article text is escaped) and their embedded scripts and
//     styles (htmx and uPlot vendored from npm, app.js drawing the charts
//     from JSON in the page: no inline script).
//   - highlight.go: an article's text with its entity mentions, quotes
//     and event triggers as nested, escaped HTML.
//
// The package knows nothing of the pipeline: POST /api/extract calls
// Options.Extract, which cmd/eventwire wires to it.
package http
