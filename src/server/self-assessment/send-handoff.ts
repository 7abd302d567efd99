// The self-assessment's last step: with consent given, the draft becomes a hand-off
// (src/server/handoffs/), counted; the draft keeps the answers (for the plan) and what the
// confirmation page shows, but no longer the contact details.
import { consentParties } from '../../config/service-rules.ts';
import type { ServiceRules } from '../../domain/council/service-rules.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { consentStatement } from '../../domain/handoff/consent.ts';
import { makeHandoff, type CreatedHandoff } from '../handoffs/create-handoff.ts';
import { serviceById } from '../handoffs/handoff-record.ts';
import { countGoals } from '../analytics/goals.ts';
import { updateDraft, type DraftKeeping, type DraftRecord } from './drafts.ts';
import { progressOf } from './questionnaire.ts';
import { resultFor } from './result.ts';
import { UserProblem } from '../web/problems.ts';
import { selfAssessmentIn } from '../../config/languages.ts';
import { DEFAULT_LOCALE, type Locale } from '../../domain/language/locales.ts';
import { consentWords } from './handoff-words.ts';

export class HandoffNotReady extends UserProblem {
  override name = 'HandoffNotReady';
}

/**
 * Makes the hand-off, in one transaction: the hand-off with every answer (and its message to the
 * team), the anonymous count, and the draft without the contact details (they now live in the hand-off).
 */
export async function createHandoff(
  db: AppDatabase,
  draft: DraftRecord,
  now: Date,
  keeping: DraftKeeping,
  rules: ServiceRules,
  /** The language the person did it in: the consent they agreed to is kept in it. */
  locale: Locale = DEFAULT_LOCALE,
): Promise<{ handoff: CreatedHandoff; draft: DraftRecord }> {
  const progress = progressOf(draft.state);
  const progressDone = progress.current === 'result' || progress.current === 'emergency';
  const pending = draft.state.handoff;
  const service = serviceById(pending?.serviceId);
  if (!progressDone || !service || !pending?.contact || !pending.safety) throw new HandoffNotReady('The hand-off is missing a step');
  const result = resultFor(progress.answers);
  if (!result.offersHandoff) throw new HandoffNotReady('This result does not offer a hand-off');
  return db.transaction().execute(async (trx) => {
    const handoff = await makeHandoff(
      trx,
      {
        service,
        answers: progress.answers,
        need: { level: result.need.level, label: result.need.label, planStepIds: result.plan.map((s) => s.id), domains: result.domains },
        contact: pending.contact!,
        safety: pending.safety!,
        consentText: consentStatement(
          selfAssessmentIn(locale).services.find((s) => s.id === service.id) ?? service,
          consentParties(service),
          consentWords(locale),
        ),
        language: locale,
        receivedAt: now,
      },
      rules,
      keeping.ring,
    );
    await countGoals(trx, ['route:handoff'], now);
    const handedOff = {
      reference: handoff.reference,
      serviceId: service.id,
      serviceName: service.name,
      whoContacts: service.whoContacts,
      acknowledgeBy: handoff.acknowledgeBy,
      urgentContactBy: handoff.urgentContactBy,
      ...(handoff.noSafeTimeInOfficeHours ? { safeTimesOutsideOfficeHours: pending.safety!.safeTimes } : {}),
      sentAt: now.toISOString(),
    };
    // The answers stay (sealed, and deleted at "Finish" or when the draft expires) so the person can
    // still read and keep their plan; the contact details they gave leave the draft: they live in the hand-off.
    const after = await updateDraft(
      trx,
      draft,
      { answers: draft.state.answers, confirmed: draft.state.confirmed, completionCounted: true, handedOff },
      now,
      keeping,
    );
    return { handoff, draft: after };
  });
}
