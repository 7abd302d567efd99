// The case page's forms: each posts an `intent`, which names one use case. Returns where to go
// next, or the problem to show against the field it is about (nothing typed is lost: the page
// shows the submitted values again).
import { recordMove, recordRelet } from './downsizing.ts';
import { STAGES, type Stage } from '../../domain/casework/time-limits.ts';
import type { StaffContext } from '../web/staff-context.ts';
import { field, fieldValues, lookupOwn, type FormValues } from '../web/forms.ts';
import type { FormAction } from '../web/answer-form.ts';
import { deliverNow } from '../notify/deliver-now.ts';
import { addNote, assignCase, claimCase, closeCase, completeStage, recordOutcome, type NoteKind } from './case-actions.ts';
import { CaseProblem } from './case-access.ts';
import { makeReferral, updateReferral } from './referrals.ts';

const NOTE_KINDS: Record<string, NoteKind> = { note: 'note', attempt: 'attempt', contact: 'contact' };

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
  'health-check': 'Income maximisation health check recorded',
  'downsizing-move': 'Move recorded. The home they left is listed as waiting to be re-let.',
  'downsizing-relet': 'Re-let recorded: the downsizing now counts towards Target 5',
  assisted: 'Case opened from the self-assessment you did with them. It is yours, and contact is recorded as made.',
};

interface CaseIntent {
  /** The field its problems belong to. */
  field: (form: FormValues) => string;
  /** Runs the use case; says which part of the page to go back to. */
  run: (context: StaffContext & { caseId: string }, form: FormValues) => Promise<string>;
}

/** Each intent: the field its problems belong to, and the use case it runs. */
const INTENTS: Record<string, CaseIntent> = {
  claim: {
    field: () => 'claim',
    run: async ({ db, actor, caseId: id, now, ring }, _form) => {
      await claimCase(db, actor, id, now, ring);
      return 'actions';
    },
  },
  assign: {
    field: () => 'assignee',
    run: async ({ db, actor, caseId: id, now, ring }, form) => {
      if (field(form, 'assignee') === '') throw new CaseProblem('Choose who to give the case to');
      await assignCase(db, actor, id, field(form, 'assignee'), now, ring);
      return 'actions';
    },
  },
  stage: {
    field: () => 'stage-note',
    run: async ({ db, actor, caseId: id, now, rules, ring }, form) => {
      const stage = field(form, 'stage');
      if (!(STAGES as readonly string[]).includes(stage)) throw new CaseProblem('Choose a stage');
      await completeStage(db, actor, id, stage as Stage, field(form, 'stage-note'), now, rules, ring);
      return 'actions';
    },
  },
  note: {
    field: () => 'note-text',
    run: async ({ db, actor, caseId: id, now, rules, ring }, form) => {
      await addNote(
        db,
        actor,
        id,
        { kind: lookupOwn(NOTE_KINDS, field(form, 'note-kind')) ?? 'note', text: field(form, 'note-text') },
        now,
        rules,
        ring,
      );
      return 'timeline';
    },
  },
  referral: {
    field: (form) => (field(form, 'referral-service') === '' ? 'referral-service' : 'referral-reason'),
    run: async ({ db, actor, caseId: id, now, ring }, form) => {
      await makeReferral(
        db,
        actor,
        id,
        {
          serviceId: field(form, 'referral-service'),
          reason: field(form, 'referral-reason'),
          consentToShare: field(form, 'referral-consent') === 'yes',
        },
        now,
        ring,
      );
      return 'referrals';
    },
  },
  'referral-update': {
    field: (form) => `referral-${field(form, 'referral-id')}-status`,
    run: async ({ db, actor, caseId: id, now, ring }, form) => {
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
        ring,
      );
      return 'referrals';
    },
  },
  outcome: {
    field: () => 'outcome',
    run: async ({ db, actor, caseId: id, now, ring }, form) => {
      const code = field(form, 'outcome');
      await recordOutcome(db, actor, id, { code, detail: field(form, `outcome-${code}-detail`) }, now, ring);
      return 'outcomes';
    },
  },
  'downsizing-move': {
    field: () => 'moved-day',
    run: async ({ db, actor, caseId: id, now, ring }, form) => {
      await recordMove(db, actor, id, form, now, ring);
      return 'downsizing';
    },
  },
  'downsizing-relet': {
    field: () => 'relet-day',
    run: async ({ db, actor, caseId: id, now, ring }, form) => {
      await recordRelet(db, actor, id, form, now, ring);
      return 'downsizing';
    },
  },
  close: {
    field: (form) => (field(form, 'close-reason') === '' ? 'close-reason' : 'client-groups'),
    run: async ({ db, actor, caseId: id, now, rules, ring }, form) => {
      await closeCase(
        db,
        actor,
        id,
        { reason: field(form, 'close-reason'), clientGroups: fieldValues(form, 'client-groups') },
        now,
        rules,
        ring,
      );
      return 'follow-ups';
    },
  },
};

/** The case page's forms, for the form dispatcher: each goes back to its part of the page, saying what was done. */
export function caseFormActions(context: StaffContext, caseId: string): Record<string, FormAction> {
  return Object.fromEntries(
    Object.entries(INTENTS).map(([intent, { field: fieldOf, run }]) => [
      intent,
      {
        field: fieldOf,
        run: async (form: FormValues) => {
          const anchor = await run({ ...context, caseId }, form);
          // A referral may have a partner to tell: send it now if mail is set up (the outbox keeps it otherwise).
          if (intent === 'referral') void deliverNow(context.db, context.settings);
          return `/staff/cases/${caseId}?done=${intent}#${anchor}`;
        },
      },
    ]),
  );
}
