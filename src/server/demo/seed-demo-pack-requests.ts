// Demo requests for information packs by post (content/demo/pack-requests.json): fictional
// people in the print queue, one already posted by the demo adviser. Made as real ones are.
import { z } from 'zod';
import requestsJson from '../../../content/demo/pack-requests.json' with { type: 'json' };
import type { DataKeyring } from '../../config/data-keys.ts';
import { normalisePostcode } from '../../domain/contact/postcode.ts';
import { LOCALES } from '../../domain/language/locales.ts';
import type { Actor } from '../../domain/staff/permissions.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { markPacksPosted, storePackRequest } from '../posted-packs/pack-requests.ts';

const demoRequestsSchema = z.object({
  requests: z.array(
    z.object({
      name: z.string().min(1),
      addressLines: z.array(z.string().min(1)).min(1).max(2),
      town: z.string().min(1),
      postcode: z.string().refine((p) => normalisePostcode(p) === p),
      packs: z.array(z.string()).min(1),
      language: z.enum(LOCALES),
      daysAgo: z.number().int().min(0).max(20),
      posted: z.boolean(),
    }),
  ),
});

const DAY = 86_400_000;

export async function seedDemoPackRequests(db: AppDatabase, now: Date, ring: DataKeyring, postedBy: Actor): Promise<number> {
  const existing = await db.selectFrom('posted_pack_request').select('id').limit(1).executeTakeFirst();
  if (existing) return 0;
  const { requests } = demoRequestsSchema.parse(requestsJson);
  for (const demo of requests) {
    const asked = new Date(now.getTime() - demo.daysAgo * DAY);
    const made = await storePackRequest(db, { ...demo }, demo.language, asked, ring);
    if (demo.posted) await markPacksPosted(db, postedBy, made.id, new Date(asked.getTime() + DAY));
  }
  return requests.length;
}
