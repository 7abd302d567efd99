// Runs Astro's request handler behind gzip/brotli compression. People often use the public site
// on a phone with a poor connection, and Astro's Node handler sends everything uncompressed.
// Static files (scripts, styles, prerendered pages) are answered from a list made at start-up
// (static-files.ts); the visit counter answers itself (event-route.ts); everything else goes to
// Astro's handler (the adapter's middleware mode).
import http from 'node:http';
import compression from 'compression';
import type { StaticHandler } from './static-files.ts';

export type NodeHandler = (req: http.IncomingMessage, res: http.ServerResponse, next?: (error?: unknown) => void) => void;

/** A route the server answers itself, before compression and Astro: true when it took the request. */
export type OwnRoute = (req: http.IncomingMessage, res: http.ServerResponse) => boolean;

export interface ServerParts {
  /** Astro's handler: everything the others do not take. */
  handler: NodeHandler;
  staticFiles?: StaticHandler;
  ownRoute?: OwnRoute;
  /** Set on every response before anything answers it (the security headers). */
  headers?: Record<string, string>;
}

/** The methods the service answers; anything else (TRACE, PUT, OPTIONS, a made-up one) gets 405. */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST'];

function refuseMethod(res: http.ServerResponse): void {
  const body = `This service answers ${ALLOWED_METHODS.join(', ')} requests only.`;
  res.writeHead(405, {
    Allow: ALLOWED_METHODS.join(', '),
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

export function createCompressedServer({ handler, staticFiles, ownRoute, headers = {} }: ServerParts): http.Server {
  const compress = compression({ threshold: 1024 });
  const everyResponse = Object.entries(headers);
  return http.createServer((req, res) => {
    for (const [name, value] of everyResponse) res.setHeader(name, value);
    // Before anything reads the request: Astro's handler cannot even build a Request for TRACE (a 500 with a stack).
    if (!ALLOWED_METHODS.includes(req.method ?? '')) {
      req.resume();
      refuseMethod(res);
      return;
    }
    if (ownRoute?.(req, res)) return;
    compress(req as never, res as never, () => {
      if (!staticFiles?.(req, res)) handler(req, res);
    });
  });
}

export function listen(server: http.Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Stop accepting connections on SIGTERM/SIGINT and exit once open requests finish. */
export function closeOnSignals(server: http.Server): void {
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
