/**
 * The Postgres schema, the same tables and guarantees as the SQLite one (warehouse/sqlite/migrations.ts)
 * written at its latest version. Each entry runs once, in order, in a transaction; the applied version is
 * kept in schema_version. Append new migrations; never edit one that has shipped.
 * Text keys use the "C" collation so ids sort byte-wise, as in SQLite: gather's id ranges depend on it.
 * Timestamps stay ISO-8601 text, compared as text, exactly as the SQLite engine does.
 */
export const PG_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE events (
    uuid TEXT COLLATE "C" PRIMARY KEY,
    event TEXT NOT NULL,
    distinct_id TEXT COLLATE "C" NOT NULL,
    timestamp TEXT COLLATE "C" NOT NULL,
    session_id TEXT COLLATE "C",
    properties TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    session_inferred BOOLEAN NOT NULL DEFAULT false
  );
  CREATE INDEX events_session ON events(session_id, timestamp);
  CREATE INDEX events_user_unlinked ON events(distinct_id, timestamp) WHERE session_id IS NULL OR session_inferred;
  CREATE TABLE sessions (
    id TEXT COLLATE "C" PRIMARY KEY,
    distinct_id TEXT COLLATE "C" NOT NULL,
    started_at TEXT COLLATE "C" NOT NULL,
    ended_at TEXT COLLATE "C" NOT NULL,
    week TEXT COLLATE "C" NOT NULL,
    event_count INTEGER NOT NULL,
    signals TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX sessions_week ON sessions(week, id);
  CREATE INDEX sessions_user ON sessions(distinct_id, started_at);
  CREATE TABLE session_reports (
    session_id TEXT COLLATE "C" NOT NULL REFERENCES sessions(id),
    analyst_version TEXT COLLATE "C" NOT NULL,
    analyst TEXT NOT NULL,
    score INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    department TEXT NOT NULL,
    report TEXT NOT NULL,
    stale BOOLEAN NOT NULL DEFAULT false,
    created_at TEXT NOT NULL,
    PRIMARY KEY (session_id, analyst_version)
  );
  CREATE TABLE patterns (
    week TEXT COLLATE "C" NOT NULL,
    fingerprint TEXT COLLATE "C" NOT NULL,
    kind TEXT NOT NULL,
    decision TEXT NOT NULL,
    sessions INTEGER NOT NULL,
    pattern TEXT NOT NULL,
    PRIMARY KEY (week, fingerprint)
  );
  CREATE TABLE tickets (
    seq INTEGER PRIMARY KEY,
    id TEXT COLLATE "C" NOT NULL UNIQUE,
    fingerprint TEXT COLLATE "C" NOT NULL UNIQUE,
    status TEXT NOT NULL,
    ticket TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE fix_attempts (
    ticket_id TEXT COLLATE "C" PRIMARY KEY REFERENCES tickets(id),
    status TEXT NOT NULL,
    attempt TEXT NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL
  );
  CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    week TEXT,
    started_at TEXT COLLATE "C" NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL,
    summary TEXT,
    thread TEXT,
    pid INTEGER,
    host TEXT
  );
  CREATE TABLE ingest_watermarks (
    source TEXT PRIMARY KEY,
    watermark TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE warehouse_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  // Issue #14: each shipped fix's verdict as of the end of the data it read (as in SQLite's).
  `
  CREATE TABLE fix_verdicts (
    ticket_id TEXT COLLATE "C" NOT NULL REFERENCES tickets(id),
    as_of TEXT COLLATE "C" NOT NULL,
    shipped_at TEXT NOT NULL,
    verdict TEXT NOT NULL,
    checked TEXT NOT NULL,
    PRIMARY KEY (ticket_id, as_of)
  );
  `,
  // Issue #10 (cascade): the rules' confidence in a report (as in SQLite's).
  `
  ALTER TABLE session_reports ADD COLUMN confidence DOUBLE PRECISION;
  `,
  // Issue #13: why a session has no report (as in SQLite's).
  `
  CREATE TABLE session_failures (
    session_id TEXT COLLATE "C" NOT NULL REFERENCES sessions(id),
    analyst_version TEXT COLLATE "C" NOT NULL,
    reason TEXT NOT NULL,
    failures INTEGER NOT NULL,
    retries INTEGER NOT NULL,
    failed_at TEXT NOT NULL,
    PRIMARY KEY (session_id, analyst_version)
  );
  `,
  // Which of two runs started in the same millisecond started later (SQLite's runs have their rowid).
  `
  ALTER TABLE runs ADD COLUMN started_seq BIGSERIAL;
  `,
];
