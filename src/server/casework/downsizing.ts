// The downsizing chain on a case: the move to a smaller home, then the re-let of the home it freed,
// each a change to the case (its timeline entry and audit row in the same transaction), and the
// homes freed but not yet re-let, listed for the teams the actor sees until they are.
import { bedroomsWords, checkMove, checkRelet, type DownsizingMove, type DownsizingRelet } from '../../domain/downsizing/chain.ts';
import { money } from '../../domain/money/lines.ts';
import { authorise, visibleTeams, type Actor } from '../../domain/staff/permissions.ts';
import type { ServiceRules } from '../../domain/council/service-rules.ts';
import { localDate, longDate } from '../../domain/time/working-days.ts';
import type { DataKeyring } from '../../config/data-keys.ts';
import type { DbExecutor } from '../db/executor.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { newId } from '../ids.ts';
import { FormProblems } from '../web/problems.ts';
import { CaseProblem, changeCase } from './case-access.ts';

export interface DownsizingRecord extends DownsizingMove {
  relet: DownsizingRelet | null;
}

type Form = Record<string, string | string[] | undefined>;

/** The case's move and re-let, or null when no move is recorded. */
export async function downsizingOf(db: AppDatabase | DbExecutor, caseId: string): Promise<DownsizingRecord | null> {
  const row = await db.selectFrom('downsizing_move').selectAll().where('handoff_id', '=', caseId).executeTakeFirst();
  if (!row) return null;
  return {
    movedOn: row.moved_on,
    bedroomsLeft: Number(row.bedrooms_left),
    bedroomsNew: Number(row.bedrooms_new),
    incentivePaidPence: Number(row.incentive_paid_pence),
    relet: row.relet_on ? { reletOn: row.relet_on, toHouseholdNeedingThatSize: row.relet_to_needed_size === 1 } : null,
  };
}

/** Records the move: once a case, while it is open. */
export async function recordMove(db: AppDatabase, actor: Actor, caseId: string, form: Form, now: Date, ring: DataKeyring): Promise<void> {
  const checked = checkMove(form, localDate(now));
  if (!checked.ok) throw new FormProblems(checked.errors);
  const move = checked.value;
  await changeCase(db, actor, caseId, now, ring, async (trx, row) => {
    if (row.status === 'closed') throw new CaseProblem('This case is closed');
    if (await downsizingOf(trx, row.id)) throw new CaseProblem('The move is already recorded on this case', 'moved-day');
    await trx
      .insertInto('downsizing_move')
      .values({
        id: newId(),
        handoff_id: row.id,
        moved_on: move.movedOn,
        bedrooms_left: move.bedroomsLeft,
        bedrooms_new: move.bedroomsNew,
        incentive_paid_pence: move.incentivePaidPence,
        recorded_by: actor.id,
        recorded_at: now.toISOString(),
      })
      .execute();
    return {
      change: {
        action: 'recorded downsizing move',
        event: {
          kind: 'outcome',
          summary: `Moved to a smaller home on ${longDate(move.movedOn)}: from ${bedroomsWords(move.bedroomsLeft)} to ${bedroomsWords(move.bedroomsNew)}, incentive paid ${money(move.incentivePaidPence)}. The home they left waits to be re-let.`,
        },
        detail: { ...move },
      },
      value: undefined,
    };
  });
}

/** Records the re-let of the home the move freed (the case may be closed by then: the chain outlives it). */
export async function recordRelet(db: AppDatabase, actor: Actor, caseId: string, form: Form, now: Date, ring: DataKeyring): Promise<void> {
  await changeCase(db, actor, caseId, now, ring, async (trx, row) => {
    const move = await downsizingOf(trx, row.id);
    if (!move) throw new CaseProblem('Record the move first', 'relet-day');
    if (move.relet) throw new CaseProblem('The re-let is already recorded', 'relet-day');
    const checked = checkRelet(form, move.movedOn, localDate(now));
    if (!checked.ok) throw new FormProblems(checked.errors);
    const relet = checked.value;
    const done = await trx
      .updateTable('downsizing_move')
      .set({
        relet_on: relet.reletOn,
        relet_to_needed_size: relet.toHouseholdNeedingThatSize ? 1 : 0,
        relet_recorded_by: actor.id,
        relet_recorded_at: now.toISOString(),
      })
      .where('handoff_id', '=', row.id)
      .where('relet_on', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new CaseProblem('Someone has just recorded the re-let', 'relet-day');
    return {
      change: {
        action: 'recorded re-let of the home freed',
        event: {
          kind: 'outcome',
          summary: `The ${move.bedroomsLeft}-bedroom home they left was re-let on ${longDate(relet.reletOn)}${relet.toHouseholdNeedingThatSize ? ', to a household that needed that size' : ''}. The downsizing now counts towards Target 5.`,
        },
        detail: { ...relet },
      },
      value: undefined,
    };
  });
}

export interface WaitingHome {
  caseId: string;
  reference: string;
  movedOn: string;
  bedroomsLeft: number;
}

/** The homes freed by a move and not yet re-let, oldest first, for the teams the actor sees. */
export async function homesWaitingToBeRelet(db: AppDatabase, actor: Actor, rules: Pick<ServiceRules, 'teamIds'>): Promise<WaitingHome[]> {
  authorise(actor, 'cases:read');
  const teams = visibleTeams(actor, rules.teamIds);
  if (teams.length === 0) return [];
  const rows = await db
    .selectFrom('downsizing_move as m')
    .innerJoin('handoff as h', 'h.id', 'm.handoff_id')
    .select(['h.id', 'h.reference', 'm.moved_on', 'm.bedrooms_left'])
    .where('h.team_id', 'in', teams)
    .where('m.relet_on', 'is', null)
    .orderBy('m.moved_on')
    .orderBy('h.reference')
    .execute();
  return rows.map((r) => ({ caseId: r.id, reference: r.reference, movedOn: r.moved_on, bedroomsLeft: Number(r.bedrooms_left) }));
}
