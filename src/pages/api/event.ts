// /api/event under `astro dev`. The built server answers it before Astro, for speed
// (src/server/http/event-route.ts); both serve the same src/server/analytics/event-http.ts.
import type { APIRoute } from 'astro';
import { MAX_BODY_BYTES } from '../../domain/analytics/plausible-event.ts';
import { answerEventRequest } from '../../server/analytics/event-http.ts';
import { siteCounter } from '../../server/analytics/site-counter.ts';
import { NOT_COUNTED_COOKIE } from '../../server/staff/web.ts';
import { clientAddressOf } from '../../server/web/client-address.ts';
import { requestContext } from '../../server/web/request-context.ts';

export const prerender = false;

export const ALL: APIRoute = async (context) => {
  const { db, now, settings } = requestContext(context.locals);
  const text = context.request.method === 'POST' ? await context.request.text() : '';
  const answer = await answerEventRequest(
    {
      method: context.request.method,
      url: context.url,
      header: (name) => context.request.headers.get(name),
      notCounted: context.cookies.has(NOT_COUNTED_COOKIE),
      address: clientAddressOf(context),
      body: Buffer.byteLength(text) > MAX_BODY_BYTES ? null : text,
      now,
    },
    siteCounter(db, settings),
  );
  return new Response(answer.body as BodyInit | null, { status: answer.status, headers: answer.headers });
};
