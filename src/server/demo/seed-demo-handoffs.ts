// Demo hand-offs (content/demo/handoffs.json): fictional people in the queue, their need level
// and plan worked out from their answers exactly as a real hand-off's are.
import { z } from 'zod';
import handoffsJson from '../../../content/demo/handoffs.json' with { type: 'json' };
import { bankHolidays } from '../../config/calendar.ts';
import { selfAssessment } from '../../config/self-assessment.ts';
import type { Answers } from '../../domain/questionnaire/answers.ts';
import { replay } from '../../domain/questionnaire/journey.ts';
import { isWorkingDay, localDate } from '../../domain/time/working-days.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { newId } from '../ids.ts';
import { handoffValues } from '../self-assessment/handoffs.ts';
import { resultFor } from '../self-assessment/result.ts';
import { newReference } from '../self-assessment/secrets.ts';

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
      answers: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
    }),
  ),
});

/** The working day `count` working days before `today`. */
function workingDaysBefore(today: string, count: number): string {
  const date = new Date(`${today}T12:00:00Z`);
  let remaining = count;
  while (remaining > 0 || !isWorkingDay(date.toISOString().slice(0, 10), bankHolidays)) {
    date.setUTCDate(date.getUTCDate() - 1);
    if (isWorkingDay(date.toISOString().slice(0, 10), bankHolidays)) remaining -= 1;
  }
  return date.toISOString().slice(0, 10);
}

export async function seedDemoHandoffs(db: AppDatabase, now: Date): Promise<number> {
  const existing = await db.selectFrom('handoff').select('id').limit(1).executeTakeFirst();
  if (existing) return 0;
  const { handoffs } = demoHandoffsSchema.parse(handoffsJson);
  for (const demo of handoffs) {
    const service = selfAssessment.services.find((s) => s.id === demo.serviceId);
    if (!service) throw new Error(`content/demo/handoffs.json: no hand-off service "${demo.serviceId}"`);
    const progress = replay({ answers: demo.answers as Answers, confirmed: true });
    const receivedOn = workingDaysBefore(localDate(now), demo.receivedWorkingDaysAgo);
    const received = new Date(`${receivedOn}T${now.toISOString().slice(11)}`);
    await db
      .insertInto('handoff')
      .values(
        handoffValues({
          id: newId(),
          reference: newReference(),
          service,
          answers: progress.answers,
          result: resultFor(progress.answers),
          contact: { name: demo.name, phone: demo.phone, email: demo.email, preferred: demo.preferred },
          safety: { voicemailOk: demo.voicemailOk, safeTimes: demo.safeTimes, notes: demo.safetyNotes },
          receivedAt: received,
        }),
      )
      .execute();
  }
  return handoffs.length;
}
