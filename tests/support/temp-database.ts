// A real, empty database for one test, on either dialect, removed afterwards: a temporary SQLite
// file, or a new database on the test PostgreSQL server (tests/support/postgres-cluster.ts).
// Integration tests run once per dialect: `describe.each(DIALECTS)`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type AppDatabase } from '../../src/server/db/open-database.ts';
import type { DatabaseLocation } from '../../src/config/settings.ts';

export const DIALECTS = ['sqlite', 'postgres'] as const;
export type Dialect = (typeof DIALECTS)[number];

export interface TempDatabase {
  dialect: Dialect;
  /** The SQLite file (sqlite only). */
  filename: string;
  /** Where it is, as settings describe it (for the database scripts). */
  location: DatabaseLocation;
  db: AppDatabase;
  /**
   * Another connection to the same database, as a second app instance would have: a second pool
   * on PostgreSQL. On SQLite it is the same connection (two connections in one thread would block
   * each other with a synchronous driver); the database serialises writers either way.
   */
  secondInstance(): AppDatabase;
  cleanUp(): Promise<void>;
}

let counter = 0;

export async function tempDatabase(dialect: Dialect = 'sqlite'): Promise<TempDatabase> {
  if (dialect === 'sqlite') {
    const folder = mkdtempSync(path.join(tmpdir(), 'ho-test-'));
    const filename = path.join(folder, 'nested', 'test.db');
    const db = openDatabase({ kind: 'sqlite', filename });
    return {
      dialect,
      filename,
      location: { kind: 'sqlite', filename },
      db,
      secondInstance: () => db,
      async cleanUp() {
        await db.destroy().catch(() => {});
        rmSync(folder, { recursive: true, force: true });
      },
    };
  }
  const server = new URL(inject('postgresUrl'));
  const name = `ho_test_${process.pid}_${Date.now()}_${(counter += 1)}`;
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const db = openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
  const others: AppDatabase[] = [];
  return {
    dialect,
    filename: '',
    location: { kind: 'postgres', url: url.toString(), poolSize: 5 },
    db,
    secondInstance() {
      const other = openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
      others.push(other);
      return other;
    },
    async cleanUp() {
      for (const other of others) await other.destroy().catch(() => {});
      await db.destroy().catch(() => {});
      const again = new pg.Client({ connectionString: server.toString() });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}
