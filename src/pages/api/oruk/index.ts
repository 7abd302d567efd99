// GET /api/oruk: what this Open Referral UK API is (HSDS version, profile, our OpenAPI document).
import type { APIRoute } from 'astro';
import { orukMeta } from '../../../server/directory/oruk-api.ts';
import { orukResponse } from '../../../server/directory/oruk-http.ts';

export const prerender = false;

export const GET: APIRoute = ({ url }) => orukResponse(orukMeta(new URL('/api/oruk', url)));
