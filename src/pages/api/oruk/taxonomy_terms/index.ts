// GET /api/oruk/taxonomy_terms: every taxonomy term, paged.
import type { APIRoute } from 'astro';
import { requestContext } from '../../../../server/web/request-context.ts';
import { orukTaxonomyTerms } from '../../../../server/directory/oruk-api.ts';
import { orukResponse } from '../../../../server/directory/oruk-http.ts';

export const prerender = false;

export const GET: APIRoute = async ({ url, locals }) => orukResponse(await orukTaxonomyTerms(requestContext(locals).db, url.searchParams));
