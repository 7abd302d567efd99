// A page of the queue as JSON (rows, how many in all, which page), for the queue island's filters.
import type { APIRoute } from 'astro';
import { queueFilterFrom, queuePageFrom, queueRows } from '../../../server/casework/queue-page.ts';
import { NO_STORE } from '../../../server/web/responses.ts';
import { staffContext } from '../../../server/web/staff-context.ts';

export const prerender = false;

export const GET: APIRoute = async ({ locals, url }) => {
  const { db, actor, now, rules, ring } = staffContext(locals, 'cases:read');
  const page = await queueRows(db, actor, queueFilterFrom(url), queuePageFrom(url), now, rules, ring);
  return Response.json(page, { headers: NO_STORE });
};
