// Certificates checked, not typed, on both databases: a landlord's renewed certificate is the
// document itself, checked by its content and kept privately; the home's date (and so a lapsed
// advert's place on the listing) changes only when an officer accepts it; an officer can send it
// back with a reason the landlord is told; officers are told when one (or a new home) arrives; and
// each is decided once.
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageRequest } from '../../src/domain/paging.ts';
import { NotAllowed, type Actor } from '../../src/domain/staff/permissions.ts';
import { localDate } from '../../src/domain/time/working-days.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { seedDemoHomes } from '../../src/server/demo/seed-demo-homes.ts';
import { listLandlords } from '../../src/server/homes/accreditation.ts';
import {
  CertificateProblem,
  certificateDocument,
  certificateForApproval,
  certificatesForAdvert,
  checkedDocument,
  decideCertificate,
  sendCertificate,
  waitingForApproval,
} from '../../src/server/homes/certificates.ts';
import { publicAdvert } from '../../src/server/homes/listing.ts';
import { advertsForOfficers } from '../../src/server/homes/officer-adverts.ts';
import { unsentMessages } from '../../src/server/notify/outbox.ts';
import { createAccount } from '../../src/server/staff/accounts.ts';
import { TINY_PDF, TINY_PNG, certificateForm } from '../support/certificates.ts';
import { ring } from '../support/keys.ts';
import { insertStaff } from '../support/casework.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';

const now = new Date('2026-11-25T10:00:00Z');
const today = localDate(now);

describe.each(DIALECTS)('certificates on %s', (dialect) => {
  let t: TempDatabase;
  let officer: Actor;
  let landlord: Actor;
  let lapsedAdvertId: string;

  beforeEach(async () => {
    t = await tempDatabase(dialect);
    await migrateToLatest(t.db);
    await seedDemoHomes(t.db, now);
    officer = await insertStaff(t.db, 'private_sector_officer', 'private-sector', { email: 'pso@council.example' });
    // The demo home whose gas certificate has run out, and an account for its landlord.
    const lapsed = (await advertsForOfficers(t.db, officer, today, pageRequest(1, 100))).rows.find((a) =>
      a.hiddenBecause.some((r) => r.startsWith('The gas safety certificate expired')),
    )!;
    lapsedAdvertId = lapsed.id;
    const landlordId = (
      await t.db
        .selectFrom('advert')
        .innerJoin('home', 'home.id', 'advert.home_id')
        .select('home.landlord_id')
        .where('advert.id', '=', lapsed.id)
        .executeTakeFirstOrThrow()
    ).landlord_id;
    const landlordName = (await listLandlords(t.db, officer, 'accredited', pageRequest(1, 50))).rows.find((l) => l.id === landlordId)!.name;
    const admin = await insertStaff(t.db, 'administrator', 'service-management');
    const { account } = await createAccount(
      t.db,
      admin,
      { email: 'owner@landlord.example', displayName: landlordName, role: 'landlord', teamId: '', landlordId },
      now,
      ring,
    );
    landlord = {
      id: account.id,
      role: 'landlord',
      teamId: account.teamId,
      displayName: account.displayName,
      organizationId: null,
      landlordId,
    };
  });
  afterEach(() => t.cleanUp());

  it('a lapsed home comes back only when an officer accepts the landlord’s new certificate', async () => {
    expect(await publicAdvert(t.db, lapsedAdvertId, today)).toBeNull();
    const sent = await sendCertificate(t.db, landlord, lapsedAdvertId, certificateForm('gas', '2027-11-20'), TINY_PDF, now, ring);
    expect(sent.status).toBe('waiting');
    // Typed and sent, but not yet checked: still off the listing.
    expect(await publicAdvert(t.db, lapsedAdvertId, today)).toBeNull();

    // The officers are told, about the home only.
    const mail = (await unsentMessages(t.db, ring)).filter((m) => m.related_id === sent.id);
    expect(mail.map((m) => m.to_address)).toEqual(['pso@council.example']);
    expect(mail[0]!.subject).toMatch(/^Certificate to check: gas safety certificate for /);
    const waiting = await waitingForApproval(t.db, officer);
    expect(waiting.certificates.map((c) => c.id)).toEqual([sent.id]);
    await expect(waitingForApproval(t.db, landlord)).rejects.toBeInstanceOf(NotAllowed);

    // The approval page's facts, and the document for the officer and the landlord, nobody else.
    const approval = await certificateForApproval(t.db, officer, sent.id, now);
    expect(approval).toMatchObject({
      advertId: lapsedAdvertId,
      certificate: { kind: 'gas', expiresOn: '2027-11-20', status: 'waiting', contentType: 'application/pdf' },
      home: { has_gas: 1 },
    });
    expect(Buffer.from((await certificateDocument(t.db, officer, sent.id))!.bytes)).toEqual(Buffer.from(TINY_PDF));
    expect(await certificateDocument(t.db, landlord, sent.id)).not.toBeNull();
    const stranger = await insertStaff(t.db, 'adviser', 'housing-options');
    expect(await certificateDocument(t.db, stranger, sent.id)).toBeNull();
    await expect(decideCertificate(t.db, landlord, sent.id, { decision: 'accept', reason: '' }, now, ring)).rejects.toBeInstanceOf(
      NotAllowed,
    );

    // Accepted once: the home's date changes and the advert is back.
    const both = await Promise.allSettled([
      decideCertificate(t.db, officer, sent.id, { decision: 'accept', reason: '' }, now, ring),
      decideCertificate(t.db, officer, sent.id, { decision: 'accept', reason: '' }, now, ring),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await publicAdvert(t.db, lapsedAdvertId, today)).not.toBeNull();
    expect((await certificatesForAdvert(t.db, landlord, lapsedAdvertId))[0]).toMatchObject({ id: sent.id, status: 'accepted' });
    expect((await waitingForApproval(t.db, officer)).certificates).toEqual([]);
  });

  it('is sent back with a reason the landlord is told, and changes nothing', async () => {
    const sent = await sendCertificate(t.db, landlord, lapsedAdvertId, certificateForm('gas', '2027-11-20'), TINY_PNG, now, ring);
    await expect(decideCertificate(t.db, officer, sent.id, { decision: 'return', reason: '  ' }, now, ring)).rejects.toThrow(
      'Say why you are sending it back',
    );
    await expect(decideCertificate(t.db, officer, sent.id, { decision: 'maybe', reason: '' }, now, ring)).rejects.toBeInstanceOf(
      CertificateProblem,
    );
    expect(
      await decideCertificate(
        t.db,
        officer,
        sent.id,
        { decision: 'return', reason: 'It is for 12 Kiln Road, not this address' },
        now,
        ring,
      ),
    ).toBe('returned');
    expect(await publicAdvert(t.db, lapsedAdvertId, today)).toBeNull();
    const told = (await unsentMessages(t.db, ring)).filter((m) => m.to_address === 'owner@landlord.example' && m.related_id === sent.id);
    expect(told).toHaveLength(1);
    expect(told[0]!.body_text).toContain('Why: It is for 12 Kiln Road, not this address');
    expect((await certificatesForAdvert(t.db, landlord, lapsedAdvertId))[0]).toMatchObject({
      status: 'returned',
      returnReason: 'It is for 12 Kiln Road, not this address',
    });
    await expect(decideCertificate(t.db, officer, sent.id, { decision: 'accept', reason: '' }, now, ring)).rejects.toThrow(
      'already been returned',
    );
  });

  it('a newer one replaces one still waiting; an officer’s own is accepted at once', async () => {
    const first = await sendCertificate(t.db, landlord, lapsedAdvertId, certificateForm('gas', '2027-11-01'), TINY_PDF, now, ring);
    const second = await sendCertificate(t.db, landlord, lapsedAdvertId, certificateForm('gas', '2027-11-20'), TINY_PDF, now, ring);
    expect((await waitingForApproval(t.db, officer)).certificates.map((c) => c.id)).toEqual([second.id]);
    await expect(decideCertificate(t.db, officer, first.id, { decision: 'accept', reason: '' }, now, ring)).rejects.toThrow(
      'replaced by a newer one',
    );
    expect(await sendCertificate(t.db, officer, lapsedAdvertId, certificateForm('gas', '2027-11-24'), TINY_PDF, now, ring)).toMatchObject({
      status: 'accepted',
    });
    expect(await publicAdvert(t.db, lapsedAdvertId, today)).toMatchObject({ gas_safety_expires_on: '2027-11-24' });
  });

  it('refuses what is not a believable certificate, saying why against its field', async () => {
    const problem = async (form: ReturnType<typeof certificateForm>, bytes: Uint8Array) => {
      const error = await sendCertificate(t.db, landlord, lapsedAdvertId, form, bytes, now, ring).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CertificateProblem);
      return { field: (error as CertificateProblem).field, message: (error as CertificateProblem).message };
    };
    expect(await problem(certificateForm('boiler', '2027-01-01'), TINY_PDF)).toEqual({
      field: 'kind',
      message: 'Choose which certificate you are sending',
    });
    expect(await problem(certificateForm('gas', '2026-11-01'), TINY_PDF)).toMatchObject({
      field: 'expires',
      message: expect.stringContaining('must be in the future'),
    });
    expect(await problem(certificateForm('gas', '2029-01-01'), TINY_PDF)).toMatchObject({
      field: 'expires',
      message: expect.stringContaining('lasts at most 12 months'),
    });
    expect(await problem(certificateForm('energy', '2030-01-01'), TINY_PDF)).toEqual({
      field: 'epc-rating',
      message: 'Choose the energy rating on the certificate, A to G',
    });
    expect(
      await problem(certificateForm('gas', '2027-11-20'), new TextEncoder().encode('<html><script>alert(1)</script></html>')),
    ).toMatchObject({ field: 'document', message: expect.stringContaining('not a certificate we can use') });
    expect(await problem(certificateForm('gas', '2027-11-20'), TINY_PDF.subarray(0, 40))).toMatchObject({
      field: 'document',
      message: expect.stringContaining('not whole'),
    });
    // A JPEG cut off on the way says it is an image but cannot be read as one.
    const jpeg = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
    expect(await problem(certificateForm('gas', '2027-11-20'), jpeg.subarray(0, 200))).toMatchObject({ field: 'document' });
    expect(await problem(certificateForm('gas', '2027-11-20'), new Uint8Array(10 * 1024 * 1024 + 1))).toEqual({
      field: 'document',
      message: 'The file must be 10 MB or smaller',
    });
    expect(await certificatesForAdvert(t.db, landlord, lapsedAdvertId)).toEqual([]);
  });

  it('keeps a photo of a certificate upright, as a JPEG, without where or when it was taken', async () => {
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#fff' } })
      .jpeg()
      .withMetadata({
        orientation: 6,
        exif: { IFD0: { Make: 'PhoneCo', Model: 'Secret 9' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' } },
      })
      .toBuffer();
    const kept = await checkedDocument(photo);
    expect(kept.contentType).toBe('image/jpeg');
    const meta = await sharp(kept.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect([meta.width, meta.height]).toEqual([600, 800]);
  });
});
