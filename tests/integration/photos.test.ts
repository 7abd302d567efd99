// An advert's photos on each database: checked by content, resized, stripped of metadata, with alt
// text, at most 8; the public sees them only while the advert may be seen.
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageRequest } from '../../src/domain/paging.ts';
import type { Actor } from '../../src/domain/staff/permissions.ts';
import { NotAllowed } from '../../src/domain/staff/permissions.ts';
import { localDate } from '../../src/domain/time/working-days.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { seedDemoHomes } from '../../src/server/demo/seed-demo-homes.ts';
import { homeFilterFrom, publicPhoto, searchHomes } from '../../src/server/homes/listing.ts';
import { setAdvertState } from '../../src/server/homes/manage-adverts.ts';
import { addPhoto, MAX_PHOTOS, officerPhoto, PhotoProblem, removePhoto } from '../../src/server/homes/photos.ts';
import { insertStaff } from '../support/casework.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';

const now = new Date('2026-11-25T10:00:00Z');
const today = localDate(now);

/** A photo as a phone takes it: large, with the camera and the place it was taken in its metadata. */
async function phonePhoto(): Promise<Uint8Array> {
  return sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#6b8e23' } })
    .jpeg()
    .withMetadata({ exif: { IFD0: { Make: 'PhoneCo', Model: 'Camera 9' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' } } })
    .toBuffer();
}

describe.each(DIALECTS)('on %s', (dialect) => {
  let t: TempDatabase;
  let officer: Actor;
  let advertId: string;

  beforeEach(async () => {
    t = await tempDatabase(dialect);
    await migrateToLatest(t.db);
    await seedDemoHomes(t.db, now);
    officer = await insertStaff(t.db, 'private_sector_officer', 'housing-options');
    advertId = (await searchHomes(t.db, homeFilterFrom(new URLSearchParams()).filter, today, pageRequest(1, 1))).rows[0]!.id;
  });
  afterEach(async () => {
    await t.cleanUp();
  });

  it('resizes a photo and removes its camera and location details', async () => {
    const original = await phonePhoto();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const added = await addPhoto(t.db, officer, advertId, { bytes: original }, 'The living room, with a bay window', now);
    expect(added).toMatchObject({ position: 1, width: 1600, height: 1067 });
    const stored = (await publicPhoto(t.db, added.id, today))!;
    const meta = await sharp(stored).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 1600 });
    expect(meta.exif).toBeUndefined();
    expect(Buffer.from(stored).includes(Buffer.from('PhoneCo'))).toBe(false);
    const card = (await searchHomes(t.db, homeFilterFrom(new URLSearchParams()).filter, today, pageRequest(1, 1))).rows[0]!;
    expect(card.photo).toEqual({ id: added.id, altText: 'The living room, with a bay window' });
  });

  it('refuses what is not a photo (by its content, not its name), one without alt text, and a ninth', async () => {
    await expect(addPhoto(t.db, officer, advertId, { bytes: new TextEncoder().encode('<svg onload=alert(1)>') }, 'x', now)).rejects.toThrow(
      'not a photo we can use',
    );
    await expect(addPhoto(t.db, officer, advertId, { bytes: new Uint8Array() }, 'x', now)).rejects.toThrow('Choose a photo');
    const small = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    await expect(addPhoto(t.db, officer, advertId, { bytes: small }, '   ', now)).rejects.toBeInstanceOf(PhotoProblem);
    await expect(addPhoto(t.db, officer, advertId, { bytes: small }, 'The kitchen\nwith a window', now)).rejects.toThrow(
      'The description must be on one line',
    );
    const adviser = await insertStaff(t.db, 'adviser', 'housing-options');
    await expect(addPhoto(t.db, adviser, advertId, { bytes: small }, 'A room', now)).rejects.toBeInstanceOf(NotAllowed);
    for (let i = 0; i < MAX_PHOTOS; i += 1) await addPhoto(t.db, officer, advertId, { bytes: small }, `Room ${i + 1}`, now);
    await expect(addPhoto(t.db, officer, advertId, { bytes: small }, 'One more', now)).rejects.toThrow('at most 8 photos');
  });

  it('refuses a photo whose header is right but whose picture is broken (cut short, or scrambled), with the same plain words', async () => {
    const whole = await phonePhoto();
    const cutShort = whole.subarray(0, 2_000);
    const scrambled = Buffer.from(whole);
    scrambled.fill(0x5a, 600, scrambled.length - 2);
    // Cut short, it still reads as a JPEG until it is decoded.
    expect((await sharp(cutShort).metadata()).format).toBe('jpeg');
    for (const bytes of [cutShort, scrambled]) {
      await expect(addPhoto(t.db, officer, advertId, { bytes }, 'The hall', now)).rejects.toThrow(
        'The file is not a photo we can use: choose a JPEG, PNG or WebP image',
      );
    }
    expect(await t.db.selectFrom('advert_photo').select('id').where('advert_id', '=', advertId).execute()).toEqual([]);
  });

  it('shows the public a photo only while its advert may be seen; officers always', async () => {
    const small = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const { id } = await addPhoto(t.db, officer, advertId, { bytes: small }, 'The front door', now);
    expect(await publicPhoto(t.db, id, today)).not.toBeNull();
    await setAdvertState(t.db, officer, advertId, 'withdraw', now);
    expect(await publicPhoto(t.db, id, today)).toBeNull();
    expect(await officerPhoto(t.db, officer, id)).not.toBeNull();
    await removePhoto(t.db, officer, advertId, id, now);
    await expect(removePhoto(t.db, officer, advertId, id, now)).rejects.toThrow('already gone');
    expect(await officerPhoto(t.db, officer, id)).toBeNull();
  });
});
