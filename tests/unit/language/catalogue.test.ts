// The message catalogues' rules: placeholders, plural forms, and what makes a translation complete.
import { describe, expect, it } from 'vitest';
import { catalogueProblems, fillIn, placeholdersIn, pluralForms, pluralKey } from '../../../src/domain/language/catalogue.ts';

describe('placeholders', () => {
  it('are found once each, sorted, and filled in where given', () => {
    expect(placeholdersIn('{b} and {a}, then {b} again')).toEqual(['a', 'b']);
    expect(fillIn('Call the {team} on {phone}.', { team: 'Housing Options team' })).toBe('Call the Housing Options team on {phone}.');
    expect(fillIn('{count} days', { count: 3 })).toBe('3 days');
  });
});

describe('plural forms', () => {
  it('follow each language’s rules, as Unicode names them', () => {
    expect(pluralForms('en')).toEqual(['one', 'other']);
    expect(pluralForms('pl')).toEqual(['one', 'few', 'many', 'other']);
    expect(pluralForms('ur')).toEqual(['one', 'other']);
    expect(pluralKey('pl', 'count.days', 1)).toBe('count.days#one');
    expect(pluralKey('pl', 'count.days', 3)).toBe('count.days#few');
    expect(pluralKey('pl', 'count.days', 5)).toBe('count.days#many');
    expect(pluralKey('pl', 'count.days', 22)).toBe('count.days#few');
    expect(pluralKey('ur', 'count.days', 30)).toBe('count.days#other');
  });
});

describe('a translation is complete', () => {
  const english = { 'a.title': 'Your plan', 'a.call': 'Call {phone}', 'count.days#one': '{count} day', 'count.days#other': '{count} days' };
  const polish = {
    'a.title': 'Twój plan',
    'a.call': 'Zadzwoń pod {phone}',
    'count.days#one': '{count} dzień',
    'count.days#few': '{count} dni',
    'count.days#many': '{count} dni',
    'count.days#other': '{count} dnia',
  };

  it('when it has every key, none empty, with the same placeholders and its own plural forms', () => {
    expect(catalogueProblems(english, polish, 'pl', 'pl')).toEqual([]);
  });

  it('and says what is wrong, key by key, when it is not', () => {
    const { 'a.title': _, ...missing } = polish;
    expect(catalogueProblems(english, missing, 'pl', 'pl')).toEqual(['pl: "a.title" is missing']);
    expect(catalogueProblems(english, { ...polish, 'a.title': '  ' }, 'pl', 'pl')).toEqual(['pl: "a.title" is empty']);
    expect(catalogueProblems(english, { ...polish, 'a.call': 'Zadzwoń pod {telefon}' }, 'pl', 'pl')).toEqual([
      'pl: "a.call" has placeholders {telefon} but English has {phone}',
    ]);
    expect(catalogueProblems(english, { ...polish, 'a.extra': 'x' }, 'pl', 'pl')).toEqual([
      'pl: "a.extra" is not in the English catalogue',
    ]);
    const { 'count.days#few': __, ...noFew } = polish;
    expect(catalogueProblems(english, noFew, 'pl', 'pl')).toEqual(['pl: "count.days#few" is missing']);
    // English's forms are not enough for Polish, and Polish's are too many for Urdu.
    expect(catalogueProblems(english, { ...english, 'a.title': 'x', 'a.call': '{phone}' }, 'pl', 'pl')).toHaveLength(2);
    expect(catalogueProblems(english, polish, 'ur', 'ur')).toEqual([
      'ur: "count.days#few" is not in the English catalogue',
      'ur: "count.days#many" is not in the English catalogue',
    ]);
  });
});
