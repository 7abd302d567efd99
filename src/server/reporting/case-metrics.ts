// Bringing the case figures up to date (the `report-figures` job): each case changed since the
// last run (a new hand-off, or any entry in its timeline) is worked out again in
// src/domain/reporting/case-metrics.ts, and what changed is written to case_metric (which cases
// count in which figure, and from which day) and case_metric_daily (the same, counted per day).
// When the definitions change (content/reporting/targets.json), everything is worked out again.
// Safe to run twice, or on two instances at once (each case's rows are replaced in a transaction).
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { caseMetrics, type CaseFacts, type MetricDefinition } from '../../domain/reporting/case-metrics.ts';
import { FUNNEL_STAGES, funnelDefinition } from '../../domain/reporting/funnel.ts';
import type { TargetsFile } from '../../domain/reporting/target-definition.ts';
import type { DbExecutor } from '../db/executor.ts';
import type { AppDatabase } from '../db/open-database.ts';
import type { DataKeyring } from '../../config/data-keys.ts';
import { openPlanItems } from '../casework/plans.ts';

/** Raised when the way figures are worked out changes, so every case is worked out again. */
const METRICS_VERSION = 4;
const REFRESH = 'case-metrics';
/** Cases are read and written this many at a time. */
const CHUNK = 400;
/** Looked at again on the next run, in case a transaction begun before this run commits after it. */
const OVERLAP_MS = 5 * 60_000;

/** The figures counted for every case: each target that counts cases, and each funnel step. */
export function metricDefinitions(targets: TargetsFile, outcomeCodes: readonly string[]): MetricDefinition[] {
  return [
    ...targets.targets.flatMap((t) => (t.definition?.count === 'cases' ? [{ key: `target:${t.id}`, definition: t.definition }] : [])),
    ...FUNNEL_STAGES.map((stage) => ({ key: `funnel:${stage}`, definition: funnelDefinition(stage, outcomeCodes) })),
  ];
}

function digest(definitions: readonly MetricDefinition[]): string {
  return createHash('sha256')
    .update(JSON.stringify({ v: METRICS_VERSION, definitions }))
    .digest('hex');
}

async function factsOf(db: DbExecutor, ring: DataKeyring, ids: readonly string[]): Promise<CaseFacts[]> {
  if (ids.length === 0) return [];
  const [cases, outcomes, followUps, plans, healthChecks, moves] = await Promise.all([
    db
      .selectFrom('handoff')
      .select([
        'id',
        'need_level',
        'team_id',
        'service_id',
        'created_at',
        'acknowledged_at',
        'acknowledge_by',
        'urgent_contact_by',
        'closed_at',
        'client_groups',
        'language',
        'contact_language',
        'interpreter_needed',
        'channel',
      ])
      .where('id', 'in', ids)
      .execute(),
    db.selectFrom('case_outcome').select(['handoff_id', 'code', 'detail', 'recorded_at']).where('handoff_id', 'in', ids).execute(),
    db
      .selectFrom('follow_up')
      .select(['handoff_id', 'months_after', 'still_housed', 'in_work_or_training', 'financially_secure', 'recorded_at'])
      .where('handoff_id', 'in', ids)
      .execute(),
    db
      .selectFrom('case_plan_version')
      .select(['id', 'handoff_id', 'version', 'items', 'data_key_id'])
      .where('handoff_id', 'in', ids)
      .execute(),
    db.selectFrom('health_check').select(['handoff_id', 'created_at']).where('handoff_id', 'in', ids).execute(),
    db
      .selectFrom('downsizing_move')
      .select(['handoff_id', 'moved_on', 'bedrooms_left', 'incentive_paid_pence', 'relet_on'])
      .where('handoff_id', 'in', ids)
      .execute(),
  ]);
  const group = <T extends { handoff_id: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.handoff_id, [...(map.get(row.handoff_id) ?? []), row]);
    return map;
  };
  const outcomesOf = group(outcomes);
  const followUpsOf = group(followUps);
  const healthChecksOf = group(healthChecks);
  const moveOf = new Map(moves.map((m) => [m.handoff_id, m]));
  const latestPlan = new Map<string, (typeof plans)[number]>();
  for (const plan of plans) if ((latestPlan.get(plan.handoff_id)?.version ?? -1) < plan.version) latestPlan.set(plan.handoff_id, plan);
  return cases.map((c) => ({
    id: c.id,
    needLevel: c.need_level,
    teamId: c.team_id,
    serviceId: c.service_id,
    createdAt: c.created_at,
    acknowledgedAt: c.acknowledged_at,
    acknowledgeBy: c.acknowledge_by,
    urgentContactBy: c.urgent_contact_by,
    closedAt: c.closed_at,
    clientGroups: JSON.parse(c.client_groups) as string[],
    siteLanguage: c.language,
    contactLanguage: c.contact_language,
    interpreter: c.interpreter_needed === 1,
    channel: c.channel,
    outcomes: (outcomesOf.get(c.id) ?? []).map((o) => ({ code: o.code, detail: o.detail, recordedAt: o.recorded_at })),
    followUps: (followUpsOf.get(c.id) ?? []).map((f) => ({
      monthsAfter: Number(f.months_after),
      stillHoused: f.still_housed === null ? null : Number(f.still_housed),
      inWorkOrTraining: f.in_work_or_training === null ? null : Number(f.in_work_or_training),
      financiallySecure: f.financially_secure === null ? null : Number(f.financially_secure),
      recordedAt: f.recorded_at,
    })),
    healthChecks: (healthChecksOf.get(c.id) ?? []).map((h) => ({ recordedAt: h.created_at })),
    latestPlan: latestPlan.has(c.id) ? openPlanItems(ring, latestPlan.get(c.id)!) : null,
    downsizing: moveOf.has(c.id)
      ? {
          movedOn: moveOf.get(c.id)!.moved_on,
          bedroomsLeft: Number(moveOf.get(c.id)!.bedrooms_left),
          incentivePaidPence: Number(moveOf.get(c.id)!.incentive_paid_pence),
          reletOn: moveOf.get(c.id)!.relet_on,
        }
      : null,
  }));
}

async function addToDaily(trx: DbExecutor, changes: Map<string, number>): Promise<void> {
  const rows = [...changes.entries()].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : 1));
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto('case_metric_daily')
      .values(
        rows.slice(i, i + CHUNK).map(([key, count]) => {
          const [metric, day] = key.split('\u0000') as [string, string];
          return { metric, day, count };
        }),
      )
      .onConflict((oc) => oc.columns(['metric', 'day']).doUpdateSet({ count: sql`case_metric_daily.count + excluded.count` }))
      .execute();
  }
}

/** Works out these cases again and writes what changed. */
async function refreshCases(
  db: AppDatabase,
  ring: DataKeyring,
  ids: readonly string[],
  definitions: readonly MetricDefinition[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const facts = await factsOf(trx, ring, ids);
    const wanted = new Set<string>();
    for (const c of facts) for (const [metric, day] of caseMetrics(c, definitions)) wanted.add(`${metric}\u0000${day}\u0000${c.id}`);
    const existing = new Set(
      (await trx.selectFrom('case_metric').select(['metric', 'day', 'handoff_id']).where('handoff_id', 'in', ids).execute()).map(
        (r) => `${r.metric}\u0000${r.day}\u0000${r.handoff_id}`,
      ),
    );
    const gone = [...existing].filter((k) => !wanted.has(k));
    const added = [...wanted].filter((k) => !existing.has(k));
    const changes = new Map<string, number>();
    const split = (k: string) => k.split('\u0000') as [string, string, string];
    for (const k of gone) {
      const [metric, day, handoffId] = split(k);
      await trx.deleteFrom('case_metric').where('metric', '=', metric).where('day', '=', day).where('handoff_id', '=', handoffId).execute();
      changes.set(`${metric}\u0000${day}`, (changes.get(`${metric}\u0000${day}`) ?? 0) - 1);
    }
    for (let i = 0; i < added.length; i += CHUNK) {
      await trx
        .insertInto('case_metric')
        .values(
          added.slice(i, i + CHUNK).map((k) => {
            const [metric, day, handoff_id] = split(k);
            return { metric, day, handoff_id };
          }),
        )
        .execute();
    }
    for (const k of added) {
      const [metric, day] = split(k);
      changes.set(`${metric}\u0000${day}`, (changes.get(`${metric}\u0000${day}`) ?? 0) + 1);
    }
    await addToDaily(trx, changes);
  });
}

export interface RefreshReport {
  cases: number;
  everything: boolean;
}

/** Brings case_metric and case_metric_daily up to date with every case changed since the last run. */
export async function refreshCaseMetrics(
  db: AppDatabase,
  ring: DataKeyring,
  now: Date,
  definitions: readonly MetricDefinition[],
): Promise<RefreshReport> {
  const signature = digest(definitions);
  const state = await db.selectFrom('report_refresh').selectAll().where('name', '=', REFRESH).executeTakeFirst();
  const everything = !state || state.definitions !== signature;
  const through = new Date(now.getTime() - OVERLAP_MS).toISOString();
  let ids: string[];
  if (everything) {
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('case_metric').execute();
      await trx.deleteFrom('case_metric_daily').execute();
    });
    ids = (await db.selectFrom('handoff').select('id').orderBy('id').execute()).map((r) => r.id);
  } else {
    const since = state.refreshed_through;
    const changed = await db
      .selectFrom('handoff')
      .select('id')
      .where('created_at', '>=', since)
      .union(db.selectFrom('case_event').select('handoff_id as id').where('created_at', '>=', since))
      .execute();
    ids = [...new Set(changed.map((r) => r.id))].sort();
  }
  for (let i = 0; i < ids.length; i += CHUNK) await refreshCases(db, ring, ids.slice(i, i + CHUNK), definitions);
  await db
    .insertInto('report_refresh')
    .values({ name: REFRESH, refreshed_through: through, refreshed_at: now.toISOString(), definitions: signature })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet({ refreshed_through: through, refreshed_at: now.toISOString(), definitions: signature }),
    )
    .execute();
  return { cases: ids.length, everything };
}

/** When the case figures were last brought up to date, or null if never. */
export async function caseFiguresAsOf(db: DbExecutor): Promise<string | null> {
  return (
    (await db.selectFrom('report_refresh').select('refreshed_at').where('name', '=', REFRESH).executeTakeFirst())?.refreshed_at ?? null
  );
}
