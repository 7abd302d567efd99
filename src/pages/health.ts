// GET /health: 200 when the database answers, 503 when it does not.
import type { APIRoute } from 'astro';
import { appDatabase } from '../server/startup.ts';
import { checkHealth } from '../server/health/check-health.ts';
import { NO_STORE } from '../server/web/responses.ts';

export const prerender = false;

export const GET: APIRoute = async () => {
  const report = await checkHealth(() =>
    appDatabase().catch((error: unknown) => {
      console.error('Health check: database unreachable:', error instanceof Error ? error.message : error);
      throw error;
    }),
  );
  return Response.json(report, {
    status: report.status === 'ok' ? 200 : 503,
    headers: NO_STORE,
  });
};
