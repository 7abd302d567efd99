// Fills a database with many fictional open hand-offs for the scale benchmark: received over the
// last 40 working days, of every need level, some emergencies, some acknowledged or further on,
// their queue columns worked out as the service works them out (queueColumns).
import type { Insertable } from 'kysely';
import { serviceRules } from '../../src/config/service-rules.ts';
import { NEED_LEVELS } from '../../src/domain/casework/statuses.ts';
import type { AppDatabase } from '../../src/server/db/open-database.ts';
import type { HandoffTable } from '../../src/server/db/schema.ts';
import { queueColumns } from '../../src/server/handoffs/queue-columns.ts';
import { insertHandoffRows } from '../../src/server/handoffs/handoff-writes.ts';
import { newId } from '../../src/server/ids.ts';
import { sealHandoff } from '../../src/server/handoffs/handoff-sealing.ts';
import { readSettings } from '../../src/config/settings.ts';

const DAY = 86_400_000;

/** A small deterministic random sequence, so every run seeds the same shape of queue. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

export async function seedHandoffs(
  db: AppDatabase,
  count: number,
  now: Date,
  options: { assignees: string[]; startAt?: number },
): Promise<void> {
  const next = random(42 + (options.startAt ?? 0));
  const services = [
    ['housing-options', 'housing-options'],
    ['debt-advice', 'housing-options'],
  ] as const;
  const batch: Array<Insertable<HandoffTable>> = [];
  // Sealed under the keys the server it is measured with reads them by (the same environment).
  const ring = readSettings().dataKeys;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < count; i += 1) {
      const number = (options.startAt ?? 0) + i;
      const created = new Date(now.getTime() - Math.floor(next() * 56 * DAY));
      const needLevel = NEED_LEVELS[Math.min(3, Math.floor(next() * 4.2))]!;
      const emergency = needLevel === 'emergency' && next() < 0.1;
      const progress = next();
      const acknowledged = progress < 0.5 ? new Date(created.getTime() + 2 * 3_600_000) : null;
      const arranged = acknowledged && progress < 0.25 ? new Date(acknowledged.getTime() + DAY) : null;
      const gathered = arranged && progress < 0.1 ? new Date(arranged.getTime() + DAY) : null;
      const status = gathered ? 'in_progress' : arranged ? 'appointment_arranged' : acknowledged ? 'acknowledged' : 'new';
      const [serviceId, teamId] = services[number % 2]!;
      const id = newId();
      const row = {
        id,
        reference: `HO-${String(number)
          .padStart(8, '0')
          .replace(/(\d{4})(\d{4})/, '$1-$2')}`,
        service_id: serviceId,
        team_id: teamId,
        need_level: needLevel,
        status,
        ...sealHandoff(ring, id, {
          answers: JSON.stringify({ danger: 'no', tonight: 'yes', homeType: 'privateRenter', noticeReceived: 'section21' }),
          contact_name: `Benchmark Person ${number}`,
          contact_phone: '07700 900 123',
          contact_email: null,
          safe_times: JSON.stringify(['morning']),
          safety_notes: null,
        }),
        plan_step_ids: JSON.stringify(['section-21']),
        domains: JSON.stringify(['housing']),
        questionnaire_version: 1,
        preferred_contact: 'phone',
        voicemail_ok: 0,
        consent_text: 'I agree (fictional benchmark data).',
        consented_at: created.toISOString(),
        retain_until: new Date(created.getTime() + 730 * DAY).toISOString(),
        acknowledge_by: '2099-01-01',
        urgent_contact_by: emergency ? new Date(created.getTime() + 4 * 3_600_000).toISOString() : null,
        created_at: created.toISOString(),
        assigned_to: acknowledged ? options.assignees[number % options.assignees.length]! : null,
        acknowledged_at: acknowledged?.toISOString() ?? null,
        appointment_arranged_at: arranged?.toISOString() ?? null,
        information_gathered_at: gathered?.toISOString() ?? null,
      } satisfies Insertable<HandoffTable>;
      batch.push({ ...row, ...queueColumns(row, serviceRules) });
      if (batch.length === 500) await insertHandoffRows(trx, batch.splice(0), 500);
    }
    if (batch.length > 0) await insertHandoffRows(trx, batch.splice(0), 500);
  });
}
