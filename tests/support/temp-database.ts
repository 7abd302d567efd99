// A real SQLite file in a fresh temporary folder, removed after the test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type AppDatabase } from '../../src/server/db/open-database.ts';

export interface TempDatabase {
  folder: string;
  filename: string;
  db: AppDatabase;
  cleanUp(): Promise<void>;
}

export function tempDatabase(): TempDatabase {
  const folder = mkdtempSync(path.join(tmpdir(), 'ho-test-'));
  const filename = path.join(folder, 'nested', 'test.db');
  const db = openDatabase({ kind: 'sqlite', filename });
  return {
    folder,
    filename,
    db,
    async cleanUp() {
      await db.destroy().catch(() => {});
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
