// Information packs in the reader's language: the translation where there is one
// (content/languages/<locale>/packs/), with the English pack's tags, services and dates; the
// English pack, marked as English, where there is not.
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { DEFAULT_LOCALE, type Locale } from '../../domain/language/locales.ts';

export interface LocalPack {
  id: string;
  /** The language its words are in: the reader's, or English when it has not been translated. */
  lang: Locale;
  title: string;
  summary: string;
  audience: string;
  apply?: { text: string; href: string; how: string };
  /** The English pack: its tags, services, owner and when it was last checked. */
  english: CollectionEntry<'packs'>;
  /** What to render for its body. */
  body: CollectionEntry<'packs'> | CollectionEntry<'packTranslations'>;
  /** For a translation: who made it and whether a qualified translator has checked it. */
  translation?: { translatedBy: string; checked: boolean };
}

function local(english: CollectionEntry<'packs'>, translated: CollectionEntry<'packTranslations'> | undefined, locale: Locale): LocalPack {
  if (!translated) return { id: english.id, lang: DEFAULT_LOCALE, ...english.data, english, body: english };
  const { title, summary, audience, apply, translatedBy, checkedByQualifiedTranslator } = translated.data;
  return {
    id: english.id,
    lang: locale,
    title,
    summary,
    audience,
    apply: apply && english.data.apply ? { ...apply, href: english.data.apply.href } : english.data.apply,
    english,
    body: translated,
    translation: { translatedBy, checked: checkedByQualifiedTranslator },
  };
}

/** One pack in a language, or undefined when there is no such pack. */
export async function packIn(locale: Locale, id: string): Promise<LocalPack | undefined> {
  const english = await getEntry('packs', id);
  if (!english) return undefined;
  const translated = locale === DEFAULT_LOCALE ? undefined : await getEntry('packTranslations', `${locale}/${id}`);
  return local(english, translated, locale);
}

/** Every pack in a language (the English for those not translated). */
export async function packsIn(locale: Locale): Promise<LocalPack[]> {
  const translations = locale === DEFAULT_LOCALE ? [] : await getCollection('packTranslations', (p) => p.id.startsWith(`${locale}/`));
  return (await getCollection('packs')).map((english) =>
    local(
      english,
      translations.find((t) => t.id === `${locale}/${english.id}`),
      locale,
    ),
  );
}
