package parse

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
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
