// GET /health: 200 when the database answers, 503 when it does not (or could not be opened: the
// middleware then hands this page no database rather than failing the request).
import { describeFailure, log } from '../server/log.ts';
import type { APIRoute } from 'astro';
import { checkHealth } from '../server/health/check-health.ts';
import { NO_STORE } from '../server/web/responses.ts';

export const prerender = false;

export const GET: APIRoute = async ({ locals }) => {
  const report = await checkHealth(
    async () => {
      if (!locals.db) {
        log.error({ failure: describeFailure(locals.databaseFailure) }, 'health check: database unreachable');
        throw new Error('The database could not be opened');
      }
      return locals.db;
    },
    () => locals.now ?? new Date(),
  );
  return Response.json(report, {
    status: report.status === 'ok' ? 200 : 503,
    headers: NO_STORE,
  });
};
