// Share codes as staff and the retention job see them: the codes made for a case's request, with
// their views, never the code; and every code past its 30 days deleted with its views. Making a
// code is src/server/share/make-share-code.ts; opening, viewing and ending it, open-share-code.ts.
import type { DataKeyring } from '../../config/data-keys.ts';
import { shareState, type SharePart, type ShareState } from '../../domain/share/share-code.ts';
import { authorise, type Actor } from '../../domain/staff/permissions.ts';
import type { DbExecutor } from '../db/executor.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { viewsOf, type ShareView } from './open-share-code.ts';

export interface CaseShareCode {
  id: string;
  parts: SharePart[];
  madeAt: string;
  expiresAt: string;
  state: ShareState;
  views: ShareView[];
}

/** The share codes made for a case's hand-off, newest first, with their views: never the code. */
export async function shareCodesOfCase(
  db: AppDatabase,
  ring: DataKeyring,
  actor: Actor,
  handoffId: string,
  now: Date,
): Promise<CaseShareCode[]> {
  authorise(actor, 'cases:read');
  const rows = await db
    .selectFrom('share_code')
    .select(['id', 'parts', 'created_at', 'expires_at', 'ended_at'])
    .where('handoff_id', '=', handoffId)
    .orderBy('created_at', 'desc')
    .execute();
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      parts: JSON.parse(row.parts) as SharePart[],
      madeAt: row.created_at,
      expiresAt: row.expires_at,
      state: shareState({ expiresAt: row.expires_at, endedAt: row.ended_at }, now),
      views: await viewsOf(db, ring, row.id),
    })),
  );
}

/** Deletes codes whose 30 days are up, with their views (the retention job). */
export async function deleteExpiredShareCodes(db: DbExecutor, now: Date): Promise<number> {
  const result = await db.deleteFrom('share_code').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes the codes made for a case's request, with their views: when the case is erased or deleted. */
export async function deleteShareCodesOfCase(db: DbExecutor, handoffId: string): Promise<void> {
  await db.deleteFrom('share_code').where('handoff_id', '=', handoffId).execute();
}
