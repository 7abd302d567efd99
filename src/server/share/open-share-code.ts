// Opening a share code: a viewer (recording a view, with who they said they were) or the person
// (seeing the views, or ending the code) types the code and the check. Wrong tries are limited per
// code and per network address (every instance shares the limits) and all get the same answer;
// an ended or expired code, with the right check, says so plainly.
import type { DataKeyring } from '../../config/data-keys.ts';
import type { Translate } from '../../config/languages.ts';
import { waitWords } from '../../language/local-time.ts';
import type { RateLimiter } from '../../domain/security/token-bucket.ts';
import { normalisePostcode } from '../../domain/contact/postcode.ts';
import { birthDateFrom, normaliseShareCode, shareState, type ShareState } from '../../domain/share/share-code.ts';
import { recordAudit } from '../audit/audit.ts';
import { sha256Hex } from '../crypto.ts';
import type { DbExecutor } from '../db/executor.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { newId } from '../ids.ts';
import { openColumns, sealColumns } from '../security/secrets/sealing.ts';
import { SharedBuckets } from '../security/shared-buckets.ts';
import { field, type FormValues } from '../web/forms.ts';
import { checkHash } from './check-hash.ts';
import type { SharedSummary } from './summary.ts';

export const SHARE_LIMITS = { address: { size: 10, refillSeconds: 60 }, code: { size: 5, refillSeconds: 600 } };

export interface ShareLimits {
  address: RateLimiter;
  code: RateLimiter;
}

export function shareLimits(db: DbExecutor, ring: DataKeyring, clock: () => number = Date.now): ShareLimits {
  return {
    address: new SharedBuckets(db, 'share-code-address', SHARE_LIMITS.address, ring, clock),
    code: new SharedBuckets(db, 'share-code', SHARE_LIMITS.code, ring, clock),
  };
}

/** What the viewer typed: the code, and the check (whichever the person told them). */
export interface CodeAndCheck {
  code: string;
  birthDate: { day: string; month: string; year: string };
  postcode: string;
}

export function codeAndCheckFrom(form: FormValues): CodeAndCheck {
  return {
    code: field(form, 'code').slice(0, 40),
    birthDate: {
      day: field(form, 'birth-date-day').slice(0, 4),
      month: field(form, 'birth-date-month').slice(0, 4),
      year: field(form, 'birth-date-year').slice(0, 6),
    },
    postcode: field(form, 'postcode').slice(0, 20),
  };
}

/**
 * How a page answers a wrong try or a wait: sets its status (400, or 429 with Retry-After) and
 * gives the one message, in the page's language, to show against the code field; undefined when
 * the code opened (or nothing was sent).
 */
export function answerShareRefusal(
  response: { status?: number; headers: Headers },
  opened: Opened | CodeViews | undefined,
  t: Translate,
): string | undefined {
  if (opened?.kind === 'refused') {
    response.status = 400;
    return t('share.refused');
  }
  if (opened?.kind !== 'wait') return undefined;
  response.status = 429;
  response.headers.set('Retry-After', String(opened.seconds));
  return t('share.wait', { wait: waitWords(t, opened.seconds) });
}

export interface ShareView {
  viewedAt: string;
  viewer: string | null;
}

/** Why a code did not open: the same three answers for a viewer, the person's views and ending. */
export type NotOpened =
  /** The code and check were right, but it has ended or its 30 days are up: a plain page. */
  | { kind: 'no-longer'; state: Exclude<ShareState, 'active'> }
  /** Wrong code or check, or not a code at all: the same answer for every reason. */
  | { kind: 'refused' }
  /** Too many wrong tries, from this address or for this code. */
  | { kind: 'wait'; seconds: number };

/** What a viewer sees: the summary and the request's progress today (never who else looked). */
export type Opened =
  | {
      kind: 'open';
      id: string;
      summary: SharedSummary;
      madeAt: string;
      expiresAt: string;
      /** The hand-off as it is today, when its progress was shared. */
      progress: { status: string; closedAt: string | null } | null;
    }
  | NotOpened;

/** What the person sees of their own code: when it was made, when it ends, and each view. */
export type CodeViews = { kind: 'views'; madeAt: string; expiresAt: string; views: ShareView[] } | NotOpened;

/** A code's views, newest first, who the viewer said they were opened. */
export async function viewsOf(db: DbExecutor, ring: DataKeyring, shareCodeId: string): Promise<ShareView[]> {
  const rows = await db
    .selectFrom('share_view')
    .select(['id', 'viewed_at', 'viewer', 'data_key_id'])
    .where('share_code_id', '=', shareCodeId)
    .orderBy('viewed_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ viewedAt: row.viewed_at, viewer: openColumns(ring, 'share_view', row.id, row, ['viewer']).viewer }));
}

type ShareCodeRow = Awaited<ReturnType<typeof findShareCode>>;
const findShareCode = (db: DbExecutor, code: string) =>
  db.selectFrom('share_code').selectAll().where('code_hash', '=', sha256Hex(code)).executeTakeFirst();

/**
 * The code typed, with its check passed: its row; or the one answer to a wrong try, or a wait. A
 * wrong try takes a token from both the address's and the code's limits; what cannot be a code is
 * only counted against the address (no one's code is held up by it).
 */
async function checkedCode(
  db: DbExecutor,
  limits: ShareLimits,
  input: { typed: CodeAndCheck; address: string; today: string },
): Promise<{ kind: 'found'; row: NonNullable<ShareCodeRow> } | { kind: 'refused' } | { kind: 'wait'; seconds: number }> {
  const code = normaliseShareCode(input.typed.code);
  const limited: Array<[RateLimiter, string]> = [
    [limits.address, input.address],
    ...(code ? [[limits.code, code] as [RateLimiter, string]] : []),
  ];
  const allowed = await Promise.all(limited.map(([limiter, key]) => limiter.allows(key)));
  if (allowed.includes(false)) {
    const waits = await Promise.all(limited.map(([limiter, key]) => limiter.secondsUntilAllowed(key)));
    return { kind: 'wait', seconds: Math.max(1, ...waits) };
  }
  const row = code ? await findShareCode(db, code) : undefined;
  const { day, month, year } = input.typed.birthDate;
  const typedValue = row
    ? row.check_kind === 'birth-date'
      ? birthDateFrom(day, month, year, input.today)
      : normalisePostcode(input.typed.postcode)
    : null;
  if (!row || typedValue === null || checkHash(row.id, row.check_kind, typedValue) !== row.check_hash) {
    await Promise.all(limited.map(([limiter, key]) => limiter.consume(key)));
    return { kind: 'refused' };
  }
  return { kind: 'found', row };
}

/** The code typed, checked and still in use: its row; or why not. */
async function activeCode(
  db: DbExecutor,
  limits: ShareLimits,
  input: { typed: CodeAndCheck; address: string; today: string },
  now: Date,
): Promise<{ kind: 'active'; row: NonNullable<ShareCodeRow> } | NotOpened> {
  const checked = await checkedCode(db, limits, input);
  if (checked.kind !== 'found') return checked;
  const state = shareState({ expiresAt: checked.row.expires_at, endedAt: checked.row.ended_at }, now);
  return state === 'active' ? { kind: 'active', row: checked.row } : { kind: 'no-longer', state };
}

/**
 * Opens the code a viewer typed, after its check, and records the view with who they said they
 * were. They see the summary and the request's progress, not the other views.
 */
export async function openShareCode(
  db: AppDatabase,
  ring: DataKeyring,
  limits: ShareLimits,
  input: { typed: CodeAndCheck; address: string; viewer: string; today: string },
  now: Date,
): Promise<Opened> {
  const active = await activeCode(db, limits, input, now);
  if (active.kind !== 'active') return active;
  const { row } = active;
  const summary = JSON.parse(openColumns(ring, 'share_code', row.id, row, ['summary']).summary) as SharedSummary;
  const handoff = row.handoff_id
    ? await db.selectFrom('handoff').select(['status', 'closed_at']).where('id', '=', row.handoff_id).executeTakeFirst()
    : undefined;
  const viewer = input.viewer.trim().slice(0, 100) || null;
  const viewId = newId();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('share_view')
      .values({ id: viewId, share_code_id: row.id, viewed_at: now.toISOString(), ...sealColumns(ring, 'share_view', viewId, { viewer }) })
      .execute();
    await recordAudit(trx, { staffId: null, action: 'viewed share code', entityType: 'share_code', entityId: row.id }, now);
  });
  return {
    kind: 'open',
    id: row.id,
    summary,
    madeAt: row.created_at,
    expiresAt: row.expires_at,
    progress: handoff ? { status: handoff.status, closedAt: handoff.closed_at } : null,
  };
}

/** The person's own look at their code, after the same check: its dates and every view (the summary is not opened). */
export async function shareCodeViews(
  db: AppDatabase,
  ring: DataKeyring,
  limits: ShareLimits,
  input: { typed: CodeAndCheck; address: string; today: string },
  now: Date,
): Promise<CodeViews> {
  const active = await activeCode(db, limits, input, now);
  if (active.kind !== 'active') return active;
  const { row } = active;
  return { kind: 'views', madeAt: row.created_at, expiresAt: row.expires_at, views: await viewsOf(db, ring, row.id) };
}

/** Ends the code at once, after the same check as opening it (the person's "end it now"): nothing else is read. */
export async function endShareCode(
  db: AppDatabase,
  ring: DataKeyring,
  limits: ShareLimits,
  input: { typed: CodeAndCheck; address: string; today: string },
  now: Date,
): Promise<NotOpened> {
  const active = await activeCode(db, limits, input, now);
  if (active.kind !== 'active') return active;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('share_code')
      .set({ ended_at: now.toISOString(), code_for_sending: null })
      .where('id', '=', active.row.id)
      .where('ended_at', 'is', null)
      .execute();
    await recordAudit(trx, { staffId: null, action: 'ended share code', entityType: 'share_code', entityId: active.row.id }, now);
  });
  return { kind: 'no-longer', state: 'ended' };
}
