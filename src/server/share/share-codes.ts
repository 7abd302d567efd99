// Share codes, end to end: the person makes one from their plan or sent hand-off (what to share,
// one check, optionally an email to send the code to); a viewer opens the summary with the code
// and the check, each view recorded; the person, with the code and the check, sees every view and
// can end it; staff see on the case that a code exists and its views, never the code; the
// retention job deletes codes and views once their 30 days are up. Wrong tries are limited per
// code and per network address (every instance shares the limits) and all get the same answer.
import type { DataKeyring } from '../../config/data-keys.ts';
import type { Translate } from '../../config/languages.ts';
import { isEmailAddress, normaliseEmail } from '../../domain/contact/email.ts';
import { ukPhoneNumber } from '../../domain/contact/phone.ts';
import type { FormError } from '../../domain/forms.ts';
import type { Locale } from '../../domain/language/locales.ts';
import type { RateLimiter } from '../../domain/security/token-bucket.ts';
import {
  CHECK_KINDS,
  SHARE_CODE_ALPHABET,
  SHARE_CODE_LENGTH,
  SHARE_PARTS,
  birthDateFrom,
  checkValueOf,
  formatShareCode,
  normaliseShareCode,
  shareCodeExpiry,
  shareState,
  type CheckKind,
  type SharePart,
  type ShareState,
} from '../../domain/share/share-code.ts';
import { authorise, type Actor } from '../../domain/staff/permissions.ts';
import { recordAudit } from '../audit/audit.ts';
import { sha256Hex } from '../crypto.ts';
import type { DbExecutor } from '../db/executor.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { newId } from '../ids.ts';
import { GAVE_UP, queueMessage } from '../notify/outbox.ts';
import { openColumns, sealColumns } from '../security/secrets/sealing.ts';
import { SharedBuckets } from '../security/shared-buckets.ts';
import type { DraftState } from '../self-assessment/draft-state.ts';
import { FormProblems } from '../web/problems.ts';
import { field, fieldValues, type FormValues } from '../web/forms.ts';
import { randomInt } from 'node:crypto';
import { shareableParts, summaryOf, type SharedSummary } from './summary.ts';

/** Wrong tries: 10 an address, then one a minute; 5 a code, then one every 10 minutes. */
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

/** The marker in a queued email that the code replaces only when it is sent (the outbox never holds the code). */
export const CODE_PLACEHOLDER = '[the code is added when this message is sent]';

// ---- Making a code -------------------------------------------------------------------------

/** The words the "share" form's problems are said in (the page's language). */
export interface ShareFormWords {
  partsRequired: string;
  checkRequired: string;
  birthDateInvalid: string;
  postcodeInvalid: string;
  emailInvalid: string;
  mobileInvalid: string;
}

export interface ShareRequest {
  parts: SharePart[];
  checkKind: CheckKind;
  /** Written one way (src/domain/share/share-code.ts checkValueOf). */
  checkValue: string;
  email: string | null;
  /** A UK mobile number (digits from the 0) to text the code to. */
  mobile: string | null;
}

/** Reads the "share" form: what to share (of what this draft can), the check and its value, an email. Throws FormProblems. */
export function shareRequestFrom(form: FormValues, allowed: readonly SharePart[], today: string, words: ShareFormWords): ShareRequest {
  const errors: FormError[] = [];
  const parts = SHARE_PARTS.filter((part) => allowed.includes(part) && fieldValues(form, 'parts').includes(part));
  if (parts.length === 0) errors.push({ field: 'parts', message: words.partsRequired });
  const kind = CHECK_KINDS.find((k) => k === field(form, 'check'));
  let checkValue: string | null = null;
  if (!kind) errors.push({ field: 'check', message: words.checkRequired });
  else if (kind === 'birth-date') {
    checkValue = birthDateFrom(field(form, 'birth-date-day'), field(form, 'birth-date-month'), field(form, 'birth-date-year'), today);
    if (!checkValue) errors.push({ field: 'birth-date', message: words.birthDateInvalid });
  } else {
    checkValue = checkValueOf('postcode', field(form, 'postcode').slice(0, 20));
    if (!checkValue) errors.push({ field: 'postcode', message: words.postcodeInvalid });
  }
  const typedEmail = field(form, 'email').trim().slice(0, 320);
  if (typedEmail !== '' && !isEmailAddress(typedEmail)) errors.push({ field: 'email', message: words.emailInvalid });
  const typedMobile = field(form, 'mobile').trim().slice(0, 30);
  const mobile = typedMobile === '' ? null : ukPhoneNumber(typedMobile);
  if (typedMobile !== '' && (mobile === null || !mobile.startsWith('07'))) errors.push({ field: 'mobile', message: words.mobileInvalid });
  if (errors.length > 0) throw new FormProblems(errors);
  return {
    parts,
    checkKind: kind!,
    checkValue: checkValue!,
    email: typedEmail === '' ? null : normaliseEmail(typedEmail),
    mobile,
  };
}

/** The summary the viewer would see, for the preview: made the same way as the code's. */
export function previewSummary(state: DraftState, request: ShareRequest, locale: Locale): SharedSummary {
  return summaryOf(state, request.parts, locale);
}

function newShareCode(): string {
  return formatShareCode(
    Array.from({ length: SHARE_CODE_LENGTH }, () => SHARE_CODE_ALPHABET[randomInt(SHARE_CODE_ALPHABET.length)]).join(''),
  );
}

const checkHash = (id: string, kind: CheckKind, value: string) => sha256Hex(`${id}\n${kind}\n${value}`);

export interface MadeShareCode {
  code: string;
  expiresAt: string;
  emailed: boolean;
  texted: boolean;
}

/** The email and the text that carry a code (each holds the placeholder until it is sent). */
export interface ShareEmailWords {
  subject: string;
  /** With {code} and {expires}. */
  body: string;
  /** A text's words, short: with {code} and {expires}. */
  text: string;
}

/**
 * Makes a code for what the person chose, from their draft as it is now. The code is returned once
 * and never kept: only its hash, and, while an email with it waits, the code sealed.
 */
export async function makeShareCode(
  db: AppDatabase,
  ring: DataKeyring,
  input: { state: DraftState; request: ShareRequest; locale: Locale; email: ShareEmailWords; expiresOn: (iso: string) => string },
  now: Date,
): Promise<MadeShareCode> {
  const allowed = shareableParts(input.state);
  const parts = input.request.parts.filter((p) => allowed.includes(p));
  if (parts.length === 0) throw new FormProblems([{ field: 'parts', message: 'Choose what to share' }]);
  const summary = summaryOf(input.state, parts, input.locale);
  const id = newId();
  const code = newShareCode();
  const expiresAt = shareCodeExpiry(now).toISOString();
  const reference = parts.includes('handoff') ? input.state.handedOff?.reference : undefined;
  await db.transaction().execute(async (trx) => {
    const handoff = reference
      ? await trx.selectFrom('handoff').select('id').where('reference', '=', reference).executeTakeFirst()
      : undefined;
    await trx
      .insertInto('share_code')
      .values({
        id,
        code_hash: sha256Hex(code),
        check_kind: input.request.checkKind,
        check_hash: checkHash(id, input.request.checkKind, input.request.checkValue),
        parts: JSON.stringify(parts),
        ...sealColumns(ring, 'share_code', id, {
          summary: JSON.stringify(summary),
          code_for_sending: input.request.email || input.request.mobile ? code : null,
        }),
        handoff_id: handoff?.id ?? null,
        locale: input.locale,
        created_at: now.toISOString(),
        expires_at: expiresAt,
        ended_at: null,
      })
      .execute();
    const sending = [
      ...(input.request.email ? [{ to: input.request.email, body: input.email.body }] : []),
      ...(input.request.mobile ? [{ to: input.request.mobile, body: input.email.text }] : []),
    ];
    for (const { to, body } of sending)
      await queueMessage(
        trx,
        ring,
        {
          to,
          subject: input.email.subject,
          body: body.replace('{code}', CODE_PLACEHOLDER).replace('{expires}', input.expiresOn(expiresAt)),
          relatedType: 'share_code',
          relatedId: id,
        },
        now,
      );
    await recordAudit(
      trx,
      {
        staffId: null,
        action: 'made share code',
        entityType: 'share_code',
        entityId: id,
        detail: { parts, handoffId: handoff?.id ?? null },
      },
      now,
    );
  });
  return { code, expiresAt, emailed: input.request.email !== null, texted: input.request.mobile !== null };
}

/**
 * The body of a share code's email or text as it is sent: the placeholder replaced by the code.
 * Null (not sent) when the code has ended, expired or been deleted meanwhile. The code is
 * forgotten after the sending, once no message waits with it (forgetSentShareCodes), so a send
 * that fails can be tried again.
 */
export async function shareCodeEmailBody(
  db: AppDatabase,
  ring: DataKeyring,
  message: { relatedId: string; body: string },
  now: Date,
): Promise<string | null> {
  const row = await db
    .selectFrom('share_code')
    .select(['id', 'code_for_sending', 'data_key_id', 'expires_at', 'ended_at'])
    .where('id', '=', message.relatedId)
    .executeTakeFirst();
  if (!row || row.code_for_sending === null) return null;
  if (shareState({ expiresAt: row.expires_at, endedAt: row.ended_at }, now) !== 'active') return null;
  const { code_for_sending: code } = openColumns(ring, 'share_code', row.id, row, ['code_for_sending']);
  return message.body.replace(CODE_PLACEHOLDER, code!);
}

/** Forgets the code of every share code no message waits to carry any more (sent, or given up): run after each delivery. */
export async function forgetSentShareCodes(db: DbExecutor): Promise<number> {
  const result = await db
    .updateTable('share_code')
    .set({ code_for_sending: null })
    .where('code_for_sending', 'is not', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('outbox_message')
            .select('outbox_message.id')
            .whereRef('outbox_message.related_id', '=', 'share_code.id')
            .where('outbox_message.related_type', '=', 'share_code')
            .where('outbox_message.sent_at', 'is', null)
            .where('outbox_message.attempts', '<', GAVE_UP),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// ---- Opening a code ------------------------------------------------------------------------

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
 * How a page answers a wrong try or a wait: its status, Retry-After, and the one message (against
 * the code field), in the page's language; null when the code opened (or nothing was sent).
 */
export function shareRefusal(
  opened: Opened | undefined,
  t: Translate,
): { status: 400 | 429; retryAfter: string | null; message: string } | null {
  if (opened?.kind === 'refused') return { status: 400, retryAfter: null, message: t('share.refused') };
  if (opened?.kind !== 'wait') return null;
  const wait = opened.seconds < 60 ? t.count('count.seconds', opened.seconds) : t.count('count.minutes', Math.ceil(opened.seconds / 60));
  return { status: 429, retryAfter: String(opened.seconds), message: t('share.wait', { wait }) };
}

export interface ShareView {
  viewedAt: string;
  viewer: string | null;
}

export type Opened =
  | {
      kind: 'open';
      id: string;
      summary: SharedSummary;
      madeAt: string;
      expiresAt: string;
      /** The hand-off as it is today, when its progress was shared. */
      progress: { status: string; closedAt: string | null } | null;
      views: ShareView[];
    }
  /** The code and check were right, but it has ended or its 30 days are up: a plain page. */
  | { kind: 'no-longer'; state: Exclude<ShareState, 'active'> }
  /** Wrong code or check, or not a code at all: the same answer for every reason. */
  | { kind: 'refused' }
  /** Too many wrong tries, from this address or for this code. */
  | { kind: 'wait'; seconds: number };

async function views(db: DbExecutor, ring: DataKeyring, shareCodeId: string): Promise<ShareView[]> {
  const rows = await db
    .selectFrom('share_view')
    .select(['id', 'viewed_at', 'viewer', 'data_key_id'])
    .where('share_code_id', '=', shareCodeId)
    .orderBy('viewed_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ viewedAt: row.viewed_at, viewer: openColumns(ring, 'share_view', row.id, row, ['viewer']).viewer }));
}

/**
 * Finds the code the viewer (or the person) typed and checks the check. `view` records a view (a
 * viewer opening the summary), with who they said they were; otherwise it is the person looking
 * at who has viewed it. A wrong try takes a token from both the address's and the code's limits.
 */
export async function openShareCode(
  db: AppDatabase,
  ring: DataKeyring,
  limits: ShareLimits,
  input: { typed: CodeAndCheck; address: string; view: { viewer: string } | null; today: string },
  now: Date,
): Promise<Opened> {
  const code = normaliseShareCode(input.typed.code);
  // What cannot be a code is only counted against the address: no one's code is held up by it.
  const limited: Array<[RateLimiter, string]> = [
    [limits.address, input.address],
    ...(code ? [[limits.code, code] as [RateLimiter, string]] : []),
  ];
  const allowed = await Promise.all(limited.map(([limiter, key]) => limiter.allows(key)));
  if (allowed.includes(false)) {
    const waits = await Promise.all(limited.map(([limiter, key]) => limiter.secondsUntilAllowed(key)));
    return { kind: 'wait', seconds: Math.max(1, ...waits) };
  }
  const row = code ? await db.selectFrom('share_code').selectAll().where('code_hash', '=', sha256Hex(code)).executeTakeFirst() : undefined;
  const { day, month, year } = input.typed.birthDate;
  const typedValue = row
    ? row.check_kind === 'birth-date'
      ? birthDateFrom(day, month, year, input.today)
      : checkValueOf('postcode', input.typed.postcode)
    : null;
  if (!row || typedValue === null || checkHash(row.id, row.check_kind, typedValue) !== row.check_hash) {
    await Promise.all(limited.map(([limiter, key]) => limiter.consume(key)));
    return { kind: 'refused' };
  }
  const state = shareState({ expiresAt: row.expires_at, endedAt: row.ended_at }, now);
  if (state !== 'active') return { kind: 'no-longer', state };
  const summary = JSON.parse(openColumns(ring, 'share_code', row.id, row, ['summary']).summary) as SharedSummary;
  const handoff = row.handoff_id
    ? await db.selectFrom('handoff').select(['status', 'closed_at']).where('id', '=', row.handoff_id).executeTakeFirst()
    : undefined;
  if (input.view) {
    const viewer = input.view.viewer.trim().slice(0, 100) || null;
    const viewId = newId();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('share_view')
        .values({ id: viewId, share_code_id: row.id, viewed_at: now.toISOString(), ...sealColumns(ring, 'share_view', viewId, { viewer }) })
        .execute();
      await recordAudit(trx, { staffId: null, action: 'viewed share code', entityType: 'share_code', entityId: row.id }, now);
    });
  }
  return {
    kind: 'open',
    id: row.id,
    summary,
    madeAt: row.created_at,
    expiresAt: row.expires_at,
    progress: handoff ? { status: handoff.status, closedAt: handoff.closed_at } : null,
    views: await views(db, ring, row.id),
  };
}

/** Ends the code at once, after the same check as opening it (the person's "end it now"). */
export async function endShareCode(
  db: AppDatabase,
  ring: DataKeyring,
  limits: ShareLimits,
  input: { typed: CodeAndCheck; address: string; today: string },
  now: Date,
): Promise<Opened> {
  const opened = await openShareCode(db, ring, limits, { ...input, view: null }, now);
  if (opened.kind !== 'open') return opened;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('share_code')
      .set({ ended_at: now.toISOString(), code_for_sending: null })
      .where('id', '=', opened.id)
      .where('ended_at', 'is', null)
      .execute();
    await recordAudit(trx, { staffId: null, action: 'ended share code', entityType: 'share_code', entityId: opened.id }, now);
  });
  return { kind: 'no-longer', state: 'ended' };
}

// ---- Staff, and retention ------------------------------------------------------------------

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
      views: await views(db, ring, row.id),
    })),
  );
}

/** Deletes codes whose 30 days are up, with their views (the retention job). */
export async function deleteExpiredShareCodes(db: DbExecutor, now: Date): Promise<number> {
  const result = await db.deleteFrom('share_code').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
