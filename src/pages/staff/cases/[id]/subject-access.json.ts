// Subject access as JSON: the same export as the page, as a download (audited).
import type { APIRoute } from 'astro';
import { exportSubjectAccess } from '../../../../server/casework/subject-access.ts';
import { loadOrRefuse } from '../../../../server/web/refusals.ts';
import { staffContext } from '../../../../server/web/staff-context.ts';

export const prerender = false;

export const GET: APIRoute = async ({ locals, params, rewrite }) => {
  const { db, actor, now, rules } = await staffContext(locals, 'cases:subject-access');
  const loaded = await loadOrRefuse(() => exportSubjectAccess(db, actor, params.id ?? '', now, rules, 'json'));
  if (!loaded.ok) return rewrite(loaded.path);
  return new Response(JSON.stringify(loaded.value, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="subject-access-${loaded.value.record.handoff.reference}.json"`,
      'Cache-Control': 'no-store',
    },
  });
};
