// Message catalogues: flat maps from a key ("layout.skipLink") to the words in one language,
// with {placeholders} filled in when the words are used. A translation is complete when it has
// every key the English catalogue has, none empty, none extra, and the same placeholders in each.

export type Catalogue = Readonly<Record<string, string>>;

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;

/** The placeholders a message uses, sorted: "{count} of {total}" gives ["count", "total"]. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}

/** The message with each {placeholder} replaced; one without a value is left as it is, to be seen. */
export function fillIn(text: string, values: Readonly<Record<string, string | number>> = {}): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

// A message that depends on a number has one entry per plural form of its language, as Unicode's
// plural rules name them (Intl.PluralRules): "days#one", "days#other" in English; Polish adds
// "days#few" and "days#many". The English entry decides the placeholders of every form.
const PLURAL = /^(.+)#(zero|one|two|few|many|other)$/;

/** The plural forms a language's messages must give (English: one, other; Polish: one, few, many, other). */
export function pluralForms(locale: string): string[] {
  return new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
}

/** The entry of a counted message for a number: pluralKey('pl', 'days', 5) is "days#many". */
export function pluralKey(locale: string, key: string, count: number): string {
  return `${key}#${new Intl.PluralRules(locale).select(count)}`;
}

/**
 * The catalogue with every counted message's forms as the language needs them: from the English
 * entries, each group "x#…" becomes x#<form> for the language's forms, with English's placeholders.
 */
function expectedFor(base: Catalogue, locale: string): Record<string, string> {
  const expected: Record<string, string> = {};
  for (const [key, english] of Object.entries(base)) {
    const plural = PLURAL.exec(key);
    if (!plural) expected[key] = english;
    else for (const form of pluralForms(locale)) expected[`${plural[1]}#${form}`] ??= base[`${plural[1]}#other`] ?? english;
  }
  return expected;
}

/** Everything wrong with a translation of the base catalogue, as sentences naming the key. */
export function catalogueProblems(english: Catalogue, translation: Catalogue, where: string, locale = 'en'): string[] {
  const problems: string[] = [];
  const base = expectedFor(english, locale);
  for (const [key, english] of Object.entries(base)) {
    if (!Object.hasOwn(translation, key)) {
      problems.push(`${where}: "${key}" is missing`);
      continue;
    }
    const translated = translation[key]!;
    if (translated.trim() === '') {
      problems.push(`${where}: "${key}" is empty`);
      continue;
    }
    const wanted = placeholdersIn(english).join(', ');
    const found = placeholdersIn(translated).join(', ');
    if (wanted !== found) problems.push(`${where}: "${key}" has placeholders {${found}} but English has {${wanted}}`);
  }
  for (const key of Object.keys(translation)) {
    if (!Object.hasOwn(base, key)) problems.push(`${where}: "${key}" is not in the English catalogue`);
  }
  return problems;
}
