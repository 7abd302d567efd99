// GET /api/oruk/taxonomies/{id}: one taxonomy.
import type { APIRoute } from 'astro';
import { appDatabase } from '../../../../server/startup.ts';
import { orukTaxonomyById } from '../../../../server/directory/oruk-api.ts';
import { orukResponse } from '../../../../server/directory/oruk-http.ts';

export const prerender = false;

export const GET: APIRoute = async ({ params }) => orukResponse(await orukTaxonomyById(await appDatabase(), params.id ?? ''));
