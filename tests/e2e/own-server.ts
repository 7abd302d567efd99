// A built server of the tests' own, on its own SQLite database in a temporary folder, for specs
// that must not share the main test server (project "instances" in playwright.config.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EVERY_TEST_FROM_ONE_ADDRESS } from './one-address.ts';

export interface OwnServer {
  base: string;
  /** The SQLite file it serves from. */
  databaseFile: string;
  folder: string;
  /** What it has written to standard output so far (its log). */
  output(): string;
  /** Kills the process at once (SIGKILL), as a power cut would, leaving its database for the next start. */
  crash(): Promise<void>;
  stop(): Promise<void>;
}

/** `reuse`: start again on the folder (and database) an earlier, crashed server left. */
export async function startOwnServer(
  name: string,
  port: number,
  env: Record<string, string> = {},
  reuse?: { folder: string },
): Promise<OwnServer> {
  const folder = reuse?.folder ?? mkdtempSync(path.join(tmpdir(), `ho-${name}-`));
  const databaseFile = path.join(folder, `${name}.db`);
  const base = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(process.execPath, ['scripts/serve.ts'], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: `file:${databaseFile}`,
      DEMO_MODE: 'false',
      MAIL_DROP_DIR: path.join(folder, 'mail'),
      SECRET_KEY: `${name}-test-secret-key-0123456789abcdef0123456789`,
      ...EVERY_TEST_FROM_ONE_ADDRESS,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let written = '';
  server.stdout?.on('data', (chunk: Buffer) => {
    written += chunk.toString('utf8');
  });
  const output = () => written;
  server.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[${name} server] ${chunk}`));
  const crash = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGKILL');
      await exited;
    }
  };
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    rmSync(folder, { recursive: true, force: true });
  };
  for (let i = 0; i < 600; i += 1) {
    try {
      if ((await fetch(`${base}/health`)).ok) return { base, databaseFile, folder, output, crash, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`the ${name} server never became healthy`);
}
