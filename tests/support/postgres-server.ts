// A throwaway PostgreSQL server for tests: a new cluster in a temporary folder on a free port, as
// the `postgres` user when running as root (PostgreSQL refuses root), removed when stopped. Used
// by Vitest's global set-up and by the browser tests' PostgreSQL server (scripts/serve-on-throwaway-postgres.ts).
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

const BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface ThrowawayPostgres {
  /** The server's `postgres` database, as a URL. */
  url: string;
  stop(): void;
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  if (!existsSync(path.join(BIN, 'initdb'))) {
    throw new Error(
      `PostgreSQL is needed by the tests and was not found in ${BIN}. Run "bash scripts/ensure-postgres.sh" (it installs Debian's postgresql), or set TEST_DATABASE_URL.`,
    );
  }
  const root = process.getuid?.() === 0;
  const folder = mkdtempSync(path.join(tmpdir(), 'ho-postgres-'));
  chmodSync(folder, 0o777);
  const data = path.join(folder, 'data');
  const run = (command: string, args: string[]) =>
    root
      ? execFileSync('su', ['postgres', '-c', [command, ...args].map((a) => `'${a}'`).join(' ')], { stdio: 'pipe' })
      : execFileSync(command, args, { stdio: 'pipe' });
  const port = await freePort();
  run(path.join(BIN, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  run(path.join(BIN, 'pg_ctl'), [
    '-D',
    data,
    '-o',
    `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off`,
    '-w',
    '-l',
    path.join(folder, 'log'),
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run(path.join(BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}

/** Makes an empty database (dropping one of that name first) on a PostgreSQL server, and returns its URL. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
