// The queue's rows as JSON, for the queue island's filters.
import type { APIRoute } from 'astro';
import { appDatabase } from '../../../server/startup.ts';
import { queueFilterFrom, queueRows } from '../../../server/casework/queue-page.ts';
import { requirePermission } from '../../../server/staff/web.ts';

export const prerender = false;

export const GET: APIRoute = async ({ locals, url }) => {
  const actor = requirePermission(locals, 'cases:read');
  const rows = await queueRows(await appDatabase(), actor, queueFilterFrom(url), new Date());
  return Response.json(rows, { headers: { 'Cache-Control': 'no-store' } });
};
