// Making a share code: the person chooses what to share (what their draft holds), one check (their
// date of birth or postcode) and, if they want it sent, an email address or a UK mobile number;
// the preview is the viewer's own summary; the code is returned once and never kept, only its
// hash, and, while a message carrying it waits, the code sealed (the outbox holds a placeholder).
import type { DataKeyring } from '../../config/data-keys.ts';
import { isEmailAddress, normaliseEmail } from '../../domain/contact/email.ts';
import { isUkMobile, ukPhoneNumber } from '../../domain/contact/phone.ts';
import { normalisePostcode } from '../../domain/contact/postcode.ts';
import type { FormError } from '../../domain/forms.ts';
import type { Locale } from '../../domain/language/locales.ts';
import {
  CHECK_KINDS,
  SHARE_CODE_LENGTH,
  SHARE_PARTS,
  birthDateFrom,
  formatShareCode,
  shareCodeExpiry,
  shareState,
  type CheckKind,
  type SharePart,
} from '../../domain/share/share-code.ts';
import { recordAudit } from '../audit/audit.ts';
import { randomCode, sha256Hex } from '../crypto.ts';
import type { DbExecutor } from '../db/executor.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { newId } from '../ids.ts';
import { GAVE_UP, queueMessage } from '../notify/outbox.ts';
import { openColumns, sealColumns } from '../security/secrets/sealing.ts';
import type { DraftState } from '../self-assessment/draft-state.ts';
import type { RateLimiter } from '../../domain/security/token-bucket.ts';
import { FormProblems, UserProblem } from '../web/problems.ts';
import { field, fieldValues, type FormValues } from '../web/forms.ts';
import { checkHash } from './check-hash.ts';
import { shareableParts, summaryOf } from './summary.ts';

/** The marker in a queued email or text that the code replaces only when it is sent (the outbox never holds the code). */
export const CODE_PLACEHOLDER = '[the code is added when this message is sent]';

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
  /** Written one way: a date of birth as YYYY-MM-DD, a postcode as Royal Mail prints it. */
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
    checkValue = normalisePostcode(field(form, 'postcode').slice(0, 20));
    if (!checkValue) errors.push({ field: 'postcode', message: words.postcodeInvalid });
  }
  const typedEmail = field(form, 'email').trim().slice(0, 320);
  if (typedEmail !== '' && !isEmailAddress(typedEmail)) errors.push({ field: 'email', message: words.emailInvalid });
  const typedMobile = field(form, 'mobile').trim().slice(0, 30);
  const mobile = typedMobile === '' ? null : ukPhoneNumber(typedMobile);
  if (typedMobile !== '' && (mobile === null || !isUkMobile(mobile))) errors.push({ field: 'mobile', message: words.mobileInvalid });
  if (errors.length > 0) throw new FormProblems(errors);
  return {
    parts,
    checkKind: kind!,
    checkValue: checkValue!,
    email: typedEmail === '' ? null : normaliseEmail(typedEmail),
    mobile,
  };
}

// The return codes' generator: SHARE_CODE_ALPHABET is its alphabet (tests/unit/share checks they agree).
const newShareCode = () => formatShareCode(randomCode(SHARE_CODE_LENGTH));

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
  input: {
    state: DraftState;
    request: ShareRequest;
    locale: Locale;
    email: ShareEmailWords;
    expiresOn: (iso: string) => string;
    /** The address's allowance of codes (each can send an email or a text), and what to say when it is used up. */
    limit: { limiter: RateLimiter; address: string; tooManyMessage: (seconds: number) => string };
  },
  now: Date,
): Promise<MadeShareCode> {
  const allowed = shareableParts(input.state);
  const parts = input.request.parts.filter((p) => allowed.includes(p));
  if (parts.length === 0) throw new FormProblems([{ field: 'parts', message: 'Choose what to share' }]);
  const { limiter, address, tooManyMessage } = input.limit;
  if (!(await limiter.consume(address))) throw new UserProblem(tooManyMessage(await limiter.secondsUntilAllowed(address)), 'parts', 429);
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
