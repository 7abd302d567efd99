// `npm ci` (which CI runs) refuses a lockfile that lacks any optional dependency, even one for
// another platform. Our registry lacks some platform builds, so `npm install` can leave them out:
// `npm run lockfile:complete` puts them back.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

it('package-lock.json lists every optional dependency, so npm ci accepts it', () => {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
    packages: Record<string, { optionalDependencies?: Record<string, string> }>;
  };
  const missing = Object.entries(lock.packages).flatMap(([location, entry]) =>
    Object.keys(entry.optionalDependencies ?? {})
      .filter((name) => !lock.packages[`${location ? `${location}/` : ''}node_modules/${name}`] && !lock.packages[`node_modules/${name}`])
      .map((name) => `${name} (for ${location || 'the project'})`),
  );
  expect(missing, 'run `npm run lockfile:complete`').toEqual([]);
});

it('every dependency with an install script is approved or denied in package.json, so a fresh install warns about none', () => {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
  const { allowScripts = {} } = JSON.parse(readFileSync('package.json', 'utf8')) as { allowScripts?: Record<string, boolean> };
  const withScripts = Object.entries(lock.packages)
    .filter(([location, entry]) => location !== '' && entry.hasInstallScript)
    .map(([location]) => location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length));
  expect(withScripts.length).toBeGreaterThan(0);
  expect(
    withScripts.filter((name) => !Object.keys(allowScripts).some((key) => key === name || key.startsWith(`${name}@`))),
    'run `npm approve-scripts --allow-scripts-pending`',
  ).toEqual([]);
  // The ones the project relies on run: the SQLite driver is compiled here, esbuild checks its binary.
  expect(allowScripts).toMatchObject({ 'better-sqlite3': true, esbuild: true });
});

it('the formatter is a pinned dev dependency with the configured width, and npm test checks the whole tree with it', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
    devDependencies: Record<string, string>;
    scripts: Record<string, string>;
  };
  expect(manifest.devDependencies.prettier).toMatch(/^\d+\.\d+\.\d+$/);
  expect(manifest.scripts['format:check']).toBe('prettier --check .');
  expect(JSON.parse(readFileSync('.prettierrc.json', 'utf8'))).toMatchObject({ printWidth: 140 });
  expect(readFileSync('scripts/test.sh', 'utf8')).toMatch(/^prettier --check \./m);
});
