// Any table of the managers' reports as CSV: the same rows and dates as the page, with counts from
// 1 to 4 as "fewer than 5" here too. Managers only (the middleware and the use case both check).
import type { APIRoute } from 'astro';
import { recordListView } from '../../../server/audit/audit.ts';
import { reportSettings } from '../../../config/targets.ts';
import { toCsv } from '../../../domain/reporting/csv.ts';
import { rangeFrom } from '../../../domain/reporting/periods.ts';
import { csvRows } from '../../../domain/reporting/report-table.ts';
import { localDate } from '../../../domain/time/working-days.ts';
import { isTableId, readManagerReports } from '../../../server/reporting/manager-reports.ts';
import { staffContext } from '../../../server/web/staff-context.ts';

export const prerender = false;

export const GET: APIRoute = async ({ locals, params, url, rewrite }) => {
  const { db, actor, now } = staffContext(locals, 'reports:read');
  const id = params.table ?? '';
  if (!isTableId(id)) return rewrite('/staff/not-found');
  const { range, problems } = rangeFrom(url.searchParams, localDate(now));
  if (problems.length > 0)
    return new Response(`${problems.map((p) => p.message).join('. ')}.\n`, {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  const reports = await readManagerReports(db, actor, range, reportSettings());
  await recordListView(db, actor, 'report export', { filters: { table: id, from: range.from, to: range.to } }, now);
  return new Response(toCsv(csvRows(reports.tables[id])), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${id}-${range.from}-to-${range.to}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
};
