/**
 * Versioned schema. Each entry runs once, in order, inside a transaction; the applied version is kept
 * in SQLite's user_version. Append new migrations; never edit one that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE events (
    uuid TEXT PRIMARY KEY,
    event TEXT NOT NULL,
    distinct_id TEXT NOT NULL,
    timestamp TEXT NOT NULL,
    session_id TEXT,
    properties TEXT NOT NULL,
    ingested_at TEXT NOT NULL
  );
  CREATE INDEX events_session ON events(session_id, timestamp);

  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    distinct_id TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT NOT NULL,
    week TEXT NOT NULL,
    event_count INTEGER NOT NULL,
    signals TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX sessions_week ON sessions(week, id);

  CREATE TABLE session_reports (
    session_id TEXT NOT NULL REFERENCES sessions(id),
    analyst_version TEXT NOT NULL,
    analyst TEXT NOT NULL,
    score INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    department TEXT NOT NULL,
    report TEXT NOT NULL,
    stale INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    PRIMARY KEY (session_id, analyst_version)
  );

  CREATE TABLE patterns (
    week TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    kind TEXT NOT NULL,
    decision TEXT NOT NULL,
    sessions INTEGER NOT NULL,
    pattern TEXT NOT NULL,
    PRIMARY KEY (week, fingerprint)
  );

  CREATE TABLE tickets (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    fingerprint TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    ticket TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE fix_attempts (
    ticket_id TEXT PRIMARY KEY REFERENCES tickets(id),
    status TEXT NOT NULL,
    attempt TEXT NOT NULL,
    created_at TEXT NOT NULL
  );

  CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    week TEXT,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL,
    summary TEXT
  );
  `,
  // Issue #3 (ingest): sessions inferred per user by inactivity, lookups by user, API pull watermarks.
  `
  ALTER TABLE events ADD COLUMN session_inferred INTEGER NOT NULL DEFAULT 0;
  -- Only events still looking for a session (or in an inferred one) are looked up by user; a partial
  -- index keeps the common case (events with a session id) free of a second index entry.
  CREATE INDEX events_user_unlinked ON events(distinct_id, timestamp) WHERE session_id IS NULL OR session_inferred = 1;
  CREATE INDEX sessions_user ON sessions(distinct_id, started_at);
  CREATE TABLE ingest_watermarks (
    source TEXT PRIMARY KEY,
    watermark TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  `,
  // Issue #12: facts about the warehouse itself; its ticket key (state/ticketId.ts) is drawn on open.
  // The graph host keeps LangGraph's checkpoints in this file too: the names `checkpoints` and
  // `writes` are taken by @langchain/langgraph-checkpoint-sqlite.
  `
  CREATE TABLE warehouse_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  // Issue #11: which process runs a run, and on which thread, so a run whose process was killed is
  // told from one still going (graphs/host/runs.ts) instead of staying "running" forever.
  `
  ALTER TABLE runs ADD COLUMN thread TEXT;
  ALTER TABLE runs ADD COLUMN pid INTEGER;
  ALTER TABLE runs ADD COLUMN host TEXT;
  `,
  // Issue #14: each shipped fix's verdict as of the end of the data it read (one row per check), so a
  // later check knows what an earlier one said (a healed pattern that comes back has recurred).
  `
  CREATE TABLE fix_verdicts (
    ticket_id TEXT NOT NULL REFERENCES tickets(id),
    as_of TEXT NOT NULL,
    shipped_at TEXT NOT NULL,
    verdict TEXT NOT NULL,
    checked TEXT NOT NULL,
    PRIMARY KEY (ticket_id, as_of)
  );
  `,
  // Issue #10 (cascade): the rules' confidence in a report, so the cascade finds the sessions to send
  // to the model without reading every report. NULL for model reports and reports written before it.
  `
  ALTER TABLE session_reports ADD COLUMN confidence REAL;
  `,
  // Issue #13: why a session has no report: its latest failure per analyst version, removed when it is scored.
  `
  CREATE TABLE session_failures (
    session_id TEXT NOT NULL REFERENCES sessions(id),
    analyst_version TEXT NOT NULL,
    reason TEXT NOT NULL,
    failures INTEGER NOT NULL,
    retries INTEGER NOT NULL,
    failed_at TEXT NOT NULL,
    PRIMARY KEY (session_id, analyst_version)
  );
  `,
];
