// The case references behind a count on the reports: the count's own figure and dates, one page
// at a time, so the list is exactly the cases counted. Opening the list is audited (who, which count, which page), as opening a case is.
import { clampPage, offsetOf, pageOf, type Page, type PageRequest } from '../../domain/paging.ts';
import { authorise, type Actor } from '../../domain/staff/permissions.ts';
import type { Target } from '../../domain/reporting/target-definition.ts';
import type { KnownCodes } from '../../config/targets.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { recordAudit } from '../audit/audit.ts';
import { casesBehind } from './case-figures.ts';
import { resolveCountKey, type KeyedCount } from './count-keys.ts';

export const REPORT_CASES_PAGE_SIZE = 100;

/** What the page says for an address naming a count the reports do not show. */
export const UNKNOWN_COUNT = 'That count is not one the reports show. Go back to the reports and choose a number to open.';

export interface ReportCases {
  count: KeyedCount;
  page: Page<{ id: string; reference: string }>;
}

export async function openReportCases(
  db: AppDatabase,
  actor: Actor,
  key: string,
  asked: PageRequest,
  now: Date,
  known: KnownCodes,
  targets: readonly Target[],
): Promise<ReportCases | null> {
  authorise(actor, 'reports:read');
  const count = resolveCountKey(key, known, targets);
  if (!count) return null;
  return db.transaction().execute(async (trx) => {
    const first = await casesBehind(trx, count.metric, count.window, offsetOf(asked), asked.pageSize);
    const request = clampPage(asked, first.total);
    const { cases } =
      request.page === asked.page ? first : await casesBehind(trx, count.metric, count.window, offsetOf(request), request.pageSize);
    await recordAudit(
      trx,
      {
        staffId: actor.id,
        action: 'opened the cases behind a report count',
        entityType: 'report',
        entityId: key,
        detail: { page: request.page, shown: cases.length, total: first.total },
      },
      now,
    );
    return { count, page: pageOf(cases, first.total, request) };
  });
}
