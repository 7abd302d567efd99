// GET /api/oruk/service_at_locations/{id}: one service at one location, with the whole service and the address.
import type { APIRoute } from 'astro';
import { appDatabase } from '../../../../server/startup.ts';
import { orukServiceAtLocationById } from '../../../../server/directory/oruk-api.ts';
import { orukResponse } from '../../../../server/directory/oruk-http.ts';

export const prerender = false;

export const GET: APIRoute = async ({ params }) => orukResponse(await orukServiceAtLocationById(await appDatabase(), params.id ?? ''));
