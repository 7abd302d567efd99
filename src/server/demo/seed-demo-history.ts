// A year of fictional history for the demo (and, many times larger, for the benchmarks), so the
// managers' reports have something to show: weekly visitors rising from the 2008 baseline of 26,
// the site's daily figures, and closed cases with contact times, plans, outcomes, client groups
// and follow-ups. Deterministic (a seeded random sequence), clearly fictional: names from a short
// list, phone numbers from Ofcom's drama range (07700 900xxx).
import { insertHandoffRows } from '../handoffs/handoff-writes.ts';
import type { Insertable } from 'kysely';
import handoffsJson from '../../../content/demo/handoffs.json' with { type: 'json' };
import { casework } from '../../config/casework.ts';
import type { DataKeyring } from '../../config/data-keys.ts';
import type { PlanItem } from '../../domain/casework/plan.ts';
import { sealPlanItems } from '../casework/plans.ts';
import { sealColumns } from '../security/secrets/sealing.ts';
import type { ServiceRules } from '../../domain/council/service-rules.ts';
import { weekStartOf } from '../../domain/analytics/weeks.ts';
import type { Answers } from '../../domain/questionnaire/answers.ts';
import { addDays, localDate } from '../../domain/time/working-days.ts';
import type { AppDatabase } from '../db/open-database.ts';
import type {
  CaseOutcomeTable,
  CasePlanVersionTable,
  FollowUpTable,
  HandoffTable,
  HealthCheckTable,
  DownsizingMoveTable,
} from '../db/schema.ts';
import { handoffValues } from '../handoffs/create-handoff.ts';
import { serviceById } from '../handoffs/handoff-record.ts';
import { newReference } from '../handoffs/reference.ts';
import { newId } from '../ids.ts';
import { replay } from '../../domain/questionnaire/journey.ts';
import { resultFor } from '../self-assessment/result.ts';
import { surgeries } from '../../config/outreach.ts';

const SURGERY_IDS = surgeries.places.map((p) => p.id);

export interface HistoryOptions {
  now: Date;
  /** Complete weeks of history, ending last Sunday. */
  weeks: number;
  casesPerWeek: number;
  /** Weekly visitors at the start and at the end of the history. */
  visitorsFrom: number;
  visitorsTo: number;
  seed?: number;
}

export const DEMO_HISTORY: Omit<HistoryOptions, 'now'> = { weeks: 60, casesPerWeek: 10, visitorsFrom: 26, visitorsTo: 58 };

/** mulberry32: a small, fast, seeded random sequence in [0, 1). */
function randomSequence(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Alex',
  'Sam',
  'Jo',
  'Chris',
  'Priya',
  'Tomasz',
  'Aisha',
  'Ruth',
  'Dev',
  'Morgan',
  'Kerry',
  'Lee',
  'Ngozi',
  'Ewan',
  'Fatima',
  'Gareth',
];
const LAST = [
  'Ashdown',
  'Brindle',
  'Carrow',
  'Dunmore',
  'Elsworth',
  'Fairley',
  'Greave',
  'Holt',
  'Ingle',
  'Kilner',
  'Marsh',
  'Northgate',
  'Oakes',
  'Saltings',
];
const PAGES = [
  '/',
  '/self-assessment',
  '/self-assessment/result',
  '/information',
  '/information/eviction-notices',
  '/information/rent-arrears',
  '/information/your-pack',
  '/homes',
  '/services',
  '/contact',
  '/privacy',
];
const SOURCES = [
  ['Direct or not known', 50],
  ['www.harrowmere.example', 20],
  ['google.com', 18],
  ['bing.com', 4],
  ['citizensadvice.org.uk', 5],
  ['shelter.org.uk', 3],
] as const;
const DEVICES = [
  ['Mobile', 58],
  ['Tablet', 8],
  ['Laptop', 20],
  ['Desktop', 10],
  ['Not known (JavaScript off)', 4],
] as const;
/** Other languages some people in the history asked to be contacted in (each with an interpreter). */
const HISTORY_LANGUAGES = ['ro', 'pa', 'ar', 'bn', 'pt', 'so', 'ti'];

const NEEDS = [
  ['emergency', 8],
  ['high', 30],
  ['moderate', 40],
  ['low', 22],
] as const;
const SERVICES = [
  ['housing-options', 45],
  ['jet-centre', 18],
  ['welfare-rights', 15],
  ['debt-advice', 8],
  ['private-sector-housing', 10],
  ['domestic-abuse-support', 4],
] as const;

function pick<T>(random: () => number, weighted: ReadonlyArray<readonly [T, number]>): T {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, weight] of weighted) {
    r -= weight;
    if (r < 0) return value;
  }
  return weighted.at(-1)![0];
}

const CHUNK = 150;
async function insertAll<
  T extends
    'case_outcome' | 'follow_up' | 'case_plan_version' | 'health_check' | 'downsizing_move' | 'daily_rollup' | 'weekly_visitor_count',
>(db: AppDatabase, table: T, rows: Array<Insertable<import('../db/schema.ts').Database[T]>>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
}

/** Adds the history; returns how many cases it made. Only for an empty database's demo, or a benchmark. */
export async function seedHistory(
  db: AppDatabase,
  rules: ServiceRules,
  ring: DataKeyring,
  options: HistoryOptions,
): Promise<{ cases: number; weeks: number }> {
  const random = randomSequence(options.seed ?? 2026);
  // Health checks and the follow-ups' "financially secure" draw from their own sequence, so the
  // rest of the history is what it was before they were added.
  const moneyRandom = randomSequence((options.seed ?? 2026) + 1);
  const thisWeek = weekStartOf(options.now);
  const firstWeek = addDays(thisWeek, -7 * options.weeks);
  const today = localDate(options.now);

  // The site: weekly visitors rising along a line, with noise; each day's figures from them.
  const weekly: Array<Insertable<import('../db/schema.ts').WeeklyVisitorCountTable>> = [];
  const daily = new Map<string, number>();
  // Self-assessments finished so far, and how many of them in Polish and Urdu (see below).
  let completedSoFar = 0;
  let polishSoFar = 0;
  let urduSoFar = 0;
  const add = (day: string, dimension: string, value: string, n: number) => {
    if (n <= 0) return;
    const key = `${day}\u0000${dimension}\u0000${value}`;
    daily.set(key, (daily.get(key) ?? 0) + n);
  };
  for (let w = 0; w < options.weeks; w++) {
    const week = addDays(firstWeek, 7 * w);
    const trend = options.visitorsFrom + ((options.visitorsTo - options.visitorsFrom) * w) / Math.max(1, options.weeks - 1);
    const visitors = Math.max(0, Math.round(trend * (0.85 + random() * 0.3)));
    weekly.push({ week_start: week, visitors });
    for (let d = 0; d < 7; d++) {
      const day = addDays(week, d);
      const share = (d < 5 ? 0.17 : 0.075) * (0.8 + random() * 0.4);
      const entries = Math.round(visitors * share * 1.3);
      const views = Math.round(entries * (2.5 + random()));
      add(day, 'pageviews', '', views);
      add(day, 'entries', '', entries);
      add(day, 'script', 'off', Math.round(views * 0.05));
      add(day, 'script', 'on', views - Math.round(views * 0.05));
      for (let v = 0; v < views; v++) add(day, 'page', PAGES[Math.floor(random() * random() * PAGES.length)]!, 1);
      for (let e = 0; e < entries; e++) {
        add(day, 'source', pick(random, SOURCES), 1);
        add(day, 'device', pick(random, DEVICES), 1);
      }
      const started = Math.round(entries * 0.45);
      const completed = Math.round(started * 0.7);
      add(day, 'goal', 'started', started);
      add(day, 'goal', 'completed', completed);
      // About one in twenty finished in Polish and one in thirty in Urdu, counted over the whole
      // history so a quiet day still adds up (no random draw, so the rest of the history is as it was).
      completedSoFar += completed;
      const inPolish = Math.floor(completedSoFar / 20) - polishSoFar;
      const inUrdu = Math.floor(completedSoFar / 30) - urduSoFar;
      polishSoFar += inPolish;
      urduSoFar += inUrdu;
      add(day, 'goal', 'language:pl', inPolish);
      add(day, 'goal', 'language:ur', inUrdu);
      add(day, 'goal', 'language:en', completed - inPolish - inUrdu);
      for (let c = 0; c < completed; c++) add(day, 'goal', `need_level:${pick(random, NEEDS)}`, 1);
      add(day, 'goal', 'route:handoff', Math.round(completed * 0.35));
      add(day, 'goal', 'pack_viewed', Math.round(completed * 0.4));
      add(day, 'goal', 'homes_searched', Math.round(entries * 0.15));
      add(day, 'goal', 'interest_expressed', Math.round(entries * 0.02));
      add(day, 'goal', 'saved_for_later', Math.round(started * 0.1));
      // Beyond the website, on weekdays (no random draw, so the rest of the history is as it was): a
      // self-assessment by phone most days, the Tuesday library surgery, an office visit now and
      // then; guides asked for by post, posted the next day.
      if (d < 5) {
        add(day, 'goal', 'assisted:phone', (w + d) % 3 === 0 ? 2 : 1);
        add(day, 'goal', 'assisted:surgery', d === 1 ? 3 : 0);
        add(day, 'goal', 'assisted:office', (w + d) % 4 === 0 ? 1 : 0);
        add(day, 'goal', 'packs_requested_by_post', (w * 5 + d) % 3 === 0 ? 2 : 1);
        add(day, 'goal', 'packs_posted', (w * 5 + d - 1) % 3 === 0 ? 2 : 1);
      }
    }
  }
  await insertAll(db, 'weekly_visitor_count', weekly);
  await insertAll(
    db,
    'daily_rollup',
    [...daily.entries()].map(([key, count]) => {
      const [day, dimension, value] = key.split('\u0000') as [string, string, string];
      return { day, dimension, value, count };
    }),
  );

  // Cases: answers from the demo hand-offs (so each case opens properly), worked out once.
  const templates = handoffsJson.handoffs.map((h) => replay({ answers: h.answers as unknown as Answers, confirmed: true }).answers);
  const results = templates.map((answers) => ({ answers, result: resultFor(answers) }));
  const staff = await db
    .selectFrom('staff_user')
    .select(['id', 'team_id'])
    .where('role', 'in', ['adviser', 'manager', 'private_sector_officer'])
    .execute();
  const staffFor = (team: string) => staff.find((s) => s.team_id === team)?.id ?? staff[0]?.id ?? 'demo';
  const outcomesByCode = new Map(casework.outcomes.map((o) => [o.code, o]));

  const handoffs: Array<Insertable<HandoffTable>> = [];
  const outcomes: Array<Insertable<CaseOutcomeTable>> = [];
  const followUps: Array<Insertable<FollowUpTable>> = [];
  const plans: Array<Insertable<CasePlanVersionTable>> = [];
  const healthChecks: Array<Insertable<HealthCheckTable>> = [];
  const moves: Array<Insertable<DownsizingMoveTable>> = [];
  const lastCaseWeek = addDays(thisWeek, -7); // this week's cases are the open demo ones
  let made = 0;
  for (let week = firstWeek; week < lastCaseWeek; week = addDays(week, 7)) {
    const count = Math.max(0, Math.round(options.casesPerWeek * (0.7 + random() * 0.6)));
    for (let c = 0; c < count; c++) {
      const need = pick(random, NEEDS);
      const service = serviceById(pick(random, SERVICES))!;
      const template = results[Math.floor(random() * results.length)]!;
      const receivedDay = addDays(week, Math.floor(random() * 5));
      if (receivedDay > addDays(today, -3)) continue;
      const received = new Date(
        `${receivedDay}T${String(8 + Math.floor(random() * 9)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00.000Z`,
      );
      const name = `${FIRST[Math.floor(random() * FIRST.length)]} ${LAST[Math.floor(random() * LAST.length)]}`;
      const id = newId();
      const values = handoffValues(
        id,
        newReference(),
        {
          service,
          answers: template.answers,
          need: { level: need, label: need, planStepIds: template.result.plan.map((s) => s.id), domains: template.result.domains },
          contact: { name, phone: `07700 900${String(Math.floor(random() * 1000)).padStart(3, '0')}`, email: '', preferred: 'phone' },
          safety: { voicemailOk: random() < 0.7, safeTimes: ['morning', 'afternoon'], notes: '' },
          consentText: 'Demo case: consent given to share with the service named.',
          receivedAt: received,
        },
        rules,
        ring,
      );
      // Some came through the Polish or Urdu website, or asked for a language and an interpreter:
      // chosen by the case's number, not a random draw, so the rest of the history is as it was.
      if (made % 19 === 7) Object.assign(values, { language: 'pl', contact_language: 'pl', interpreter_needed: made % 2 });
      else if (made % 31 === 11) Object.assign(values, { language: 'ur', contact_language: 'ur', interpreter_needed: 1 });
      else if (made % 23 === 5)
        Object.assign(values, { contact_language: HISTORY_LANGUAGES[made % HISTORY_LANGUAGES.length]!, interpreter_needed: 1 });
      const staffId = staffFor(service.teamId);
      // Some were done with an adviser (by phone, at an outreach surgery, at an office visit), again by the case's number.
      if (made % 7 === 3)
        Object.assign(values, { channel: 'phone', assisted_by: staffId, filled_in_by: 'adviser', privacy_notice: 'read-aloud' });
      else if (made % 11 === 6)
        Object.assign(values, {
          channel: 'surgery',
          assisted_by: staffId,
          surgery_id: SURGERY_IDS[made % SURGERY_IDS.length]!,
          filled_in_by: 'person',
          privacy_notice: 'shown',
        });
      else if (made % 13 === 9)
        Object.assign(values, { channel: 'office', assisted_by: staffId, filled_in_by: 'person', privacy_notice: 'shown' });
      const hours = (h: number) => new Date(received.getTime() + h * 3_600_000).toISOString();
      const roll = random();
      const acknowledged = roll < 0.05 ? null : roll < 0.15 ? hours(24 * (3 + Math.floor(random() * 4))) : hours(1 + random() * 20);
      // Every case of the history is closed by now (the open ones in the queue are the demo hand-offs).
      const latest = options.now.getTime() - 86_400_000;
      const outcomeAt = new Date(Math.min(received.getTime() + (10 + random() * 40) * 86_400_000, latest - 86_400_000));
      const closedAt = new Date(Math.min(outcomeAt.getTime() + 7 * 86_400_000, latest));
      const codes = new Set<string>();
      if (acknowledged) {
        const housing = random();
        if (need === 'emergency' || need === 'high') {
          if (housing < 0.3) codes.add('relieved');
          else if (housing < 0.55) codes.add('prevented-moved');
          else if (housing < 0.75) codes.add('private-rented-secured');
          else if (housing < 0.85) codes.add('prevented-stayed');
        } else if (housing < 0.55) codes.add('prevented-stayed');
        else if (housing < 0.7) codes.add('prevented-moved');
        else if (housing < 0.75) codes.add('downsized');
        if (random() < 0.35) codes.add('income-check');
        if (random() < (service.teamId === 'welfare-rights' ? 0.5 : 0.1)) codes.add('better-off-calculation');
        if (random() < 0.15) codes.add('debt-advice');
        const jet = service.teamId === 'jet-centre';
        if (random() < (jet ? 0.4 : 0.1)) codes.add('work-16-hours');
        if (codes.has('work-16-hours') && random() < 0.6) codes.add('work-sustained-13-weeks');
        if (random() < (jet ? 0.3 : 0.06)) codes.add('training-started');
        if (codes.has('training-started') && random() < 0.5) codes.add('training-completed');
      }
      for (const code of codes) {
        const outcome = outcomesByCode.get(code)!;
        // A downsizing's chain: the move on the outcome's day, and for seven in ten the re-let of the
        // home it freed, 2 to 8 weeks later (the draw is where it always was, so the rest stays as it was).
        if (code === 'downsized') {
          const relet = random() < 0.7;
          const left = [3, 4, 2, 3, 5][made % 5]!;
          const movedOn = localDate(outcomeAt);
          const reletOn = relet ? addDays(movedOn, 14 + (made % 43)) : null;
          moves.push({
            id: newId(),
            handoff_id: id,
            moved_on: movedOn,
            bedrooms_left: left,
            bedrooms_new: left - 1 - (made % 2 === 0 && left > 2 ? 1 : 0),
            incentive_paid_pence: made % 6 === 0 ? 0 : Math.min(300_000, 150_000 + 50_000 * (left - 2)),
            recorded_by: staffId,
            recorded_at: outcomeAt.toISOString(),
            ...(reletOn && reletOn < today
              ? {
                  relet_on: reletOn,
                  relet_to_needed_size: made % 4 === 0 ? 0 : 1,
                  relet_recorded_by: staffId,
                  relet_recorded_at: `${reletOn}T15:00:00.000Z`,
                }
              : {}),
          });
        }
        const detail = code !== 'downsized' && outcome.detail ? outcome.detail.options[Math.floor(random() * 2)]! : null;
        outcomes.push({ id: newId(), handoff_id: id, code, detail, recorded_by: staffId, recorded_at: outcomeAt.toISOString() });
      }
      // An income check on the case was an income maximisation health check, recorded the same day.
      if (codes.has('income-check')) {
        const checkId = newId();
        const found = Math.round(1500 + moneyRandom() * 7500);
        healthChecks.push({
          id: checkId,
          handoff_id: id,
          version: 1,
          ...sealColumns(ring, 'health_check', checkId, {
            answers: JSON.stringify({ couple: 'no', age: String(25 + Math.floor(moneyRandom() * 30)), childCount: '0', home: 'social' }),
            notes: null,
          }),
          benefits: JSON.stringify(moneyRandom() < 0.6 ? ['universal-credit', 'council-tax-reduction'] : ['council-tax-reduction']),
          weekly_gain_pence: found,
          debts_referred: codes.has('debt-advice') ? 1 : 0,
          created_by: staffId,
          created_at: outcomeAt.toISOString(),
        });
      }
      if (acknowledged && random() < 0.75) {
        const areas = [
          'housing',
          ...(codes.has('work-16-hours') || random() < 0.3 ? ['work'] : []),
          ...(codes.has('training-started') || random() < 0.2 ? ['training'] : []),
          ...(random() < 0.4 ? ['money'] : []),
        ];
        const items = areas.map((area) => ({
          area,
          goal: `Demo ${area} goal`,
          action: `Demo ${area} action`,
          owner: 'person',
          partner: null,
          dueOn: addDays(received.toISOString().slice(0, 10), 28),
          status: random() < 0.6 ? 'done' : 'in_progress',
        }));
        const planId = newId();
        plans.push({
          id: planId,
          handoff_id: id,
          version: 1,
          ...sealPlanItems(ring, planId, items as PlanItem[]),
          created_by: staffId,
          created_at: hours(48),
        });
      }
      const groups = casework.clientGroups.filter(() => random() < 0.12).map((g) => g.code);
      handoffs.push({
        ...values,
        status: 'closed',
        assigned_to: staffId,
        acknowledged_at: acknowledged,
        closed_at: closedAt.toISOString(),
        close_reason: codes.size > 0 ? 'Plan completed' : 'Lost contact',
        client_groups: JSON.stringify(groups),
        queue_band: 4,
        stage: null,
        stage_due_on: null,
        stage_due_at: null,
      });
      // Follow-ups already done: ones still to come are left out, so advisers' own lists stay theirs.
      {
        for (const months of [3, 6] as const) {
          const due = addDays(closedAt.toISOString().slice(0, 10), months * 30);
          const recorded = due <= today;
          if (!recorded) continue;
          followUps.push({
            id: newId(),
            handoff_id: id,
            months_after: months,
            due_on: due,
            still_housed: recorded ? (random() < 0.85 ? 1 : 0) : null,
            in_work_or_training: recorded
              ? random() < (codes.has('work-16-hours') || codes.has('training-started') ? 0.8 : 0.3)
                ? 1
                : 0
              : null,
            notes: null,
            recorded_by: recorded ? staffId : null,
            recorded_at: recorded ? `${due}T10:00:00.000Z` : null,
            reminded_at: recorded ? `${due}T07:00:00.000Z` : null,
            financially_secure: recorded ? (moneyRandom() < (codes.has('income-check') ? 0.7 : 0.45) ? 1 : 0) : null,
          });
        }
      }
      made += 1;
    }
  }
  await insertHandoffRows(db, handoffs, CHUNK);
  await insertAll(db, 'case_outcome', outcomes);
  await insertAll(db, 'case_plan_version', plans);
  await insertAll(db, 'follow_up', followUps);
  await insertAll(db, 'health_check', healthChecks);
  await insertAll(db, 'downsizing_move', moves);
  return { cases: made, weeks: options.weeks };
}
