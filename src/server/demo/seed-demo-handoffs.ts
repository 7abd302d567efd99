// Demo hand-offs (content/demo/handoffs.json): fictional people in the queue, their need level
// and plan worked out from their answers exactly as a real hand-off's are.
import { insertHandoffRows } from '../handoffs/handoff-writes.ts';
import { z } from 'zod';
import handoffsJson from '../../../content/demo/handoffs.json' with { type: 'json' };
import type { Answers } from '../../domain/questionnaire/answers.ts';
import { replay } from '../../domain/questionnaire/journey.ts';
import { isWorkingDay, localDate } from '../../domain/time/working-days.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { newId } from '../ids.ts';
import { consentParties } from '../../config/service-rules.ts';
import type { DataKeyring } from '../../config/data-keys.ts';
import type { ServiceRules } from '../../domain/council/service-rules.ts';
import { consentStatement } from '../../domain/handoff/consent.ts';
import { handoffValues, personAskedReferral } from '../handoffs/create-handoff.ts';
import { serviceById } from '../handoffs/handoff-record.ts';
import { resultFor } from '../self-assessment/result.ts';
import { newReference } from '../handoffs/reference.ts';
import { selfAssessmentIn } from '../../config/languages.ts';
import { LOCALES } from '../../domain/language/locales.ts';
import { consentWords } from '../self-assessment/handoff-words.ts';
import { acknowledgeOnContact } from '../handoffs/contact-made.ts';
import { ASSISTED_CHANNELS, FILLED_IN_BY, PRIVACY_NOTICE_GIVEN } from '../../domain/assisted/channels.ts';

const demoHandoffsSchema = z.object({
  handoffs: z.array(
    z.object({
      name: z.string().min(1),
      phone: z.string(),
      email: z.string(),
      preferred: z.enum(['phone', 'email']),
      voicemailOk: z.boolean(),
      safeTimes: z.array(z.string()),
      safetyNotes: z.string(),
      serviceId: z.string(),
      receivedWorkingDaysAgo: z.number().int().min(0).max(20),
      /** The website's language they used, the language to contact them in and whether they need an interpreter (English, none, when absent). */
      siteLanguage: z.enum(LOCALES).optional(),
      contactLanguage: z.string().optional(),
      interpreter: z.boolean().optional(),
      /** Done with an adviser (by their demo account's email): the case is theirs, contact made. Absent: the person alone on the website. */
      assisted: z
        .object({
          channel: z.enum(ASSISTED_CHANNELS),
          surgeryId: z.string().nullable().default(null),
          filledInBy: z.enum(FILLED_IN_BY),
          privacyNotice: z.enum(PRIVACY_NOTICE_GIVEN),
          adviserEmail: z.email(),
        })
        .optional(),
      answers: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
    }),
  ),
});

/** The working day `count` working days before `today`. */
function workingDaysBefore(today: string, count: number, holidays: ReadonlySet<string>): string {
  const date = new Date(`${today}T12:00:00Z`);
  let remaining = count;
  while (remaining > 0 || !isWorkingDay(date.toISOString().slice(0, 10), holidays)) {
    date.setUTCDate(date.getUTCDate() - 1);
    if (isWorkingDay(date.toISOString().slice(0, 10), holidays)) remaining -= 1;
  }
  return date.toISOString().slice(0, 10);
}

export async function seedDemoHandoffs(db: AppDatabase, now: Date, rules: ServiceRules, ring: DataKeyring): Promise<number> {
  const existing = await db.selectFrom('handoff').select('id').limit(1).executeTakeFirst();
  if (existing) return 0;
  const { handoffs } = demoHandoffsSchema.parse(handoffsJson);
  for (const demo of handoffs) {
    const service = serviceById(demo.serviceId);
    if (!service) throw new Error(`content/demo/handoffs.json: no hand-off service "${demo.serviceId}"`);
    const progress = replay({ answers: demo.answers as Answers, confirmed: true });
    const receivedOn = workingDaysBefore(localDate(now), demo.receivedWorkingDaysAgo, rules.bankHolidays);
    const received = new Date(`${receivedOn}T${now.toISOString().slice(11)}`);
    const result = resultFor(progress.answers);
    const id = newId();
    const adviser = demo.assisted
      ? await db.selectFrom('staff_user').select('id').where('email', '=', demo.assisted.adviserEmail).executeTakeFirstOrThrow()
      : undefined;
    await insertHandoffRows(db, [
      handoffValues(
        id,
        newReference(),
        {
          service,
          answers: progress.answers,
          need: { level: result.need.level, label: result.need.label, planStepIds: result.plan.map((s) => s.id), domains: result.domains },
          contact: {
            name: demo.name,
            phone: demo.phone,
            email: demo.email,
            preferred: demo.preferred,
            language: demo.contactLanguage ?? demo.siteLanguage ?? 'en',
            interpreter: demo.interpreter ?? false,
          },
          safety: { voicemailOk: demo.voicemailOk, safeTimes: demo.safeTimes, notes: demo.safetyNotes },
          // The consent in the words they read it in, as a real hand-off keeps it.
          consentText: consentStatement(
            selfAssessmentIn(demo.siteLanguage ?? 'en').services.find((s) => s.id === service.id) ?? service,
            consentParties(service),
            consentWords(demo.siteLanguage ?? 'en'),
          ),
          language: demo.siteLanguage ?? 'en',
          ...(demo.assisted && adviser
            ? {
                assisted: {
                  channel: demo.assisted.channel,
                  surgeryId: demo.assisted.surgeryId,
                  filledInBy: demo.assisted.filledInBy,
                  privacyNotice: demo.assisted.privacyNotice,
                  staffId: adviser.id,
                },
              }
            : {}),
          receivedAt: received,
        },
        rules,
        ring,
      ),
    ]);
    // Done with an adviser: theirs, with contact made then, as a real assisted case is.
    if (adviser) await acknowledgeOnContact(db, id, received, rules, adviser.id);
    // A partner's service (the local domestic abuse service) gets its referral, as a real hand-off's does.
    if (service.partnerServiceId)
      await db
        .insertInto('referral')
        .values(personAskedReferral(ring, newId(), id, service.partnerServiceId, received))
        .execute();
  }
  return handoffs.length;
}
