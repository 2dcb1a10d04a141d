// Package newscorpus loads the news corpora under ../shared/data (BBC News
// 2004-05 and Reuters-21578 in data/news, the PolNeAR articles in
// data/polnear) as articles, for benchmarks and robustness tests. The
// corpora are material that the project never ships: callers skip when
// DataDir finds nothing.
package newscorpus

import (
	"archive/tar"
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire"
)

// DataDir returns the shared data directory, looked up from the working
// directory upwards as shared/data beside the repository; ok is false when
// it is absent (a user's clone has no ../shared).
func DataDir() (dir string, ok bool) {
	wd, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for d := wd; ; d = filepath.Dir(d) {
		cand := filepath.Join(d, "..", "shared", "data")
		if st, err := os.Stat(cand); err == nil && st.IsDir() {
			return cand, true
		}
		if filepath.Dir(d) == d {
			return "", false
		}
	}
}

// BBC reads the BBC News archive of the data directory: one article per
// file (its ID the file's name), the first line its title, paragraphs
// separated by blank lines.
func BBC(dataDir string) ([]eventwire.Article, error) {
	var arts []eventwire.Article
	err := eachFile(filepath.Join(dataDir, "news", "bbc-fulltext.tar.gz"), func(name string, data []byte) {
		if !strings.HasSuffix(name, ".txt") || strings.HasSuffix(name, "README.TXT") {
			return
		}
		text := strings.ToValidUTF8(string(data), "\uFFFD")
		title, _, _ := strings.Cut(strings.TrimLeft(text, "\r\n\t "), "\n")
		arts = append(arts, eventwire.Article{ID: name, Title: strings.TrimSpace(title), Text: text, Source: "BBC",
			Origin: eventwire.Origin{Name: name}})
	})
	return arts, err
}

// Reuters reads the Reuters-21578 archive of the data directory: every
// story with a body becomes an article (its ID "reuters-NEWID") whose text
// is the title, a blank line, then the dateline and the body as the wire
// printed them (hard-wrapped at about 70 characters, paragraphs indented).
// One file holds a stray Latin-1 byte; it is replaced by U+FFFD.
func Reuters(dataDir string) ([]eventwire.Article, error) {
	var arts []eventwire.Article
	err := eachFile(filepath.Join(dataDir, "news", "reuters21578-xml.tar.gz"), func(name string, data []byte) {
		if !strings.HasSuffix(name, ".xml") {
			return
		}
		doc := strings.ToValidUTF8(string(data), "\uFFFD")
		for {
			i := strings.Index(doc, "<REUTERS ")
			if i < 0 {
				return
			}
			j := strings.Index(doc[i:], "</REUTERS>")
			if j < 0 {
				return
			}
			story := doc[i : i+j]
			doc = doc[i+j:]
			body := element(story, "BODY")
			if strings.TrimSpace(body) == "" {
				continue
			}
			title := strings.TrimSpace(element(story, "TITLE"))
			text := title + "\n\n" + strings.TrimLeft(element(story, "DATELINE"), " ") + body
			id, _, _ := strings.Cut(story[strings.Index(story, `NEWID="`)+len(`NEWID="`):], `"`)
			arts = append(arts, eventwire.Article{ID: "reuters-" + id, Title: title, Text: text, Source: "Reuters",
				Origin: eventwire.Origin{Name: name}})
		}
	})
	return arts, err
}

// All returns the BBC and Reuters articles together.
func All(dataDir string) ([]eventwire.Article, error) {
	bbc, err := BBC(dataDir)
	if err != nil {
		return nil, err
	}
	reu, err := Reuters(dataDir)
	return append(bbc, reu...), err
}

// PolNeAR reads the articles of the PolNeAR attribution corpus (train and
// dev, each document once): recent web news from several publishers.
func PolNeAR(dataDir string) ([]eventwire.Article, error) {
	var arts []eventwire.Article
	seen := map[string]bool{}
	for _, name := range []string{"polnear_train.jsonl.gz", "polnear_dev.jsonl.gz"} {
		path := filepath.Join(dataDir, "polnear", name)
		err := eachLine(path, func(line []byte) error {
			var a struct {
				DocID     string `json:"doc_id"`
				Publisher string `json:"publisher"`
				Title     string `json:"title"`
				Text      string `json:"text"`
			}
			if err := json.Unmarshal(line, &a); err != nil {
				return err
			}
			if !seen[a.DocID] {
				seen[a.DocID] = true
				arts = append(arts, eventwire.Article{ID: a.DocID, Title: a.Title, Source: a.Publisher, Text: a.Text,
					Origin: eventwire.Origin{Name: path}})
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return arts, nil
}

func eachLine(path string, f func(line []byte) error) error {
	file, err := os.Open(path)
	if err != nil {
		return err
	}
	defer file.Close()
	gz, err := gzip.NewReader(file)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	sc := bufio.NewScanner(gz)
	sc.Buffer(nil, 64<<20)
	for n := 1; sc.Scan(); n++ {
		if err := f(sc.Bytes()); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	return sc.Err()
}

func element(s, name string) string {
	open, end := "<"+name+">", "</"+name+">"
	i := strings.Index(s, open)
	if i < 0 {
		return ""
	}
	s = s[i+len(open):]
	j := strings.Index(s, end)
	if j < 0 {
		return ""
	}
	return html.UnescapeString(s[:j])
}

func eachFile(archive string, f func(name string, data []byte)) error {
	file, err := os.Open(archive)
	if err != nil {
		return err
	}
	defer file.Close()
	gz, err := gzip.NewReader(file)
	if err != nil {
		return fmt.Errorf("%s: %w", archive, err)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", archive, err)
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			return fmt.Errorf("%s: %s: %w", archive, h.Name, err)
		}
		f(h.Name, data)
	}
}

// BBCOrSkip returns the BBC News articles for a test or benchmark, and
// skips it with a message when ../shared/data is absent; it fails it when
// the archive cannot be read.
func BBCOrSkip(tb testing.TB) []eventwire.Article {
	tb.Helper()
	dir, ok := DataDir()
	if !ok {
		tb.Skip("skipping: ../shared/data is absent")
	}
	arts, err := BBC(dir)
	if err != nil {
		tb.Fatal(err)
	}
	return arts
}
