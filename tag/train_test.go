package tag

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// udDir returns the directory of a UD treebank under ../shared/data, or
// skips the test when the shared data is absent.
func udDir(tb testing.TB, name string) string {
	tb.Helper()
	dir := filepath.Join("..", "..", "shared", "data", name)
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("skipping: %s is absent (the UD data lives in ../shared, beside the repository)", dir)
	}
	return dir
}

// TestTrainModel retrains the embedded model and writes it to
// model/tagger.bin.gz. It runs only when asked:
//
//	EVENTWIRE_TRAIN=1 go test ./tag -run TestTrainModel -v -timeout 30m
func TestTrainModel(t *testing.T) {
	if os.Getenv("EVENTWIRE_TRAIN") != "1" {
		t.Skip("set EVENTWIRE_TRAIN=1 to retrain model/tagger.bin.gz")
	}
	ewt, gum := udDir(t, "ud-english-ewt"), udDir(t, "ud-english-gum")
	opt := TrainOptions{
		Files: []string{
			filepath.Join(ewt, "en_ewt-ud-train.conllu.gz"),
			filepath.Join(gum, "en_gum-ud-train.no-NC-genres.conllu.gz"),
		},
		Dev:  filepath.Join(ewt, "en_ewt-ud-dev.conllu.gz"),
		Seed: 1,
		Log:  slog.New(slog.NewTextHandler(os.Stderr, nil)),
	}
	start := time.Now()
	tg, err := Train(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("trained in %v", time.Since(start).Round(time.Second))
	var buf bytes.Buffer
	if err := tg.Save(&buf); err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join("model", "tagger.bin.gz.tmp")
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join("model", "tagger.bin.gz")); err != nil {
		t.Fatal(err)
	}
	t.Logf("model: %d bytes", buf.Len())
	tg, err = Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	scoreModel(t, tg, "dev")
}

// TestModelScores scores the embedded model on EWT dev and test with gold
// tokens. It runs only when asked:
//
//	EVENTWIRE_SCORE=1 go test ./tag -run TestModelScores -v
func TestModelScores(t *testing.T) {
	if os.Getenv("EVENTWIRE_SCORE") != "1" {
		t.Skip("set EVENTWIRE_SCORE=1 to score the embedded model on EWT dev and test")
	}
	tg := loadTagger(t)
	scoreModel(t, tg, "dev")
	scoreModel(t, tg, "test")
}

func scoreModel(t *testing.T, tg *Tagger, set string) {
	t.Helper()
	gold, err := ReadFiles(context.Background(), filepath.Join(udDir(t, "ud-english-ewt"), "en_ewt-ud-"+set+".conllu.gz"))
	if err != nil {
		t.Fatal(err)
	}
	sc := tg.evaluate(gold)
	t.Logf("EWT %s, gold tokens: %d words, UPOS %.2f, XPOS %.2f, lemma %.2f", set, sc.Words,
		pct(sc.UPOS, sc.Words), pct(sc.XPOS, sc.Words), pct(sc.Lemma, sc.Words))
}
