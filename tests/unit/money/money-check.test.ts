// The money check's other rules: reading answers (every problem named by its field), who is out of
// scope (said, never estimated), rates chosen by date (and a missing one named), the council's
// Council Tax Reduction scheme, take-home pay, and the better-off table.
import { describe, expect, it } from 'vitest';
import rates2026 from '../../../content/money/rates-2026-27.json' with { type: 'json' };
import { moneyRules, parseCouncilTaxReduction, parseRatesFile } from '../../../src/config/money.ts';
import { readMoneyAnswers } from '../../../src/domain/money/answers.ts';
import { betterOffInWork } from '../../../src/domain/money/better-off.ts';
import { householdKind } from '../../../src/domain/money/council-tax-reduction.ts';
import { estimateMoney } from '../../../src/domain/money/estimate.ts';
import { ratesOn, NoRatesFor } from '../../../src/domain/money/rates.ts';
import { takeHomePay } from '../../../src/domain/money/take-home.ts';
import { household } from './household.ts';

describe('reading answers', () => {
  it('turns pounds into pence and yes or no into booleans, from a form or JSON', () => {
    const read = readMoneyAnswers({
      couple: 'yes',
      age: '34',
      partnerAge: 29,
      children: [{ age: 4, sex: 'female' }],
      home: 'private',
      rentMonthly: '£1,050.50',
      takeHomeMonthly: '1200',
      partnerTakeHomeMonthly: 0,
      councilTaxBand: 'B',
      lcwra: false,
    });
    expect(read).toMatchObject({
      ok: true,
      answers: { couple: true, age: 34, partnerAge: 29, rentMonthly: 105050, takeHomeMonthly: 120000, councilTaxBand: 'B', lcwra: false },
    });
  });

  it('names every field that is wrong, with what to put right', () => {
    const read = readMoneyAnswers({
      couple: 'maybe',
      age: 'thirty',
      home: 'castle',
      rentMonthly: '12.345',
      savings: '-5',
      children: [{ age: 25, sex: 'x' }],
      councilTaxBand: 'Z',
    });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toEqual([
      { field: 'couple', message: 'Say yes or no: do you live with a partner?' },
      { field: 'age', message: 'Your age must be a whole number, like 17' },
      { field: 'children.0.age', message: 'Child 1: enter an age from 0 to 19' },
      { field: 'children.0.sex', message: 'Child 1: choose girl or boy' },
      {
        field: 'home',
        message: 'Choose how you live: renting privately, renting from the council or a housing association, owning, or living with others',
      },
      { field: 'councilTaxBand', message: 'Choose your council tax band, A to H, or say you do not know' },
      { field: 'savings', message: 'Your savings must be an amount of money, like 650 or 650.50' },
    ]);
  });

  it('asks for the rent of a renter, and a partner’s age only of a couple', () => {
    const read = readMoneyAnswers({ couple: 'no', age: '40', home: 'social' });
    expect(read.ok ? [] : read.problems.map((p) => p.field)).toEqual(['rentMonthly', 'bedrooms']);
    expect(readMoneyAnswers({ couple: 'no', age: '40', home: 'none', partnerAge: 'nonsense' }).ok).toBe(true);
  });
});

describe('who the check is not for, said plainly instead of a figure', () => {
  it.each([
    [{ age: 67 }, 'pension-age'],
    [{ couple: true, age: 40, partnerAge: 70 }, 'mixed-age'],
    [{ student: true }, 'student'],
    [{ settledInUk: false }, 'from-abroad'],
    [{ legacyBenefits: true }, 'legacy-benefits'],
    [{ selfEmployed: true }, 'self-employed'],
  ] as const)('%o: %s', (changes, code) => {
    const result = estimateMoney(household(changes), '2026-06-01', moneyRules);
    expect(result).toMatchObject({ kind: 'out-of-scope', reasons: [expect.objectContaining({ code })] });
    expect(betterOffInWork(household(changes), '2026-06-01', moneyRules).kind).toBe('out-of-scope');
  });
});

describe('rates by date', () => {
  it('uses each year’s rates from the day they start, and the earlier ones the day before', () => {
    expect(ratesOn(moneyRules.rates, '2026-04-05').rates.universalCredit.standardAllowance.single25OrOverMonthly).toBe(40014);
    expect(ratesOn(moneyRules.rates, '2026-04-06').rates.universalCredit.standardAllowance.single25OrOverMonthly).toBe(42490);
    // The National Living Wage changes on 1 April, Universal Credit on 6 April.
    const april = ratesOn(moneyRules.rates, '2026-04-02');
    expect(april.rates.minimumWage.age21OrOverHourly).toBe(1271);
    expect(april.rates.universalCredit.childElement.childLimit).toBe(2);
    expect(ratesOn(moneyRules.rates, '2026-04-06').rates.universalCredit.childElement.childLimit).toBeNull();
    expect(april.years).toEqual(['2025/26', '2026/27']);
  });

  it('gives no figure, rather than last year’s, on a date after the last year loaded', () => {
    const after = estimateMoney(household({}), '2027-04-06', moneyRules);
    expect(after).toEqual({ kind: 'no-rates', date: '2027-04-06', coverage: { from: '2025-04-07', to: '2027-04-05' } });
    expect(betterOffInWork(household({}), '2027-04-06', moneyRules).kind).toBe('no-rates');
    expect(estimateMoney(household({}), '2027-04-05', moneyRules).kind).toBe('estimate');
  });

  it('refuses a date before the rates begin, naming what is missing', () => {
    expect(() => ratesOn(moneyRules.rates, '2024-01-01')).toThrow(NoRatesFor);
    expect(() => ratesOn(moneyRules.rates, '2024-01-01')).toThrow(/universalCredit\.standardAllowance\.singleUnder25Monthly/);
  });

  it('stops the build when a value has no source, or is not the kind it should be', () => {
    const copy = structuredClone(rates2026) as Record<string, any>;
    copy.universalCredit.taperRate.sources = [];
    expect(() => parseRatesFile('content/money/rates-2026-27.json', copy)).toThrow(/universalCredit\.taperRate\.sources/);
    copy.universalCredit.taperRate.sources = rates2026.universalCredit.taperRate.sources;
    copy.universalCredit.carerElementMonthly.value = 209.34;
    expect(() => parseRatesFile('content/money/rates-2026-27.json', copy)).toThrow(/universalCredit\.carerElementMonthly\.value/);
  });

  it('refuses a Council Tax Reduction scheme whose bands do not rise', () => {
    const scheme = structuredClone(moneyRules.councilTaxReduction);
    scheme.bands = [scheme.bands[1]!, scheme.bands[0]!];
    expect(() => parseCouncilTaxReduction(scheme)).toThrow(/bands: each band must reach higher incomes/);
  });
});

describe('Council Tax Reduction under the council’s scheme', () => {
  it('reads the household a scheme sets its limits for: one adult or a couple, with no, one, or two or more children', () => {
    expect([0, 1, 2, 5].map((children) => householdKind(false, children))).toEqual([
      'single',
      'loneParentOneChild',
      'loneParentTwoOrMore',
      'loneParentTwoOrMore',
    ]);
    expect([0, 1, 2, 5].map((children) => householdKind(true, children))).toEqual([
      'couple',
      'coupleOneChild',
      'coupleTwoOrMore',
      'coupleTwoOrMore',
    ]);
  });

  it('refuses a scheme that leaves out a household', () => {
    const scheme = structuredClone(moneyRules.councilTaxReduction) as unknown as { bands: Array<{ upToWeekly: Record<string, number> }> };
    delete scheme.bands[0]!.upToWeekly.coupleOneChild;
    expect(() => parseCouncilTaxReduction(scheme)).toThrow(/bands\.0\.upToWeekly\.coupleOneChild/);
  });

  it('takes the band’s share off a capped charge, after the single person discount, and explains it', () => {
    // Band D, £2,322 a year; support worked out on band C (£2,064), less 25% for living alone: £1,548.
    const result = estimateMoney(
      household({ home: 'social', rentMonthly: 50000, bedrooms: 1, councilTaxBand: 'D' }),
      '2026-06-01',
      moneyRules,
    );
    if (result.kind !== 'estimate') throw new Error('expected an estimate');
    const ctr = result.councilTaxReduction;
    expect(ctr.chargeMonthly).toBe(Math.round(Math.round(232200 * 0.75) / 12));
    // No take-home pay; Universal Credit without its housing element is the income: £424.90 a month, £98.05 a week: band 1 (80%).
    expect(ctr.monthly).toBe(Math.round((Math.round(206400 * 0.75) * 0.8) / 12));
    expect(ctr.line?.rule).toMatch(/80% off the council tax, worked out on a band C charge at most/);
    expect(ctr.line?.because).toBe(
      'You said your home is in band D (£2,322 a year) and your household’s income comes to £98.05 a week.'.replace('’', "'"),
    );
  });

  it('says what it needs when the band is not known, and gives nothing to someone who does not pay council tax', () => {
    const unknown = estimateMoney(household({ home: 'private', rentMonthly: 50000 }), '2026-06-01', moneyRules);
    expect(unknown.kind === 'estimate' && unknown.councilTaxReduction.note).toMatch(/council tax band/);
    const lodger = estimateMoney(household({ home: 'none', councilTaxBand: 'A' }), '2026-06-01', moneyRules);
    expect(lodger.kind === 'estimate' && lodger.councilTaxReduction.monthly).toBe(0);
  });
});

describe('take-home pay', () => {
  it('takes income tax over the personal allowance and National Insurance over the primary threshold (2026/27)', () => {
    const rates = ratesOn(moneyRules.rates, '2026-06-01').rates;
    // £2,000 a month: tax 20% of (24,000 - 12,570) / 12 = £190.50; NI 8% of (2,000 - 1,048) = £76.16.
    expect(takeHomePay(200000, rates)).toEqual({
      grossMonthly: 200000,
      incomeTaxMonthly: 19050,
      nationalInsuranceMonthly: 7616,
      takeHomeMonthly: 200000 - 19050 - 7616,
    });
    expect(takeHomePay(100000, rates)).toMatchObject({ incomeTaxMonthly: 0, nationalInsuranceMonthly: 0, takeHomeMonthly: 100000 });
  });
});

describe('better off in work', () => {
  it('compares 0, 16, 24 and 30 hours at the National Living Wage, each row more than not working', () => {
    const result = betterOffInWork(
      household({ age: 30, children: [{ age: 6, sex: 'male' }], home: 'social', rentMonthly: 55000, bedrooms: 2, councilTaxBand: 'A' }),
      '2026-06-01',
      moneyRules,
    );
    if (result.kind !== 'comparison') throw new Error('expected a comparison');
    expect(result).toMatchObject({ hourlyWage: 1271, wageIsMinimum: true });
    expect(result.rows.map((r) => r.hours)).toEqual([0, 16, 24, 30]);
    // 16 hours at £12.71: 16 x 12.71 x 52 / 12 = £881.23 a month, no tax or NI.
    expect(result.rows[1]).toMatchObject({ grossMonthly: 88123, takeHomeMonthly: 88123 });
    expect(result.rows[0]!.betterOffMonthly).toBe(0);
    for (const [a, b] of [
      [0, 1],
      [1, 2],
      [2, 3],
    ] as const) {
      expect(result.rows[b]!.totalMonthly).toBeGreaterThan(result.rows[a]!.totalMonthly);
      expect(result.rows[b]!.universalCreditMonthly).toBeLessThanOrEqual(result.rows[a]!.universalCreditMonthly);
    }
    for (const row of result.rows) expect(row.betterOffWeekly).toBe(Math.round((row.betterOffMonthly * 12) / 52));
  });

  it('uses the wage the person gives', () => {
    const result = betterOffInWork(household({ hourlyWage: 1500 }), '2026-06-01', moneyRules);
    expect(result.kind === 'comparison' && result.rows[3]!.grossMonthly).toBe(Math.round((30 * 1500 * 52) / 12));
  });
});
