// The queue's rows as JSON, for the queue island's filters.
import type { APIRoute } from 'astro';
import { queueFilterFrom, queueRows } from '../../../server/casework/queue-page.ts';
import { NO_STORE } from '../../../server/web/responses.ts';
import { staffContext } from '../../../server/web/staff-context.ts';

export const prerender = false;

export const GET: APIRoute = async ({ locals, url }) => {
  const { db, actor, now, rules } = await staffContext(locals, 'cases:read');
  const rows = await queueRows(db, actor, queueFilterFrom(url), now, rules);
  return Response.json(rows, { headers: NO_STORE });
};
