import { describe, expect, it } from 'vitest';
import targetsJson from '../../../content/reporting/targets.json' with { type: 'json' };
import { knownCodes, parseTargets, targets, vocabulary } from '../../../src/config/targets.ts';
import { describeDefinition } from '../../../src/domain/reporting/target-definition.ts';
import { quarterStanding, targetStanding, trendOf } from '../../../src/domain/reporting/target-status.ts';

const words = vocabulary();

describe('targets as data', () => {
  it('ships Stoke’s Targets 1 to 10 and Blackpool’s HELS, WRS and TSS measures, in the plans’ own words', () => {
    const ids = targets.targets.map((t) => t.id);
    for (let n = 1; n <= 10; n++) expect(ids).toContain(`stoke-${n}`);
    for (const id of ['hels-1', 'hels-5', 'hels-9', 'hels-15', 'wrs-1', 'wrs-3', 'tss-1', 'tss-6']) expect(ids).toContain(id);
    const ten = targets.targets.find((t) => t.id === 'stoke-10')!;
    expect(ten.wording).toContain('(Average figure 2008 - 26 per week)');
    expect(ten).toMatchObject({ baseline: 26, target: 52, direction: 'up' });
  });

  it('says what data is missing for each target the service cannot answer', () => {
    const unanswered = targets.targets.filter((t) => !t.definition);
    expect(unanswered.map((t) => t.id).sort()).toEqual(['stoke-7', 'tss-1', 'tss-2', 'tss-3', 'tss-4', 'tss-5']);
    for (const t of unanswered) expect(t.missingData!.length).toBeGreaterThan(20);
  });

  it('refuses a definition that names an outcome, group or team that does not exist, naming it', () => {
    const broken = structuredClone(targetsJson) as { targets: Array<Record<string, unknown>> };
    broken.targets[1]!.definition = { count: 'cases', countedOn: 'outcome', outcomes: ['wrok-16-hours'] };
    expect(() => parseTargets(broken, knownCodes())).toThrow(/stoke-1: no outcome "wrok-16-hours"/);
    const both = structuredClone(targetsJson) as { targets: Array<Record<string, unknown>> };
    both.targets[1]!.missingData = 'also missing';
    expect(() => parseTargets(both, knownCodes())).toThrow(/either a definition or missingData/);
    const noOutcome = structuredClone(targetsJson) as { targets: Array<Record<string, unknown>> };
    noOutcome.targets[1]!.definition = { count: 'cases', countedOn: 'outcome' };
    expect(() => parseTargets(noOutcome, knownCodes())).toThrow(/needs the outcomes that count/);
  });

  it('counts Target 9 from the health checks and WRS3 from follow-ups that say financially secure, and says so in words', () => {
    const nine = targets.targets.find((t) => t.id === 'stoke-9')!;
    expect(describeDefinition(nine.definition!, words)).toBe(
      'Cases with an income maximisation health check recorded, counted on the day its first income maximisation health check was recorded. Each case counts once.',
    );
    const wrs3 = targets.targets.find((t) => t.id === 'wrs-3')!;
    expect(describeDefinition(wrs3.definition!, words)).toBe(
      'Cases whose 6-month follow-up says in work or training and financially secure, counted on the day the follow-up was recorded. Each case counts once.',
    );
  });

  it('puts each definition in words, made from the definition itself', () => {
    const three = targets.targets.find((t) => t.id === 'stoke-3')!;
    expect(describeDefinition(three.definition!, words)).toBe(
      'Cases with need level moderate, with the outcome “Homelessness prevented: stayed in their home”, “Homelessness prevented: moved to another home”, “Homelessness relieved” or “Private rented tenancy secured”, whose 6-month follow-up says still housed, counted on the day the follow-up was recorded. Each case counts once.',
    );
    const twelve = targets.targets.find((t) => t.id === 'hels-15')!;
    expect(describeDefinition(twelve.definition!, words)).toContain(
      'in none of the client groups “Long-term unemployed”, “Incapacity benefit or ESA claimant”, “Lone parent” and “Over 50”',
    );
    expect(describeDefinition({ count: 'weekly-visitors', averageOverWeeks: 13 }, words)).toMatch(
      /^The average of weekly unique visitors over the last 13 complete weeks/,
    );
  });
});

describe('where a target stands this quarter', () => {
  const t = { from: '2026-04-01', by: '2027-04-01', baseline: 0, target: 365, direction: 'up' as const };

  it('compares what the quarter has added so far with the straight line over the same days', () => {
    // 1 October to 10 October, both days: 10 of the year's 365 days, so 10 expected.
    expect(quarterStanding(t, 10, '2026-10-01', '2026-10-10', 'count')).toEqual({ status: 'on-track', expected: 10 });
    expect(quarterStanding(t, 9, '2026-10-01', '2026-10-10', 'count').status).toBe('behind');
    // A quarter the target starts in part-way counts from the target's start.
    expect(quarterStanding({ ...t, from: '2026-05-01' }, 0, '2026-04-01', '2026-04-15', 'count').status).toBe('not-started');
    expect(quarterStanding({ ...t, from: '2026-05-01', by: '2027-05-01' }, 31, '2026-04-01', '2026-05-31', 'count').expected).toBeCloseTo(
      31,
      5,
    );
    // Past its date, or with no number, there is nothing to be on track for.
    expect(quarterStanding(t, 5, '2027-04-01', '2027-04-10', 'count').status).toBe('over');
    expect(quarterStanding({ ...t, target: null }, 5, '2026-10-01', '2026-10-10', 'count')).toEqual({
      status: 'no-number',
      expected: null,
    });
  });

  it('reads a level (weekly visitors) as this quarter’s level against where the line is', () => {
    const visitors = { from: '2026-04-01', by: '2028-04-01', baseline: 26, target: 52, direction: 'up' as const };
    expect(quarterStanding(visitors, 54, '2026-10-01', '2026-12-06', 'level').status).toBe('met');
    // The line is at 26 + 26 × 249/731 ≈ 34.9 on 6 December 2026.
    expect(quarterStanding(visitors, 35, '2026-10-01', '2026-12-06', 'level').status).toBe('on-track');
    expect(quarterStanding(visitors, 28, '2026-10-01', '2026-12-06', 'level').status).toBe('behind');
  });
});

describe('where a target stands', () => {
  const t = { from: '2026-04-01', by: '2027-04-01', baseline: 0, target: 100, direction: 'up' as const };

  it('compares the actual with a straight line from the baseline to the target', () => {
    // Halfway through the year (182 of 365 days), 49.9 are expected.
    expect(targetStanding(t, 50, '2026-09-30')).toMatchObject({ status: 'on-track' });
    expect(targetStanding(t, 40, '2026-09-30').status).toBe('behind');
    expect(targetStanding(t, 40, '2026-09-30').expected).toBeCloseTo(49.86, 1);
    expect(targetStanding(t, 100, '2026-05-01').status).toBe('met');
    expect(targetStanding(t, 99, '2027-04-01').status).toBe('missed');
    expect(targetStanding(t, 0, '2026-03-01').status).toBe('not-started');
    expect(targetStanding({ ...t, target: null }, 10, '2026-09-30')).toEqual({ status: 'no-number', expected: null });
  });

  it('starts a doubling target from its baseline, and reads a target that should fall the other way', () => {
    const visitors = { from: '2026-04-01', by: '2027-04-01', baseline: 26, target: 52, direction: 'up' as const };
    expect(targetStanding(visitors, 27, '2026-04-02').status).toBe('on-track');
    expect(targetStanding(visitors, 30, '2026-12-01').status).toBe('behind');
    const waits = { from: '2026-04-01', by: '2027-04-01', baseline: 20, target: 10, direction: 'down' as const };
    expect(targetStanding(waits, 14, '2026-10-01').status).toBe('on-track');
    expect(targetStanding(waits, 18, '2026-10-01').status).toBe('behind');
    expect(targetStanding(waits, 9, '2026-10-01').status).toBe('met');
  });

  it('says whether the last 13 weeks were up, down or level on the 13 before', () => {
    expect([trendOf(5, 3), trendOf(3, 5), trendOf(4, 4)]).toEqual(['up', 'down', 'level']);
  });
});
