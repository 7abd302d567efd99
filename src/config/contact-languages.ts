// The languages a person can ask to be contacted in (content/languages/contact-languages.json),
// checked when the site builds: every language the website is translated into must be one.
import { z } from 'zod';
import listJson from '../../content/languages/contact-languages.json' with { type: 'json' };
import { LOCALES } from '../domain/language/locales.ts';
import { parseContent } from './parse-content.ts';

const schema = z.object({
  languages: z
    .array(z.object({ code: z.string().regex(/^[a-z]{2,3}$|^other$/), english: z.string().min(1), native: z.string().min(1) }))
    .min(2)
    .refine((list) => new Set(list.map((l) => l.code)).size === list.length, { error: 'language codes must be unique' })
    .refine((list) => LOCALES.every((locale) => list.some((l) => l.code === locale)), {
      error: `must include every language the website is in (${LOCALES.join(', ')})`,
    }),
});

export type ContactLanguage = z.infer<typeof schema>['languages'][number];

export const contactLanguages: readonly ContactLanguage[] = parseContent(
  'content/languages/contact-languages.json',
  schema,
  listJson,
).languages;

export const CONTACT_LANGUAGE_CODES: ReadonlySet<string> = new Set(contactLanguages.map((l) => l.code));

/** A language's English name, as staff read it ("Polish"); the code itself if it is not in the list (any more). */
export function contactLanguageName(code: string): string {
  return contactLanguages.find((l) => l.code === code)?.english ?? code;
}

/**
 * What staff need to know to make contact, or null when there is nothing to know (English, no
 * interpreter): "Polish, interpreter needed", "Urdu".
 */
export function languageNeed(code: string, interpreter: boolean): string | null {
  if (code === 'en' && !interpreter) return null;
  return `${contactLanguageName(code)}${interpreter ? ', interpreter needed' : ''}`;
}
