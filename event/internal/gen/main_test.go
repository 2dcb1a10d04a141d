package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// shared returns ../shared/data beside the repository, or skips.
func shared(tb testing.TB) (codebook, plover string) {
	tb.Helper()
	dir := filepath.Join("..", "..", "..", "..", "shared", "data")
	codebook = filepath.Join(dir, "cameo", "cameo-codes.csv")
	plover = filepath.Join(dir, "plover", "CAMEO2PLOVER-2021.txt")
	for _, p := range []string{codebook, plover} {
		if _, err := os.Stat(p); err != nil {
			tb.Skipf("skipping: %s is absent (the CAMEO and PLOVER tables live in ../shared, beside the repository)", p)
		}
	}
	return codebook, plover
}

// TestGenerate checks that two runs give the same bytes and that they are
// the bytes package event embeds (if not, run go generate ./event).
func TestGenerate(t *testing.T) {
	codebook, plover := shared(t)
	var a, b bytes.Buffer
	if err := generate(&a, codebook, plover); err != nil {
		t.Fatal(err)
	}
	if err := generate(&b, codebook, plover); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two runs of the generator differ")
	}
	embedded, err := os.ReadFile(filepath.Join("..", "..", "data", "ontology.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), embedded) {
		t.Errorf("generated %d bytes differ from the embedded data/ontology.tsv (%d bytes): run go generate ./event", a.Len(), len(embedded))
	}
}

func TestGenerateSmall(t *testing.T) {
	dir := t.TempDir()
	codebook := filepath.Join(dir, "codes.csv")
	plover := filepath.Join(dir, "plover.txt")
	write(t, codebook, "eventtype_ID,name,code,goldstein\n1,MAKE STATEMENT,01,0\n2,Appeal,0211,3.40\n3,YIELD,08,5\n4,Release,0841,7\n5,Ease curfew,0813,5\n6,Kill,1823,-10\n")
	write(t, plover, "# t\n08: CONCEDE\n0841: RETREAT, release, legal # Return\n08: RETREAT\n0813: RETREAT, , legal # Ease\n18: ASSAULT\n")
	var out bytes.Buffer
	if err := generate(&out, codebook, plover); err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if !strings.HasPrefix(l, "#") {
			rows = append(rows, l)
		}
	}
	want := []string{
		"01\tMAKE STATEMENT\t0\t1\t\tnone",
		"0211\tAppeal\t3.4\t1\tREQUEST\tsupplement",
		"08\tYIELD\t5\t2\tCONCEDE\troot",
		"0841\tRelease\t7\t2\tRETREAT\ttable",
		"0813\tEase curfew\t5\t2\tRETREAT\ttable",
		"1823\tKill\t-10\t4\tASSAULT\troot",
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
}

func TestGenerateErrors(t *testing.T) {
	dir := t.TempDir()
	plover := filepath.Join(dir, "plover.txt")
	write(t, plover, "0841: RETREAT, release # r\n")
	tests := []struct{ name, csv, want string }{
		{"column", "id,name,goldstein\n1,X,0\n", "line 1"},
		{"code", "eventtype_ID,name,code,goldstein\n1,X,1a,0\n", "line 2"},
		{"goldstein", "eventtype_ID,name,code,goldstein\n1,X,01,0\n2,Y,010,high\n", "line 3"},
		{"repeat", "eventtype_ID,name,code,goldstein\n1,X,01,0\n2,Y,01,0\n", "line 3"},
	}
	for _, tt := range tests {
		codebook := filepath.Join(dir, tt.name+".csv")
		write(t, codebook, tt.csv)
		err := generate(&bytes.Buffer{}, codebook, plover)
		if !errors.Is(err, errInput) || !strings.Contains(err.Error(), codebook+": "+tt.want) {
			t.Errorf("%s: err = %v, want errInput at %s: %s", tt.name, err, codebook, tt.want)
		}
	}
	if err := generate(&bytes.Buffer{}, filepath.Join(dir, "none.csv"), plover); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: err = %v", err)
	}
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}
