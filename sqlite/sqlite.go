package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"sync/atomic"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Errors that callers can test with errors.Is.
var (
	// ErrTooNew is returned by Open for a database written by a newer
	// eventwire, whose schema this binary does not know.
	ErrTooNew = errors.New("database schema is newer than this eventwire")
	// ErrOutdated is returned by Open with Options.ReadOnly for a database
	// whose schema needs migrating: open it read-write once.
	ErrOutdated = errors.New("database schema needs migrating")
	// ErrNotEventwire is returned by Open for an SQLite file that holds
	// tables but no eventwire schema version.
	ErrNotEventwire = errors.New("not an eventwire database")
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Options tune Open. The zero value opens read-write, creating the file.
type Options struct {
	// ReadOnly opens an existing database for reading only (for a server):
	// no migration is run, and Save fails.
	ReadOnly bool
	// BusyTimeoutMS is how long a statement waits for another connection's
	// lock before failing with SQLITE_BUSY; 0 means 10 seconds.
	BusyTimeoutMS int
}

// DB is an open eventwire database. It is safe for concurrent use.
type DB struct {
	sql      *sql.DB
	path     string
	readOnly bool
	stmts    stmts // prepared unless readOnly
	// saved is set once a save has committed: Close then brings the
	// planner's statistics up to date.
	saved atomic.Bool
}

// migration is one file of migrations/: version N comes from its name
// (0001_init.sql is version 1).
type migration struct {
	version int
	name    string
	sql     string
}

// migrations lists the embedded migrations in version order. Their names
// must number them 1, 2, 3, ... without gaps.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	ms := make([]migration, 0, len(names))
	for i, name := range names { // fs.Glob sorts
		base := path.Base(name)
		num, _, _ := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if err != nil || v != i+1 {
			return nil, fmt.Errorf("migration %s: want version %d first in its name", base, i+1)
		}
		b, err := migrationFS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: base, sql: string(b)})
	}
	return ms, nil
}

// SchemaVersion is the schema version this binary writes: the number of
// embedded migrations.
func SchemaVersion() int {
	ms, err := migrations()
	if err != nil {
		return 0
	}
	return len(ms)
}

// Open opens the database file at path, creating it unless opt.ReadOnly,
// and brings its schema up to date: the embedded migrations that it lacks
// are applied in order, each in its own transaction. A database with a
// newer schema than this binary knows is an error (ErrTooNew).
func Open(ctx context.Context, path string, opt Options) (*DB, error) {
	busy := opt.BusyTimeoutMS
	if busy <= 0 {
		busy = 10000
	}
	mode := "rwc"
	pragmas := []string{
		"busy_timeout(" + strconv.Itoa(busy) + ")",
		"foreign_keys(1)",
		// A 64 MiB page cache per connection (the default is 2 MiB): bulk
		// inserts into the indexed events table thrash a small one.
		"cache_size(-65536)",
		// Temporary files in memory: the statement journal that each
		// statement of a long write transaction keeps (the pages it
		// changes that earlier statements had changed) and the sorter of
		// a GROUP BY, both small, are then not written to disk.
		"temp_store(2)",
	}
	if opt.ReadOnly {
		mode = "ro"
		pragmas = append(pragmas, "query_only(1)")
	} else {
		// WAL with synchronous=NORMAL is durable against a killed process;
		// only a power cut can lose the last commits, never half of one.
		pragmas = append(pragmas, "journal_mode(WAL)", "synchronous(NORMAL)")
	}
	dsn := "file:" + escapePath(path) + "?mode=" + mode
	for _, p := range pragmas {
		dsn += "&_pragma=" + p
	}
	if !opt.ReadOnly {
		// Writers take the write lock when they begin, so two writers wait
		// for each other (busy_timeout) instead of failing on upgrade.
		dsn += "&_txlock=immediate"
	}
	sdb, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	db := &DB{sql: sdb, path: path, readOnly: opt.ReadOnly}
	if err := db.migrate(ctx); err != nil {
		sdb.Close()
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	if !opt.ReadOnly {
		if err := db.stmts.prepare(ctx, sdb); err != nil {
			db.stmts.close()
			sdb.Close()
			return nil, fmt.Errorf("opening %s: %w", path, err)
		}
	}
	return db, nil
}

// escapePath makes a file name safe in an SQLite URI.
func escapePath(p string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
}

// Close closes the database. A database open for writing first updates
// the statistics that the query planner uses: all of them (Analyze) when
// this DB saved anything, else those that PRAGMA optimize finds stale.
func (db *DB) Close() error {
	var err error
	switch {
	case db.readOnly:
	case db.saved.Load():
		err = db.Analyze(context.Background())
	default:
		_, err = db.sql.Exec("PRAGMA optimize")
	}
	db.stmts.close()
	return errors.Join(err, db.sql.Close())
}

// analyzeSQL gathers the planner's statistics from a sample of each index
// (analysis_limit: about 400 rows an index), which costs well under a
// second on a store of 100,000 articles. Without statistics the planner
// guesses, and it guesses badly for the newest-first scans of a large
// store.
const analyzeSQL = "PRAGMA analysis_limit=400; ANALYZE"

// Analyze updates the statistics that the query planner uses. Close calls
// it after saves and Open after migrating, so a program needs it only when
// it keeps a database open for writing long after saving much.
func (db *DB) Analyze(ctx context.Context) error {
	if db.readOnly {
		return ErrReadOnly
	}
	if _, err := db.sql.ExecContext(ctx, analyzeSQL); err != nil {
		return fmt.Errorf("analyzing %s: %w", db.path, err)
	}
	return nil
}

// Path is the file the database was opened from.
func (db *DB) Path() string { return db.path }

// Version returns the schema version recorded in the database.
func (db *DB) Version(ctx context.Context) (int, error) {
	var v int
	err := db.sql.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

func (db *DB) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	return db.migrateTo(ctx, ms)
}

// migrateTo brings the schema to the last of ms, which are numbered from 1.
func (db *DB) migrateTo(ctx context.Context, ms []migration) error {
	v, err := db.Version(ctx)
	if err != nil {
		return err
	}
	if v > len(ms) {
		return fmt.Errorf("%w: schema version %d, this binary knows up to %d", ErrTooNew, v, len(ms))
	}
	if v == 0 {
		var n int
		err := db.sql.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&n)
		if err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("%w: it has %d schema objects and no version", ErrNotEventwire, n)
		}
	}
	if v == len(ms) {
		return nil
	}
	if db.readOnly {
		return fmt.Errorf("%w: schema version %d, this binary writes %d", ErrOutdated, v, len(ms))
	}
	for _, m := range ms[v:] {
		if err := db.apply(ctx, m); err != nil {
			return err
		}
	}
	// A migration may add indexes and tables that the statistics lack.
	if _, err := db.sql.ExecContext(ctx, analyzeSQL); err != nil {
		return fmt.Errorf("analyzing: %w", err)
	}
	return nil
}

// apply runs one migration and records its version, in one transaction:
// a failed migration leaves the database as it was.
func (db *DB) apply(ctx context.Context, m migration) error {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Another process may have migrated while this one waited for the lock.
	var v int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return err
	}
	if v >= m.version {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	if _, err := tx.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(m.version)); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	return tx.Commit()
}

// Counts is how many rows each table holds.
type Counts struct {
	Articles      int
	Sources       int
	Entities      int
	Mentions      int
	Quotes        int
	Events        int
	EventMentions int
	Knowledge     int
}

// Counts counts the rows of every table, in one read transaction so that
// the figures agree with each other.
func (db *DB) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	tx, err := db.sql.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return c, err
	}
	defer tx.Rollback()
	for _, t := range []struct {
		table string
		n     *int
	}{
		{"articles", &c.Articles},
		{"sources", &c.Sources},
		{"entities", &c.Entities},
		{"mentions", &c.Mentions},
		{"quotes", &c.Quotes},
		{"events", &c.Events},
		{"event_mentions", &c.EventMentions},
		{"knowledge", &c.Knowledge},
	} {
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM "+t.table).Scan(t.n); err != nil {
			return c, fmt.Errorf("counting %s: %w", t.table, err)
		}
	}
	return c, nil
}
