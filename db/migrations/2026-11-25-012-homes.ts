// Homes to rent from accredited landlords: landlords and their accreditation (with its history),
// homes with their facts and certificates, and adverts. Money is whole pence; dates are
// YYYY-MM-DD text; yes/no are 0/1. A home's full address is kept for officers; the public sees only
// its street and area.
import { sql, type Kysely } from 'kysely';
import { strict } from './support.ts';

const flag = (name: string) => sql.raw(`${name} in (0, 1)`);

export async function up(db: Kysely<any>): Promise<void> {
  await strict(
    db,
    db.schema
      .createTable('landlord')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('person', 'company')`))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('contact_name', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      // JSON array of the council's area names.
      .addColumn('areas', 'text', (c) => c.notNull())
      // Accreditation: one record a landlord, its changes in landlord_accreditation_event.
      .addColumn('accreditation_status', 'text', (c) =>
        c.notNull().check(sql`accreditation_status in ('applied', 'accredited', 'suspended', 'lapsed')`),
      )
      .addColumn('membership_number', 'text', (c) => c.unique())
      .addColumn('accredited_from', 'text')
      .addColumn('accreditation_expires_on', 'text')
      .addColumn('renewal_reminded_for', 'text')
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('landlord_accreditation')
    .on('landlord')
    .columns(['accreditation_status', 'accreditation_expires_on'])
    .execute();
  await db.schema.createIndex('landlord_email').on('landlord').column('email').execute();

  await strict(
    db,
    db.schema
      .createTable('landlord_accreditation_event')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('landlord_id', 'text', (c) => c.notNull().references('landlord.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      // Null when the landlord applied through the public form.
      .addColumn('staff_id', 'text', (c) => c.references('staff_user.id'))
      .addColumn('from_status', 'text')
      .addColumn('to_status', 'text', (c) => c.notNull())
      .addColumn('expires_on', 'text')
      .addColumn('reason', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('landlord_accreditation_event_landlord')
    .on('landlord_accreditation_event')
    .columns(['landlord_id', 'at'])
    .execute();

  await strict(
    db,
    db.schema
      .createTable('home')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('landlord_id', 'text', (c) => c.notNull().references('landlord.id'))
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('street', 'text', (c) => c.notNull())
      .addColumn('area', 'text', (c) => c.notNull())
      .addColumn('postcode', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('flat', 'house', 'bungalow', 'maisonette', 'room')`))
      .addColumn('bedrooms', 'integer', (c) => c.notNull().check(sql`bedrooms between 0 and 10`))
      .addColumn('bed_spaces', 'integer', (c) => c.notNull().check(sql`bed_spaces between 1 and 20`))
      .addColumn('floor', 'integer', (c) => c.notNull())
      .addColumn('has_lift', 'integer', (c) => c.notNull().check(flag('has_lift')))
      .addColumn('step_free', 'integer', (c) => c.notNull().check(flag('step_free')))
      .addColumn('furnished', 'text', (c) => c.notNull().check(sql`furnished in ('furnished', 'part', 'unfurnished')`))
      .addColumn('shared', 'integer', (c) => c.notNull().check(flag('shared')))
      .addColumn('heating', 'text', (c) => c.notNull())
      .addColumn('garden', 'integer', (c) => c.notNull().check(flag('garden')))
      .addColumn('parking', 'integer', (c) => c.notNull().check(flag('parking')))
      .addColumn('pets', 'integer', (c) => c.notNull().check(flag('pets')))
      .addColumn('housing_costs_help', 'integer', (c) => c.notNull().check(flag('housing_costs_help')))
      .addColumn('epc_rating', 'text', (c) => c.notNull().check(sql`epc_rating in ('A', 'B', 'C', 'D', 'E', 'F', 'G')`))
      .addColumn('epc_expires_on', 'text', (c) => c.notNull())
      .addColumn('has_gas', 'integer', (c) => c.notNull().check(flag('has_gas')))
      .addColumn('gas_safety_expires_on', 'text')
      .addColumn('eicr_expires_on', 'text', (c) => c.notNull())
      .addColumn('empty_home_returned', 'integer', (c) => c.notNull().check(flag('empty_home_returned')))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addCheckConstraint('home_gas_certificate', sql`has_gas = 0 or gas_safety_expires_on is not null`),
  ).execute();
  await db.schema.createIndex('home_landlord').on('home').column('landlord_id').execute();

  await strict(
    db,
    db.schema
      .createTable('advert')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('home_id', 'text', (c) => c.notNull().references('home.id'))
      .addColumn('rent_pcm', 'integer', (c) => c.notNull().check(sql`rent_pcm > 0`))
      .addColumn('deposit', 'integer', (c) => c.notNull().check(sql`deposit >= 0`))
      .addColumn('available_from', 'text', (c) => c.notNull())
      .addColumn('closes_on', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('draft', 'live', 'closed', 'let', 'withdrawn')`))
      .addColumn('published_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('advert_state').on('advert').columns(['state', 'closes_on', 'published_at']).execute();
  await db.schema.createIndex('advert_home').on('advert').column('home_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['advert', 'home', 'landlord_accreditation_event', 'landlord']) await db.schema.dropTable(table).execute();
}
