import { describe, expect, it } from 'vitest';
import { isStale, staleCutoff, staleEntries } from '../../../src/domain/content/freshness.ts';

describe('freshness', () => {
  it('counts anything checked six months ago or earlier as stale', () => {
    expect(staleCutoff('2026-11-24')).toBe('2026-05-24');
    expect(staleCutoff('2026-08-31')).toBe('2026-02-28');
    expect(isStale('2026-05-24', '2026-11-24')).toBe(true);
    expect(isStale('2026-05-25', '2026-11-24')).toBe(false);
    const entries = [
      { id: 'b', lastChecked: '2026-01-01' },
      { id: 'a', lastChecked: '2025-06-01' },
      { id: 'c', lastChecked: '2026-11-01' },
    ];
    expect(staleEntries(entries, '2026-11-24').map((e) => e.id)).toEqual(['a', 'b']);
  });
});
