package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestServeErrors(t *testing.T) {
	db := storeDB(t)
	tests := []struct {
		args []string
		want string // in stderr
	}{
		{[]string{"--db", "no/such.db"}, "no/such.db: no such file"},
		{[]string{"--db", db, "--addr", "8080"}, `--addr "8080"`},
		{[]string{"--db", db, "--max-body", "0"}, "--max-body 0"},
		{[]string{"--db", db, "--timeout", "0s"}, "--timeout 0s"},
	}
	for _, tt := range tests {
		code, _, errs := ew(t, "", append([]string{"serve", "--no-extract"}, tt.args...)...)
		if code != exitUsage || !strings.Contains(errs, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tt.args, code, errs, exitUsage, tt.want)
		}
	}
}

// TestServe starts the server on a free loopback port, asks it for a page
// and an API answer, with and without the token, and stops it.
func TestServe(t *testing.T) {
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	var errs syncBuffer
	done := make(chan int)
	go func() {
		done <- run(ctx, []string{"serve", "--db", storeDB(t), "--addr", addr, "--no-extract", "--token", "s3cret"},
			strings.NewReader(""), &bytes.Buffer{}, &errs, false)
	}()
	get := func(path, token string) int {
		req, _ := http.NewRequest("GET", "http://"+addr+path, nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return 0
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	deadline := time.Now().Add(10 * time.Second)
	for get("/api/articles", "s3cret") != http.StatusOK {
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("server did not answer at %s; stderr:\n%s", addr, errs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	for _, tt := range []struct {
		path, token string
		want        int
	}{
		{"/", "s3cret", http.StatusOK},
		{"/api/events?source=RUS", "s3cret", http.StatusOK},
		{"/api/articles", "", http.StatusUnauthorized},
		{"/api/articles", "wrong", http.StatusUnauthorized},
		{"/api/extract", "s3cret", http.StatusMethodNotAllowed},
	} {
		if got := get(tt.path, tt.token); got != tt.want {
			t.Errorf("GET %s (token %q): %d, want %d", tt.path, tt.token, got, tt.want)
		}
	}
	cancel()
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("exit %d after shutdown; stderr:\n%s", code, errs.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("server did not stop when its context ended")
	}
	if !strings.Contains(errs.String(), "http://"+addr+"/") {
		t.Errorf("stderr does not say where it serves:\n%s", errs.String())
	}
}

// freeAddr returns a loopback address with a port free a moment ago.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
