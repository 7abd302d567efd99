// Certificates checked, not typed. A landlord renewing a home's gas safety certificate, electrical
// report or energy certificate sends the certificate itself: a PDF, or a photo of it, checked by
// its content (not its name), kept here privately and never shown to the public. The home's date
// (and so its advert's place on the listing) changes only when an officer accepts it; an officer
// can send it back with a reason, which the landlord is told by email. Officers are told by email
// when one arrives. An officer sending a certificate themselves has checked it: it is accepted at
// once. Each change, its email and its audit row in one transaction.
import type { DataKeyring } from '../../config/data-keys.ts';
import sharp from 'sharp';
import { council } from '../../config/council.ts';
import { CERTIFICATE_NAMES, checkCertificateForm, type CertificateForm, type CertificateKind } from '../../domain/homes/certificates.ts';
import type { EpcRating } from '../../domain/homes/advert-standing.ts';
import { authorise, can, type Actor } from '../../domain/staff/permissions.ts';
import { cleanTextOrThrow } from '../../domain/text/plain-text.ts';
import { localDate, longDate } from '../../domain/time/working-days.ts';
import { recordAudit } from '../audit/audit.ts';
import type { DbExecutor } from '../db/executor.ts';
import type { AppDatabase } from '../db/open-database.ts';
import type { CertificateStatus, HomeTable } from '../db/schema.ts';
import { newId } from '../ids.ts';
import { queueMessage } from '../notify/outbox.ts';
import { NotFound, UserProblem } from '../web/problems.ts';
import { authoriseHomes } from './manage-adverts.ts';
import { tellOfficers } from './officer-notice.ts';

export class CertificateProblem extends UserProblem {
  override name = 'CertificateProblem';
}

export class CertificateNotFound extends NotFound {
  override name = 'CertificateNotFound';
}

/** The most a document may be as sent. */
export const MAX_CERTIFICATE_BYTES = 10 * 1024 * 1024;
/** A photo of a certificate is kept readable, and no larger. */
const MAX_PHOTO_WIDTH = 2400;
const PHOTO_FORMATS = new Set(['jpeg', 'png', 'webp']);

/** The home's column each kind of certificate keeps its expiry date in. */
const EXPIRY_COLUMN: Record<CertificateKind, 'gas_safety_expires_on' | 'eicr_expires_on' | 'epc_expires_on'> = {
  gas: 'gas_safety_expires_on',
  electrical: 'eicr_expires_on',
  energy: 'epc_expires_on',
};

const NOT_A_DOCUMENT = 'The file is not a certificate we can use: send a PDF, or a photo of the certificate as a JPEG, PNG or WebP image';

/**
 * The document as it will be kept, checked by its content: a whole PDF (it starts as one and
 * ends as one, so a file cut off on the way is refused), or a photo turned upright and saved as
 * a JPEG without its metadata (camera, place, time).
 */
export async function checkedDocument(bytes: Uint8Array): Promise<{ bytes: Uint8Array; contentType: 'application/pdf' | 'image/jpeg' }> {
  if (bytes.length === 0) throw new CertificateProblem('Choose the certificate to send: a PDF, or a photo of it', 'document');
  if (bytes.length > MAX_CERTIFICATE_BYTES) throw new CertificateProblem('The file must be 10 MB or smaller', 'document');
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.startsWith('%PDF-')) {
    const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
    if (!tail.includes('%%EOF'))
      throw new CertificateProblem('The PDF is not whole: it may have been cut off on the way. Send it again', 'document');
    return { bytes, contentType: 'application/pdf' };
  }
  try {
    const { format } = await sharp(bytes).metadata();
    if (!format || !PHOTO_FORMATS.has(format)) throw new CertificateProblem(NOT_A_DOCUMENT, 'document');
    const photo = await sharp(bytes, { limitInputPixels: 80_000_000 })
      .rotate()
      .resize({ width: MAX_PHOTO_WIDTH, withoutEnlargement: true })
      .jpeg({ quality: 85, mozjpeg: true })
      .toBuffer();
    return { bytes: photo, contentType: 'image/jpeg' };
  } catch (error) {
    // A file that says it is an image but cannot be read as one (cut off, or made up) is refused the same way.
    if (error instanceof CertificateProblem) throw error;
    throw new CertificateProblem(NOT_A_DOCUMENT, 'document');
  }
}

export interface CertificateSent {
  id: string;
  /** Accepted at once (an officer sent it), or waiting for an officer. */
  status: 'accepted' | 'waiting';
}

/** Puts an accepted certificate's date (and an energy certificate's rating) on the home. */
async function applyToHome(
  trx: DbExecutor,
  homeId: string,
  kind: CertificateKind,
  expiresOn: string,
  rating: EpcRating | null,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('home')
    .set({
      [EXPIRY_COLUMN[kind]]: expiresOn,
      ...(kind === 'energy' && rating ? { epc_rating: rating } : {}),
      updated_at: now.toISOString(),
    })
    .where('id', '=', homeId)
    .execute();
}

/**
 * A certificate sent for the home an advert is for. A landlord's waits for an officer (an earlier
 * one of the same kind still waiting is replaced by it); an officer's is accepted at once.
 */
export async function sendCertificate(
  db: AppDatabase,
  actor: Actor,
  advertId: string,
  form: CertificateForm,
  upload: Uint8Array,
  now: Date,
  ring: DataKeyring,
): Promise<CertificateSent> {
  const home = await db
    .selectFrom('advert')
    .innerJoin('home', 'home.id', 'advert.home_id')
    .innerJoin('landlord', 'landlord.id', 'home.landlord_id')
    .select(['home.id', 'home.landlord_id', 'home.has_gas', 'home.street', 'home.area', 'landlord.name as landlord_name'])
    .where('advert.id', '=', advertId)
    .executeTakeFirst();
  if (!home) throw new CertificateNotFound('There is no such advert');
  authoriseHomes(actor, home.landlord_id);
  const checked = checkCertificateForm(form, { hasGas: home.has_gas === 1 }, localDate(now));
  if (!checked.ok) throw new CertificateProblem(checked.errors[0]!.message, checked.errors[0]!.field);
  const document = await checkedDocument(upload);
  const { kind, expiresOn, epcRating } = checked.value;
  const byOfficer = can(actor, 'landlords:manage');
  const id = newId();
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    if (!byOfficer) {
      await trx
        .updateTable('certificate_submission')
        .set({ status: 'replaced' })
        .where('home_id', '=', home.id)
        .where('kind', '=', kind)
        .where('status', '=', 'waiting')
        .execute();
    }
    await trx
      .insertInto('certificate_submission')
      .values({
        id,
        home_id: home.id,
        kind,
        expires_on: expiresOn,
        epc_rating: epcRating,
        content_type: document.contentType,
        byte_size: document.bytes.length,
        document: document.bytes,
        status: byOfficer ? 'accepted' : 'waiting',
        submitted_by: actor.id,
        submitted_at: at,
        decided_by: byOfficer ? actor.id : null,
        decided_at: byOfficer ? at : null,
        return_reason: null,
      })
      .execute();
    if (byOfficer) await applyToHome(trx, home.id, kind, expiresOn, epcRating, now);
    else
      await tellOfficers(
        trx,
        ring,
        `Certificate to check: ${CERTIFICATE_NAMES[kind].toLowerCase()} for ${home.street}, ${home.area}`,
        [
          `${home.landlord_name} has sent a new ${CERTIFICATE_NAMES[kind].toLowerCase()} for ${home.street}, ${home.area}, to replace the one on record.`,
          '',
          'The home stays off the listing (if that certificate had run out) until an officer accepts it.',
          `Check it in the ${council.serviceName} back office: Homes to rent, "Waiting for your approval".`,
        ],
        { type: 'certificate', id },
        now,
      );
    await recordAudit(
      trx,
      {
        staffId: actor.id,
        action: byOfficer ? 'added certificate (checked)' : 'sent certificate for approval',
        entityType: 'advert',
        entityId: advertId,
        detail: { certificateId: id, kind, expiresOn },
      },
      now,
    );
  });
  return { id, status: byOfficer ? 'accepted' : 'waiting' };
}

export interface CertificateDecision {
  decision: string;
  reason: string;
}

/**
 * An officer accepts a waiting certificate (the home's date changes, which may put its advert back
 * on the listing) or sends it back with a reason, which the landlord is told. Decided once: of two
 * officers at once, the second is told it has just been decided.
 */
export async function decideCertificate(
  db: AppDatabase,
  actor: Actor,
  certificateId: string,
  input: CertificateDecision,
  now: Date,
  ring: DataKeyring,
): Promise<'accepted' | 'returned'> {
  authorise(actor, 'landlords:manage');
  if (input.decision !== 'accept' && input.decision !== 'return')
    throw new CertificateProblem('Choose whether to accept the certificate or send it back', 'decision');
  const reason = cleanTextOrThrow(
    input.reason,
    'The reason',
    { multiline: true, maxLength: 1000 },
    (m) => new CertificateProblem(m, 'reason'),
  );
  if (input.decision === 'return' && reason === '')
    throw new CertificateProblem('Say why you are sending it back, so the landlord knows what to send instead', 'reason');
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('certificate_submission')
      .innerJoin('home', 'home.id', 'certificate_submission.home_id')
      .innerJoin('landlord', 'landlord.id', 'home.landlord_id')
      .select([
        'certificate_submission.id',
        'certificate_submission.home_id',
        'certificate_submission.kind',
        'certificate_submission.expires_on',
        'certificate_submission.epc_rating',
        'certificate_submission.status',
        'home.street',
        'home.area',
        'home.landlord_id',
        'landlord.email as landlord_email',
      ])
      .where('certificate_submission.id', '=', certificateId)
      .executeTakeFirst();
    if (!row) throw new CertificateNotFound('There is no such certificate');
    if (row.status !== 'waiting')
      throw new CertificateProblem(
        `This certificate has already been ${row.status === 'replaced' ? 'replaced by a newer one' : row.status}`,
        'decision',
      );
    const status: CertificateStatus = input.decision === 'accept' ? 'accepted' : 'returned';
    const decided = await trx
      .updateTable('certificate_submission')
      .set({ status, decided_by: actor.id, decided_at: now.toISOString(), return_reason: status === 'returned' ? reason : null })
      .where('id', '=', row.id)
      .where('status', '=', 'waiting')
      .executeTakeFirst();
    if (Number(decided.numUpdatedRows) !== 1) throw new CertificateProblem('Someone has just decided this certificate', 'decision');
    if (status === 'accepted') await applyToHome(trx, row.home_id, row.kind, row.expires_on, row.epc_rating, now);
    else {
      // The landlord's own accounts are told (the people who send certificates), or the landlord's address when it has none.
      const accounts = await trx
        .selectFrom('staff_user')
        .select('email')
        .where('role', '=', 'landlord')
        .where('landlord_id', '=', row.landlord_id)
        .where('is_disabled', '=', 0)
        .execute();
      const recipients = accounts.length > 0 ? accounts.map((a) => a.email) : [row.landlord_email];
      const name = CERTIFICATE_NAMES[row.kind].toLowerCase();
      const body = [
        `The ${council.name} private sector housing team could not accept the ${name} you sent for ${row.street}, ${row.area}.`,
        '',
        `Why: ${reason}`,
        '',
        `Sign in to the ${council.serviceName} back office to send it again.`,
      ].join('\n');
      for (const to of recipients) {
        await queueMessage(
          trx,
          ring,
          { to, subject: `Your ${name} for ${row.street} was sent back`, body, relatedType: 'certificate', relatedId: row.id },
          now,
        );
      }
    }
    await recordAudit(
      trx,
      {
        staffId: actor.id,
        action: status === 'accepted' ? 'accepted certificate' : 'sent certificate back',
        entityType: 'certificate',
        entityId: row.id,
        detail: { homeId: row.home_id },
      },
      now,
    );
    return status;
  });
}

/** A certificate as the pages list it (never its bytes). */
export interface CertificateSummary {
  id: string;
  kind: CertificateKind;
  expiresOn: string;
  epcRating: EpcRating | null;
  contentType: 'application/pdf' | 'image/jpeg';
  byteSize: number;
  status: CertificateStatus;
  submittedAt: string;
  decidedAt: string | null;
  returnReason: string | null;
}

const SUMMARY_COLUMNS = [
  'certificate_submission.id',
  'certificate_submission.kind',
  'certificate_submission.expires_on',
  'certificate_submission.epc_rating',
  'certificate_submission.content_type',
  'certificate_submission.byte_size',
  'certificate_submission.status',
  'certificate_submission.submitted_at',
  'certificate_submission.decided_at',
  'certificate_submission.return_reason',
] as const;

function toSummary(row: {
  id: string;
  kind: CertificateKind;
  expires_on: string;
  epc_rating: EpcRating | null;
  content_type: 'application/pdf' | 'image/jpeg';
  byte_size: number;
  status: CertificateStatus;
  submitted_at: string;
  decided_at: string | null;
  return_reason: string | null;
}): CertificateSummary {
  return {
    id: row.id,
    kind: row.kind,
    expiresOn: row.expires_on,
    epcRating: row.epc_rating,
    contentType: row.content_type,
    byteSize: row.byte_size,
    status: row.status,
    submittedAt: row.submitted_at,
    decidedAt: row.decided_at,
    returnReason: row.return_reason,
  };
}

/** The certificates sent for the home an advert is for, newest first (officers, or its own landlord). */
export async function certificatesForAdvert(db: AppDatabase, actor: Actor, advertId: string): Promise<CertificateSummary[]> {
  const home = await db
    .selectFrom('advert')
    .innerJoin('home', 'home.id', 'advert.home_id')
    .select(['home.id', 'home.landlord_id'])
    .where('advert.id', '=', advertId)
    .executeTakeFirst();
  if (!home) throw new CertificateNotFound('There is no such advert');
  authoriseHomes(actor, home.landlord_id);
  const rows = await db
    .selectFrom('certificate_submission')
    .select(SUMMARY_COLUMNS)
    .where('home_id', '=', home.id)
    .where('status', '!=', 'replaced')
    .orderBy('submitted_at', 'desc')
    .limit(30)
    .execute();
  return rows.map(toSummary);
}

/** The document, for an officer or the landlord whose home it is; null when there is none they may see. */
export async function certificateDocument(
  db: AppDatabase,
  actor: Actor,
  certificateId: string,
): Promise<{ bytes: Uint8Array; contentType: 'application/pdf' | 'image/jpeg'; name: string } | null> {
  const row = await db
    .selectFrom('certificate_submission')
    .innerJoin('home', 'home.id', 'certificate_submission.home_id')
    .select(['certificate_submission.document', 'certificate_submission.content_type', 'certificate_submission.kind', 'home.landlord_id'])
    .where('certificate_submission.id', '=', certificateId)
    .executeTakeFirst();
  if (!row) return null;
  if (!can(actor, 'landlords:manage') && !(can(actor, 'homes:own') && actor.landlordId === row.landlord_id)) return null;
  const name = `${row.kind}-certificate-${certificateId.slice(0, 8)}.${row.content_type === 'application/pdf' ? 'pdf' : 'jpg'}`;
  return { bytes: row.document, contentType: row.content_type, name };
}

/** What an officer checks a waiting certificate against: the home's facts and what it has on record. */
export interface CertificateForApproval {
  certificate: CertificateSummary;
  advertId: string | null;
  landlordName: string;
  home: Pick<
    HomeTable,
    'address' | 'postcode' | 'type' | 'bedrooms' | 'has_gas' | 'epc_rating' | 'epc_expires_on' | 'gas_safety_expires_on' | 'eicr_expires_on'
  >;
}

export async function certificateForApproval(
  db: AppDatabase,
  actor: Actor,
  certificateId: string,
  now: Date,
): Promise<CertificateForApproval> {
  authorise(actor, 'landlords:manage');
  const row = await db
    .selectFrom('certificate_submission')
    .innerJoin('home', 'home.id', 'certificate_submission.home_id')
    .innerJoin('landlord', 'landlord.id', 'home.landlord_id')
    .select([
      ...SUMMARY_COLUMNS,
      'home.id as home_id',
      'home.address',
      'home.postcode',
      'home.type',
      'home.bedrooms',
      'home.has_gas',
      'home.epc_rating as home_epc_rating',
      'home.epc_expires_on',
      'home.gas_safety_expires_on',
      'home.eicr_expires_on',
      'landlord.name as landlord_name',
      (eb) =>
        eb
          .selectFrom('advert')
          .select('advert.id')
          .whereRef('advert.home_id', '=', 'home.id')
          .orderBy('advert.created_at', 'desc')
          .limit(1)
          .as('advert_id'),
    ])
    .where('certificate_submission.id', '=', certificateId)
    .executeTakeFirst();
  if (!row) throw new CertificateNotFound('There is no such certificate');
  await recordAudit(db, { staffId: actor.id, action: 'viewed certificate', entityType: 'certificate', entityId: row.id }, now);
  return {
    certificate: toSummary(row),
    advertId: row.advert_id ?? null,
    landlordName: row.landlord_name,
    home: {
      address: row.address,
      postcode: row.postcode,
      type: row.type,
      bedrooms: row.bedrooms,
      has_gas: row.has_gas,
      epc_rating: row.home_epc_rating,
      epc_expires_on: row.epc_expires_on,
      gas_safety_expires_on: row.gas_safety_expires_on,
      eicr_expires_on: row.eicr_expires_on,
    },
  };
}

/** What waits for an officer: certificates sent by landlords, and adverts landlords added or changed. */
export interface WaitingForApproval {
  certificates: Array<{ id: string; kind: CertificateKind; street: string; area: string; landlordName: string; submittedAt: string }>;
  adverts: Array<{ id: string; street: string; area: string; landlordName: string; since: string }>;
}

export async function waitingForApproval(db: AppDatabase, actor: Actor): Promise<WaitingForApproval> {
  authorise(actor, 'landlords:manage');
  const certificates = await db
    .selectFrom('certificate_submission')
    .innerJoin('home', 'home.id', 'certificate_submission.home_id')
    .innerJoin('landlord', 'landlord.id', 'home.landlord_id')
    .select([
      'certificate_submission.id',
      'certificate_submission.kind',
      'certificate_submission.submitted_at',
      'home.street',
      'home.area',
      'landlord.name',
    ])
    .where('certificate_submission.status', '=', 'waiting')
    .orderBy('certificate_submission.submitted_at')
    .limit(100)
    .execute();
  const adverts = await db
    .selectFrom('advert')
    .innerJoin('home', 'home.id', 'advert.home_id')
    .innerJoin('landlord', 'landlord.id', 'home.landlord_id')
    .select(['advert.id', 'advert.awaiting_approval_since', 'home.street', 'home.area', 'landlord.name'])
    .where('advert.awaiting_approval_since', 'is not', null)
    .where('advert.state', '=', 'draft')
    .orderBy('advert.awaiting_approval_since')
    .limit(100)
    .execute();
  return {
    certificates: certificates.map((c) => ({
      id: c.id,
      kind: c.kind,
      street: c.street,
      area: c.area,
      landlordName: c.name,
      submittedAt: c.submitted_at,
    })),
    adverts: adverts.map((a) => ({ id: a.id, street: a.street, area: a.area, landlordName: a.name, since: a.awaiting_approval_since! })),
  };
}

/** "Sent on 6 December 2026". */
export function sentOn(iso: string): string {
  return `Sent on ${longDate(localDate(new Date(iso)))}`;
}
