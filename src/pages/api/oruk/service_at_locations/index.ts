// GET /api/oruk/service_at_locations: each running service at each of its locations, filtered and paged.
import type { APIRoute } from 'astro';
import { requestContext } from '../../../../server/web/request-context.ts';
import { orukServiceAtLocations } from '../../../../server/directory/oruk-api.ts';
import { orukResponse } from '../../../../server/directory/oruk-http.ts';

export const prerender = false;

export const GET: APIRoute = async ({ url, locals }) =>
  orukResponse(await orukServiceAtLocations(requestContext(locals).db, url.searchParams));
