package parse

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"
)

// ErrModel is wrapped by every error about a model that cannot be read:
// a corrupt, truncated or foreign file.
var ErrModel = errors.New("parse: bad model")

// ErrNoData is returned by Train when the training files hold no usable
// sentence.
var ErrNoData = errors.New("parse: no training sentences")

//go:embed model/parser.bin.gz
var embedded []byte

// Load reads the model embedded in the package (parse/model/parser.bin.gz).
func Load() (*Parser, error) {
	p, err := Read(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("embedded parser model: %w", err)
	}
	return p, nil
}

// Parser is a trained parser; read-only after Load or Train, safe for
// concurrent use.
type Parser struct {
	bits   uint     // the weight matrix has 1<<bits rows
	labels []string // dependency relations by id
	root   uint8    // id of "root"
	nLeft  int      // actions 1..nLeft are LEFT-ARC(leftLab[a-1])
	// actions nLeft+1..nAct-1 are RIGHT-ARC(rightLab[a-nLeft-1])
	leftLab, rightLab []uint8
	nAct              int

	upos, xpos     []string
	uposID, xposID map[string]uint64
	verb, aux      uint64 // UPOS atoms of VERB and AUX

	vocabList []uint64 // sorted form hashes of the known words
	ambList   []uint64 // their XPOS ambiguity classes: bit t for XPOS id t
	vocab     wordIndex

	// The weights, int16 in units of scale.
	scale float32
	w     weights

	pool sync.Pool // of *state
}

const (
	// featureVersion changes whenever the features change: a model only
	// works with the features it was trained with.
	featureVersion = 4

	magic   = "EWPARSE1"
	endMark = "END!"

	maxBits    = 22
	minBits    = 4
	maxLabels  = 250
	maxTags    = 1000
	maxStrLen  = 256
	maxVocab   = 1 << 24
	maxEntries = maxWeights
)

func (p *Parser) init() {
	p.uposID = tagIndex(p.upos)
	p.xposID = tagIndex(p.xpos)
	p.vocab = newWordIndex(p.vocabList)
	p.verb, p.aux = p.uposID["VERB"], p.uposID["AUX"]
	p.nAct = 1 + len(p.leftLab) + len(p.rightLab)
	p.nLeft = len(p.leftLab)
}

func tagIndex(tags []string) map[string]uint64 {
	m := make(map[string]uint64, len(tags))
	for i, t := range tags {
		m[t] = uint64(i + 1)
	}
	return m
}

// Save writes the model, gzip-compressed.
func (p *Parser) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(zw, 1<<16)
	var buf [binary.MaxVarintLen64]byte
	uv := func(x uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], x)]) }
	str := func(s string) { uv(uint64(len(s))); bw.WriteString(s) }
	strs := func(ss []string) {
		uv(uint64(len(ss)))
		for _, s := range ss {
			str(s)
		}
	}
	bw.WriteString(magic)
	uv(featureVersion)
	uv(uint64(p.bits))
	strs(p.labels)
	uv(uint64(p.root))
	uv(uint64(len(p.leftLab)))
	bw.Write(p.leftLab)
	uv(uint64(len(p.rightLab)))
	bw.Write(p.rightLab)
	strs(p.upos)
	strs(p.xpos)
	uv(uint64(len(p.vocabList)))
	var prev uint64
	for _, h := range p.vocabList {
		uv(h - prev)
		prev = h
	}
	for _, a := range p.ambList {
		uv(a)
	}
	binary.LittleEndian.PutUint32(buf[:4], math.Float32bits(p.scale))
	bw.Write(buf[:4])
	// Row lengths, then the actions, then the weights: columns compress
	// better than interleaved records.
	var acts, lo, hi []byte
	for r := range p.w.rows() {
		k := 0
		p.w.each(r, func(a int, v int16) {
			acts = append(acts, byte(a))
			lo = append(lo, byte(v))
			hi = append(hi, byte(uint16(v)>>8))
			k++
		})
		uv(uint64(k))
	}
	uv(uint64(len(acts)))
	bw.Write(acts)
	bw.Write(lo)
	bw.Write(hi)
	bw.WriteString(endMark)
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// modelReader decodes a model with a sticky error.
type modelReader struct {
	r   *bufio.Reader
	err error
}

func (m *modelReader) fail(format string, args ...any) {
	if m.err == nil {
		m.err = fmt.Errorf("%w: "+format, append([]any{ErrModel}, args...)...)
	}
}

func (m *modelReader) uv(max uint64, what string) uint64 {
	if m.err != nil {
		return 0
	}
	x, err := binary.ReadUvarint(m.r)
	if err != nil {
		m.fail("%s: %v", what, err)
		return 0
	}
	if x > max {
		m.fail("%s %d out of range", what, x)
		return 0
	}
	return x
}

func (m *modelReader) bytes(n int, what string) []byte {
	if m.err != nil {
		return nil
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(m.r, b); err != nil {
		m.fail("%s: %v", what, err)
		return nil
	}
	return b
}

func (m *modelReader) strs(max int, what string) []string {
	n := int(m.uv(uint64(max), what))
	ss := make([]string, 0, n)
	for range n {
		l := int(m.uv(maxStrLen, what))
		b := m.bytes(l, what)
		if m.err != nil {
			return nil
		}
		ss = append(ss, string(b))
	}
	return ss
}

// Read reads a model written by Save. A corrupt or truncated input yields
// an error wrapping ErrModel.
func Read(r io.Reader) (*Parser, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrModel, err)
	}
	m := &modelReader{r: bufio.NewReaderSize(zr, 1<<16)}
	if string(m.bytes(len(magic), "magic")) != magic {
		m.fail("not a parser model")
	}
	p := &Parser{}
	if v := m.uv(math.MaxUint32, "version"); m.err == nil && v != featureVersion {
		m.fail("feature set version %d, want %d", v, featureVersion)
	}
	bits := m.uv(maxBits, "bits")
	p.bits = uint(bits)
	if m.err == nil && bits < minBits {
		m.fail("bits %d out of range", bits)
	}
	p.labels = m.strs(maxLabels, "labels")
	p.root = uint8(m.uv(maxLabels, "root"))
	p.leftLab = m.bytes(int(m.uv(maxLabels, "left labels")), "left labels")
	p.rightLab = m.bytes(int(m.uv(maxLabels, "right labels")), "right labels")
	p.upos = m.strs(maxTags, "UPOS")
	p.xpos = m.strs(maxTags, "XPOS")
	if m.err == nil {
		if int(p.root) >= len(p.labels) {
			m.fail("root label %d out of range", p.root)
		}
		for _, l := range slices.Concat(p.leftLab, p.rightLab) {
			if int(l) >= len(p.labels) || l == p.root {
				m.fail("label %d out of range", l)
			}
		}
		if len(p.leftLab) == 0 || len(p.rightLab) == 0 {
			m.fail("no LEFT or no RIGHT action")
		}
		if 1+len(p.leftLab)+len(p.rightLab) > 255 {
			m.fail("too many actions")
		}
	}
	nv := int(m.uv(maxVocab, "vocabulary"))
	var prev uint64
	for i := 0; i < nv && m.err == nil; i++ {
		d := m.uv(math.MaxUint64, "vocabulary")
		if i > 0 && d == 0 {
			m.fail("vocabulary not sorted")
		}
		prev += d
		p.vocabList = append(p.vocabList, prev)
	}
	for i := 0; i < nv && m.err == nil; i++ {
		p.ambList = append(p.ambList, m.uv(math.MaxUint64, "ambiguity class"))
	}
	if b := m.bytes(4, "scale"); m.err == nil {
		p.scale = math.Float32frombits(binary.LittleEndian.Uint32(b))
		if !(p.scale > 0) || math.IsInf(float64(p.scale), 0) {
			m.fail("bad scale")
		}
	}
	nAct := uint64(1 + len(p.leftLab) + len(p.rightLab))
	if m.err != nil {
		return nil, m.err
	}
	rows := 1 << p.bits
	off := make([]uint32, 1, rows+1)
	var total uint64
	for r := 0; r < rows && m.err == nil; r++ {
		total += m.uv(nAct, "row length")
		if total > maxEntries {
			m.fail("too many weights")
		}
		off = append(off, uint32(total))
	}
	if n := m.uv(maxEntries, "weights"); m.err == nil && n != total {
		m.fail("weights %d, rows say %d", n, total)
	}
	if m.err != nil {
		return nil, m.err
	}
	acts := readChunks(m, int(total), "actions")
	lo := readChunks(m, int(total), "weights")
	hi := readChunks(m, int(total), "weights")
	if m.err != nil {
		return nil, m.err
	}
	ent := make([]uint32, total)
	var seen [256]uint32 // the last row with a weight for each action, plus 1
	for r := range rows {
		for i := off[r]; i < off[r+1]; i++ {
			a := acts[i]
			if uint64(a) >= nAct || seen[a] == uint32(r+1) || lo[i] == 0 && hi[i] == 0 {
				return nil, fmt.Errorf("%w: bad weight for action %d", ErrModel, a)
			}
			seen[a] = uint32(r + 1)
			ent[i] = uint32(a)<<16 | uint32(hi[i])<<8 | uint32(lo[i])
		}
	}
	if string(m.bytes(len(endMark), "end")) != endMark {
		m.fail("missing end mark")
	}
	// Read to the end so that gzip checks its CRC.
	if m.err == nil {
		if _, err := m.r.ReadByte(); err != io.EOF {
			if err == nil {
				m.fail("trailing data")
			} else {
				m.fail("%v", err)
			}
		}
	}
	if m.err != nil {
		return nil, m.err
	}
	p.w = buildWeights(off, ent, int(nAct))
	p.init()
	return p, nil
}

// readChunks reads n bytes (n <= maxEntries).
func readChunks(m *modelReader, n int, what string) []byte {
	if m.err != nil {
		return nil
	}
	out := make([]byte, n)
	if _, err := io.ReadFull(m.r, out); err != nil {
		m.fail("%s: %v", what, err)
		return nil
	}
	return out
}

// Labels returns the dependency relations the parser assigns.
func (p *Parser) Labels() []string { return slices.Clone(p.labels) }

// pruned returns a copy of p without the weights whose magnitude is below
// thr (in the units of the averaged perceptron).
func (p *Parser) pruned(thr float32) *Parser {
	q := &Parser{bits: p.bits, labels: p.labels, root: p.root, leftLab: p.leftLab, rightLab: p.rightLab,
		upos: p.upos, xpos: p.xpos, vocabList: p.vocabList, ambList: p.ambList, scale: p.scale}
	lim := int32(thr / p.scale)
	off := make([]uint32, p.w.rows()+1)
	var ent []uint32
	for r := range p.w.rows() {
		p.w.each(r, func(a int, v int16) {
			if w := int32(v); w >= lim || -w >= lim {
				ent = append(ent, uint32(a)<<16|uint32(uint16(v)))
			}
		})
		off[r+1] = uint32(len(ent))
	}
	q.w = buildWeights(off, ent, 1+len(p.leftLab)+len(p.rightLab))
	q.init()
	return q
}
