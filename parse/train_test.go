package parse

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/newscorpus"
)

// udDir returns ../shared/data/ud-english-<name>, or skips.
func udDir(tb testing.TB, name string) string {
	tb.Helper()
	dir, ok := newscorpus.DataDir()
	if !ok {
		tb.Skip("../shared/data is absent: skipping a test that needs UD English")
	}
	d := filepath.Join(dir, "ud-english-"+name)
	if _, err := os.Stat(d); err != nil {
		tb.Skipf("%s is absent: %v", d, err)
	}
	return d
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return v
	}
	return def
}

// TestTrainModel trains the shipped model. It runs only with
// EVENTWIRE_TRAIN=1:
//
//	EVENTWIRE_TRAIN=1 go test ./parse -run TestTrainModel -timeout 60m -v
//
// EVENTWIRE_TRAIN_OUT names the output (default model/parser.bin.gz);
// EVENTWIRE_TRAIN_ITER, _FOLDS, _GUM=0 and _SENTS change the setting for
// experiments.
func TestTrainModel(t *testing.T) {
	if os.Getenv("EVENTWIRE_TRAIN") != "1" {
		t.Skip("set EVENTWIRE_TRAIN=1 to train the parser model")
	}
	ewt := udDir(t, "ewt")
	files := []string{filepath.Join(ewt, "en_ewt-ud-train.conllu.gz")}
	if os.Getenv("EVENTWIRE_TRAIN_GUM") != "0" {
		gum := udDir(t, "gum")
		files = append(files, filepath.Join(gum, "en_gum-ud-train.no-NC-genres.conllu.gz"))
	}
	opt := TrainOptions{
		Files:          files,
		Dev:            filepath.Join(ewt, "en_ewt-ud-dev.conllu.gz"),
		Iterations:     envInt("EVENTWIRE_TRAIN_ITER", DefaultIterations),
		Seed:           DefaultSeed,
		JackknifeFolds: envInt("EVENTWIRE_TRAIN_FOLDS", DefaultJackknifeFolds),
		Log:            slog.New(slog.NewTextHandler(os.Stderr, nil)),
	}
	cfg := defaultConfig()
	cfg.maxSents = envInt("EVENTWIRE_TRAIN_SENTS", 0)
	cfg.bits = uint(envInt("EVENTWIRE_TRAIN_BITS", int(cfg.bits)))
	cfg.expStart = envInt("EVENTWIRE_TRAIN_EXPSTART", cfg.expStart)
	cfg.minCount = envInt("EVENTWIRE_TRAIN_MINCOUNT", cfg.minCount)
	cfg.minArcs = envInt("EVENTWIRE_TRAIN_MINARCS", cfg.minArcs)
	if v, err := strconv.ParseFloat(os.Getenv("EVENTWIRE_TRAIN_EXPPROB"), 64); err == nil {
		cfg.expProb = v
	}
	if v, err := strconv.ParseFloat(os.Getenv("EVENTWIRE_TRAIN_PRUNE"), 64); err == nil {
		cfg.prune = float32(v)
	}
	if dir := os.Getenv("EVENTWIRE_TRAIN_CACHE"); dir != "" {
		cfg.jackknifer = cachedJackknife(dir)
	}
	start := time.Now()
	p, err := train(context.Background(), opt, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("trained in %v", time.Since(start).Round(time.Second))
	out := os.Getenv("EVENTWIRE_TRAIN_OUT")
	if out == "" {
		out = filepath.Join("model", "parser.bin.gz")
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Save(f); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(out)
	t.Logf("wrote %s (%d bytes)", out, st.Size())
}

// cachedJackknife keeps the jackknifed training tags in dir, to speed up
// experiments; the dev tags come from EVENTWIRE_EVAL_TAGS/dev.tags when
// that file exists (see TestEvalPredicted).
func cachedJackknife(dir string) jackknifeFunc {
	return func(ctx context.Context, sents []*sentence, folds int, seed int64, log *slog.Logger) (tagFunc, error) {
		path := filepath.Join(dir, fmt.Sprintf("train-%d-%d-%d.tags", len(sents), folds, seed))
		var tf tagFunc
		if b, err := os.ReadFile(path); err == nil {
			lines := strings.Split(string(b), "\n")
			k := 0
			for _, s := range sents {
				for i := range s.words {
					s.upos[i], s.xpos[i], _ = strings.Cut(lines[k], "\t")
					k++
				}
			}
		} else {
			if tf, err = jackknife(ctx, sents, folds, seed, log); err != nil {
				return nil, err
			}
			var b strings.Builder
			for _, s := range sents {
				for i := range s.words {
					b.WriteString(s.upos[i] + "\t" + s.xpos[i] + "\n")
				}
			}
			if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
				return nil, err
			}
		}
		devTags := filepath.Join(os.Getenv("EVENTWIRE_EVAL_TAGS"), "dev.tags")
		if b, err := os.ReadFile(devTags); err == nil {
			lines := strings.Split(string(b), "\n")
			k := 0
			return func(words, upos, xpos []string) {
				for i := range words {
					upos[i], xpos[i], _ = strings.Cut(lines[k], "\t")
					k++
				}
			}, nil
		}
		if tf == nil {
			return nil, fmt.Errorf("no dev tags in %s", devTags)
		}
		return tf, nil
	}
}
