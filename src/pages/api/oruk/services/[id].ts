// GET /api/oruk/services/{id}: one service, fully nested, in Open Referral UK's shape.
import type { APIRoute } from 'astro';
import { appDatabase } from '../../../../server/startup.ts';
import { orukServiceById } from '../../../../server/directory/oruk-api.ts';
import { orukResponse } from '../../../../server/directory/oruk-http.ts';

export const prerender = false;

export const GET: APIRoute = async ({ params }) => orukResponse(await orukServiceById(await appDatabase(), params.id ?? ''));
