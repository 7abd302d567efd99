// Debian's nginx in front of a test server, over https with a throwaway certificate, configured
// with the server block the README's "Deploying" section gives (between its nginx-config markers):
// only the public name, the port, the certificate and the upstream are replaced, so the tested
// configuration is the documented one. Installed by scripts/ensure-nginx.sh.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

export interface ReverseProxy {
  /** https://127.0.0.1:<port> */
  base: string;
  stop(): Promise<void>;
}

/** The README's nginx server block, as written there. */
export function documentedNginxServer(): string {
  const readme = readFileSync('README.md', 'utf8');
  const block = /<!-- nginx-config:start -->\s*```nginx\n([\s\S]*?)```\s*<!-- nginx-config:end -->/.exec(readme)?.[1];
  if (!block) throw new Error('README.md has no nginx configuration between <!-- nginx-config:start --> and <!-- nginx-config:end -->');
  return block;
}

function replaceOnce(text: string, pattern: RegExp, replacement: string): string {
  if (!pattern.test(text)) throw new Error(`the README's nginx configuration no longer has ${pattern}`);
  return text.replace(pattern, replacement);
}

/** Answers once https://127.0.0.1:<port>/health does (certificate not checked: it is made here). */
function healthy(base: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(`${base}/health`, { rejectUnauthorized: false, timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}

export async function startReverseProxy(httpsPort: number, upstreamPort: number): Promise<ReverseProxy> {
  const folder = mkdtempSync(path.join(tmpdir(), 'ho-nginx-'));
  // nginx's workers run as nobody when started by root: they must be able to reach their folders.
  chmodSync(folder, 0o755);
  for (const dir of ['logs', 'temp']) mkdirSync(path.join(folder, dir), { mode: 0o777 });
  chmodSync(path.join(folder, 'temp'), 0o777);
  const certificate = path.join(folder, 'localhost.pem');
  const key = path.join(folder, 'localhost.key');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      certificate,
    ],
    { stdio: 'ignore' },
  );

  let server = documentedNginxServer();
  server = replaceOnce(server, /listen 443 ssl/, `listen 127.0.0.1:${httpsPort} ssl`);
  server = replaceOnce(server, /server_name [^;]+;/, 'server_name 127.0.0.1;');
  server = replaceOnce(server, /ssl_certificate [^;]+;/, `ssl_certificate ${certificate};`);
  server = replaceOnce(server, /ssl_certificate_key [^;]+;/, `ssl_certificate_key ${key};`);
  server = replaceOnce(server, /proxy_pass http:\/\/127\.0\.0\.1:4321;/, `proxy_pass http://127.0.0.1:${upstreamPort};`);
  const temp = path.join(folder, 'temp');
  const config = `
pid ${folder}/nginx.pid;
error_log ${folder}/logs/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${temp}/body;
  proxy_temp_path ${temp}/proxy;
  fastcgi_temp_path ${temp}/fastcgi;
  uwsgi_temp_path ${temp}/uwsgi;
  scgi_temp_path ${temp}/scgi;
${server}
}
`;
  const configFile = path.join(folder, 'nginx.conf');
  writeFileSync(configFile, config);
  const nginx: ChildProcess = spawn(NGINX, ['-p', folder, '-c', configFile, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  nginx.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  const base = `https://127.0.0.1:${httpsPort}`;
  const stop = async () => {
    if (nginx.exitCode === null && nginx.signalCode === null) {
      const exited = new Promise((r) => nginx.once('exit', r));
      nginx.kill('SIGTERM');
      await exited;
    }
    rmSync(folder, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i += 1) {
    if (nginx.exitCode !== null) break;
    if (await healthy(base)) return { base, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  let log = '';
  try {
    log = readFileSync(path.join(folder, 'logs', 'error.log'), 'utf8');
  } catch {
    // no log written
  }
  await stop();
  throw new Error(`nginx did not answer through ${base}: ${errors}${log}`);
}
