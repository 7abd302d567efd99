// Where each language lives in the address, and which pages each language has.
import { describe, expect, it } from 'vitest';
import { localePath, splitLocalePath } from '../../../src/domain/language/locales.ts';
import { isTranslatedPath } from '../../../src/routes/languages.ts';

describe('the language in the address', () => {
  it('is the prefix of a translated language; English has none', () => {
    expect(splitLocalePath('/pl/self-assessment/danger')).toEqual({ locale: 'pl', path: '/self-assessment/danger' });
    expect(splitLocalePath('/ur/')).toEqual({ locale: 'ur', path: '/' });
    expect(splitLocalePath('/ur')).toEqual({ locale: 'ur', path: '/' });
    expect(splitLocalePath('/self-assessment')).toEqual({ locale: 'en', path: '/self-assessment' });
    // Not a language of the site, or English spelled out: an ordinary path.
    expect(splitLocalePath('/en/privacy')).toEqual({ locale: 'en', path: '/en/privacy' });
    expect(splitLocalePath('/fr/privacy')).toEqual({ locale: 'en', path: '/fr/privacy' });
    expect(splitLocalePath('/plan')).toEqual({ locale: 'en', path: '/plan' });
  });

  it('is put back in front of a page’s path, and round-trips', () => {
    expect(localePath('pl', '/self-assessment/result')).toBe('/pl/self-assessment/result');
    expect(localePath('ur', '/')).toBe('/ur/');
    expect(localePath('en', '/privacy')).toBe('/privacy');
    expect(localePath('pl', 'https://example.com/')).toBe('https://example.com/');
    expect(localePath('pl', '//evil.example/')).toBe('//evil.example/');
    for (const path of ['/', '/privacy', '/self-assessment/contact/sent'])
      expect(splitLocalePath(localePath('ur', path))).toEqual({ locale: 'ur', path });
  });
});

describe('the pages other languages have', () => {
  const packs = new Set(['eviction-notice']);
  it('are the home page, the self-assessment, the policies, the error pages and the translated packs', () => {
    for (const path of [
      '/',
      '/self-assessment',
      '/self-assessment/danger',
      '/self-assessment/contact/sent',
      '/privacy',
      '/cookies',
      '/404',
    ])
      expect(isTranslatedPath(path, packs), path).toBe(true);
    expect(isTranslatedPath('/information/eviction-notice', packs)).toBe(true);
    for (const path of ['/information/disrepair', '/information', '/money-check', '/homes', '/staff', '/services/x', '/api/money/estimate'])
      expect(isTranslatedPath(path, packs), path).toBe(false);
  });
});
