// The SQLite store's tables, created when missing at every open (new tables only ever added).
export const SQLITE_SCHEMA = `
CREATE TABLE IF NOT EXISTS workshops (
  id TEXT PRIMARY KEY,
  join_code TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  groups_json TEXT NOT NULL,
  facilitator_token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  closed_at INTEGER
);
CREATE TABLE IF NOT EXISTS participants (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  group_id TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  joined_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS participants_workshop ON participants(workshop_id);
CREATE TABLE IF NOT EXISTS viewer_tokens (
  workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS device_links (
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (workshop_id, kind)
);
CREATE TABLE IF NOT EXISTS doc_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  workshop_id TEXT NOT NULL,
  doc TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_updates_doc ON doc_updates(doc, seq);
CREATE INDEX IF NOT EXISTS doc_updates_workshop ON doc_updates(workshop_id);
CREATE TABLE IF NOT EXISTS doc_writers (
  workshop_id TEXT NOT NULL,
  doc TEXT NOT NULL,
  client_id INTEGER NOT NULL,
  owner TEXT NOT NULL,
  PRIMARY KEY (doc, client_id)
);
CREATE INDEX IF NOT EXISTS doc_writers_workshop ON doc_writers(workshop_id);
CREATE TABLE IF NOT EXISTS quarantine (
  seq INTEGER NOT NULL,
  workshop_id TEXT NOT NULL,
  doc TEXT NOT NULL,
  data BLOB NOT NULL,
  reason TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS quarantine_workshop ON quarantine(workshop_id);
CREATE TABLE IF NOT EXISTS sealed (
  workshop_id TEXT NOT NULL,
  key TEXT NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (workshop_id, key)
);
CREATE TABLE IF NOT EXISTS doc_compactions (
  doc TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL,
  up_to INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_compactions_workshop ON doc_compactions(workshop_id);
CREATE TABLE IF NOT EXISTS secrets (
  name TEXT PRIMARY KEY,
  value BLOB NOT NULL
);
`
