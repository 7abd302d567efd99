// The built site's static files (dist/client: scripts, styles, images, prerendered pages), listed
// once at start-up. A request for one of them is answered from the disk; every other request goes
// straight to the app, without first asking the disk whether a file of that name exists (Astro's
// standalone server did that on every request: a fifth of a question page's time, measured with
// `npm run bench:scale`). The files do not change while the server runs: a new build means a restart.
import { readdirSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import send from 'send';

/** Vite's hashed assets never change under the same name. */
const IMMUTABLE_PREFIX = '/_astro/';

/** Every file under the folder, as URL paths ("/_astro/x.js"); an index.html also answers for its folder. */
export function listStaticFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
      const relative = path.posix.join(folder, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (entry.isFile() && !entry.name.startsWith('.')) {
        const urlPath = `/${relative}`;
        files.set(urlPath, urlPath);
        if (entry.name === 'index.html') {
          const folderPath = `/${folder}`.replace(/\/$/, '') || '/';
          files.set(folderPath, urlPath);
          if (folderPath !== '/') files.set(`${folderPath}/`, urlPath);
        }
      }
    }
  };
  walk('');
  return files;
}

export type StaticHandler = (req: http.IncomingMessage, res: http.ServerResponse) => boolean;

/**
 * Answers the request from the static files when it names one (true), or leaves it (false). An
 * address that cannot be decoded is answered 400 here, as Astro's server did.
 */
export function staticFileHandler(root: string): StaticHandler {
  const files = listStaticFiles(root);
  return (req, res) => {
    const url = req.url ?? '/';
    const end = url.search(/[?#]/);
    let pathname = end === -1 ? url : url.slice(0, end);
    try {
      pathname = decodeURI(pathname);
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Bad request.');
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const file = files.get(pathname);
    if (!file) return false;
    const stream = send(req, file, { root, dotfiles: 'deny', index: false });
    stream.on('stream', () => {
      if (file.startsWith(IMMUTABLE_PREFIX)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    });
    stream.on('error', (error: Error & { statusCode?: number }) => {
      const status = error.statusCode ?? 500;
      res.writeHead(status);
      res.end(status >= 500 ? 'Internal server error' : '');
    });
    stream.pipe(res);
    return true;
  };
}
