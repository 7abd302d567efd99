// GET /api/oruk/services: the directory in Open Referral UK's shape (search, taxonomy filter, paging).
import type { APIRoute } from 'astro';
import { appDatabase } from '../../../../server/startup.ts';
import { orukPage, orukSearchParams, orukService } from '../../../../server/directory/oruk.ts';
import { searchServices } from '../../../../server/directory/services.ts';

export const prerender = false;

export const GET: APIRoute = async ({ url }) => {
  const parsed = orukSearchParams(url.searchParams);
  if (!parsed.ok) return Response.json({ error: parsed.error }, { status: 400 });
  const page = await searchServices(await appDatabase(), parsed.search);
  return Response.json(orukPage(page, orukService), { headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=300' } });
};
