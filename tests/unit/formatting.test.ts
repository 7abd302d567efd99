// The formatter `npm test` runs first (`npm run format:check`): the project's own Prettier plugin for
// `.astro` files formats the frontmatter and keeps the template exactly as written, and the
// benchmark writer leaves docs/benchmarks.md formatted.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { check, format } from 'prettier';
import { afterAll, describe, expect, it } from 'vitest';
import { writeReportSection } from '../../scripts/bench/report-section.ts';

const plugin = path.resolve('scripts/prettier/astro-frontmatter.mjs');
const options = { filepath: 'Page.astro', plugins: [plugin], singleQuote: true, printWidth: 140 };

describe('the .astro formatter', () => {
  // Whitespace a browser shows: none between an expression and its comma, a line break as a space.
  const template = [
    '<p class="govuk-body">Too many tries in the last hour{sending ? " to send" : ""}, so we have paused this.',
    '  Call {phone}.</p>',
    '<pre>  kept   as   is  </pre>',
    '<span>EI-{a}-{b}</span>',
    '',
  ].join('\n');

  it('formats the frontmatter as TypeScript and keeps the template byte for byte', async () => {
    const source = `---\nimport X from "./X.astro"\nconst   a = { b:1 }\n---\n${template}`;
    const formatted = await format(source, options);
    expect(formatted).toBe(`---\nimport X from './X.astro';\nconst a = { b: 1 };\n---\n${template}`);
    expect(await format(formatted, options)).toBe(formatted);
  });

  it('keeps a file with no frontmatter, or an empty one, as it is', async () => {
    expect(await format(template, options)).toBe(template);
    expect(await format(`---\n---\n${template}`, options)).toBe(`---\n---\n${template}`);
  });

  it('allows a top-level return in the frontmatter, as Astro does', async () => {
    const source = "---\nif (!Astro.locals.actor) return Astro.redirect('/staff/sign-in');\n---\n<p>Hi</p>\n";
    expect(await format(source, options)).toBe(source);
  });

  it('refuses a template line wider than printWidth, naming the line, and does not wrap it itself', async () => {
    const wide = `<p class="govuk-body">${'word '.repeat(30)}</p>`;
    const source = `---\nconst a = 1;\n---\n<h1>Title</h1>\n${wide}\n`;
    await expect(format(source, options)).rejects.toThrow(/template lines longer than 140 characters: line 5 \(\d+\)/);
    expect(await check(source.replace(wide, '<p>short</p>'), options)).toBe(true);
  });
});

describe('the benchmark writer', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'report-section-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('replaces its own section and leaves the file as Prettier would write it', async () => {
    const file = path.join(folder, 'benchmarks.md');
    writeFileSync(file, '# Benchmarks\n\nKept by hand.\n');
    const section = { name: 'bench-x', heading: 'X', command: 'npm run x', note: 'Note.', now: new Date('2026-12-06T12:00:00Z') };
    await writeReportSection({ ...section, lines: ['| size | p95 |', '|---|---|', '| 100,000 | 20 ms |'] }, file);
    await writeReportSection({ ...section, lines: ['| size | p95 |', '|---|---|', '| 100,000 | 19 ms |'] }, file);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('Kept by hand.');
    expect(text).toContain('| 100,000 | 19 ms |');
    expect(text).not.toContain('20 ms');
    expect(text.match(/<!-- bench-x:start -->/g)).toHaveLength(1);
    expect(await check(text, { filepath: file })).toBe(true);
  });
});
