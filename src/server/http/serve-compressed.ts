// Runs Astro's standalone request handler behind gzip/brotli compression. People often use the
// public site on a phone with a poor connection, and Astro's Node server sends everything
// uncompressed. The standalone build still serves the static files and pages; this only adds
// compression and a clean shutdown.
import http from 'node:http';
import compression from 'compression';

export type NodeHandler = (req: http.IncomingMessage, res: http.ServerResponse, next?: (error?: unknown) => void) => void;

export function createCompressedServer(handler: NodeHandler): http.Server {
  const compress = compression({ threshold: 1024 });
  return http.createServer((req, res) => {
    compress(req as never, res as never, () => handler(req, res));
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
