// POST /money-check/start: the one moment the money check sets its cookie (src/server/money/check-pages.ts).
import type { APIRoute } from 'astro';
import { MONEY_CHECK_PATH, startCheck } from '../../server/money/check-pages.ts';
import { seeOther } from '../../server/web/responses.ts';

export const prerender = false;

export const POST: APIRoute = (context) => startCheck(context);
export const GET: APIRoute = () => seeOther(MONEY_CHECK_PATH);
