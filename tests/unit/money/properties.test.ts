// Properties of the money rules over many random households (fast-check): more pay never means
// less take-home pay, nor less pay and Universal Credit together; Universal Credit is never
// negative and never rises with earnings; the benefit cap never adds; needing more bedrooms never
// lowers the housing element; and a date's rates are the ones in force that day.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moneyRules } from '../../../src/config/money.ts';
import type { MoneyAnswers } from '../../../src/domain/money/answers.ts';
import { estimateWith } from '../../../src/domain/money/estimate.ts';
import { ratesOn } from '../../../src/domain/money/rates.ts';
import { takeHomePay } from '../../../src/domain/money/take-home.ts';
import { nobody } from './household.ts';

const RUNS = Number(process.env.MONEY_PROPERTY_RUNS ?? 300);
const day = fc
  .date({ min: new Date('2025-04-07T00:00:00Z'), max: new Date('2027-03-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const child = fc.record({ age: fc.integer({ min: 0, max: 19 }), sex: fc.constantFrom('female' as const, 'male' as const) });

/** A working-age household the check can estimate for. */
const answers: fc.Arbitrary<MoneyAnswers> = fc
  .record({
    couple: fc.boolean(),
    age: fc.integer({ min: 18, max: 65 }),
    partnerAge: fc.integer({ min: 18, max: 65 }),
    children: fc.array(child, { maxLength: 5 }),
    bornBefore: fc.integer({ min: 0, max: 5 }),
    youngAdults: fc.integer({ min: 0, max: 2 }),
    nonDependants: fc.integer({ min: 0, max: 2 }),
    lcwra: fc.boolean(),
    carer: fc.boolean(),
    home: fc.constantFrom('private' as const, 'social' as const, 'owner' as const, 'none' as const),
    rentMonthly: fc.integer({ min: 1, max: 300_000 }),
    bedrooms: fc.integer({ min: 0, max: 6 }),
    councilTaxBand: fc.constantFrom('A' as const, 'B' as const, 'C' as const, 'D' as const, 'E' as const, null),
    takeHomeMonthly: fc.integer({ min: 0, max: 400_000 }),
    partnerTakeHomeMonthly: fc.integer({ min: 0, max: 300_000 }),
    otherIncomeMonthly: fc.integer({ min: 0, max: 100_000 }),
    savings: fc.integer({ min: 0, max: 2_000_000 }),
  })
  .map((r) => ({
    ...nobody,
    ...r,
    partnerAge: r.couple ? r.partnerAge : null,
    partnerTakeHomeMonthly: r.couple ? r.partnerTakeHomeMonthly : 0,
    childrenBornBefore2017: Math.min(r.bornBefore, r.children.length),
    rentMonthly: r.home === 'private' || r.home === 'social' ? r.rentMonthly : 0,
    bedrooms: r.home === 'social' ? r.bedrooms : 0,
  }));

const estimate = (a: MoneyAnswers, date: string) => estimateWith(a, ratesOn(moneyRules.rates, date), moneyRules);

describe('money rules, over random households', () => {
  it('a pound more gross pay never lowers take-home pay', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800_000 }), day, (gross, date) => {
        const rates = ratesOn(moneyRules.rates, date).rates;
        expect(takeHomePay(gross + 100, rates).takeHomeMonthly).toBeGreaterThanOrEqual(takeHomePay(gross, rates).takeHomeMonthly);
      }),
      { numRuns: RUNS },
    );
  });

  it('a pound more take-home pay never lowers take-home pay and Universal Credit together, and never raises Universal Credit', () => {
    fc.assert(
      fc.property(answers, day, (a, date) => {
        // Reaching the cap's earnings exemption lifts the cap, a cliff in the law itself (tested below).
        const exemption = ratesOn(moneyRules.rates, date).rates.universalCredit.benefitCap.earningsExemptionMonthly;
        const earned = a.takeHomeMonthly + a.partnerTakeHomeMonthly;
        fc.pre(!(earned < exemption && earned + 100 >= exemption));
        const before = estimate(a, date).universalCredit.monthly;
        const after = estimate({ ...a, takeHomeMonthly: a.takeHomeMonthly + 100 }, date).universalCredit.monthly;
        expect(after).toBeLessThanOrEqual(before);
        expect(a.takeHomeMonthly + 100 + after).toBeGreaterThanOrEqual(a.takeHomeMonthly + before);
      }),
      { numRuns: RUNS },
    );
  });

  it('except where earnings reach the benefit cap exemption: the cap lifts, and Universal Credit rises (a cliff in the law)', () => {
    // A lone parent of five renting a 4-bedroom home privately in 2026/27; the cap lifts at £881 a
    // month take-home (UC Regulations 2013 reg. 82(1)(a); GOV.UK "Benefit cap: when you're not affected").
    const family = {
      ...nobody,
      children: [1, 3, 5, 7, 9].map((age, i) => ({ age, sex: i % 2 === 0 ? ('female' as const) : ('male' as const) })),
      home: 'private' as const,
      rentMonthly: 150000,
    };
    const below = estimate({ ...family, takeHomeMonthly: 88099 }, '2026-06-01').universalCredit;
    const at = estimate({ ...family, takeHomeMonthly: 88100 }, '2026-06-01').universalCredit;
    expect(below.cap?.monthly).toBeLessThan(0);
    expect(at.cap).toBeNull();
    expect(at.monthly).toBeGreaterThan(below.monthly);
  });

  it('Universal Credit and Council Tax Reduction are never negative', () => {
    fc.assert(
      fc.property(answers, day, (a, date) => {
        const result = estimate(a, date);
        expect(result.universalCredit.monthly).toBeGreaterThanOrEqual(0);
        expect(result.universalCredit.housingElementMonthly).toBeGreaterThanOrEqual(0);
        expect(result.councilTaxReduction.monthly).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: RUNS },
    );
  });

  it('the benefit cap never increases an award, and never takes more than the award', () => {
    fc.assert(
      fc.property(answers, day, (a, date) => {
        const uc = estimate(a, date).universalCredit;
        const beforeCap = Math.max(0, uc.maximumMonthly + uc.deductions.reduce((t, l) => t + l.monthly, 0));
        if (uc.noAwardBecause) return;
        expect(uc.cap?.monthly ?? 0).toBeLessThanOrEqual(0);
        expect(uc.monthly).toBeLessThanOrEqual(beforeCap);
      }),
      { numRuns: RUNS },
    );
  });

  it('needing another bedroom (a child more) never lowers the housing element', () => {
    fc.assert(
      fc.property(answers, child, day, (a, extra, date) => {
        fc.pre(a.children.length < 5 && (a.home === 'private' || a.home === 'social'));
        const housing = (x: MoneyAnswers) =>
          estimate(x, date).universalCredit.elements.find((l) => l.id === 'housing-element')?.monthly ?? 0;
        expect(housing({ ...a, children: [...a.children, extra] })).toBeGreaterThanOrEqual(housing(a));
      }),
      { numRuns: RUNS },
    );
  });

  it("a date's rates are the ones in force that day: each value the latest that started on or before it", () => {
    fc.assert(
      fc.property(day, (date) => {
        const on = ratesOn(moneyRules.rates, date);
        for (const [path, chosen] of on.provenance) {
          expect(chosen.from <= date, path).toBe(true);
          // No entry for the same value started later but still on or before the date.
          for (const file of moneyRules.rates) {
            const other = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], file) as
              { from: string } | undefined;
            if (other && other.from <= date) expect(other.from <= chosen.from, path).toBe(true);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});
