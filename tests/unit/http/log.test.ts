import { describe, expect, it } from 'vitest';
import { describeFailure, pathForLog, placeWithoutFolders } from '../../../src/server/log.ts';

describe('what the log may hold', () => {
  it('keeps a path’s shape but never an id, a token or a code in it', () => {
    expect(pathForLog('/staff/cases/0193a5c2-7b1e-7c4d-9a2b-3f4e5d6c7b8a/plan')).toBe('/staff/cases/[id]/plan');
    expect(pathForLog('/staff/set-password/q8Jz3xW0kLmN4pRt6vYb2cDe')).toBe('/staff/set-password/[id]');
    expect(pathForLog('/homes/HO-7KQ2-M9XA')).toBe('/homes/[id]');
    expect(pathForLog('/self-assessment/contact/details')).toBe('/self-assessment/contact/details');
  });

  it('describes a failure in one line, without its stack', () => {
    const failure = describeFailure(
      Object.assign(new TypeError('Cannot read properties of undefined\n    more detail'), { code: 'E_BROKEN' }),
    );
    expect(failure).toMatchObject({ type: 'TypeError', message: 'Cannot read properties of undefined', code: 'E_BROKEN' });
    expect(failure.at).toMatch(/log\.test\.ts:\d+/);
    // Where it failed, but not where the service is installed.
    expect(failure.at).toMatch(/^tests\/unit\/http\/log\.test\.ts:\d+:\d+$/);
    expect(failure.at).not.toContain(process.cwd());
    expect(JSON.stringify(failure)).not.toContain('\\n');
    expect(describeFailure('x'.repeat(500)).message).toHaveLength(200);
  });

  it('names the place a failure happened without the folders the service is installed in', () => {
    expect(placeWithoutFolders('openText (file:///srv/housing/dist/server/chunks/sealing_Bv.mjs:41:31)')).toBe(
      'openText (dist/server/chunks/sealing_Bv.mjs:41:31)',
    );
    expect(placeWithoutFolders('run (/home/council/app/node_modules/kysely/dist/esm/index.js:9:1)')).toBe(
      'run (node_modules/kysely/dist/esm/index.js:9:1)',
    );
    expect(placeWithoutFolders('file:///opt/somewhere/else/entry.mjs:3:7')).toBe('entry.mjs:3:7');
    expect(placeWithoutFolders('node:internal/process/task_queues:95:5')).toBe('node:internal/process/task_queues:95:5');
  });
});
