// GET /exit: the quick-exit link. Works without JavaScript.
import type { APIRoute } from 'astro';
import { council } from '../config/council.ts';
import { quickExit } from '../server/visit/quick-exit.ts';

export const prerender = false;

const exit: APIRoute = ({ request }) => {
  const { status, headers } = quickExit(request.headers.get('cookie'), council.quickExitUrl);
  return new Response(null, { status, headers });
};

export const GET = exit;
export const POST = exit;
