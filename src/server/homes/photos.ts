// An advert's photos. At upload each is checked by its content (not its name) to be a JPEG, PNG or
// WebP image, turned upright, resized to at most 1600 pixels wide and saved as a JPEG, which drops
// all its metadata (camera, GPS, dates); it must have alt text. They are served with long cache
// headers: a photo's id never shows different bytes. The public sees photos only of adverts it may
// see (publicPhoto in listing.ts).
import sharp from 'sharp';
import { cleanTextOrThrow } from '../../domain/text/plain-text.ts';
import type { Actor } from '../../domain/staff/permissions.ts';
import { authorise } from '../../domain/staff/permissions.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { newId } from '../ids.ts';
import { UserProblem } from '../web/problems.ts';

export class PhotoProblem extends UserProblem {
  override name = 'PhotoProblem';
}

export const MAX_PHOTOS = 8;
/** The most a file may be before it is resized. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const MAX_WIDTH = 1600;
const ACCEPTED = new Set(['jpeg', 'png', 'webp']);

export interface PhotoSummary {
  id: string;
  position: number;
  altText: string;
  width: number;
  height: number;
}

/** Adds a photo to an advert (the next position), or says plainly why not. */
export async function addPhoto(
  db: AppDatabase,
  actor: Actor,
  advertId: string,
  upload: { bytes: Uint8Array },
  altText: string,
  now: Date,
): Promise<PhotoSummary> {
  authorise(actor, 'landlords:manage');
  const alt = cleanTextOrThrow(altText, 'The description', { maxLength: 250 }, (message) => new PhotoProblem(message));
  if (upload.bytes.length === 0) throw new PhotoProblem('Choose a photo to add');
  if (upload.bytes.length > MAX_UPLOAD_BYTES) throw new PhotoProblem('The photo must be 10 MB or smaller');
  if (alt === '')
    throw new PhotoProblem('Describe the photo for people who cannot see it, like "The kitchen, with a window over the sink"');
  const advert = await db.selectFrom('advert').select('id').where('id', '=', advertId).executeTakeFirst();
  if (!advert) throw new PhotoProblem('There is no such advert');
  let format: string | undefined;
  try {
    format = (await sharp(upload.bytes).metadata()).format;
  } catch {
    format = undefined;
  }
  const notAPhoto = () => new PhotoProblem('The file is not a photo we can use: choose a JPEG, PNG or WebP image');
  if (!format || !ACCEPTED.has(format)) throw notAPhoto();
  // A file can start like a JPEG and still be broken (cut short, scrambled): decoding it says so.
  const { data, info } = await sharp(upload.bytes, { limitInputPixels: 50_000_000 })
    .rotate()
    .resize({ width: MAX_WIDTH, withoutEnlargement: true })
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer({ resolveWithObject: true })
    .catch(() => {
      throw notAPhoto();
    });
  const id = newId();
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('advert_photo')
      .select('position')
      .where('advert_id', '=', advertId)
      .orderBy('position', 'desc')
      .execute();
    if (existing.length >= MAX_PHOTOS) throw new PhotoProblem(`An advert can have at most ${MAX_PHOTOS} photos: remove one first`);
    const position = (existing[0]?.position ?? 0) + 1;
    await trx
      .insertInto('advert_photo')
      .values({
        id,
        advert_id: advertId,
        position,
        alt_text: alt,
        content_type: 'image/jpeg',
        width: info.width,
        height: info.height,
        bytes: data,
        created_at: now.toISOString(),
      })
      .execute();
    await recordAudit(
      trx,
      { staffId: actor.id, action: 'added photo', entityType: 'advert', entityId: advertId, detail: { photoId: id } },
      now,
    );
    return { id, position, altText: alt, width: info.width, height: info.height };
  });
}

export async function removePhoto(db: AppDatabase, actor: Actor, advertId: string, photoId: string, now: Date): Promise<void> {
  authorise(actor, 'landlords:manage');
  await db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('advert_photo').where('id', '=', photoId).where('advert_id', '=', advertId).executeTakeFirst();
    if (Number(removed.numDeletedRows) !== 1) throw new PhotoProblem('That photo has already gone');
    await recordAudit(
      trx,
      { staffId: actor.id, action: 'removed photo', entityType: 'advert', entityId: advertId, detail: { photoId } },
      now,
    );
  });
}

/** An advert's photos in order, without their bytes. */
export async function photosOf(db: AppDatabase, advertIds: string[]): Promise<Map<string, PhotoSummary[]>> {
  const byAdvert = new Map<string, PhotoSummary[]>();
  if (advertIds.length === 0) return byAdvert;
  const rows = await db
    .selectFrom('advert_photo')
    .select(['id', 'advert_id', 'position', 'alt_text', 'width', 'height'])
    .where('advert_id', 'in', advertIds)
    .orderBy('advert_id')
    .orderBy('position')
    .execute();
  for (const row of rows) {
    const list = byAdvert.get(row.advert_id) ?? [];
    list.push({ id: row.id, position: row.position, altText: row.alt_text, width: row.width, height: row.height });
    byAdvert.set(row.advert_id, list);
  }
  return byAdvert;
}

/** A photo's bytes for officers, whatever the advert's state. */
export async function officerPhoto(db: AppDatabase, actor: Actor, photoId: string): Promise<Uint8Array | null> {
  authorise(actor, 'landlords:manage');
  const photo = await db.selectFrom('advert_photo').select('bytes').where('id', '=', photoId).executeTakeFirst();
  return photo?.bytes ?? null;
}
