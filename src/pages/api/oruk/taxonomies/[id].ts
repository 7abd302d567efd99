// GET /api/oruk/taxonomies/{id}: one taxonomy.
import type { APIRoute } from 'astro';
import { requestContext } from '../../../../server/web/request-context.ts';
import { orukTaxonomyById } from '../../../../server/directory/oruk-api.ts';
import { orukResponse } from '../../../../server/directory/oruk-http.ts';

export const prerender = false;

export const GET: APIRoute = async ({ params, locals }) => orukResponse(await orukTaxonomyById(requestContext(locals).db, params.id ?? ''));
