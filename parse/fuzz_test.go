package parse

import (
	"bytes"
	"errors"
	"testing"
)

// FuzzRead feeds corrupt models to Read: it must return an error wrapping
// ErrModel or a parser that parses, never panic.
func FuzzRead(f *testing.F) {
	p := tinyParser(f)
	var buf bytes.Buffer
	if err := p.Save(&buf); err != nil {
		f.Fatal(err)
	}
	good := buf.Bytes()
	f.Add(good)
	f.Add(good[:len(good)/3])
	f.Add(flip(good, len(good)/2))
	f.Add([]byte{})
	// The uncompressed payload, gzipped again after damage, reaches the
	// decoder past the gzip checksum.
	raw := gunzip(f, good)
	f.Add(gz(raw))
	f.Add(gz(raw[:len(raw)/2]))
	for _, i := range []int{8, 9, 12, 20, 40, len(raw) / 2, len(raw) - 5} {
		if i < len(raw) {
			d := bytes.Clone(raw)
			d[i] ^= 0xff
			f.Add(gz(d))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, in := range [][]byte{data, gz(data)} {
			q, err := Read(bytes.NewReader(in))
			if err != nil {
				if !errors.Is(err, ErrModel) {
					t.Fatalf("error %v does not wrap ErrModel", err)
				}
				continue
			}
			for _, tc := range oddSentences()[:6] {
				heads, rels := make([]int, len(tc.words)), make([]string, len(tc.words))
				q.ParseWords(tc.words, nil, tc.tags, heads, rels)
				checkTree(t, heads, rels)
			}
		}
	})
}
