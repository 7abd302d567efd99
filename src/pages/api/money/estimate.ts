// POST /api/money/estimate: the money check for advice partners (src/server/money/estimate-api.ts).
import type { APIRoute } from 'astro';
import { moneyRules } from '../../../config/money.ts';
import { localDate } from '../../../domain/time/working-days.ts';
import { answerEstimateRequest, MAX_ESTIMATE_BODY_BYTES } from '../../../server/money/estimate-api.ts';
import { textUpTo } from '../../../server/web/limited-body.ts';
import { requestContext } from '../../../server/web/request-context.ts';

export const prerender = false;

export const POST: APIRoute = async (context) => {
  const { now } = requestContext(context.locals);
  const text = await textUpTo(context.request, MAX_ESTIMATE_BODY_BYTES);
  const answer = answerEstimateRequest(
    {
      contentType: context.request.headers.get('content-type'),
      body: text,
      today: localDate(now),
    },
    moneyRules,
  );
  return new Response(JSON.stringify(answer.body, null, 2), {
    status: answer.status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });
};
