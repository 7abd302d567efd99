// GET /api/oruk/service_at_locations/{id}: one service at one location, with the whole service and the address.
import type { APIRoute } from 'astro';
import { requestContext } from '../../../../server/web/request-context.ts';
import { orukServiceAtLocationById } from '../../../../server/directory/oruk-api.ts';
import { orukResponse } from '../../../../server/directory/oruk-http.ts';

export const prerender = false;

export const GET: APIRoute = async ({ params, locals }) =>
  orukResponse(await orukServiceAtLocationById(requestContext(locals).db, params.id ?? ''));
