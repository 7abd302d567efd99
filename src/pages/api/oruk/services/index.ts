// GET /api/oruk/services: running services in Open Referral UK's list shape, filtered and paged.
import type { APIRoute } from 'astro';
import { requestContext } from '../../../../server/web/request-context.ts';
import { orukServices } from '../../../../server/directory/oruk-api.ts';
import { orukResponse } from '../../../../server/directory/oruk-http.ts';

export const prerender = false;

export const GET: APIRoute = async ({ url, locals }) => orukResponse(await orukServices(requestContext(locals).db, url.searchParams));
