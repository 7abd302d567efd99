// The languages the public side is offered in, and where each lives in the address: English at
// the site's root as before, every other language under its own prefix (/pl/…, /ur/…).
export const LOCALES = ['en', 'pl', 'ur'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export interface Language {
  /** The language's name in itself, as GOV.UK's language navigation shows it. */
  nativeName: string;
  /** Its English name, for the back office and the reports. */
  englishName: string;
  dir: 'ltr' | 'rtl';
}

export const LANGUAGES: Record<Locale, Language> = {
  en: { nativeName: 'English', englishName: 'English', dir: 'ltr' },
  pl: { nativeName: 'Polski', englishName: 'Polish', dir: 'ltr' },
  ur: { nativeName: 'اردو', englishName: 'Urdu', dir: 'rtl' },
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language an address is in, and the address without its prefix (English has none). */
export function splitLocalePath(pathname: string): { locale: Locale; path: string } {
  const match = /^\/([a-z]{2})(\/.*)?$/.exec(pathname);
  if (match && match[1] !== DEFAULT_LOCALE && isLocale(match[1])) return { locale: match[1], path: match[2] || '/' };
  return { locale: DEFAULT_LOCALE, path: pathname };
}

/** The address of a page (its English path) in a language: "/pl/self-assessment/danger". */
export function localePath(locale: Locale, path: string): string {
  if (locale === DEFAULT_LOCALE || !path.startsWith('/') || path.startsWith('//')) return path;
  return path === '/' ? `/${locale}/` : `/${locale}${path}`;
}
