/** Builds conference files of an earlier schema version, from the migrations before it only. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach } from 'vitest';
import { APPLICATION_ID, migrate } from './index';

/** A temporary folder per test, removed after it. */
export function tempFolder(): () => string {
  let dir = '';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-migration-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => dir;
}

/** A new file at schema `version` (migrations 1…version applied, nothing else), left open to fill. */
export function fileAtVersion(file: string, version: number): Database.Database {
  const db = new Database(file);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  migrate(db, version);
  return db;
}

export const userVersion = (db: Database.Database): number => db.pragma('user_version', { simple: true }) as number;

export const tableNames = (db: Database.Database): string[] =>
  (db.prepare("SELECT name FROM sqlite_schema WHERE type IN ('table') ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );

export const columnNames = (db: Database.Database, table: string): string[] =>
  (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((r) => r.name);
