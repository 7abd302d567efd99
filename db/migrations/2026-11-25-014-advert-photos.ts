// Up to 8 photos an advert, each with the alt text that describes it. Kept in the database (so
// every app instance can serve them), already resized and stripped of metadata at upload.
import { sql, type Kysely } from 'kysely';
import { bytesType, strict } from './support.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await strict(
    db,
    db.schema
      .createTable('advert_photo')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('advert_id', 'text', (c) => c.notNull().references('advert.id'))
      .addColumn('position', 'integer', (c) => c.notNull().check(sql`position between 1 and 8`))
      .addColumn('alt_text', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull().check(sql`content_type in ('image/jpeg')`))
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      .addColumn('bytes', bytesType(db), (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('advert_photo_position', ['advert_id', 'position']),
  ).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('advert_photo').execute();
}
