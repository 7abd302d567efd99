// The visit counter answered by the Node server itself, before Astro: the tracker calls it on
// every page view, and Astro's request pipeline would cap it at about a quarter of the rate
// the counter must sustain (docs/benchmarks.md). Same behaviour as the Astro endpoint, from
// src/server/analytics/event-http.ts, with the service's security headers.
import { describeFailure, log } from '../log.ts';
import { BUSY_RETRY_AFTER_SECONDS } from '../db/busy.ts';
import type http from 'node:http';
import { MAX_BODY_BYTES } from '../../domain/analytics/plausible-event.ts';
import { answerEventRequest, EVENT_PATH } from '../analytics/event-http.ts';
import type { Counter } from '../analytics/count-request.ts';
import { NOT_COUNTED_COOKIE } from '../staff/web.ts';
import { forwardedClientAddress } from '../web/client-address.ts';

const NOT_COUNTED = new RegExp(`(?:^|;\\s*)${NOT_COUNTED_COOKIE}=`);

function header(req: http.IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
}

/** The body as text, or null once it passes MAX_BODY_BYTES (the rest is not read). */
function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
      req.resume();
      resolve(null);
      return;
    }
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        resolve(null);
      } else parts.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Handles /api/event and says so (true), or leaves the request alone (false). The address is read
 * as the pages read it: the connection's, or `X-Forwarded-For`'s by TRUSTED_PROXIES.
 */
export function eventRoute(
  counter: () => Promise<Counter>,
  trustedProxies = 0,
): (req: http.IncomingMessage, res: http.ServerResponse) => boolean {
  return (req, res) => {
    const pathEnd = req.url?.indexOf('?') ?? -1;
    const path = pathEnd === -1 ? req.url : req.url!.slice(0, pathEnd);
    if (path !== EVENT_PATH) return false;
    void (async () => {
      try {
        const body = req.method === 'POST' ? await readBody(req) : '';
        const answer = await answerEventRequest(
          {
            method: req.method ?? 'GET',
            url: new URL(req.url!, `http://${req.headers.host ?? 'localhost'}`),
            header: (name) => header(req, name),
            notCounted: NOT_COUNTED.test(req.headers.cookie ?? ''),
            address: forwardedClientAddress(req.socket.remoteAddress, header(req, 'x-forwarded-for'), trustedProxies),
            body,
            now: new Date(),
          },
          await counter(),
        );
        res.writeHead(answer.status, answer.headers);
        res.end(req.method === 'HEAD' ? undefined : (answer.body ?? undefined));
      } catch (error) {
        log.error({ failure: describeFailure(error) }, 'counting a visit failed');
        if (!res.headersSent)
          res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': String(BUSY_RETRY_AFTER_SECONDS) });
        res.end('The visit could not be counted just now.');
      }
    })();
    return true;
  };
}
