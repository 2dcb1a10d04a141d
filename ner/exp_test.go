package ner

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/eventwire/eventwire/geo"
	"github.com/eventwire/eventwire/internal/newscorpus"
	"github.com/eventwire/eventwire/tag"
)

// TestExperiment trains a model with the settings of the environment and
// logs its dev scores. It runs only when asked:
//
//	EVENTWIRE_NER_EXP=1 go test ./ner -run TestExperiment -v -timeout 60m
func TestExperiment(t *testing.T) {
	if os.Getenv("EVENTWIRE_NER_EXP") != "1" {
		t.Skip("set EVENTWIRE_NER_EXP=1 to run training experiments")
	}
	dir := sharedData(t)
	tg, err := tag.Load()
	if err != nil {
		t.Fatal(err)
	}
	opt := TrainOptions{
		Files: []string{filepath.Join(dir, "conll2003", "conllpp_train.txt.gz")},
		Dev: []string{filepath.Join(dir, "conll2003", "conllpp_dev.txt.gz"),
			filepath.Join(dir, "uner-english-ewt", "en_ewt-ud-dev.iob2.gz")},
		Tagger:    tg,
		Seed:      1,
		NoPartial: os.Getenv("NOPARTIAL") == "1",
		Flat:      os.Getenv("FLAT") == "1",
		Log:       slog.New(slog.NewTextHandler(os.Stderr, nil)),
	}
	if os.Getenv("UNER") == "1" {
		opt.Files = append(opt.Files, filepath.Join(dir, "uner-english-ewt", "en_ewt-ud-train.iob2.gz"))
	}
	if os.Getenv("GAZ") == "1" {
		g, err := geo.Load()
		if err != nil {
			t.Fatal(err)
		}
		opt.Gazetteer = g
	}
	if os.Getenv("CLU") == "1" {
		dataDir, _ := newscorpus.DataDir()
		arts, err := newscorpus.All(dataDir)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range arts {
			opt.Unlabeled = append(opt.Unlabeled, a.Text)
		}
	}
	if n, err := strconv.Atoi(os.Getenv("ITERS")); err == nil {
		opt.Iterations = n
	}
	start := time.Now()
	r, err := Train(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("trained in %v, %d features", time.Since(start).Round(time.Second), r.w.n)
}
