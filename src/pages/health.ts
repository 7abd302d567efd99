// GET /health: 200 when the database answers, 503 when it does not.
import { describeFailure, log } from '../server/log.ts';
import type { APIRoute } from 'astro';
import { appDatabase } from '../server/startup.ts';
import { checkHealth } from '../server/health/check-health.ts';
import { NO_STORE } from '../server/web/responses.ts';

export const prerender = false;

export const GET: APIRoute = async () => {
  const report = await checkHealth(() =>
    appDatabase().catch((error: unknown) => {
      log.error({ failure: describeFailure(error) }, 'health check: database unreachable');
      throw error;
    }),
  );
  return Response.json(report, {
    status: report.status === 'ok' ? 200 : 503,
    headers: NO_STORE,
  });
};
