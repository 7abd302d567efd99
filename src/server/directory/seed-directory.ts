// Fills the directory from content (the demo). Services already in the database are left alone,
// so staff edits are never overwritten.
import type { DirectoryContent, Taxonomy } from '../../config/directory.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { surgeries as surgeriesContent, type Surgeries } from '../../config/outreach.ts';
import { surgeryLocationId } from './surgeries.ts';

export async function seedDirectory(
  db: AppDatabase,
  directory: DirectoryContent,
  taxonomy: Taxonomy,
  now: Date,
  /** The outreach surgeries: their places are the locations of their service (content/outreach/surgeries.json). */
  surgeries: Pick<Surgeries, 'serviceId' | 'places'> = surgeriesContent,
): Promise<{ servicesAdded: number }> {
  let servicesAdded = 0;
  await db.transaction().execute(async (trx) => {
    for (const term of taxonomy.terms) {
      await trx
        .insertInto('directory_taxonomy_term')
        .values({ id: term.id, name: term.name, vocabulary: taxonomy.vocabulary })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
    for (const organization of directory.organizations) {
      await trx
        .insertInto('directory_organization')
        .values({
          id: organization.id,
          name: organization.name,
          description: organization.description,
          url: organization.url ?? null,
          email: organization.email ?? null,
          updated_at: now.toISOString(),
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      for (const service of organization.services) {
        const exists = await trx.selectFrom('directory_service').select('id').where('id', '=', service.id).executeTakeFirst();
        if (exists) continue;
        await trx
          .insertInto('directory_service')
          .values({
            id: service.id,
            organization_id: organization.id,
            name: service.name,
            description: service.description,
            eligibility: service.eligibility,
            phone: service.phone ?? null,
            email: service.email ?? null,
            url: service.url ?? null,
            referral_self: service.referral.self ? 1 : 0,
            referral_professional: service.referral.professional ? 1 : 0,
            referral_how: service.referral.how,
            minimum_age: service.minimumAge ?? null,
            maximum_age: service.maximumAge ?? null,
            last_checked: service.lastChecked,
            updated_at: now.toISOString(),
          })
          .execute();
        if (service.location) {
          await trx
            .insertInto('directory_location')
            .values({ id: `${service.id}-location`, service_id: service.id, ...service.location })
            .execute();
        }
        if (service.id === surgeries.serviceId) {
          for (const place of surgeries.places) {
            await trx
              .insertInto('directory_location')
              .values({
                id: surgeryLocationId(place.id),
                service_id: service.id,
                name: place.name,
                address: place.address,
                town: place.town,
                postcode: place.postcode,
              })
              .execute();
          }
        }
        for (const [index, slot] of service.schedule.entries()) {
          await trx
            .insertInto('directory_schedule')
            .values({
              id: `${service.id}-schedule-${index + 1}`,
              service_id: service.id,
              byday: slot.days.join(','),
              opens_at: slot.opens,
              closes_at: slot.closes,
            })
            .execute();
        }
        for (const term of service.taxonomy) {
          await trx.insertInto('directory_service_taxonomy').values({ service_id: service.id, term_id: term }).execute();
        }
        servicesAdded += 1;
      }
    }
  });
  return { servicesAdded };
}
