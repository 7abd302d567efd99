// Subject access as JSON: the same export as the page, as a download (audited).
import type { APIRoute } from 'astro';
import { exportSubjectAccess } from '../../../../server/casework/subject-access.ts';
import { staffContext } from '../../../../server/web/staff-context.ts';

export const prerender = false;

export const GET: APIRoute = async ({ locals, params }) => {
  const { db, actor, now, rules, ring } = staffContext(locals, 'cases:subject-access');
  // A case not there, or not theirs, is the 404 or 403 page (src/middleware.ts).
  const exported = await exportSubjectAccess(db, actor, params.id ?? '', now, rules, ring, 'json');
  return new Response(JSON.stringify(exported, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="subject-access-${exported.record.handoff.reference}.json"`,
      'Cache-Control': 'no-store',
    },
  });
};
