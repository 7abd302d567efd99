// Backups that restore. SQLite: the online backup API (a consistent copy while the service keeps
// running), checked with `PRAGMA integrity_check`. PostgreSQL: `pg_dump` in its custom format,
// checked by reading its table of contents back with `pg_restore --list`; restored with
// `pg_restore --clean --if-exists --single-transaction`, so a failed restore changes nothing.
// Used by `npm run db:backup` and `npm run db:restore` (scripts/db-backup.ts, db-restore.ts).
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import type { DatabaseLocation } from '../../config/settings.ts';

const run = promisify(execFile);

export class BackupProblem extends Error {
  override name = 'BackupProblem';
}

export interface BackupReport {
  file: string;
  bytes: number;
  /** What the check found: "ok", or the problems. */
  check: string;
}

/** The default place for a backup made now: backups/housing-options-2026-12-05T15-20-00Z.<ext>. */
export function defaultBackupFile(location: DatabaseLocation, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-');
  return path.resolve('backups', `housing-options-${stamp}.${location.kind === 'sqlite' ? 'db' : 'dump'}`);
}

/** SQLite's own check of a database file: "ok", or what is wrong. */
export function checkSqliteFile(file: string): string {
  let db: SQLite.Database | undefined;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    return rows.map((r) => r.integrity_check).join('; ');
  } catch (error) {
    return `it cannot be read as a database (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    db?.close();
  }
}

async function checkDump(file: string): Promise<string> {
  try {
    const { stdout } = await run('pg_restore', ['--list', file], { maxBuffer: 64 * 1024 * 1024 });
    const tables = stdout.split('\n').filter((line) => / TABLE DATA /.test(line)).length;
    return tables > 0 ? 'ok' : 'the dump holds no table data';
  } catch (error) {
    return `pg_restore cannot read it: ${(error as { stderr?: string }).stderr?.trim() || String(error)}`;
  }
}

/** Makes a backup of the database at `file` and checks it; refuses to overwrite an existing file. */
export async function backupDatabase(location: DatabaseLocation, file: string): Promise<BackupReport> {
  if (existsSync(file)) throw new BackupProblem(`${file} already exists: choose a new file name, so no backup is overwritten.`);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (location.kind === 'sqlite') {
    if (!existsSync(location.filename)) throw new BackupProblem(`There is no database at ${location.filename} to back up.`);
    const db = new SQLite(location.filename, { fileMustExist: true });
    try {
      await db.backup(file);
    } finally {
      db.close();
    }
  } else {
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, location.url]);
  }
  const check = location.kind === 'sqlite' ? checkSqliteFile(file) : await checkDump(file);
  if (check !== 'ok') throw new BackupProblem(`The backup at ${file} failed its check: ${check}`);
  return { file, bytes: statSync(file).size, check };
}

/**
 * Puts a backup back in place of the database's contents, after checking the backup. Stop the
 * service first: the restore replaces everything.
 */
export async function restoreDatabase(location: DatabaseLocation, file: string): Promise<BackupReport> {
  if (!existsSync(file)) throw new BackupProblem(`There is no backup at ${file}.`);
  if (location.kind === 'sqlite') {
    const before = checkSqliteFile(file);
    if (before !== 'ok') throw new BackupProblem(`The backup at ${file} failed its check, so nothing was restored: ${before}`);
    mkdirSync(path.dirname(location.filename), { recursive: true });
    // The backup API copies every page of the backup into the live file, under its lock.
    const source = new SQLite(file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(location.filename);
    } finally {
      source.close();
    }
    const after = checkSqliteFile(location.filename);
    if (after !== 'ok') throw new BackupProblem(`The restored database failed its check: ${after}`);
    return { file, bytes: statSync(file).size, check: after };
  }
  const before = await checkDump(file);
  if (before !== 'ok') throw new BackupProblem(`The backup at ${file} failed its check, so nothing was restored: ${before}`);
  try {
    await run('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${location.url}`,
      file,
    ]);
  } catch (error) {
    throw new BackupProblem(`pg_restore failed, and changed nothing: ${(error as { stderr?: string }).stderr?.trim() || String(error)}`);
  }
  return { file, bytes: statSync(file).size, check: 'ok' };
}
