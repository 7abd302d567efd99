// POST /money-check/add-to-plan: the money check's figures into the person's plan (src/server/money/add-to-plan.ts).
import type { APIRoute } from 'astro';
import { addCheckToPlan } from '../../server/money/add-to-plan.ts';
import { RESULT_URL } from '../../server/money/check-pages.ts';
import { seeOther } from '../../server/web/responses.ts';

export const prerender = false;

export const POST: APIRoute = (context) => addCheckToPlan(context);
export const GET: APIRoute = () => seeOther(RESULT_URL);
