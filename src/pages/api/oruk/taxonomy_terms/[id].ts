// GET /api/oruk/taxonomy_terms/{id}: one taxonomy term.
import type { APIRoute } from 'astro';
import { requestContext } from '../../../../server/web/request-context.ts';
import { orukTaxonomyTermById } from '../../../../server/directory/oruk-api.ts';
import { orukResponse } from '../../../../server/directory/oruk-http.ts';

export const prerender = false;

export const GET: APIRoute = async ({ params, locals }) =>
  orukResponse(await orukTaxonomyTermById(requestContext(locals).db, params.id ?? ''));
