// The pagination markup, rendered as the server renders it: GOV.UK's classes, the current page
// marked for screen readers, Previous and Next only where there is somewhere to go.
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import Pagination from '../../../src/components/Pagination.tsx';

const render = (page: number, pageCount: number) =>
  renderToString(
    h(Pagination, { page, pageCount, hrefFor: (n: number) => `/staff/queue?need=high&page=${n}`, label: 'Pages of hand-offs' }),
  );

describe('pagination', () => {
  it('shows nothing when everything fits on one page', () => {
    expect(render(1, 1)).toBe('');
  });

  it('links pages around the current one, keeping the filters, with the current page marked', () => {
    const html = render(5, 10);
    expect(html).toContain('<nav class="govuk-pagination" aria-label="Pages of hand-offs">');
    expect([...html.matchAll(/aria-label="Page (\d+)"/g)].map((m) => Number(m[1]))).toEqual([1, 4, 5, 6, 10]);
    expect(html).toMatch(/href="\/staff\/queue\?need=high&amp;page=5" aria-label="Page 5" aria-current="page"/);
    expect(html.match(/govuk-pagination__item--ellipsis/g)).toHaveLength(2);
    expect(html).toContain('href="/staff/queue?need=high&amp;page=4" rel="prev"');
    expect(html).toContain('href="/staff/queue?need=high&amp;page=6" rel="next"');
  });

  it('has no Previous on the first page and no Next on the last', () => {
    expect(render(1, 3)).not.toContain('rel="prev"');
    expect(render(1, 3)).toContain('rel="next"');
    expect(render(3, 3)).not.toContain('rel="next"');
  });
});
