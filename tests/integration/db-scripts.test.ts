// The README's database commands, run as a newcomer would run them, against a temporary file.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function script(name: string, env: Record<string, string>) {
  return run(process.execPath, [`scripts/${name}.ts`], { env: { ...process.env, ...env } });
}

describe('npm run db:migrate and db:seed', () => {
  it('create the database file on first run and fill it with demo data, then change nothing', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'ho-scripts-'));
    folders.push(folder);
    const env = { DATABASE_URL: `file:${path.join(folder, 'first-run', 'app.db')}` };

    const migrated = await script('db-migrate', env);
    expect(migrated.stdout).toMatch(/Applied to .*app\.db: 2026-11-24-001-staff-accounts/);
    expect((await script('db-migrate', env)).stdout).toMatch(/is up to date/);

    expect((await script('db-seed', env)).stdout).toMatch(/8 staff accounts added, 0 already there/);
    expect((await script('db-seed', env)).stdout).toMatch(/0 staff accounts added, 8 already there/);
  });

  it('npm run db:backup makes a checked copy, and db:restore puts it back', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'ho-scripts-'));
    folders.push(folder);
    const env = { DATABASE_URL: `file:${path.join(folder, 'app.db')}` };
    await script('db-seed', env);
    const backup = path.join(folder, 'saved', 'backup.db');
    expect((await run(process.execPath, ['scripts/db-backup.ts', backup], { env: { ...process.env, ...env } })).stdout).toMatch(
      /^Backed up .*app\.db to .*backup\.db \([\d,]+ bytes\); its check says: ok\./,
    );
    await expect(run(process.execPath, ['scripts/db-backup.ts', backup], { env: { ...process.env, ...env } })).rejects.toMatchObject({
      stderr: expect.stringContaining('already exists'),
    });
    expect((await run(process.execPath, ['scripts/db-restore.ts', backup], { env: { ...process.env, ...env } })).stdout).toMatch(
      /^Restored .* its check says: ok\./,
    );
    await expect(run(process.execPath, ['scripts/db-restore.ts'], { env: { ...process.env, ...env } })).rejects.toMatchObject({
      stderr: expect.stringContaining('Name the backup to restore'),
    });
  });

  it('refuse to load demo data in production, and explain a bad DATABASE_URL', async () => {
    const keys = { DATA_KEYS: `k:${Buffer.alloc(32, 1).toString('base64')}`, LOOKUP_KEY: 'l'.repeat(40) };
    await expect(script('db-seed', { NODE_ENV: 'production', SECRET_KEY: 'x'.repeat(40), ...keys })).rejects.toMatchObject({
      stderr: expect.stringContaining('Refusing to load demo data'),
    });
    await expect(script('db-migrate', { DATABASE_URL: 'postgres://localhost' })).rejects.toMatchObject({
      stderr: expect.stringContaining('DATABASE_URL must name the database'),
    });
  });
});
