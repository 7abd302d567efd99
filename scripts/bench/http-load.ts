// HTTP load for the scale benchmark: autocannon against a URL, and a bare node:http server that
// answers with bytes captured from the app, so the app's figures have a floor to be read against.
import http from 'node:http';
import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  statuses: string;
  errors: number;
}

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections?: number;
  seconds?: number;
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    method: options.method ?? 'GET',
    headers: options.headers,
    body: options.body,
    connections: options.connections ?? 10,
    duration: options.seconds ?? 10,
  });
  const counts = (['1xx', '2xx', '3xx', '4xx', '5xx'] as const)
    .map((k) => [k, (result as unknown as Record<string, number>)[k] ?? 0] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return {
    // Every response in the run over the run's length (autocannon's per-second average skips the ragged last second).
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses: counts,
    errors: result.errors + result.timeouts,
  };
}

/** A response as the app sent it: status, headers that matter, and body bytes. */
export interface Captured {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export async function capture(url: string, init: RequestInit): Promise<Captured> {
  const response = await fetch(url, { ...init, redirect: 'manual' });
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  for (const [name, value] of response.headers) {
    if (!['content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'content-encoding'].includes(name))
      headers[name] = value;
  }
  return { status: response.status, headers, body };
}

/** A bare node:http server answering every request with the captured response. */
export function bareServer(response: Captured, port: number): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(response.status, { ...response.headers, 'content-length': response.body.length });
      res.end(response.body);
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
