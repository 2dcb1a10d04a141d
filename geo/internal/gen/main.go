package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
)

func main() {
	var opt Options
	flag.StringVar(&opt.Dir, "data", "../../shared/data/geo", "directory of the npm tarballs")
	flag.StringVar(&opt.EWT, "ewt", "", "UD English EWT train file, for common words (default: ud-english-ewt/en_ewt-ud-train.conllu.gz beside the -data directory)")
	flag.StringVar(&opt.UNER, "uner", "", "Universal NER English EWT train file, for personal names (default: uner-english-ewt/en_ewt-ud-train.iob2.gz beside the -data directory)")
	flag.IntVar(&opt.MinPop, "min-pop", defaultMinPop, "keep cities with at least this population (capitals, seats of government and of first-order divisions are kept regardless)")
	out := flag.String("out", "data/gazetteer.tsv.gz", "output file")
	flag.Parse()
	var buf bytes.Buffer
	st, err := Generate(&buf, opt)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "gen: %s: %d bytes; %s\n", *out, buf.Len(), st)
}

// gzipBytes compresses b deterministically (no name, no time).
func gzipBytes(b []byte) ([]byte, error) {
	var out bytes.Buffer
	zw, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
