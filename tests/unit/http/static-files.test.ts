// The static files are listed once: a request naming one is answered from the disk, with Vite's
// hashed assets cached for good; any other request goes to the app without touching the disk.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listStaticFiles, staticFileHandler } from '../../../src/server/http/static-files.ts';

let root: string;
let server: http.Server;
let base: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'ho-static-'));
  mkdirSync(path.join(root, '_astro'));
  mkdirSync(path.join(root, 'about'));
  writeFileSync(path.join(root, 'index.html'), '<h1>Home</h1>');
  writeFileSync(path.join(root, 'about', 'index.html'), '<h1>About</h1>');
  writeFileSync(path.join(root, '_astro', 'app.1a2b3c.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'favicon.svg'), '<svg/>');
  writeFileSync(path.join(root, '.secret'), 'no');
  const serveStatic = staticFileHandler(root);
  server = http.createServer((req, res) => {
    if (!serveStatic(req, res)) {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end(`app: ${req.method} ${req.url}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(() => {
  server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('static files', () => {
  it('lists every file, each index.html also under its folder, and no dotfiles', () => {
    const files = listStaticFiles(root);
    expect(Object.fromEntries(files)).toEqual({
      '/': '/index.html',
      '/index.html': '/index.html',
      '/about': '/about/index.html',
      '/about/': '/about/index.html',
      '/about/index.html': '/about/index.html',
      '/_astro/app.1a2b3c.js': '/_astro/app.1a2b3c.js',
      '/favicon.svg': '/favicon.svg',
    });
  });

  it('answers a file from the disk, hashed assets cached for good', async () => {
    const asset = await fetch(`${base}/_astro/app.1a2b3c.js`);
    expect(await asset.text()).toBe('console.log(1)');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const page = await fetch(`${base}/about?from=home`);
    expect(await page.text()).toBe('<h1>About</h1>');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).not.toMatch(/immutable/);
  });

  it('leaves everything else to the app: unknown paths, dotfiles, escapes and posts', async () => {
    for (const [method, url] of [
      ['GET', '/self-assessment/tonight'],
      ['GET', '/.secret'],
      ['GET', '/_astro/../.secret'],
      ['GET', '/%2e%2e/etc/passwd'],
      ['POST', '/about'],
    ] as const) {
      const response = await fetch(`${base}${url}`, { method });
      expect(await response.text(), url).toMatch(/^app: /);
    }
  });

  it('refuses an address that cannot be decoded, plainly', async () => {
    const response = await fetch(`${base}/%E0%A4%A`);
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('Bad request.');
  });
});
