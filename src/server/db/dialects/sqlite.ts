// SQLite (the embedded default): better-sqlite3 with the pragmas the service relies on. WAL so
// readers never wait for the writer, foreign keys on, and a busy timeout for a second process.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { SqliteDialect } from 'kysely';

export function sqliteDialect(filename: string): SqliteDialect {
  if (filename !== ':memory:') mkdirSync(path.dirname(filename), { recursive: true });
  const sqlite = new SQLite(filename);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new SqliteDialect({ database: withStatementCache(sqlite) });
}

/**
 * Kysely prepares every query afresh; preparing is a good part of a small query's cost. The
 * service sends the same few hundred SQL texts over and over (values are bound, never inlined),
 * so each prepared statement is kept and reused. Safe because Kysely runs one query at a time on
 * this one connection. Bounded, in case something ever builds SQL text from data.
 */
function withStatementCache(sqlite: SQLite.Database, limit = 1000): SQLite.Database {
  const prepared = new Map<string, SQLite.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      if (property !== 'prepare') return Reflect.get(target, property, receiver) as unknown;
      return (source: string) => {
        let statement = prepared.get(source);
        if (!statement) {
          if (prepared.size >= limit) prepared.clear();
          statement = prepare(source);
          prepared.set(source, statement);
        }
        return statement;
      };
    },
  });
}
