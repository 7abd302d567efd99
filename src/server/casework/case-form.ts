// The case page's forms: each posts an `intent`, which names one use case. Returns where to go
// next, or the problem to show against the field it is about (nothing typed is lost: the page
// shows the submitted values again).
import { STAGES, type Stage } from '../../domain/casework/time-limits.ts';
import type { Actor } from '../../domain/staff/permissions.ts';
import type { AppDatabase } from '../db/open-database.ts';
import type { FormError } from '../self-assessment/draft-state.ts';
import { field, fieldValues, lookupOwn, type FormValues } from '../web/forms.ts';
import { addNote, assignCase, claimCase, closeCase, completeStage, recordOutcome, type NoteKind } from './case-actions.ts';
import { CaseProblem } from './case-access.ts';
import { makeReferral, updateReferral } from './referrals.ts';

const NOTE_KINDS: Record<string, NoteKind> = { note: 'note', attempt: 'attempt', contact: 'contact' };

export type CaseFormResult = { ok: true; anchor: string; intent: string } | { ok: false; errors: FormError[] };

/** What the page says after each intent worked (the page is reached by redirect, with ?done=intent). */
export const DONE_MESSAGES: Record<string, string> = {
  claim: 'You have taken this case',
  assign: 'Case assigned',
  stage: 'Stage recorded',
  note: 'Added to the timeline',
  referral: 'Referral recorded',
  'referral-update': 'Referral updated',
  outcome: 'Outcome recorded',
  close: 'Case closed. The follow-ups are scheduled below.',
  plan: 'Plan saved as a new version',
};

/** Each intent: the field its problems belong to, and the use case it runs. */
const INTENTS: Record<
  string,
  { field: (form: FormValues) => string; run: (db: AppDatabase, actor: Actor, id: string, form: FormValues, now: Date) => Promise<string> }
> = {
  claim: {
    field: () => 'claim',
    run: async (db, actor, id, _form, now) => {
      await claimCase(db, actor, id, now);
      return 'actions';
    },
  },
  assign: {
    field: () => 'assignee',
    run: async (db, actor, id, form, now) => {
      if (field(form, 'assignee') === '') throw new CaseProblem('Choose who to give the case to');
      await assignCase(db, actor, id, field(form, 'assignee'), now);
      return 'actions';
    },
  },
  stage: {
    field: () => 'stage-note',
    run: async (db, actor, id, form, now) => {
      const stage = field(form, 'stage');
      if (!(STAGES as readonly string[]).includes(stage)) throw new CaseProblem('Choose a stage');
      await completeStage(db, actor, id, stage as Stage, field(form, 'stage-note'), now);
      return 'actions';
    },
  },
  note: {
    field: () => 'note-text',
    run: async (db, actor, id, form, now) => {
      await addNote(
        db,
        actor,
        id,
        { kind: lookupOwn(NOTE_KINDS, field(form, 'note-kind')) ?? 'note', text: field(form, 'note-text') },
        now,
      );
      return 'timeline';
    },
  },
  referral: {
    field: (form) => (field(form, 'referral-service') === '' ? 'referral-service' : 'referral-reason'),
    run: async (db, actor, id, form, now) => {
      await makeReferral(
        db,
        actor,
        id,
        { serviceId: field(form, 'referral-service'), reason: field(form, 'referral-reason'), consentToShare: field(form, 'referral-consent') === 'yes' },
        now,
      );
      return 'referrals';
    },
  },
  'referral-update': {
    field: (form) => `referral-${field(form, 'referral-id')}-status`,
    run: async (db, actor, id, form, now) => {
      const referralId = field(form, 'referral-id');
      await updateReferral(
        db,
        actor,
        id,
        referralId,
        {
          status: field(form, `referral-${referralId}-status`),
          declineReason: field(form, `referral-${referralId}-decline`),
          result: field(form, `referral-${referralId}-result`),
        },
        now,
      );
      return 'referrals';
    },
  },
  outcome: {
    field: () => 'outcome',
    run: async (db, actor, id, form, now) => {
      const code = field(form, 'outcome');
      await recordOutcome(db, actor, id, { code, detail: field(form, `outcome-${code}-detail`) }, now);
      return 'outcomes';
    },
  },
  close: {
    field: (form) => (field(form, 'close-reason') === '' ? 'close-reason' : 'client-groups'),
    run: async (db, actor, id, form, now) => {
      await closeCase(db, actor, id, { reason: field(form, 'close-reason'), clientGroups: fieldValues(form, 'client-groups') }, now);
      return 'follow-ups';
    },
  },
};

export async function handleCaseForm(db: AppDatabase, actor: Actor, caseId: string, form: FormValues, now: Date): Promise<CaseFormResult> {
  const name = field(form, 'intent');
  const intent = Object.hasOwn(INTENTS, name) ? INTENTS[name] : undefined;
  if (!intent) return { ok: false, errors: [{ field: 'actions', message: 'That action is not known. Reload the page and try again.' }] };
  try {
    return { ok: true, anchor: await intent.run(db, actor, caseId, form, now), intent: name };
  } catch (error) {
    if (error instanceof CaseProblem) return { ok: false, errors: [{ field: intent.field(form), message: error.message }] };
    throw error;
  }
}
