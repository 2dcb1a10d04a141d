package ner

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/eventwire/eventwire/geo"
	"github.com/eventwire/eventwire/tag"
)

// TestTrainModel retrains the embedded model and writes it to
// model/ner.bin.gz, as "eventwire train ner" does. It runs only when
// asked:
//
//	EVENTWIRE_TRAIN=1 go test ./ner -run TestTrainModel -v -timeout 30m
func TestTrainModel(t *testing.T) {
	if os.Getenv("EVENTWIRE_TRAIN") != "1" {
		t.Skip("set EVENTWIRE_TRAIN=1 to retrain model/ner.bin.gz")
	}
	dir := sharedData(t)
	tg, err := tag.Load()
	if err != nil {
		t.Fatal(err)
	}
	g, err := geo.Load()
	if err != nil {
		t.Fatal(err)
	}
	opt := TrainOptions{
		Files: []string{
			filepath.Join(dir, "conll2003", "conllpp_train.txt.gz"),
			filepath.Join(dir, "uner-english-ewt", "en_ewt-ud-train.iob2.gz"),
		},
		Dev: []string{
			filepath.Join(dir, "conll2003", "conllpp_dev.txt.gz"),
			filepath.Join(dir, "uner-english-ewt", "en_ewt-ud-dev.iob2.gz"),
		},
		Tagger:    tg,
		Gazetteer: g,
		Seed:      1,
		Log:       slog.New(slog.NewTextHandler(os.Stderr, nil)),
	}
	start := time.Now()
	r, err := Train(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("trained in %v", time.Since(start).Round(time.Second))
	var buf bytes.Buffer
	if err := r.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll("model", 0o755); err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join("model", "ner.bin.gz.tmp")
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join("model", "ner.bin.gz")); err != nil {
		t.Fatal(err)
	}
	t.Logf("model: %d bytes", buf.Len())
}
