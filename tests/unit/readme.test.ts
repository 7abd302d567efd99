// The README's first section is what a newcomer reads first: it names every area a person can
// reach, each of which exists, and calls nothing that has been built "a later issue".
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const firstSection = readme.slice(0, readme.indexOf('\n## '));

/** The areas people use: the public journeys, the back office and what each role works in. */
const AREAS = [
  '/self-assessment',
  '/information',
  '/services',
  '/homes',
  '/landlords',
  '/staff',
  '/staff/reports',
  '/staff/referrals',
  '/staff/my-homes',
];

describe('the README’s first section', () => {
  it('names every area a person can reach', () => {
    for (const area of AREAS) expect(firstSection, area).toContain(`\`${area}\``);
  });

  it('names only areas that exist', () => {
    const named = [...firstSection.matchAll(/`(\/[a-z/-]*)`/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThanOrEqual(AREAS.length);
    for (const area of named) {
      const page = path.join(ROOT, 'src/pages', area);
      expect(existsSync(page) || existsSync(`${page}.astro`) || existsSync(`${page}.ts`), area).toBe(true);
    }
  });

  it('does not call anything a later issue', () => {
    expect(firstSection).not.toMatch(/later issue|not yet built|coming soon/i);
  });
});
