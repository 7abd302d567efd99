// Content collections. Information packs live in content/packs/ as Markdown with a checked
// front matter: the self-assessment's results link to them by topic tag. Their translations live
// with each language's other words, in content/languages/<locale>/packs/.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const slug = z.string().regex(/^[a-z0-9-]+$/);

const packs = defineCollection({
  loader: glob({ pattern: '**/*.md', base: './content/packs' }),
  schema: z.object({
    title: z.string().min(1),
    summary: z.string().min(1).max(300),
    /** Who the pack is for, in a sentence. */
    audience: z.string().min(1),
    /** Topic tags matched by the self-assessment's plan steps. */
    tags: z.array(slug).min(1),
    /** When someone last checked it is still right (YYYY-MM-DD; YAML reads it as a date). */
    lastChecked: z.union([z.date(), z.iso.date()]).transform((d) => (typeof d === 'string' ? d : d.toISOString().slice(0, 10))),
    owner: z.string().min(1),
    /** Directory services to get help from (ids in the directory). */
    services: z.array(slug).min(1),
    /** The one thing to do that has its own address, such as applying to the housing register: a button near the top. */
    apply: z.object({ text: z.string().min(1), href: z.url(), how: z.string().min(1) }).optional(),
  }),
});

/**
 * Information packs in other languages: content/languages/<locale>/packs/<id>.md translates the
 * English pack <id> (its words only: tags, services, owner and dates are the English pack's).
 * Their ids are "<locale>/<id>". Who translated it and whether it has been checked is said here too.
 */
const packTranslations = defineCollection({
  loader: glob({
    pattern: '*/packs/*.md',
    base: './content/languages',
    generateId: ({ entry }) => entry.replace('/packs/', '/').replace(/\.md$/, ''),
  }),
  schema: z.object({
    title: z.string().min(1),
    summary: z.string().min(1).max(300),
    audience: z.string().min(1),
    apply: z.object({ text: z.string().min(1), how: z.string().min(1) }).optional(),
    translatedBy: z.string().min(1),
    checkedByQualifiedTranslator: z.boolean(),
  }),
});

export const collections = { packs, packTranslations };
