import { describe, expect, it } from 'vitest';
import { clampPage, offsetOf, pageLinks, pageNumberFrom, pageOf, pageRequest, pageSummary } from '../../src/domain/paging.ts';

describe('page numbers from an address', () => {
  it('takes a whole number from 1, and treats anything else as the first page', () => {
    expect(pageNumberFrom('3')).toBe(3);
    expect(pageNumberFrom(' 12 ')).toBe(12);
    for (const odd of [null, undefined, '', '0', '-2', 'abc', '1e9', '2.5', '3abc', '99999999', '０３'])
      expect(pageNumberFrom(odd), String(odd)).toBe(1);
  });

  it('bounds the page size, and a page past the last shows the last', () => {
    expect(pageRequest(0, 0)).toEqual({ page: 1, pageSize: 1 });
    expect(pageRequest(2, 10_000)).toEqual({ page: 2, pageSize: 200 });
    expect(clampPage({ page: 9, pageSize: 50 }, 101)).toEqual({ page: 3, pageSize: 50 });
    expect(clampPage({ page: 9, pageSize: 50 }, 0)).toEqual({ page: 1, pageSize: 50 });
    expect(clampPage({ page: 2, pageSize: 50 }, 101)).toEqual({ page: 2, pageSize: 50 });
    expect(offsetOf({ page: 3, pageSize: 50 })).toBe(100);
  });
});

describe('pages as GOV.UK shows them', () => {
  it('links the first, the last, and the current page with its neighbours, with gaps between', () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(1, 3)).toEqual([1, 2, 3]);
    expect(pageLinks(5, 10)).toEqual([1, 'gap', 4, 5, 6, 'gap', 10]);
    expect(pageLinks(3, 10)).toEqual([1, 2, 3, 4, 'gap', 10]);
    expect(pageLinks(10, 10)).toEqual([1, 'gap', 9, 10]);
  });

  it('says which rows are shown and how many in all', () => {
    const page = pageOf(
      Array.from({ length: 50 }, (_, i) => i),
      1234,
      { page: 2, pageSize: 50 },
    );
    expect(page.pageCount).toBe(25);
    expect(pageSummary(page, ['hand-off', 'hand-offs'])).toBe('Showing 51 to 100 of 1,234 hand-offs');
    expect(pageSummary(pageOf([1], 1, { page: 1, pageSize: 50 }), ['hand-off', 'hand-offs'])).toBe('Showing 1 to 1 of 1 hand-off');
    expect(pageSummary(pageOf([], 0, { page: 1, pageSize: 50 }), ['hand-off', 'hand-offs'])).toBe('No hand-offs');
  });
});
