// The translations the site ships: complete (the same keys as English, none empty, the same
// placeholders, each language's own plural forms), every message used, the packs in each language
// the same six, and every Urdu letter in the font the Urdu pages load.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import enMessages from '../../../content/languages/en/messages.json' with { type: 'json' };
import {
  aboutTranslation,
  englishContentWords,
  selfAssessmentIn,
  TRANSLATION_FILES,
  translationProblems,
  translatedPacks,
  translator,
} from '../../../src/config/languages.ts';
import { selfAssessment } from '../../../src/config/self-assessment.ts';
import { contactLanguages } from '../../../src/config/contact-languages.ts';
import { LOCALES } from '../../../src/domain/language/locales.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const OTHER_LOCALES = LOCALES.filter((l) => l !== 'en');

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|astro)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('every translation', () => {
  it('has every message and every content word English has, none empty, with the same placeholders', () => {
    expect(translationProblems(TRANSLATION_FILES)).toEqual([]);
  });

  it('is caught when a word goes missing, is emptied, loses a placeholder or gains a stray key', () => {
    const pl = TRANSLATION_FILES.pl;
    const messages = { ...(pl.messages as Record<string, string>) };
    delete messages['layout.skipLink'];
    messages['common.back'] = '';
    messages['urgent.inDangerNow'] = 'Zadzwoń pod 999.';
    const content = { ...(pl.content as Record<string, string>), 'questions.nope.title': 'x' };
    expect(translationProblems({ pl: { ...pl, messages, content } })).toEqual([
      'pl/messages.json: "layout.skipLink" is missing',
      'pl/messages.json: "common.back" is empty',
      'pl/messages.json: "urgent.inDangerNow" has placeholders {} but English has {phone}',
      'pl/content.json: "questions.nope.title" is not in the English catalogue',
    ]);
  });

  it('says who made it and that the demo translations are not yet checked by a qualified translator', () => {
    for (const locale of OTHER_LOCALES) expect(aboutTranslation(locale)).toMatchObject({ checkedByQualifiedTranslator: false });
  });

  it('keeps the rules: the same questions, options, conditions and steps as English, in other words', () => {
    const strip = (value: unknown): unknown =>
      JSON.parse(JSON.stringify(value), (key, v) =>
        [
          'title',
          'hint',
          'errorRequired',
          'summaryLabel',
          'why',
          'label',
          'explanation',
          'text',
          'suffix',
          'errorInvalid',
          'errorRange',
          'name',
          'whoContacts',
          'description',
        ].includes(key) ||
        (key === 'actions' && Array.isArray(v))
          ? undefined
          : v,
      );
    for (const locale of OTHER_LOCALES) {
      const translated = selfAssessmentIn(locale);
      expect(strip(translated.questions)).toEqual(strip(selfAssessment.questions));
      expect(strip(translated.needLevels)).toEqual(strip(selfAssessment.needLevels));
      expect(strip(translated.plan.steps)).toEqual(strip(selfAssessment.plan.steps));
      expect(translated.questions[0]!.title).not.toBe(selfAssessment.questions[0]!.title);
    }
  });
});

describe('the messages', () => {
  const source = filesUnder('src')
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');

  it('are each used somewhere in the code, so no translator works on words nobody reads', () => {
    const unused = Object.keys(enMessages)
      .map((key) => key.replace(/#.*$/, ''))
      .filter((key) => !source.includes(`'${key}'`));
    expect([...new Set(unused)]).toEqual([]);
  });

  it('that the code asks for all exist in English', () => {
    const asked = [...source.matchAll(/\bt(?:\.count)?\(\s*'([a-zA-Z]+\.[a-zA-Z.]+)'/g)].map((m) => m[1]!);
    const known = new Set(Object.keys(enMessages).map((key) => key.replace(/#.*$/, '')));
    expect(asked.filter((key) => !known.has(key))).toEqual([]);
  });

  it('count in each language’s own plural forms', () => {
    const pl = translator('pl');
    expect([1, 2, 5, 22].map((n) => pl.count('count.days', n))).toEqual(['1 dzień', '2 dni', '5 dni', '22 dni']);
    expect(translator('en').count('count.days', 1)).toBe('1 day');
    expect(translator('ur').count('count.hours', 3)).toBe('3 گھنٹے');
  });
});

describe('the content words', () => {
  it('cover every question, option, plan step, need level, hand-off service and council contact', () => {
    const words = englishContentWords();
    for (const q of selfAssessment.questions) expect(words[`questions.${q.id}.title`]).toBe(q.title);
    for (const step of selfAssessment.plan.steps) expect(words[`plan.steps.${step.id}.title`]).toBe(step.title);
    expect(Object.keys(words).filter((k) => k.startsWith('council.')).length).toBeGreaterThanOrEqual(5);
  });
});

describe('the information packs', () => {
  it('are the same six in every language, listed in its about.json, each translating an English pack, with who translated it', () => {
    const english = readdirSync(path.join(ROOT, 'content/packs')).filter((f) => f.endsWith('.md'));
    const sets = OTHER_LOCALES.map((locale) => readdirSync(path.join(ROOT, `content/languages/${locale}/packs`)).sort());
    expect(sets[0]).toHaveLength(6);
    for (const [i, set] of sets.entries()) {
      expect(set).toEqual(sets[0]);
      expect([...translatedPacks(OTHER_LOCALES[i]!)].map((id) => `${id}.md`).sort()).toEqual(set);
      for (const file of set) {
        expect(english).toContain(file);
        expect(readFileSync(path.join(ROOT, `content/languages/${OTHER_LOCALES[0]}/packs/${file}`), 'utf8')).toMatch(/translatedBy: .+/);
      }
    }
  });
});

describe('Urdu', () => {
  it('is written only in letters the self-hosted Nastaliq font has (others would fall back to another font mid-word)', () => {
    const covered = new Set(readFileSync(path.join(ROOT, 'src/assets/fonts/noto-nastaliq-urdu-subset.characters.txt'), 'utf8'));
    const files = TRANSLATION_FILES.ur;
    const text = [
      ...Object.values(files.messages as Record<string, string>),
      ...Object.values(files.content as Record<string, string>),
      ...readdirSync(path.join(ROOT, 'content/languages/ur/packs')).map((f) =>
        readFileSync(path.join(ROOT, 'content/languages/ur/packs', f), 'utf8'),
      ),
    ].join('');
    const arabicScript = [...new Set(text)].filter((c) => /[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]/.test(c));
    expect(arabicScript.length).toBeGreaterThan(30);
    expect(arabicScript.filter((c) => !covered.has(c))).toEqual([]);
  });

  it('and every other language the site is in can be chosen for contact', () => {
    for (const locale of LOCALES) expect(contactLanguages.map((l) => l.code)).toContain(locale);
  });
});
