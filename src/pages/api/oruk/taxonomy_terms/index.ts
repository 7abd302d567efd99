// GET /api/oruk/taxonomy_terms: every taxonomy term, paged.
import type { APIRoute } from 'astro';
import { appDatabase } from '../../../../server/startup.ts';
import { orukTaxonomyTerms } from '../../../../server/directory/oruk-api.ts';
import { orukResponse } from '../../../../server/directory/oruk-http.ts';

export const prerender = false;

export const GET: APIRoute = async ({ url }) => orukResponse(await orukTaxonomyTerms(await appDatabase(), url.searchParams));
