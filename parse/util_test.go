package parse

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/eventwire/eventwire/internal/newscorpus"
)

func writeFile(path, s string) error { return os.WriteFile(path, []byte(s), 0o644) }

func gz(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func gunzip(tb interface{ Fatal(...any) }, b []byte) []byte {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		tb.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

func writeTemp(t *testing.T, s string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "data.conllu")
	if err := writeFile(path, s); err != nil {
		t.Fatal(err)
	}
	return path
}

// sharedUD returns ../shared/data/ud-english-<name> when it exists.
func sharedUD(name string) (string, bool) {
	dir, ok := newscorpus.DataDir()
	if !ok {
		return "", false
	}
	d := filepath.Join(dir, "ud-english-"+name)
	if _, err := os.Stat(d); err != nil {
		return "", false
	}
	return d, true
}
