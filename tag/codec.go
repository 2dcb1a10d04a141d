package tag

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"strings"
)

// The model format, inside gzip:
//
//	magic "eventwire tagger\n", version (uvarint), flags (uvarint)
//	classes:    n, then n × (UPOS, XPOS); flags bit 0: stacked (two passes)
//	lexicon:    parameters, n forms, each: form, n tags, each: class (byte), count, lemma
//	lemmatizer: longest suffix, casing bits per class, n rules, each: class (byte), suffix, strip (byte), append
//	weights:    scale, n features, n weights in all, the features in increasing key order,
//	            each: key delta, n weights, each: index (byte), weight
//
// Integers are unsigned varints unless said otherwise, strings a varint
// length and the bytes, weights zig-zag varints, floats 4 bytes little
// endian. Lemmas are coded as 0 (the form), 1 (the form lowercased) or 2
// and the lemma.

const (
	magic         = "eventwire tagger\n"
	formatVersion = 1

	flagStacked = 1

	maxString = 1 << 12
	maxCount  = 1 << 26
)

// Save writes the tagger in its compact binary format, gzip-compressed.
func (t *Tagger) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("tag: save: %w", err)
	}
	e := &encoder{w: bufio.NewWriterSize(zw, 64<<10)}
	e.bytes([]byte(magic))
	e.uvarint(formatVersion)
	var flags uint64
	if t.stacked {
		flags |= flagStacked
	}
	e.uvarint(flags)

	e.uvarint(uint64(len(t.classes)))
	for _, c := range t.classes {
		e.str(c.upos)
		e.str(c.xpos)
	}

	lx := t.lex
	p := lx.params
	e.uvarint(uint64(p.DirectMin))
	e.f32(p.DirectRatio)
	e.uvarint(uint64(p.CandMin))
	e.uvarint(uint64(p.AmbMin))
	e.f32(p.AmbShare)
	e.uvarint(uint64(len(lx.entries)))
	for _, en := range lx.entries {
		e.str(en.form)
		e.uvarint(uint64(len(en.tags)))
		lower := strings.ToLower(en.form)
		for _, tg := range en.tags {
			e.byte(tg.class)
			e.uvarint(uint64(tg.count))
			switch tg.lemma {
			case en.form:
				e.uvarint(0)
			case lower:
				e.uvarint(1)
			default:
				e.uvarint(2)
				e.str(tg.lemma)
			}
		}
	}

	l := t.lem
	e.uvarint(uint64(l.maxSuffix))
	for _, b := range l.lower {
		e.uvarint(uint64(b))
	}
	e.uvarint(uint64(len(l.rules)))
	for _, r := range l.rules {
		e.byte(r.class)
		e.str(r.suffix)
		e.byte(r.rule.strip)
		e.str(r.rule.add)
	}

	e.f32(t.w.scale)
	feats := t.w.features()
	e.uvarint(uint64(len(feats)))
	total := 0
	for _, f := range feats {
		total += len(f.ents)
	}
	e.uvarint(uint64(total))
	var last uint64
	for _, f := range feats {
		e.uvarint(f.key - last)
		last = f.key
		e.uvarint(uint64(len(f.ents)))
		for _, v := range f.ents {
			e.byte(uint8(v))
			e.varint(int64(v >> 8))
		}
	}

	if e.err == nil {
		e.err = e.w.Flush()
	}
	if e.err == nil {
		e.err = zw.Close()
	}
	if e.err != nil {
		return fmt.Errorf("tag: save: %w", e.err)
	}
	return nil
}

type encoder struct {
	w   *bufio.Writer
	err error
	buf [binary.MaxVarintLen64]byte
}

func (e *encoder) bytes(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

func (e *encoder) byte(b byte) {
	if e.err == nil {
		e.err = e.w.WriteByte(b)
	}
}

func (e *encoder) uvarint(v uint64) { e.bytes(binary.AppendUvarint(e.buf[:0], v)) }
func (e *encoder) varint(v int64)   { e.bytes(binary.AppendVarint(e.buf[:0], v)) }

func (e *encoder) str(s string) {
	e.uvarint(uint64(len(s)))
	if e.err == nil {
		_, e.err = e.w.WriteString(s)
	}
}

func (e *encoder) f32(f float32) {
	e.bytes(binary.LittleEndian.AppendUint32(e.buf[:0], math.Float32bits(f)))
}

// maxModel bounds the decompressed size of a model that Read accepts.
const maxModel = 1 << 28

// Read reads a tagger written by Save. A corrupt, truncated or foreign
// input yields an error that wraps ErrModel.
func Read(r io.Reader) (*Tagger, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrModel, err)
	}
	// io.ReadAll reads to the end, where gzip checks its checksum.
	data, err := io.ReadAll(io.LimitReader(zr, maxModel+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrModel, err)
	}
	if len(data) > maxModel {
		return nil, fmt.Errorf("%w: larger than %d bytes", ErrModel, maxModel)
	}
	d := &decoder{data: data}
	t := d.tagger()
	if d.err == nil && d.pos != len(d.data) {
		d.fail("%d bytes of trailing data", len(d.data)-d.pos)
	}
	if d.err != nil {
		return nil, fmt.Errorf("%w: %w", ErrModel, d.err)
	}
	return t, nil
}

type decoder struct {
	data []byte
	pos  int
	err  error
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf(format, args...)
	}
}

func (d *decoder) truncated() {
	if d.err == nil {
		d.err = io.ErrUnexpectedEOF
	}
	d.pos = len(d.data)
}

func (d *decoder) byte() byte {
	if d.pos >= len(d.data) {
		d.truncated()
		return 0
	}
	b := d.data[d.pos]
	d.pos++
	return b
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.data[d.pos:])
	if n <= 0 {
		if n < 0 {
			d.fail("bad varint")
		}
		d.truncated()
		return 0
	}
	d.pos += n
	return v
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.data[d.pos:])
	if n <= 0 {
		if n < 0 {
			d.fail("bad varint")
		}
		d.truncated()
		return 0
	}
	d.pos += n
	return v
}

// count reads a count that must be at most limit.
func (d *decoder) count(what string, limit int) int {
	v := d.uvarint()
	if v > uint64(limit) {
		d.fail("%s: %d is too many", what, v)
		d.pos = len(d.data)
		return 0
	}
	return int(v)
}

func (d *decoder) left() int { return len(d.data) - d.pos }

func (d *decoder) raw(n int) []byte {
	if n > len(d.data)-d.pos {
		d.truncated()
		return nil
	}
	b := d.data[d.pos : d.pos+n]
	d.pos += n
	return b
}

func (d *decoder) str() string {
	n := d.count("string length", maxString)
	return string(d.raw(n))
}

func (d *decoder) f32() float32 {
	b := d.raw(4)
	if b == nil {
		return 0
	}
	return math.Float32frombits(binary.LittleEndian.Uint32(b))
}

// capHint bounds the capacity allocated up front for n items read from
// untrusted input, each at least one byte: slices grow past it as the
// items actually arrive.
func (d *decoder) capHint(n int) int { return min(n, d.left()) }

func (d *decoder) tagger() *Tagger {
	if string(d.raw(len(magic))) != magic {
		d.fail("not a tagger model")
		return nil
	}
	if v := d.uvarint(); v != formatVersion && d.err == nil {
		d.fail("format version %d, want %d", v, formatVersion)
	}
	flags := d.uvarint()
	t := &Tagger{stacked: flags&flagStacked != 0}

	nc := d.count("classes", maxClasses)
	if nc == 0 {
		d.fail("no classes")
	}
	for range nc {
		t.classes = append(t.classes, class{upos: d.str(), xpos: d.str()})
	}

	var p lexParams
	p.DirectMin = uint32(d.count("parameter", math.MaxUint32))
	p.DirectRatio = d.f32()
	p.CandMin = uint32(d.count("parameter", math.MaxUint32))
	p.AmbMin = uint32(d.count("parameter", math.MaxUint32))
	p.AmbShare = d.f32()
	n := d.count("forms", maxCount)
	entries := make([]lexEntry, 0, d.capHint(n))
	for i := 0; i < n && d.err == nil; i++ {
		e := lexEntry{form: d.str()}
		lower := strings.ToLower(e.form)
		k := d.count("tags of a form", nc)
		for j := 0; j < k && d.err == nil; j++ {
			tg := lexTag{class: d.byte(), count: uint32(d.count("count", math.MaxUint32))}
			if int(tg.class) >= nc || j > 0 && tg.class <= e.tags[j-1].class {
				d.fail("form %q: bad class %d", e.form, tg.class)
			}
			switch d.uvarint() {
			case 0:
				tg.lemma = e.form
			case 1:
				tg.lemma = lower
			case 2:
				tg.lemma = d.str()
			default:
				d.fail("form %q: bad lemma code", e.form)
			}
			if e.total+tg.count < e.total {
				d.fail("form %q: count overflow", e.form)
			}
			e.total += tg.count
			e.tags = append(e.tags, tg)
		}
		entries = append(entries, e)
	}

	maxSuffix := d.count("suffix length", 64)
	lower := make([]uint16, nc)
	for i := range lower {
		lower[i] = uint16(d.count("casing bits", math.MaxUint16))
	}
	n = d.count("lemma rules", maxCount)
	rules := make([]ruleEntry, 0, d.capHint(n))
	for i := 0; i < n && d.err == nil; i++ {
		r := ruleEntry{class: d.byte(), suffix: d.str()}
		r.rule.strip = d.byte()
		r.rule.add = d.str()
		if int(r.class) >= nc {
			d.fail("lemma rule: bad class %d", r.class)
		}
		rules = append(rules, r)
	}

	scale := d.f32()
	idxLimit := nc
	if t.stacked {
		idxLimit = 2 * nc
	}
	n = d.count("features", maxCount)
	total := d.count("weights", maxCount)
	// Every feature and weight takes at least two bytes: this bounds what
	// a corrupt header can make us allocate.
	if n > d.left()/2 || total > d.left()/2 {
		d.fail("%d features, %d weights in %d bytes", n, total, d.left())
		n, total = 0, 0
	}
	feats := make([]feature, 0, n)
	all := make([]int32, 0, total)
	var key uint64
	for i := 0; i < n && d.err == nil; i++ {
		delta := d.uvarint()
		key += delta
		if delta == 0 || key > keyMask {
			d.fail("feature %d: bad key", i)
		}
		k := d.count("weights of a feature", idxLimit)
		start := len(all)
		for j := 0; j < k && d.err == nil; j++ {
			c := d.byte()
			w := d.varint()
			if int(c) >= idxLimit || w < math.MinInt16 || w > math.MaxInt16 || j > 0 && c <= uint8(all[len(all)-1]) {
				d.fail("feature %d: bad weight", i)
			}
			all = append(all, int32(w)<<8|int32(c))
		}
		feats = append(feats, feature{key: key})
		feats[len(feats)-1].ents = all[start:len(all):len(all)]
	}
	if len(all) != total {
		d.fail("%d weights, header says %d", len(all), total)
	}
	if d.err != nil {
		return nil
	}
	t.lex = newLexicon(p, entries)
	t.lem = newLemmatizer(maxSuffix, rules, lower, t.classes, t.lex)
	t.w = newWeights(feats, idxLimit, scale)
	return t
}
