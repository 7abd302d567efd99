// The import rules that keep the layout clear, read from the code's own import lines: the domain
// depends on nothing but itself and its few libraries; the server never reaches into the UI; staff
// sign-in does not depend on casework or the self-assessment; the database folder imports no
// feature; routes import nothing.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function filesUnder(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) return filesUnder(relative);
    return /\.(ts|tsx|astro)$/.test(entry.name) ? [relative] : [];
  });
}

/** Every import of a file: relative ones resolved to a path from the repository root, packages as named. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2]!);
  return specifiers.map((s) => (s.startsWith('.') ? path.normalize(path.join(path.dirname(file), s)) : s));
}

function violations(folder: string, allowed: (target: string, file: string) => boolean): string[] {
  return filesUnder(folder).flatMap((file) => importsOf(file).filter((target) => !allowed(target, file)).map((target) => `${file} imports ${target}`));
}

const inside = (target: string, folder: string) => target === folder || target.startsWith(`${folder}/`);
const isPackage = (target: string) => !target.startsWith('src/') && !target.startsWith('content/') && !target.startsWith('db/') && !target.startsWith('tests/');

describe('import rules', () => {
  it('the domain imports only the domain, xstate and zod', () => {
    expect(violations('src/domain', (t) => inside(t, 'src/domain') || t === 'xstate' || t === 'zod')).toEqual([]);
  });

  it('the server never imports islands or pages', () => {
    expect(violations('src/server', (t) => !inside(t, 'src/islands') && !inside(t, 'src/pages'))).toEqual([]);
  });

  it('staff sign-in does not import casework or the self-assessment', () => {
    expect(violations('src/server/staff', (t) => !inside(t, 'src/server/casework') && !inside(t, 'src/server/self-assessment'))).toEqual([]);
  });

  it('the database folder imports no feature module', () => {
    expect(violations('src/server/db', (t) => isPackage(t) || inside(t, 'src/server/db') || inside(t, 'db/migrations') || inside(t, 'src/domain') || t === 'src/config/settings.ts' || t === 'src/server/log.ts')).toEqual([]);
    expect(violations('db/migrations', (t) => isPackage(t) || inside(t, 'db/migrations'))).toEqual([]);
  });

  it('routes import nothing, so islands and server can share them', () => {
    expect(violations('src/routes', () => false)).toEqual([]);
  });

  it('islands reach the server only for types', () => {
    const serverImports = filesUnder('src/islands').flatMap((file) =>
      [...readFileSync(path.join(ROOT, file), 'utf8').matchAll(/import\s+(type\s+)?[^'"]*from\s*['"]([^'"]+)['"]/g)]
        .filter((m) => !m[1] && path.normalize(path.join(path.dirname(file), m[2]!)).startsWith('src/server'))
        .map((m) => `${file} imports ${m[2]}`),
    );
    expect(serverImports).toEqual([]);
  });

  it('catches a rule being broken (the reader sees real imports)', () => {
    expect(importsOf('src/server/startup.ts')).toEqual(expect.arrayContaining(['src/server/db/migrate.ts', 'src/server/demo/seed-demo-data.ts']));
    expect(violations('src/server/jobs', (t) => !inside(t, 'src/server/self-assessment'))).not.toEqual([]);
  });
});
