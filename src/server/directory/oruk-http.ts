// How the Open Referral UK API answers over HTTP: JSON, open to any site (no key, any origin, as
// the profile asks), cached for five minutes by browsers and proxies; errors are JSON too, and
// not cached for long.
import type { OrukAnswer } from './oruk-api.ts';

export const ORUK_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Content-Type': 'application/json; charset=utf-8',
} as const;

export function orukResponse(answer: OrukAnswer): Response {
  const cache = answer.status === 200 ? 'public, max-age=300' : 'public, max-age=60';
  return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { ...ORUK_HEADERS, 'Cache-Control': cache } });
}
