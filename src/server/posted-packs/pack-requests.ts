// Information packs by post: a person asks (name, address, which packs, and agreement to keep
// them for the stated time), staff print the letter and the packs from a queue and mark them
// posted, and the retention job deletes each request once its time is up. The name and address
// are sealed; nothing else about the person is kept.
import { packsByPost } from '../../config/outreach.ts';
import type { DataKeyring } from '../../config/data-keys.ts';
import type { Locale } from '../../domain/language/locales.ts';
import { checkPackRequest, type PackRequest, type PackRequestWords } from '../../domain/posted-packs/pack-request.ts';
import { authorise, type Actor } from '../../domain/staff/permissions.ts';
import { countGoals } from '../analytics/goals.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AppDatabase } from '../db/open-database.ts';
import type { PostedPackStatus } from '../db/schema.ts';
import { spokenReference } from '../handoffs/reference.ts';
import { newId } from '../ids.ts';
import type { PublicLimits } from '../security/public-limits.ts';
import { openText, sealColumns } from '../security/secrets/sealing.ts';
import { FormProblems, NotFound, UserProblem } from '../web/problems.ts';

const DAY = 86_400_000;

export interface PackRequestInput {
  form: Record<string, string | string[] | undefined>;
  /** The packs that may be posted, in the order the form lists them. */
  packIds: readonly string[];
  locale: Locale;
  words: PackRequestWords;
  /** Said when the network address has asked too often: "{wait}" is filled in. */
  tooManyMessage: (waitSeconds: number) => string;
}

export interface MadeRequest {
  id: string;
  reference: string;
  deleteAfter: string;
}

/**
 * Checks and keeps one request, counted, within the network address's allowance (a refusal keeps
 * everything typed on the page). Returns the reference to show the person.
 */
export async function requestPacksByPost(
  db: AppDatabase,
  input: PackRequestInput,
  limits: PublicLimits,
  address: string,
  now: Date,
  ring: DataKeyring,
): Promise<MadeRequest> {
  const checked = checkPackRequest(input.form, input.packIds, input.words);
  if (!checked.ok) throw new FormProblems(checked.errors);
  if (!(await limits.packRequests.consume(address)))
    throw new UserProblem(input.tooManyMessage(await limits.packRequests.secondsUntilAllowed(address)), 'name', 429);
  return storePackRequest(db, checked.value, input.locale, now, ring);
}

/** Keeps a checked request (sealed) under a new reference, counted; the demo's requests are made this way too. */
export async function storePackRequest(
  db: AppDatabase,
  request: PackRequest,
  locale: Locale,
  now: Date,
  ring: DataKeyring,
): Promise<MadeRequest> {
  const id = newId();
  const reference = spokenReference('P');
  const deleteAfter = new Date(now.getTime() + packsByPost.keepDays * DAY).toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('posted_pack_request')
      .values({
        id,
        reference,
        ...sealColumns(ring, 'posted_pack_request', id, {
          name: request.name,
          address: JSON.stringify({ lines: request.addressLines, town: request.town }),
          postcode: request.postcode,
        }),
        packs: JSON.stringify(request.packs),
        language: locale,
        status: 'waiting',
        requested_at: now.toISOString(),
        delete_after: deleteAfter,
      })
      .execute();
    await countGoals(trx, ['packs_requested_by_post'], now);
  });
  return { id, reference, deleteAfter };
}

export interface PostedPackRequest extends PackRequest {
  id: string;
  reference: string;
  language: Locale;
  status: PostedPackStatus;
  requestedAt: string;
  postedAt: string | null;
  postedByName: string | null;
  deleteAfter: string;
}

type Row = {
  id: string;
  reference: string;
  name: string;
  address: string;
  postcode: string;
  data_key_id: string | null;
  packs: string;
  language: string;
  status: PostedPackStatus;
  requested_at: string;
  posted_at: string | null;
  delete_after: string;
  posted_by_name: string | null;
};

function toRequest(ring: DataKeyring, row: Row): PostedPackRequest {
  const open = (column: 'name' | 'address' | 'postcode') =>
    openText(ring, row.data_key_id, { table: 'posted_pack_request', column, rowId: row.id }, row[column]);
  const address = JSON.parse(open('address')) as { lines: string[]; town: string };
  return {
    id: row.id,
    reference: row.reference,
    name: open('name'),
    addressLines: address.lines,
    town: address.town,
    postcode: open('postcode'),
    packs: JSON.parse(row.packs) as string[],
    language: row.language as Locale,
    status: row.status,
    requestedAt: row.requested_at,
    postedAt: row.posted_at,
    postedByName: row.posted_by_name,
    deleteAfter: row.delete_after,
  };
}

function selectRequests(db: AppDatabase) {
  return db
    .selectFrom('posted_pack_request as r')
    .leftJoin('staff_user as s', 's.id', 'r.posted_by')
    .select([
      'r.id',
      'r.reference',
      'r.name',
      'r.address',
      'r.postcode',
      'r.data_key_id',
      'r.packs',
      'r.language',
      'r.status',
      'r.requested_at',
      'r.posted_at',
      'r.delete_after',
      's.display_name as posted_by_name',
    ]);
}

/** The print queue: every request waiting, oldest first, then those posted, latest first; the list's view audited. */
export async function printQueue(
  db: AppDatabase,
  actor: Actor,
  now: Date,
  ring: DataKeyring,
): Promise<{ waiting: PostedPackRequest[]; posted: PostedPackRequest[] }> {
  authorise(actor, 'packs:post');
  const rows = await selectRequests(db).orderBy('r.requested_at').execute();
  await recordAudit(db, { staffId: actor.id, action: 'viewed', entityType: 'list', entityId: 'packs by post' }, now);
  const all = rows.map((row) => toRequest(ring, row));
  return { waiting: all.filter((r) => r.status === 'waiting'), posted: all.filter((r) => r.status === 'posted').reverse() };
}

/** One request, to print: its view audited. */
export async function packRequestToPrint(
  db: AppDatabase,
  actor: Actor,
  id: string,
  now: Date,
  ring: DataKeyring,
): Promise<PostedPackRequest> {
  authorise(actor, 'packs:post');
  const row = await selectRequests(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound();
  await recordAudit(db, { staffId: actor.id, action: 'viewed', entityType: 'posted_pack_request', entityId: id }, now);
  return toRequest(ring, row);
}

/** Marks it posted: one conditional update (of two people pressing at once, one posts it), audited and counted. */
export async function markPacksPosted(db: AppDatabase, actor: Actor, id: string, now: Date): Promise<void> {
  authorise(actor, 'packs:post');
  await db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('posted_pack_request')
      .set({ status: 'posted', posted_at: now.toISOString(), posted_by: actor.id })
      .where('id', '=', id)
      .where('status', '=', 'waiting')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) {
      const exists = await trx.selectFrom('posted_pack_request').select('id').where('id', '=', id).executeTakeFirst();
      if (!exists) throw new NotFound();
      throw new UserProblem('These packs have already been marked as posted', 'posted', 409);
    }
    await recordAudit(trx, { staffId: actor.id, action: 'marked packs posted', entityType: 'posted_pack_request', entityId: id }, now);
    await countGoals(trx, ['packs_posted'], now);
  });
}

/** Deletes requests whose time is up, posted or not (the retention job). */
export async function deleteExpiredPackRequests(db: AppDatabase, now: Date): Promise<number> {
  const result = await db.deleteFrom('posted_pack_request').where('delete_after', '<=', now.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
