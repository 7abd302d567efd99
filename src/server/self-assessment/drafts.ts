// Self-assessment drafts: answers held on the server while a person goes through the questions,
// found by the hash of a session cookie's token, or of a return code if they saved to come back.
// Drafts are anonymous and short-lived; expired ones are deleted.
import { QUESTIONNAIRE_VERSION } from '../../domain/questionnaire/machine.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { newId } from '../ids.ts';
import { countGoals } from '../analytics/goals.ts';
import { EMPTY_DRAFT_STATE, parseDraftState, type DraftState } from './draft-state.ts';
import { newSessionToken, sha256Hex } from '../crypto.ts';
import { newReturnCode, normaliseReturnCode } from './return-codes.ts';
import type { DbExecutor } from '../db/executor.ts';
import type { DataKeyring } from '../../config/data-keys.ts';
import { openText, sealColumns, type FieldPlace } from '../security/secrets/sealing.ts';

/** How drafts are kept: how long they live (settings), and the keys they are sealed under. */
export interface DraftKeeping {
  /** Unsaved drafts end after this long without activity. */
  draftIdleHours: number;
  /** Drafts saved with a return code end this many days after the last save. */
  savedDraftDays: number;
  ring: DataKeyring;
}

export interface DraftRecord {
  id: string;
  state: DraftState;
  savedWithCode: boolean;
}

const HOUR = 3_600_000;

// The state holds the person's answers and, once they give them, their contact details: sealed at rest.
const draftStatePlace = (id: string): FieldPlace => ({ table: 'assessment_draft', column: 'state', rowId: id });

function sealDraftState(ring: DataKeyring, id: string, state: DraftState): { state: string; data_key_id: string } {
  return sealColumns(ring, 'assessment_draft', id, { state: JSON.stringify(state) });
}

function expiry(now: Date, saved: boolean, keeping: DraftKeeping): string {
  return new Date(now.getTime() + (saved ? keeping.savedDraftDays * 24 * HOUR : keeping.draftIdleHours * HOUR)).toISOString();
}

/** Deletes drafts past their expiry: the `purge-drafts` job (src/server/jobs/). */
export async function purgeExpiredDrafts(db: AppDatabase, now: Date): Promise<number> {
  const result = await db.deleteFrom('assessment_draft').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Starts a new self-assessment: a draft and the token for the person's session cookie. */
export async function startDraft(db: AppDatabase, now: Date, keeping: DraftKeeping): Promise<{ token: string; draft: DraftRecord }> {
  const token = newSessionToken();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('assessment_draft')
      .values({
        id,
        session_hash: sha256Hex(token),
        return_code_hash: null,
        ...sealDraftState(keeping.ring, id, EMPTY_DRAFT_STATE),
        questionnaire_version: QUESTIONNAIRE_VERSION,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
        expires_at: expiry(now, false, keeping),
      })
      .execute();
    await countGoals(trx, ['started'], now);
  });
  return { token, draft: { id, state: EMPTY_DRAFT_STATE, savedWithCode: false } };
}

/**
 * The draft behind a session token, or null when there is none, it has expired, or it was made
 * by an older version of the questionnaire (its answers may no longer fit).
 */
export async function findDraftBySession(
  db: AppDatabase,
  token: string | undefined,
  now: Date,
  ring: DataKeyring,
): Promise<DraftRecord | null> {
  if (!token) return null;
  const row = await db.selectFrom('assessment_draft').selectAll().where('session_hash', '=', sha256Hex(token)).executeTakeFirst();
  if (!row) return null;
  if (row.expires_at <= now.toISOString() || row.questionnaire_version !== QUESTIONNAIRE_VERSION) {
    await db.deleteFrom('assessment_draft').where('id', '=', row.id).execute();
    return null;
  }
  return {
    id: row.id,
    state: parseDraftState(openText(ring, row.data_key_id, draftStatePlace(row.id), row.state)),
    savedWithCode: row.return_code_hash !== null,
  };
}

/** Stores a draft's new state and pushes its expiry back. */
export async function updateDraft(
  db: DbExecutor,
  draft: DraftRecord,
  state: DraftState,
  now: Date,
  keeping: DraftKeeping,
): Promise<DraftRecord> {
  await db
    .updateTable('assessment_draft')
    .set({
      ...sealDraftState(keeping.ring, draft.id, state),
      updated_at: now.toISOString(),
      expires_at: expiry(now, draft.savedWithCode, keeping),
    })
    .where('id', '=', draft.id)
    .execute();
  return { ...draft, state };
}

/**
 * "Save and come back": gives the draft a return code, and unlinks it from this browser so
 * nothing on the device leads back to the answers. The code is shown once and never stored.
 */
export async function saveDraftForLater(
  db: AppDatabase,
  draft: DraftRecord,
  now: Date,
  keeping: DraftKeeping,
): Promise<{ code: string; expiresAt: string }> {
  const code = newReturnCode();
  const expiresAt = expiry(now, true, keeping);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('assessment_draft')
      .set({ return_code_hash: sha256Hex(code), session_hash: null, updated_at: now.toISOString(), expires_at: expiresAt })
      .where('id', '=', draft.id)
      .execute();
    await countGoals(trx, ['saved_for_later'], now);
  });
  return { code, expiresAt };
}

export type ResumeOutcome =
  | { kind: 'resumed'; token: string }
  /** The code was right but has been used already, on this or another device. */
  | { kind: 'already-used' }
  | { kind: 'not-found' };

/**
 * Picks up a saved draft from its return code. A code works once: using it moves the answers to
 * this browser (a new session token) and ends the code, in one conditional update, so of two
 * browsers using one code at once exactly one gets the answers. Saving again gives a new code.
 */
export async function resumeDraft(db: AppDatabase, typedCode: string, now: Date, keeping: DraftKeeping): Promise<ResumeOutcome> {
  const code = normaliseReturnCode(typedCode);
  if (!code) return { kind: 'not-found' };
  const codeHash = sha256Hex(code);
  const token = newSessionToken();
  const resumed = await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('assessment_draft')
      .set({
        session_hash: sha256Hex(token),
        return_code_hash: null,
        used_return_code_hash: codeHash,
        updated_at: now.toISOString(),
        expires_at: expiry(now, false, keeping),
      })
      .where('return_code_hash', '=', codeHash)
      .where('expires_at', '>', now.toISOString())
      .where('questionnaire_version', '=', QUESTIONNAIRE_VERSION)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await countGoals(trx, ['resumed'], now);
    return true;
  });
  if (resumed) return { kind: 'resumed', token };
  const used = await db
    .selectFrom('assessment_draft')
    .select('id')
    .where('used_return_code_hash', '=', codeHash)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return used ? { kind: 'already-used' } : { kind: 'not-found' };
}

/** Deletes the draft behind a session token (quick exit, "delete my answers"). */
export async function discardDraft(db: AppDatabase, token: string | undefined): Promise<boolean> {
  if (!token) return false;
  const result = await db.deleteFrom('assessment_draft').where('session_hash', '=', sha256Hex(token)).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
