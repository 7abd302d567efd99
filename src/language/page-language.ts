// What a page needs to speak the person's language: the language (from the address, set by the
// middleware), its words, links that stay in it, and the page's address in the other languages
// (for hreflang and GOV.UK's language navigation).
import { hrefIn, isTranslated, translator, type Translate } from '../config/languages.ts';
import { NOT_TRANSLATED_PATH } from '../routes/languages.ts';
import { DEFAULT_LOCALE, LANGUAGES, LOCALES, localePath, type Language, type Locale } from '../domain/language/locales.ts';

export interface PageLanguage {
  locale: Locale;
  language: Language;
  t: Translate;
  /** A link to one of the site's pages, in this language where the page has it. */
  href: (path: string) => string;
}

export function pageLanguage(astro: { locals: App.Locals }): PageLanguage {
  const locale = astro.locals.locale ?? DEFAULT_LOCALE;
  return { locale, language: LANGUAGES[locale], t: translator(locale), href: (p) => hrefIn(locale, p) };
}

export interface Alternate {
  locale: Locale;
  language: Language;
  href: string;
  current: boolean;
}

/**
 * This page in every language it exists in, the current one included (for hreflang and the
 * language navigation); "not translated yet" has none (it links to the English page itself).
 */
export function alternatesOf(astro: { locals: App.Locals; url: URL }): Alternate[] {
  const locale = astro.locals.locale ?? DEFAULT_LOCALE;
  const path = astro.url.pathname;
  if (path === NOT_TRANSLATED_PATH) return [];
  const here = `${path}${astro.url.search}`;
  return LOCALES.filter((l) => isTranslated(l, path)).map((l) => ({
    locale: l,
    language: LANGUAGES[l],
    href: localePath(l, here),
    current: l === locale,
  }));
}

/** A redirect from a page in another language to a page that has it stays in that language. */
export function localiseRedirect(response: Response, locale: Locale): Response {
  const location = response.headers.get('Location');
  if (locale === DEFAULT_LOCALE || !location || response.status < 300 || response.status > 399) return response;
  const localised = hrefIn(locale, location);
  if (localised === location) return response;
  const headers = new Headers(response.headers);
  headers.set('Location', localised);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
