import { describe, expect, it } from 'vitest';
import {
  DEVICE_UNKNOWN,
  DIRECT,
  deviceClass,
  capNewValues,
  entrySource,
  OTHER,
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

  it('counts the public site’s own pages only: not the back office, the API, or an address made up for spam', () => {
    for (const path of ['/', '/homes', '/homes/01a2b3c4-d5e6', '/information/apis-explained', '/self-assessment/tonight'])
      expect(isCountedPath(path), path).toBe(true);
    for (const path of [
      '/staff',
      '/staff/reports',
      '/api/event',
      '/api',
      '/_astro/x.js',
      '/staffing-advice',
      '/buy-cheap-pills-online',
      '/homes/x/y/z',
      '/information/%00hidden',
      '/information/caf%C3%A9',
      `/information/${'a'.repeat(150)}`,
    ])
      expect(isCountedPath(path), path).toBe(false);
  });

  it('keeps a day’s list of pages and sources from growing without end: new values past the cap are “Others”', () => {
    const row = (dimension: string, value: string, count = 1) => ({ day: '2026-12-05', dimension, value, count });
    const existing = new Map([['2026-12-05 source', { count: 2, known: new Set(['google.com']) }]]);
    const capped = capNewValues(
      [
        row('source', 'google.com', 3),
        row('source', 'bing.com'),
        row('source', 'spam-1.example'),
        row('source', 'spam-2.example', 2),
        row('pageviews', '', 7),
      ],
      existing,
      3,
    );
    expect(capped).toEqual([row('source', 'google.com', 3), row('source', 'bing.com'), row('source', OTHER, 3), row('pageviews', '', 7)]);
  });

  it('tells a new visit (from another site or from nowhere) from a move within this site', () => {
    expect(entrySource(null, 'housing.example')).toBe(DIRECT);
    expect(entrySource('', 'housing.example')).toBe(DIRECT);
    expect(entrySource('not a url', 'housing.example')).toBe(DIRECT);
    expect(entrySource('https://www.Google.com/search?q=x', 'housing.example')).toBe('google.com');
    expect(entrySource('https://housing.example/homes', 'housing.example')).toBeNull();
    expect(entrySource('https://www.housing.example/', 'housing.example')).toBeNull();
    // Only a host name is a source: never an address or anything stranger.
    expect(entrySource('https://203.0.113.9/page', 'housing.example')).toBe(DIRECT);
    expect(entrySource('https://[::1]/', 'housing.example')).toBe(DIRECT);
    expect(entrySource('https://xn--caf-dma.example/', 'housing.example')).toBe('xn--caf-dma.example');
    expect(entrySource(`https://${'a'.repeat(120)}.example/`, 'housing.example')).toBe(DIRECT);
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
