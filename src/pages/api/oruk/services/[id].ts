// GET /api/oruk/services/{id}: one service, fully nested, in Open Referral UK's shape.
import type { APIRoute } from 'astro';
import { requestContext } from '../../../../server/web/request-context.ts';
import { orukServiceById } from '../../../../server/directory/oruk-api.ts';
import { orukResponse } from '../../../../server/directory/oruk-http.ts';

export const prerender = false;

export const GET: APIRoute = async ({ params, locals }) => orukResponse(await orukServiceById(requestContext(locals).db, params.id ?? ''));
