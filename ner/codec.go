package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"math"

	"github.com/eventwire/eventwire/geo"
)

// The model format, inside gzip:
//
//	magic "eventwire ner\n", version (uvarint), flags (uvarint: bit 0 the
//	document-level second pass, bit 1 the gazetteer features, bit 2 word
//	clusters)
//	weights: n features, n weights in all, the features in increasing key
//	         order, each: key delta, n weights, each: index (byte), weight
//	clusters (with bit 2): n words, each: form, fine cluster;
//	         n fine clusters, each: its coarse cluster
//
// Strings are a varint length and the bytes.
// Integers are unsigned varints, weights zig-zag varints. The index of a
// weight is the label for the first pass and numLabels plus the label for
// the second; transition scores are the weights of the tTrans features.

const (
	magic         = "eventwire ner\n"
	formatVersion = 1

	flagStacked = 1
	flagGaz     = 2
	flagCluster = 4

	maxString = 1 << 10
	maxCount  = 1 << 26
	// maxModel bounds the decompressed size of a model that Read accepts.
	maxModel = 1 << 28
)

// Write writes the recogniser in its compact binary format,
// gzip-compressed.
func (r *Recognizer) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("ner: write: %w", err)
	}
	bw := bufio.NewWriterSize(zw, 64<<10)
	var buf []byte
	buf = append(buf, magic...)
	buf = binary.AppendUvarint(buf, formatVersion)
	var flags uint64
	if r.stacked {
		flags |= flagStacked
	}
	if r.gaz != nil {
		flags |= flagGaz
	}
	if r.clu != nil {
		flags |= flagCluster
	}
	buf = binary.AppendUvarint(buf, flags)
	feats := r.w.features()
	total := 0
	for _, f := range feats {
		total += len(f.ents)
	}
	buf = binary.AppendUvarint(buf, uint64(len(feats)))
	buf = binary.AppendUvarint(buf, uint64(total))
	var last uint64
	for _, f := range feats {
		buf = binary.AppendUvarint(buf, f.key-last)
		last = f.key
		buf = binary.AppendUvarint(buf, uint64(len(f.ents)))
		for _, e := range f.ents {
			buf = append(buf, uint8(e))
			buf = binary.AppendVarint(buf, int64(e>>8))
		}
		if len(buf) > 32<<10 {
			if _, err := bw.Write(buf); err != nil {
				return fmt.Errorf("ner: write: %w", err)
			}
			buf = buf[:0]
		}
	}
	if c := r.clu; c != nil {
		buf = binary.AppendUvarint(buf, uint64(len(c.words)))
		for i, w := range c.words {
			buf = binary.AppendUvarint(buf, uint64(len(w)))
			buf = append(buf, w...)
			buf = binary.AppendUvarint(buf, uint64(c.fine[i]))
		}
		buf = binary.AppendUvarint(buf, uint64(len(c.coarse)))
		for _, x := range c.coarse {
			buf = binary.AppendUvarint(buf, uint64(x))
		}
	}
	if _, err := bw.Write(buf); err != nil {
		return fmt.Errorf("ner: write: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("ner: write: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("ner: write: %w", err)
	}
	return nil
}

// Read reads a recogniser written by Write. A corrupt, truncated or
// foreign input yields an error that wraps ErrModel. A model trained with
// the gazetteer features gets the embedded gazetteer (geo.Load); see
// ReadWith to share one.
func Read(r io.Reader) (*Recognizer, error) { return ReadWith(r, nil) }

// ReadWith is Read with the gazetteer g for a model that uses one (nil:
// load the embedded one when the model needs it).
func ReadWith(r io.Reader, g *geo.Gazetteer) (*Recognizer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrModel, err)
	}
	data, err := io.ReadAll(io.LimitReader(zr, maxModel+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrModel, err)
	}
	if len(data) > maxModel {
		return nil, fmt.Errorf("%w: larger than %d bytes", ErrModel, maxModel)
	}
	rec, flags, err := decode(data)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrModel, err)
	}
	if flags&flagGaz != 0 {
		if g == nil {
			if g, err = geo.Load(); err != nil {
				return nil, fmt.Errorf("ner: %w", err)
			}
		}
		rec.gaz = g
	}
	return rec, nil
}

func decode(data []byte) (*Recognizer, uint64, error) {
	if !bytes.HasPrefix(data, []byte(magic)) {
		return nil, 0, fmt.Errorf("not a ner model")
	}
	pos := len(magic)
	var bad error
	uv := func() uint64 {
		v, n := binary.Uvarint(data[pos:])
		if n <= 0 {
			if bad == nil {
				bad = io.ErrUnexpectedEOF
			}
			pos = len(data)
			return 0
		}
		pos += n
		return v
	}
	if v := uv(); v != formatVersion && bad == nil {
		return nil, 0, fmt.Errorf("format version %d, want %d", v, formatVersion)
	}
	flags := uv()
	if flags&^(flagStacked|flagGaz|flagCluster) != 0 && bad == nil {
		return nil, 0, fmt.Errorf("unknown flags %#x", flags)
	}
	nf, total := uv(), uv()
	left := uint64(len(data) - pos)
	// Every feature takes at least two bytes and every weight two more:
	// this bounds what a corrupt header can make us allocate.
	if bad == nil && (nf > maxCount || total > maxCount || 2*nf+2*total > left) {
		return nil, 0, fmt.Errorf("%d features, %d weights in %d bytes", nf, total, left)
	}
	feats := make([]feature, 0, nf)
	all := make([]int32, 0, total)
	var key uint64
	limit := uint8(numLabels)
	if flags&flagStacked != 0 {
		limit = 2 * numLabels
	}
	for i := uint64(0); i < nf && bad == nil; i++ {
		delta := uv()
		key += delta
		if delta == 0 || key > keyMask {
			bad = fmt.Errorf("feature %d: bad key", i)
			break
		}
		k := uv()
		if k == 0 || k > uint64(limit) {
			bad = fmt.Errorf("feature %d: %d weights", i, k)
			break
		}
		start := len(all)
		for j := uint64(0); j < k && bad == nil; j++ {
			if pos >= len(data) {
				bad = io.ErrUnexpectedEOF
				break
			}
			c := data[pos]
			pos++
			v, n := binary.Varint(data[pos:])
			if n <= 0 {
				bad = io.ErrUnexpectedEOF
				break
			}
			pos += n
			if c >= limit || v < math.MinInt16 || v > math.MaxInt16 || j > 0 && c <= uint8(all[len(all)-1]) {
				bad = fmt.Errorf("feature %d: bad weight", i)
				break
			}
			all = append(all, int32(v)<<8|int32(c))
		}
		feats = append(feats, feature{key: key, ents: all[start:len(all):len(all)]})
	}
	if bad == nil && uint64(len(all)) != total {
		bad = fmt.Errorf("%d weights, header says %d", len(all), total)
	}
	var clu *clusters
	if flags&flagCluster != 0 && bad == nil {
		nw := uv()
		if nw > uint64(len(data)-pos)/2 || nw == 0 {
			bad = fmt.Errorf("%d cluster words in %d bytes", nw, len(data)-pos)
		}
		words := make([]string, 0, min(nw, uint64(len(data)-pos)))
		fine := make([]uint16, 0, cap(words))
		maxFine := uint64(0)
		for i := uint64(0); i < nw && bad == nil; i++ {
			n := uv()
			if n == 0 || n > maxString || n > uint64(len(data)-pos) {
				bad = fmt.Errorf("cluster word %d: bad length", i)
				break
			}
			words = append(words, string(data[pos:pos+int(n)]))
			pos += int(n)
			f := uv()
			if f >= 1<<16 {
				bad = fmt.Errorf("cluster word %d: bad cluster", i)
			}
			maxFine = max(maxFine, f)
			fine = append(fine, uint16(f))
		}
		nc := uv()
		if bad == nil && (nc <= maxFine || nc > uint64(len(data)-pos)) {
			bad = fmt.Errorf("%d fine clusters for cluster %d", nc, maxFine)
		}
		var coarse []uint16
		for i := uint64(0); i < nc && bad == nil; i++ {
			x := uv()
			if x >= 1<<16 {
				bad = fmt.Errorf("fine cluster %d: bad coarse cluster", i)
			}
			coarse = append(coarse, uint16(x))
		}
		if bad == nil {
			clu = newClusters(words, fine, coarse)
		}
	}
	if bad == nil && pos != len(data) {
		bad = fmt.Errorf("%d bytes of trailing data", len(data)-pos)
	}
	if bad != nil {
		return nil, 0, bad
	}
	r := newRecognizer(feats, flags&flagStacked != 0)
	r.clu = clu
	return r, flags, nil
}
