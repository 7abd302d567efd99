// GET /api/oruk/openapi.json: the OpenAPI document of what this Open Referral UK API answers.
import type { APIRoute } from 'astro';
import { ORUK_HEADERS } from '../../../server/directory/oruk-http.ts';
import { orukOpenApi } from '../../../server/directory/oruk-openapi.ts';

export const prerender = false;

export const GET: APIRoute = ({ url }) =>
  new Response(JSON.stringify(orukOpenApi(new URL('/api/oruk', url))), {
    headers: { ...ORUK_HEADERS, 'Cache-Control': 'public, max-age=3600' },
  });
