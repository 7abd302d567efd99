// GET /api/oruk/services/{id}: one service, fully nested, in Open Referral UK's shape.
import type { APIRoute } from 'astro';
import { appDatabase } from '../../../../server/startup.ts';
import { orukService } from '../../../../server/directory/oruk.ts';
import { getService } from '../../../../server/directory/services.ts';

export const prerender = false;

export const GET: APIRoute = async ({ params }) => {
  const service = params.id ? await getService(await appDatabase(), params.id) : null;
  if (!service || service.status !== 'active') return Response.json({ error: 'No service with that id' }, { status: 404 });
  return Response.json(orukService(service), { headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=300' } });
};
