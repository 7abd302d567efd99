// The public side's words in each language: the message files (content/languages/<locale>/
// messages.json) for the pages' own words, and each language's content.json for the words of the
// council's content (the self-assessment's questions and plan, the council's contacts). English is
// the base: every other language must have exactly its keys, none empty, with the same
// placeholders, or the build stops here with a list of what is wrong (and `npm test` fails).
import { z } from 'zod';
import enMessages from '../../content/languages/en/messages.json' with { type: 'json' };
import plMessages from '../../content/languages/pl/messages.json' with { type: 'json' };
import urMessages from '../../content/languages/ur/messages.json' with { type: 'json' };
import plContent from '../../content/languages/pl/content.json' with { type: 'json' };
import urContent from '../../content/languages/ur/content.json' with { type: 'json' };
import plAbout from '../../content/languages/pl/about.json' with { type: 'json' };
import urAbout from '../../content/languages/ur/about.json' with { type: 'json' };
import { catalogueProblems, fillIn, pluralKey, type Catalogue } from '../domain/language/catalogue.ts';
import { DEFAULT_LOCALE, localePath, type Locale } from '../domain/language/locales.ts';
import { translateContent, wordsOf } from '../domain/questionnaire/translation.ts';
import { council, type CouncilProfile } from './council.ts';
import { parseContent } from './parse-content.ts';
import { isTranslatedPath } from '../routes/languages.ts';
import { selfAssessment, type SelfAssessmentContent } from './self-assessment.ts';
import type { Question } from '../domain/questionnaire/questions.ts';

type EveryKey = keyof typeof enMessages;
/** A message; one that depends on a number ("days#one", "days#other") is used through Translate.count. */
export type MessageKey = Exclude<EveryKey, `${string}#${string}`>;
/** A message that depends on a number: "days" for "days#one" and "days#other". */
export type CountedKey = { [K in EveryKey]: K extends `${infer Base}#other` ? Base : never }[EveryKey];
export interface Translate {
  (key: MessageKey, values?: Readonly<Record<string, string | number>>): string;
  /** The form of a counted message for `count`, with {count} and any other placeholders filled in. */
  count: (key: CountedKey, count: number, values?: Readonly<Record<string, string | number>>) => string;
}

/** Who translated a language and whether a qualified translator has checked it: shown to staff and in the README. */
const aboutSchema = z.object({
  $comment: z.string().optional(),
  translatedBy: z.string().min(1),
  checkedByQualifiedTranslator: z.boolean(),
  checkedOn: z.iso.date().nullable(),
  note: z.string().optional(),
  /** The information packs translated (content/languages/<locale>/packs/<id>.md). */
  packs: z.array(z.string().regex(/^[a-z0-9-]+$/)),
});
export type AboutTranslation = z.infer<typeof aboutSchema>;

const catalogueSchema = z.record(z.string(), z.string());

export interface LanguageFiles {
  messages: unknown;
  content: unknown;
  about: unknown;
}

/** Each translation's files, as read at build time (tests check them with translationProblems). */
export const TRANSLATION_FILES: Record<Exclude<Locale, 'en'>, LanguageFiles> = {
  pl: { messages: plMessages, content: plContent, about: plAbout },
  ur: { messages: urMessages, content: urContent, about: urAbout },
};

/** The council's words a person reads, keyed like the self-assessment's: translated in content.json. */
export function councilWordsOf(profile: CouncilProfile): Record<string, string> {
  const words: Record<string, string> = { 'council.serviceName': profile.serviceName };
  const { housingOptions, outOfHours, emergency } = profile.contacts;
  words['council.contacts.housingOptions.name'] = housingOptions.name;
  words['council.contacts.outOfHours.name'] = outOfHours.name;
  if (outOfHours.description) words['council.contacts.outOfHours.description'] = outOfHours.description;
  emergency.forEach((contact, i) => (words[`council.contacts.emergency.${i}.name`] = contact.name));
  return words;
}

function translateCouncil(profile: CouncilProfile, words: Catalogue): CouncilProfile {
  const w = (key: string, english: string) => words[key] ?? english;
  const { housingOptions, outOfHours, emergency } = profile.contacts;
  return {
    ...profile,
    serviceName: w('council.serviceName', profile.serviceName),
    contacts: {
      housingOptions: { ...housingOptions, name: w('council.contacts.housingOptions.name', housingOptions.name) },
      outOfHours: {
        ...outOfHours,
        name: w('council.contacts.outOfHours.name', outOfHours.name),
        description: outOfHours.description && w('council.contacts.outOfHours.description', outOfHours.description),
      },
      emergency: emergency.map((c, i) => ({ ...c, name: w(`council.contacts.emergency.${i}.name`, c.name) })),
    },
  };
}

/** The English words of the council's content, which every language's content.json translates. */
export function englishContentWords(): Record<string, string> {
  return { ...wordsOf(selfAssessment), ...councilWordsOf(council) };
}

interface LoadedLanguage {
  messages: Catalogue;
  content: Catalogue;
  about: AboutTranslation | null;
}

/** Every way the files fall short, as sentences naming the file and the key. */
export function translationProblems(files: Record<string, LanguageFiles>): string[] {
  const base = enMessages as Catalogue;
  const contentBase = englishContentWords();
  return Object.entries(files).flatMap(([locale, f]) => [
    ...catalogueProblems(
      base,
      parseContent(`content/languages/${locale}/messages.json`, catalogueSchema, f.messages),
      `${locale}/messages.json`,
      locale,
    ),
    ...catalogueProblems(
      contentBase,
      parseContent(`content/languages/${locale}/content.json`, catalogueSchema, f.content),
      `${locale}/content.json`,
    ),
  ]);
}

function load(): Record<Locale, LoadedLanguage> {
  const problems = translationProblems(TRANSLATION_FILES);
  if (problems.length > 0) throw new Error(`The translations are not complete:\n  - ${problems.join('\n  - ')}`);
  const loaded = { en: { messages: enMessages as Catalogue, content: englishContentWords(), about: null } } as Record<
    Locale,
    LoadedLanguage
  >;
  for (const [locale, f] of Object.entries(TRANSLATION_FILES) as [Exclude<Locale, 'en'>, LanguageFiles][]) {
    loaded[locale] = {
      messages: f.messages as Catalogue,
      content: f.content as Catalogue,
      about: parseContent(`content/languages/${locale}/about.json`, aboutSchema, f.about),
    };
  }
  return loaded;
}

const languages = load();

export function aboutTranslation(locale: Locale): AboutTranslation | null {
  return languages[locale].about;
}

const translators = new Map<Locale, Translate>();

/** The page's words in a language: t('layout.skipLink'), t('home.talkTitle', { team }). One per language, made once. */
export function translator(locale: Locale): Translate {
  let made = translators.get(locale);
  if (!made) translators.set(locale, (made = makeTranslator(locale)));
  return made;
}

function makeTranslator(locale: Locale): Translate {
  const messages = languages[locale].messages;
  const english = enMessages as Catalogue;
  const t = (key: string, values?: Readonly<Record<string, string | number>>) => fillIn(messages[key] ?? english[key] ?? key, values);
  return Object.assign(t, {
    count: (key: CountedKey, count: number, values?: Readonly<Record<string, string | number>>) =>
      t(pluralKey(locale, key, count), { ...values, count: count.toLocaleString(locale) }),
  });
}

const translatedContent = new Map<Locale, SelfAssessmentContent>();

/** The self-assessment's content in a language: the same rules, the words of that language. */
export function selfAssessmentIn(locale: Locale): SelfAssessmentContent {
  if (locale === DEFAULT_LOCALE) return selfAssessment;
  let content = translatedContent.get(locale);
  if (!content) translatedContent.set(locale, (content = translateContent(selfAssessment, languages[locale].content)));
  return content;
}

const translatedCouncil = new Map<Locale, CouncilProfile>();

/** The council's profile with its contacts' names in a language (worked out once a language). */
export function councilIn(locale: Locale): CouncilProfile {
  if (locale === DEFAULT_LOCALE) return council;
  let profile = translatedCouncil.get(locale);
  if (!profile) translatedCouncil.set(locale, (profile = translateCouncil(council, languages[locale].content)));
  return profile;
}

/** One question of the self-assessment, in a language. */
export function questionIn(locale: Locale, id: string): Question | undefined {
  return selfAssessmentIn(locale).questions.find((q) => q.id === id);
}

const packsOf = new Map<Locale, ReadonlySet<string>>();

/** The ids of the packs a language has (its about.json lists them; a test checks its packs folder agrees). */
export function translatedPacks(locale: Locale): ReadonlySet<string> {
  let packs = packsOf.get(locale);
  if (!packs) packsOf.set(locale, (packs = new Set(languages[locale].about?.packs ?? [])));
  return packs;
}

/** Whether a page (its English path) exists in a language. */
export function isTranslated(locale: Locale, path: string): boolean {
  return locale === DEFAULT_LOCALE || isTranslatedPath(path, translatedPacks(locale));
}

/** A link to a page for a person reading in `locale`: the page in their language where it exists, else the English page. */
export function hrefIn(locale: Locale, href: string): string {
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  const path = href.replace(/[?#].*$/, '');
  return isTranslated(locale, path) ? localePath(locale, href) : href;
}
