// The built server (`scripts/serve.ts`) started on a port of its own for a benchmark, on the
// database given, and stopped after; shared by bench-scale.ts and bench-analytics.ts.
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunningApp {
  base: string;
  process: ChildProcess;
}

/** Starts the server and waits until /health answers (30 seconds at most). */
export async function startApp(databaseUrl: string, port: number, extraArgs: string[] = []): Promise<RunningApp> {
  const child = spawn(process.execPath, [...extraArgs, 'scripts/serve.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, DEMO_MODE: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i += 1) {
    try {
      if ((await fetch(`${base}/health`)).ok) return { base, process: child };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`The server on ${databaseUrl} did not start`);
}

export async function stopApp(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
