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
