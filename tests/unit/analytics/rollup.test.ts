import { describe, expect, it } from 'vitest';
import {
  DEVICE_UNKNOWN,
  DIRECT,
  deviceClass,
  entrySource,
  isCountedPath,
  pagePath,
  rollUp,
  type CountedVisit,
} from '../../../src/domain/analytics/rollup.ts';

const visit = (over: Partial<CountedVisit>): CountedVisit => ({
  day: '2026-12-05',
  week: '2026-11-30',
  visitor: 'a',
  name: 'pageview',
  path: '/',
  source: null,
  screenWidth: 400,
  script: 'on',
  ...over,
});

describe('what a visit adds to the daily figures', () => {
  it('keeps only the path of a page: never its query, which can hold a code', () => {
    expect(pagePath(new URL('https://h.example/self-assessment/resume?code=ABCD-1234#x'))).toBe('/self-assessment/resume');
    expect(pagePath(new URL('https://h.example/homes/'))).toBe('/homes');
    expect(pagePath(new URL('https://h.example/'))).toBe('/');
    expect(pagePath(new URL(`https://h.example/${'a'.repeat(500)}`))).toHaveLength(200);
  });

  it('counts the public site only', () => {
    for (const path of ['/', '/homes', '/staffing-advice', '/information/apis-explained']) expect(isCountedPath(path), path).toBe(true);
    for (const path of ['/staff', '/staff/reports', '/api/event', '/api', '/_astro/x.js']) expect(isCountedPath(path), path).toBe(false);
  });

  it('tells a new visit (from another site or from nowhere) from a move within this site', () => {
    expect(entrySource(null, 'housing.example')).toBe(DIRECT);
    expect(entrySource('', 'housing.example')).toBe(DIRECT);
    expect(entrySource('not a url', 'housing.example')).toBe(DIRECT);
    expect(entrySource('https://www.Google.com/search?q=x', 'housing.example')).toBe('google.com');
    expect(entrySource('https://housing.example/homes', 'housing.example')).toBeNull();
    expect(entrySource('https://www.housing.example/', 'housing.example')).toBeNull();
  });

  it('puts screen widths in the same device classes as Plausible', () => {
    expect([null, 320, 575, 576, 991, 992, 1439, 1440].map(deviceClass)).toEqual([
      DEVICE_UNKNOWN,
      'Mobile',
      'Mobile',
      'Tablet',
      'Tablet',
      'Laptop',
      'Laptop',
      'Desktop',
    ]);
  });

  it('folds a batch into each week’s visitors (each once) and one row per day, dimension and value', () => {
    const { visitors, rows } = rollUp([
      visit({ visitor: 'a', source: DIRECT, path: '/' }),
      visit({ visitor: 'a', path: '/homes' }),
      visit({ visitor: 'b', source: 'google.com', screenWidth: null, script: 'off', path: '/homes' }),
      visit({ visitor: 'c', name: 'File download' }),
      visit({ visitor: 'd', day: '2026-12-07', week: '2026-12-07' }),
    ]);
    expect([...visitors.entries()].map(([w, s]) => [w, [...s].sort()])).toEqual([
      ['2026-11-30', ['a', 'b']],
      ['2026-12-07', ['d']],
    ]);
    const get = (day: string, dimension: string, value: string) =>
      rows.find((r) => r.day === day && r.dimension === dimension && r.value === value)?.count;
    expect(get('2026-12-05', 'pageviews', '')).toBe(3);
    expect(get('2026-12-05', 'page', '/homes')).toBe(2);
    expect(get('2026-12-05', 'entries', '')).toBe(2);
    expect(get('2026-12-05', 'source', 'google.com')).toBe(1);
    expect(get('2026-12-05', 'device', DEVICE_UNKNOWN)).toBe(1);
    expect(get('2026-12-05', 'device', 'Mobile')).toBe(1);
    expect(get('2026-12-05', 'script', 'off')).toBe(1);
    expect(get('2026-12-05', 'event', 'File download')).toBe(1);
    expect(get('2026-12-07', 'pageviews', '')).toBe(1);
    // One row per key: the batch writes each once.
    expect(new Set(rows.map((r) => `${r.day}/${r.dimension}/${r.value}`)).size).toBe(rows.length);
  });
});
