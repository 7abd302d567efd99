// GET /api/oruk/taxonomies: the taxonomies the directory's terms come from, paged.
import type { APIRoute } from 'astro';
import { requestContext } from '../../../../server/web/request-context.ts';
import { orukTaxonomies } from '../../../../server/directory/oruk-api.ts';
import { orukResponse } from '../../../../server/directory/oruk-http.ts';

export const prerender = false;

export const GET: APIRoute = async ({ url, locals }) => orukResponse(await orukTaxonomies(requestContext(locals).db, url.searchParams));
