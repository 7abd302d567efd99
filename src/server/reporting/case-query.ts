// A case definition (src/domain/reporting/target-definition.ts) as SQL: which hand-offs count,
// and the date that puts each in a period. Every value is a bound parameter; the same statement
// runs on SQLite and PostgreSQL (only the plan's JSON is read differently on each).
import { sql, type RawBuilder } from 'kysely';
import type { CaseDefinition } from '../../domain/reporting/target-definition.ts';
import type { DbExecutor } from '../db/executor.ts';
import { isSqliteDatabase, jsonArrayHas } from '../db/sql.ts';

/** Outcomes that end homelessness: prevented or relieved (H-CLIC's prevention and relief duties). */
export const PREVENTED_OR_RELIEVED = ['prevented-stayed', 'prevented-moved', 'relieved'] as const;

const inList = (values: readonly (string | number)[]) => sql.join(values.map((v) => sql`${v}`));

/** "Contacted within the time promised": by the emergency deadline, or by the end of the acknowledge-by day. */
export const CONTACTED_IN_TIME = sql<boolean>`(h.acknowledged_at is not null and ((h.urgent_contact_by is not null and h.acknowledged_at <= h.urgent_contact_by) or (h.urgent_contact_by is null and substr(h.acknowledged_at, 1, 10) <= h.acknowledge_by)))`;

function followUpConditions(alias: string, followUp: NonNullable<CaseDefinition['followUp']>): RawBuilder<unknown>[] {
  const a = sql.raw(alias);
  return [
    sql`${a}.months_after = ${followUp.monthsAfter}`,
    sql`${a}.recorded_at is not null`,
    ...(followUp.stillHoused ? [sql`${a}.still_housed = 1`] : []),
    ...(followUp.inWorkOrTraining ? [sql`${a}.in_work_or_training = 1`] : []),
  ];
}

function outcomeConditions(alias: string, codes: readonly string[], details?: readonly string[]): RawBuilder<unknown>[] {
  const a = sql.raw(alias);
  return [sql`${a}.code in (${inList(codes)})`, ...(details ? [sql`${a}.detail in (${inList(details)})`] : [])];
}

const clientGroupMatch = (groups: readonly string[]) => sql`(${sql.join(groups.map((g) => sql`h.client_groups like ${`%"${g}"%`}`), sql` or `)})`;

export interface CaseQuery {
  /** FROM and JOINs. */
  from: RawBuilder<unknown>;
  /** The conditions, joined by AND. */
  where: RawBuilder<unknown>;
  /** The instant (ISO text) that puts a case in a period. */
  dated: RawBuilder<string>;
}

export function caseQuery(db: DbExecutor, definition: CaseDefinition): CaseQuery {
  const joins: RawBuilder<unknown>[] = [];
  const where: RawBuilder<unknown>[] = [];
  let dated: RawBuilder<string> = sql<string>`h.created_at`;

  if (definition.countedOn === 'outcome') {
    joins.push(sql`join case_outcome o on o.handoff_id = h.id and ${sql.join(outcomeConditions('o', definition.outcomes!, definition.outcomeDetail), sql` and `)}`);
    dated = sql<string>`o.recorded_at`;
  } else if (definition.outcomes) {
    where.push(sql`exists (select 1 from case_outcome o where o.handoff_id = h.id and ${sql.join(outcomeConditions('o', definition.outcomes, definition.outcomeDetail), sql` and `)})`);
  }
  if (definition.countedOn === 'follow-up') {
    joins.push(sql`join follow_up f on f.handoff_id = h.id and ${sql.join(followUpConditions('f', definition.followUp!), sql` and `)}`);
    dated = sql<string>`f.recorded_at`;
  } else if (definition.followUp) {
    where.push(sql`exists (select 1 from follow_up f where f.handoff_id = h.id and ${sql.join(followUpConditions('f', definition.followUp), sql` and `)})`);
  }
  if (definition.countedOn === 'closed') {
    where.push(sql`h.closed_at is not null`);
    dated = sql<string>`h.closed_at`;
  }
  if (definition.alsoOutcomes) where.push(sql`exists (select 1 from case_outcome o2 where o2.handoff_id = h.id and o2.code in (${inList(definition.alsoOutcomes)}))`);
  if (definition.needLevels) where.push(sql`h.need_level in (${inList(definition.needLevels)})`);
  if (definition.teams) where.push(sql`h.team_id in (${inList(definition.teams)})`);
  if (definition.services) where.push(sql`h.service_id in (${inList(definition.services)})`);
  if (definition.clientGroups) where.push(clientGroupMatch(definition.clientGroups));
  if (definition.notClientGroups) where.push(sql`not ${clientGroupMatch(definition.notClientGroups)}`);
  if (definition.contacted === 'any') where.push(sql`h.acknowledged_at is not null`);
  if (definition.contacted === 'in-time') where.push(CONTACTED_IN_TIME);
  if (definition.plan) {
    const fields: Record<string, string> = {};
    if (definition.plan.area) fields.area = definition.plan.area;
    if (definition.plan.stepDone) fields.status = 'done';
    const items = Object.keys(fields).length > 0 ? sql` and ${jsonArrayHas(isSqliteDatabase(db), sql`v.items`, fields)}` : sql``;
    where.push(sql`exists (select 1 from case_plan_version v where v.handoff_id = h.id and v.version = (select max(v2.version) from case_plan_version v2 where v2.handoff_id = h.id)${items})`);
  }
  return {
    from: joins.length > 0 ? sql`handoff h ${sql.join(joins, sql` `)}` : sql`handoff h`,
    where: where.length > 0 ? sql.join(where, sql` and `) : sql`1 = 1`,
    dated,
  };
}
