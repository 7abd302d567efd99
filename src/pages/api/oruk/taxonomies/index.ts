// GET /api/oruk/taxonomies: the taxonomies the directory's terms come from, paged.
import type { APIRoute } from 'astro';
import { appDatabase } from '../../../../server/startup.ts';
import { orukTaxonomies } from '../../../../server/directory/oruk-api.ts';
import { orukResponse } from '../../../../server/directory/oruk-http.ts';

export const prerender = false;

export const GET: APIRoute = async ({ url }) => orukResponse(await orukTaxonomies(await appDatabase(), url.searchParams));
