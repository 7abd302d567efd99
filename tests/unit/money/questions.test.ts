// The public money check's questions: which pages are asked, each page's checks (with the
// estimate's own messages), the answers ready for the estimate, what the self-assessment fills
// in, and the cookie the answers travel in (sealed, tamper-evident, forgotten after two hours).
import { describe, expect, it } from 'vitest';
import { lha } from '../../../src/config/homes.ts';
import {
  answerRows,
  checkPage,
  completeAnswers,
  firstUnanswered,
  fromSelfAssessment,
  nextPage,
  pagesAsked,
  questionPages,
  type CheckAnswers,
} from '../../../src/domain/money/questions.ts';
import { MONEY_CHECK_IDLE_MS, openCheckAnswers, sealCheckAnswers } from '../../../src/server/money/check-cookie.ts';
import { ring } from '../../support/keys.ts';
import { LONE_PARENT } from '../../support/money.ts';

const pages = questionPages(lha.sharedRateExemptions);
const page = (id: string) => pages.find((p) => p.id === id)!;

const parent: CheckAnswers = LONE_PARENT;

describe('the money check’s questions', () => {
  it('asks only the pages that apply: no children page without children, no rent page without rent', () => {
    expect(pagesAsked(pages, parent).map((p) => p.id)).toEqual([
      'partner',
      'ages',
      'children',
      'about-the-children',
      'other-adults',
      'health',
      'caring',
      'home',
      'rent',
      'council-tax',
      'income',
      'savings',
      'wage',
      'situation',
    ]);
    const lodger = { ...parent, childCount: '0', home: 'none' };
    expect(pagesAsked(pages, lodger).map((p) => p.id)).not.toEqual(expect.arrayContaining(['about-the-children']));
    expect(pagesAsked(pages, lodger).map((p) => p.id)).not.toContain('rent');
    expect(pagesAsked(pages, lodger).map((p) => p.id)).not.toContain('council-tax');
    expect(nextPage(pages, lodger, 'children')!.id).toBe('other-adults');
  });

  it('checks each page with plain messages, the estimate’s own for what it reads', () => {
    expect(checkPage(page('partner'), {})).toEqual([{ field: 'couple', message: 'Select yes if you live with a partner' }]);
    expect(checkPage(page('ages'), { couple: 'yes', age: '29' })).toEqual([{ field: 'partnerAge', message: "Enter your partner's age" }]);
    expect(checkPage(page('ages'), { couple: 'no', age: '200' })).toEqual([
      { field: 'age', message: 'Your age must be between 16 and 120' },
    ]);
    expect(checkPage(page('children'), { childCount: '30' })).toEqual([
      { field: 'childCount', message: 'Enter how many children live with you, a number from 0 to 8' },
    ]);
    expect(checkPage(page('about-the-children'), { childCount: '1', 'child-1-age': '25' })).toEqual([
      { field: 'child-1-sex', message: 'Select whether child 1 is a girl or a boy' },
      { field: 'childrenBornBefore2017', message: 'Enter how many of the children were born before 6 April 2017, or 0' },
      { field: 'child-1-age', message: 'Child 1: enter an age from 0 to 19' },
    ]);
    expect(checkPage(page('rent'), { ...parent, rentMonthly: 'lots' })).toEqual([
      { field: 'rentMonthly', message: 'Your rent a month must be an amount of money, like 650 or 650.50' },
    ]);
    expect(checkPage(page('situation'), { situation: 'none,student' })).toEqual([
      { field: 'situation', message: 'Select the ones that apply, or "None of these", not both' },
    ]);
    expect(checkPage(page('wage'), { ...parent, hourlyWage: '' })).toEqual([]);
  });

  it('asks a single renter under 35 about the shared rate, and the children born before 2017 only when one could be', () => {
    const young = { ...parent, age: '24', childCount: '0' };
    expect(checkPage(page('rent'), young).map((e) => e.field)).toEqual(['sharedRateExemption']);
    expect(checkPage(page('about-the-children'), { ...parent, 'child-1-age': '9' }).map((e) => e.field)).toEqual([
      'childrenBornBefore2017',
    ]);
    expect(checkPage(page('about-the-children'), parent)).toEqual([]);
  });

  it('gives the estimate its answers when every page is answered, else the first page still to answer', () => {
    expect(completeAnswers(pages, parent)).toMatchObject({
      ok: true,
      answers: { couple: false, age: 29, children: [{ age: 4, sex: 'female' }], home: 'private', rentMonthly: 65000, councilTaxBand: 'B' },
    });
    const { councilTaxBand: _band, ...missing } = parent;
    expect(firstUnanswered(pages, missing)!.id).toBe('council-tax');
    expect(completeAnswers(pages, missing)).toMatchObject({ ok: false, page: { id: 'council-tax' } });
  });

  it('lists every answer with the page that changes it', () => {
    const rows = answerRows(pages, parent);
    expect(rows).toContainEqual({ page: 'rent', label: 'How much rent do you pay a month?', answer: '£650' });
    expect(rows).toContainEqual({ page: 'home', label: 'How do you live?', answer: 'I rent from a private landlord or letting agent' });
    expect(rows).toContainEqual({ page: 'situation', label: 'Do any of these apply to you or your partner?', answer: 'None of these' });
  });

  it('fills in the home, children, bedrooms, household and work from the self-assessment', () => {
    expect(fromSelfAssessment({ homeType: 'councilTenant', children: '2' })).toEqual({ home: 'social', childCount: '2' });
    expect(fromSelfAssessment({ homeType: 'noSettledHome', children: 'x' })).toEqual({});
    // Household and work: one adult is no couple (two may or may not be); not working is no pay.
    expect(fromSelfAssessment({ adults: 1, children: 0, work: 'notWorking' })).toEqual({
      childCount: '0',
      couple: 'no',
      takeHomeMonthly: '0',
    });
    expect(fromSelfAssessment({ adults: 2, work: 'cannotWork' })).toEqual({ takeHomeMonthly: '0' });
    expect(fromSelfAssessment({ adults: 1, work: 'partTime' })).toEqual({ couple: 'no' });
    // The bedrooms the home has, when the check can take that many.
    expect(fromSelfAssessment({ homeType: 'housingAssociation', bedrooms: 3 })).toEqual({ home: 'social', bedrooms: '3' });
    expect(fromSelfAssessment({ bedrooms: 11 })).toEqual({});
    expect(fromSelfAssessment({ bedrooms: '2.5' })).toEqual({});
  });
});

describe('the money check’s cookie', () => {
  const now = new Date('2026-12-06T10:00:00Z');

  it('opens what it sealed, and nothing changed, too old, or under an unknown key', () => {
    const sealed = sealCheckAnswers(ring, parent, now);
    expect(sealed).not.toContain('650');
    expect(openCheckAnswers(ring, sealed, now)).toEqual(parent);
    expect(openCheckAnswers(ring, sealed, new Date(now.getTime() + MONEY_CHECK_IDLE_MS + 1))).toBeNull();
    const flipped = `${sealed.slice(0, -3)}${sealed.at(-3) === 'A' ? 'B' : 'A'}${sealed.slice(-2)}`;
    expect(openCheckAnswers(ring, flipped, now)).toBeNull();
    expect(openCheckAnswers(ring, `nokey.${sealed.split('.')[1]}`, now)).toBeNull();
    expect(openCheckAnswers(ring, 'x'.repeat(5000), now)).toBeNull();
    expect(openCheckAnswers(ring, undefined, now)).toBeNull();
  });
});
