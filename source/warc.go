package source

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/eventwire/eventwire"
	warc "github.com/internetarchive/gowarc"
)

// ErrWARC is wrapped by the error of a WARC file that is truncated or
// corrupt; the message names the record and, for a record-compressed
// .warc.gz, its byte offset in the file.
var ErrWARC = errors.New("corrupt WARC")

// readWARC reads a WARC file record by record and yields an article for
// every response record of an HTML page fetched with status 200; the other
// records (requests, metadata, redirects, images ...) are skipped silently.
// Origin.Line is the record's number. A truncated or corrupt file ends
// with an *Error wrapping ErrWARC, after the articles of the records before.
//
// A .warc.gz is read gzip member by gzip member, so that an error can name
// the byte offset of the member that holds the record (one record a member,
// as the WARC standard recommends and Common Crawl writes); a file
// compressed whole, as one member, is read whole too.
func (r *reader) readWARC(in *input, br *bufio.Reader) bool {
	p, err := peek(br, len(warcMagic))
	if err != nil {
		return r.readFailed(in, 0, err)
	}
	if bytes.HasPrefix(p, []byte{0x1f, 0x8b}) {
		return r.readWARCMembers(in, br)
	}
	if len(p) > 0 && !bytes.HasPrefix(p, warcMagic) {
		line, _ := peek(br, 32)
		if i := bytes.IndexAny(line, "\r\n"); i >= 0 {
			line = line[:i]
		}
		return r.fail(in.name, 0, fmt.Errorf("%w: not a WARC file: starts with %s", ErrWARC, quote(string(firstBytes(line, 32)))))
	}
	return r.warcRecords(in, br)
}

// readWARCMembers reads a gzip-compressed WARC file.
func (r *reader) readWARCMembers(in *input, br *bufio.Reader) bool {
	// flate reads a ByteReader byte by byte, never past the end of a
	// member: cr counts exactly the compressed bytes consumed.
	cr := &byteCounter{br: br}
	zr, err := gzip.NewReader(cr)
	if err != nil {
		return r.warcFailed(in, 1, 0, fmt.Errorf("%w: %w", ErrGzip, err))
	}
	zr.Multistream(false)
	return r.warcRecords(in, &memberReader{cr: cr, zr: zr})
}

// errMemberEnd is what a memberReader returns at the end of each gzip
// member: gowarc passes it up from the read of the next record's first
// line, and it is no error but the cue to go on with the next member.
// (Had gowarc seen io.EOF, it would have stopped for good.)
var errMemberEnd = errors.New("end of gzip member")

// memberReader reads a gzip stream one member at a time: gowarc cannot
// read ahead into the next member, so the first record after a member
// boundary is known to start at the member's offset. gowarc's own gzip
// mode would know offsets too, but it reads only the first record of a
// member and drops the rest, so a WARC file compressed whole would yield
// one record and no error.
type memberReader struct {
	cr    *byteCounter
	zr    *gzip.Reader
	start int64 // offset of the current member in the file
	eof   bool
}

func (m *memberReader) Read(p []byte) (int, error) {
	if m.eof {
		return 0, io.EOF
	}
	n, err := m.zr.Read(p)
	if err == io.EOF {
		err = errMemberEnd
	}
	return n, err
}

// next moves to the next member; it returns io.EOF at the end of the file.
func (m *memberReader) next() error {
	m.start = m.cr.n
	err := m.zr.Reset(m.cr)
	switch err {
	case nil:
		m.zr.Multistream(false)
	case io.EOF:
		m.eof = true
	}
	return err
}

// byteCounter counts the bytes read from a bufio.Reader.
type byteCounter struct {
	br *bufio.Reader
	n  int64
}

func (c *byteCounter) Read(p []byte) (int, error) {
	k, err := c.br.Read(p)
	c.n += int64(k)
	return k, err
}

func (c *byteCounter) ReadByte() (byte, error) {
	b, err := c.br.ReadByte()
	if err == nil {
		c.n++
	}
	return b, err
}

// warcRecords reads the records of a WARC stream: a plain file, or a
// *memberReader over a compressed one. Error messages give the byte offset
// of a record that starts a file or a gzip member.
func (r *reader) warcRecords(in *input, rd io.Reader) bool {
	m, _ := rd.(*memberReader)
	wr, err := warc.NewReader(rd)
	if err != nil {
		return r.warcFailed(in, 1, 0, err)
	}
	defer wr.Close()
	offset := int64(0) // of the next record, -1 when not known
	for n := 1; ; {
		if r.done() {
			return false
		}
		rec, err := wr.ReadRecord()
		if err == io.EOF {
			return true
		}
		if m != nil && errors.Is(err, errMemberEnd) {
			// Only between records: the end of a member inside one
			// is an error.
			if msg := err.Error(); !strings.HasPrefix(msg, "reading WARC version") && !strings.HasPrefix(msg, "init decompression reader") {
				return r.warcFailed(in, n, offset, fmt.Errorf("the record goes on past the end of its gzip member"))
			}
			switch err := m.next(); err {
			case nil:
				offset = m.start
			case io.EOF:
			default:
				return r.warcFailed(in, n, m.start, fmt.Errorf("%w: %w", ErrGzip, err))
			}
			continue
		}
		if err == nil && !strings.HasPrefix(rec.Version, "WARC/") {
			rec.Content.Close()
			err = fmt.Errorf("not a WARC record: starts with %s", quote(rec.Version))
		}
		if err != nil {
			return r.warcFailed(in, n, offset, err)
		}
		ok := r.warcRecord(in, n, rec)
		rec.Content.Close()
		if !ok {
			return false
		}
		n++
		offset = -1
	}
}

// warcFailed reports the failure of record n, at offset when known (>= 0).
func (r *reader) warcFailed(in *input, n int, offset int64, err error) bool {
	if r.done() {
		return false
	}
	where := fmt.Sprintf("record %d", n)
	if offset >= 0 {
		where += fmt.Sprintf(" at byte offset %d", offset)
	}
	switch {
	case in.src.err != nil && errors.Is(err, in.src.err):
		return r.fail(in.name, n, fmt.Errorf("%w: %s: %w", ErrRead, where, osError(err)))
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return r.fail(in.name, n, fmt.Errorf("%w: %s: truncated: %w", ErrWARC, where, err))
	}
	return r.fail(in.name, n, fmt.Errorf("%w: %s: %w", ErrWARC, where, err))
}

// warcRecord yields the article of one record, if it holds an HTML page.
func (r *reader) warcRecord(in *input, n int, rec *warc.Record) bool {
	if !strings.EqualFold(rec.Header.Get("WARC-Type"), "response") {
		return true
	}
	if mt, _, _ := strings.Cut(rec.Header.Get("Content-Type"), ";"); !strings.EqualFold(strings.TrimSpace(mt), "application/http") {
		return true
	}
	target := strings.Trim(strings.TrimSpace(rec.Header.Get("WARC-Target-URI")), "<>")
	fail := func(err error) bool {
		if target != "" {
			err = fmt.Errorf("%s: %w", target, err)
		}
		return r.fail(in.name, n, err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(rec.Content), nil)
	if err != nil {
		return fail(fmt.Errorf("%w: HTTP response: %w", ErrWARC, err))
	}
	defer resp.Body.Close()
	ctype := resp.Header.Get("Content-Type")
	if resp.StatusCode != http.StatusOK || formatByType(ctype) != FormatHTML {
		return true
	}
	body := io.Reader(resp.Body)
	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(body)
		if err != nil {
			return fail(fmt.Errorf("%w: %w", ErrGzip, err))
		}
		defer zr.Close()
		body = zr
	case "deflate":
		fr := flate.NewReader(body)
		defer fr.Close()
		body = fr
	default:
		return fail(fmt.Errorf("%w: unsupported Content-Encoding %s", ErrNoArticle, quote(enc)))
	}
	var buf bytes.Buffer
	size, err := buf.ReadFrom(io.LimitReader(body, r.max+1))
	switch {
	case err != nil:
		return fail(fmt.Errorf("%w: HTTP response body: %w", ErrWARC, err))
	case size > r.max:
		return fail(fmt.Errorf("%w: page over the %d-byte limit", ErrTooLarge, r.max))
	}
	pg := page{body: buf.Bytes(), ctype: ctype, url: target}
	if d, err := ParseDate(rec.Header.Get("WARC-Date")); err == nil {
		pg.published = d
	}
	a, err := extractHTML(pg)
	if err != nil {
		return fail(err)
	}
	if a.Published == "" {
		a.Published = r.published
	}
	a.Origin = eventwire.Origin{Name: in.name, Line: n}
	return r.emit(a, nil)
}
