// The demo directory and its taxonomy, from content/directory/, checked when the site builds.
// The database is the directory's home (staff will edit it there); content seeds it for the demo.
import { z } from 'zod';
import servicesJson from '../../content/directory/services.json' with { type: 'json' };
import taxonomyJson from '../../content/directory/taxonomy.json' with { type: 'json' };

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time like 09:30' });
const slug = z.string().regex(/^[a-z0-9-]+$/);

export const taxonomySchema = z.object({
  vocabulary: slug,
  /** The vocabulary's name and description, for the Open Referral UK API's taxonomy. */
  name: z.string().min(1),
  description: z.string().min(1),
  terms: z.array(z.object({ id: slug, name: z.string().min(1), description: z.string().min(1) })).min(1),
});

export const directoryServiceSchema = z.object({
  id: slug,
  name: z.string().min(1),
  description: z.string().min(1),
  eligibility: z.string().min(1),
  phone: z
    .string()
    .regex(/^[0-9 ]{3,20}$/)
    .optional(),
  email: z.email().optional(),
  url: z.url().optional(),
  referral: z.object({ self: z.boolean(), professional: z.boolean(), how: z.string().min(1) }),
  location: z
    .object({ name: z.string().min(1), address: z.string().min(1), town: z.string().min(1), postcode: z.string().min(5) })
    .optional(),
  schedule: z.array(z.object({ days: z.array(z.enum(WEEKDAYS)).min(1), opens: time, closes: time })).default([]),
  minimumAge: z.number().int().min(0).optional(),
  maximumAge: z.number().int().min(0).optional(),
  taxonomy: z.array(slug).min(1),
  lastChecked: z.iso.date(),
});

export const directoryContentSchema = z.object({
  organizations: z.array(
    z.object({
      id: slug,
      name: z.string().min(1),
      description: z.string().min(1),
      url: z.url().optional(),
      email: z.email().optional(),
      services: z.array(directoryServiceSchema).min(1),
    }),
  ),
});

export type DirectoryContent = z.infer<typeof directoryContentSchema>;
export type DirectoryServiceContent = z.infer<typeof directoryServiceSchema>;
export type Taxonomy = z.infer<typeof taxonomySchema>;

export function parseDirectory(services: unknown, taxonomy: unknown): { directory: DirectoryContent; taxonomy: Taxonomy } {
  const parsedTaxonomy = taxonomySchema.parse(taxonomy);
  const directory = directoryContentSchema.parse(services);
  const termIds = new Set(parsedTaxonomy.terms.map((t) => t.id));
  const problems: string[] = [];
  const serviceIds = new Set<string>();
  for (const organization of directory.organizations) {
    for (const service of organization.services) {
      if (serviceIds.has(service.id)) problems.push(`service id "${service.id}" is used twice`);
      serviceIds.add(service.id);
      for (const term of service.taxonomy) if (!termIds.has(term)) problems.push(`${service.id}: no taxonomy term "${term}"`);
      if (!service.phone && !service.email && !service.url) problems.push(`${service.id}: give a phone number, email or web address`);
    }
  }
  if (problems.length > 0) throw new Error(`content/directory is not valid:\n  - ${problems.join('\n  - ')}`);
  return { directory, taxonomy: parsedTaxonomy };
}

export const { directory: demoDirectory, taxonomy } = parseDirectory(servicesJson, taxonomyJson);
