// POST /api/money/estimate, as its handler answers: the README's worked request and its answer,
// and every kind of bad request refused with the field and what is wrong.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moneyRules } from '../../../src/config/money.ts';
import { answerEstimateRequest } from '../../../src/server/money/estimate-api.ts';
import { textUpTo } from '../../../src/server/web/limited-body.ts';

const ask = (body: unknown, contentType: string | null = 'application/json') =>
  answerEstimateRequest(
    { contentType, body: typeof body === 'string' || body === null ? body : JSON.stringify(body), today: '2026-12-06' },
    moneyRules,
  );

/** The README's worked request (section "The money check"). */
export const WORKED_REQUEST = {
  date: '2026-12-06',
  age: 29,
  children: [{ age: 4, sex: 'female' }],
  home: 'private',
  rentMonthly: 650,
  councilTaxBand: 'B',
  takeHomeMonthly: 400,
};

describe('POST /api/money/estimate', () => {
  it('answers the worked request with every line, its rule, the answer behind it and its sources', () => {
    const answer = ask(WORKED_REQUEST);
    expect(answer.status).toBe(200);
    const body = answer.body as Record<string, any>;
    expect(body).toMatchObject({
      date: '2026-12-06',
      ratesYears: ['2026/27'],
      note: expect.stringMatching(/^An estimate, not a decision/),
    });
    expect(body.universalCredit.elements.map((l: { id: string }) => l.id)).toEqual([
      'standard-allowance',
      'child-element',
      'housing-element',
    ]);
    // A lone parent of 29: £424.90 + £303.94 + the rent (under the demo 2-bedroom LHA of £569.88), less 55% of £400 less the £427 allowance (none).
    expect(body.universalCredit.elements.map((l: { monthly: number }) => l.monthly)).toEqual([424.9, 303.94, 569.88]);
    expect(body.universalCredit.deductions).toEqual([expect.objectContaining({ id: 'earnings', monthly: 0 })]);
    expect(body.universalCredit.monthly).toBe(1298.72);
    expect(body.universalCredit.rentShortfallMonthly).toBe(80.12);
    for (const line of body.universalCredit.elements) {
      expect(line.because).toMatch(/^You said/);
      expect(line.sources.length, line.id).toBeGreaterThan(0);
    }
    expect(body.councilTaxReduction.line.id).toBe('council-tax-reduction');
    expect(body.betterOffInWork.rows.map((r: { hoursPerWeek: number }) => r.hoursPerWeek)).toEqual([0, 16, 24, 30]);
  });

  it('says what is out of scope instead of a figure', () => {
    const answer = ask({ age: 70, home: 'none' });
    expect(answer).toMatchObject({ status: 200, body: { outOfScope: [expect.objectContaining({ code: 'pension-age' })] } });
  });

  it('refuses what it cannot read, saying what is wrong', () => {
    expect(ask(WORKED_REQUEST, 'application/x-www-form-urlencoded')).toMatchObject({ status: 415 });
    expect(ask(WORKED_REQUEST, null)).toMatchObject({ status: 415 });
    expect(ask(null)).toMatchObject({ status: 413 });
    expect(ask('{"age": 3')).toEqual({ status: 400, body: { errors: [{ field: 'body', message: 'The body is not valid JSON' }] } });
    expect(ask('[1, 2]')).toMatchObject({ status: 400, body: { errors: [{ field: 'body' }] } });
    expect(ask({ ...WORKED_REQUEST, date: '2031-01-01', rentMonthly: 'lots' })).toEqual({
      status: 400,
      body: {
        errors: [
          { field: 'date', message: 'The rates here cover 2025-04-07 to 2027-04-05: choose a date between them' },
          { field: 'rentMonthly', message: 'Your rent a month must be an amount of money, like 650 or 650.50' },
        ],
      },
    });
    expect(ask({ ...WORKED_REQUEST, date: '2026-02-30x' })).toMatchObject({ status: 400, body: { errors: [{ field: 'date' }] } });
    // Objects where numbers belong, even ones with a "toString" of their own (found by the property below), are wrong answers, not failures.
    const odd = ask({ ...WORKED_REQUEST, takeHomeMonthly: { toString: 0 }, age: { toString: '' }, rentMonthly: [650] });
    expect(odd.status).toBe(400);
    expect((odd.body as { errors: Array<{ field: string }> }).errors.map((e) => e.field).sort()).toEqual([
      'age',
      'rentMonthly',
      'takeHomeMonthly',
    ]);
  });
});

describe("the README's worked request", () => {
  const block = (name: string) => {
    const readme = readFileSync(path.resolve(import.meta.dirname, '../../../README.md'), 'utf8');
    const found = new RegExp(`<!-- ${name}:start -->\\s*\`\`\`json\\n([\\s\\S]*?)\`\`\`\\s*<!-- ${name}:end -->`).exec(readme);
    if (!found) throw new Error(`README.md has no ${name} block`);
    return JSON.parse(found[1]!) as unknown;
  };

  it('is the request these tests send, and its response is what the service answers', () => {
    const request = block('money-api-request');
    expect(request).toEqual(WORKED_REQUEST);
    expect(ask(request).body).toEqual(block('money-api-response'));
  });
});

describe('POST /api/money/estimate under random bodies (fast-check)', () => {
  const FIELDS = [
    'date',
    'couple',
    'age',
    'partnerAge',
    'children',
    'childrenBornBefore2017',
    'youngAdults',
    'nonDependants',
    'lcwra',
    'carer',
    'home',
    'rentMonthly',
    'bedrooms',
    'sharedRateExemption',
    'councilTaxBand',
    'takeHomeMonthly',
    'partnerTakeHomeMonthly',
    'otherIncomeMonthly',
    'savings',
    'hourlyWage',
    'student',
    'fromAbroad',
    'legacyBenefits',
    'selfEmployed',
  ];
  const value = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom('yes', 'no', 'private', 'social', 'B', '650', '1e400', '-1', '£1,000,000.01'),
  );
  it('answers any JSON object with an estimate or the fields that are wrong, never an exception', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 12 }), (body) => {
        const answer = ask(body);
        expect([200, 400]).toContain(answer.status);
        if (answer.status === 400)
          for (const e of (answer.body as { errors: Array<{ field: string; message: string }> }).errors)
            expect(e.message.length).toBeGreaterThan(5);
      }),
      { numRuns: Number(process.env.MONEY_PROPERTY_RUNS ?? 300) },
    );
  });
});

describe('reading a body up to a limit', () => {
  const streamOf = (chunks: string[]) =>
    new Request('http://localhost/', {
      method: 'POST',
      body: new ReadableStream({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);

  it('stops as soon as a body with no length passes the limit', async () => {
    expect(await textUpTo(streamOf(['a'.repeat(10), 'b'.repeat(10)]), 15)).toBeNull();
    expect(await textUpTo(streamOf(['a'.repeat(10), 'b'.repeat(5)]), 15)).toBe(`${'a'.repeat(10)}${'b'.repeat(5)}`);
  });

  it('refuses a declared length over the limit without reading it', async () => {
    const request = new Request('http://localhost/', { method: 'POST', body: 'x', headers: { 'content-length': '999999' } });
    expect(await textUpTo(request, 100)).toBeNull();
  });
});
