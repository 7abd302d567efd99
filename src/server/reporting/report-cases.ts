// The case references behind a count on the reports: the count's own definition and dates, one
// page at a time. Opening the list is audited (who, which count, which page), as opening a case is.
import { clampPage, offsetOf, pageOf, type Page, type PageRequest } from '../../domain/paging.ts';
import { authorise, type Actor } from '../../domain/staff/permissions.ts';
import type { Target } from '../../domain/reporting/target-definition.ts';
import type { KnownCodes } from '../../config/targets.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { recordAudit } from '../audit/audit.ts';
import { referencesIn } from './case-counts.ts';
import { resolveCountKey, type KeyedCount } from './count-keys.ts';

export const REPORT_CASES_PAGE_SIZE = 100;

export class UnknownCount extends Error {
  override name = 'UnknownCount';
  constructor() {
    super('That count is not one the reports show. Go back to the reports and choose a number to open.');
  }
}

export interface ReportCases {
  count: KeyedCount;
  page: Page<{ id: string; reference: string }>;
}

export async function openReportCases(db: AppDatabase, actor: Actor, key: string, asked: PageRequest, now: Date, known: KnownCodes, targets: readonly Target[]): Promise<ReportCases> {
  authorise(actor, 'reports:read');
  const count = resolveCountKey(key, known, targets);
  if (!count) throw new UnknownCount();
  return db.transaction().execute(async (trx) => {
    const first = await referencesIn(trx, count.definition, count.window, 0, 0);
    const request = clampPage(asked, first.total);
    const { cases } = await referencesIn(trx, count.definition, count.window, offsetOf(request), request.pageSize);
    await recordAudit(trx, { staffId: actor.id, action: 'opened the cases behind a report count', entityType: 'report', entityId: key, detail: { page: request.page, shown: cases.length, total: first.total } }, now);
    return { count, page: pageOf(cases, first.total, request) };
  });
}
