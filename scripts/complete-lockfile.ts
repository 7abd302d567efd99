// `npm run lockfile:complete`: the npm registry this project is developed against does not carry
// every platform's build of some native packages (for example @astrojs/compiler-binding-darwin-arm64).
// `npm install` skips them quietly, but `npm ci` then refuses the lockfile ("Missing: ... from lock
// file"). This adds an entry for each optional dependency the lockfile lacks, marked with the
// platform it is for (read from its name), so `npm ci` skips it on other platforms as it should.
// It changes nothing else, and prints what it added.
import { readFileSync, writeFileSync } from 'node:fs';

interface LockEntry {
  version?: string;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  optionalDependencies?: Record<string, string>;
}

const OS = ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'sunos', 'win32', 'aix', 'netbsd', 'openharmony'];
const CPU = ['arm64', 'arm', 'x64', 'ia32', 'riscv64', 'ppc64', 's390x', 'loong64', 'wasm32', 'mips64el'];

export function platformOf(name: string): Pick<LockEntry, 'os' | 'cpu'> | null {
  const parts = name.split('/').at(-1)!.split('-');
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p));
  if (!cpu) return null;
  return cpu === 'wasm32' ? { cpu: [cpu] } : os ? { os: [os], cpu: [cpu] } : null;
}

const file = process.argv[2] ?? 'package-lock.json';
const lock = JSON.parse(readFileSync(file, 'utf8')) as { packages: Record<string, LockEntry> };
const added: string[] = [];
for (const [location, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const prefix = location === '' ? '' : `${location}/`;
    if (lock.packages[`${prefix}node_modules/${name}`] || lock.packages[`node_modules/${name}`]) continue;
    const platform = platformOf(name);
    if (!platform) {
      console.warn(`Left alone: ${name} (needed by ${location || 'the project'}) names no platform I recognise.`);
      continue;
    }
    lock.packages[`node_modules/${name}`] = { version, optional: true, ...platform };
    added.push(`${name}@${version}`);
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `Added to ${file}: ${added.join(', ')}` : `${file} already lists every optional dependency.`);
