// The visit counter's list of public pages is the site's own: every public page in src/pages is
// on it, and everything on it is a page (so a new page is counted, and a removed one is not).
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { PUBLIC_PAGE_ROUTES } from '../../../src/domain/analytics/public-pages.ts';

const PAGES = path.resolve(import.meta.dirname, '../../../src/pages');
/** Not pages a person reads: the back office, endpoints, the error pages Astro renders in place. */
const NOT_COUNTED = /^\/(staff|api)(\/|$)|^\/(404|500)$/;

function routesIn(folder: string, prefix = ''): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return routesIn(full, `${prefix}/${name}`);
    if (!name.endsWith('.astro')) return [];
    const base = name.replace(/\.astro$/, '');
    return [base === 'index' ? prefix || '/' : `${prefix}/${base}`];
  });
}

it('lists every public page in src/pages, and nothing else', () => {
  const pages = routesIn(PAGES).filter((route) => !NOT_COUNTED.test(route));
  expect([...PUBLIC_PAGE_ROUTES].sort()).toEqual(pages.sort());
});
