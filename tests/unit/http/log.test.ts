import { describe, expect, it } from 'vitest';
import { describeFailure, pathForLog } from '../../../src/server/log.ts';

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
    expect(JSON.stringify(failure)).not.toContain('\\n');
    expect(describeFailure('x'.repeat(500)).message).toHaveLength(200);
  });
});
