import { describe, expect, it } from 'vitest';
import { niceScale } from '../../../src/domain/reporting/chart-scale.ts';
import { barList, columnChart } from '../../../src/domain/reporting/chart-layout.ts';
import { addDays } from '../../../src/domain/time/working-days.ts';
import {
  defaultRange,
  quarterOf,
  quarterWeeksOf,
  quartersOverlapping,
  quartersWithin,
  rangeFrom,
  weekQuarters,
} from '../../../src/domain/reporting/periods.ts';

const params = (p: Record<string, string>) => new URLSearchParams(p);

describe('the range a report covers', () => {
  it('is the last 52 weeks unless dates are given', () => {
    expect(defaultRange('2026-12-05')).toEqual({ from: '2025-12-08', to: '2026-12-05' });
    expect(rangeFrom(params({}), '2026-12-05')).toEqual({ range: defaultRange('2026-12-05'), problems: [] });
    expect(
      rangeFrom(
        params({ 'from-day': '1', 'from-month': '4', 'from-year': '2026', 'to-day': '30', 'to-month': '11', 'to-year': '2026' }),
        '2026-12-05',
      ).range,
    ).toEqual({ from: '2026-04-01', to: '2026-11-30' });
  });

  it('names each problem with the dates, as the GOV.UK date input asks', () => {
    const problems = (p: Record<string, string>) => rangeFrom(params(p), '2026-12-05').problems.map((x) => x.message);
    expect(problems({ 'from-day': '1', 'from-month': '4' })).toEqual(['The start date must include a year', 'The end date is missing']);
    expect(
      problems({ 'from-day': '31', 'from-month': '2', 'from-year': '2026', 'to-day': '1', 'to-month': '3', 'to-year': '2026' }),
    ).toEqual(['The start date must be a real date']);
    expect(
      problems({ 'from-day': '2', 'from-month': '3', 'from-year': '2026', 'to-day': '1', 'to-month': '3', 'to-year': '2026' }),
    ).toEqual(['The end date must be the same as or after the start date']);
    expect(
      problems({ 'from-day': '1', 'from-month': '1', 'from-year': '2026', 'to-day': '1', 'to-month': '1', 'to-year': '2027' }),
    ).toEqual(['The end date must be today or in the past']);
    expect(
      problems({ 'from-day': '1', 'from-month': '1', 'from-year': '2020', 'to-day': '1', 'to-month': '1', 'to-year': '2026' }),
    ).toEqual(['The start date must be no more than 3 years before the end date']);
    // A problem still shows the default range meanwhile.
    expect(rangeFrom(params({ 'from-day': 'x' }), '2026-12-05').range).toEqual(defaultRange('2026-12-05'));
  });

  it('splits into the council’s financial quarters', () => {
    expect(quarterOf('2026-12-05')).toMatchObject({ start: '2026-10-01', end: '2026-12-31', short: '2026-27 Q3' });
    expect(quarterOf('2027-02-28')).toMatchObject({
      start: '2027-01-01',
      end: '2027-03-31',
      short: '2026-27 Q4',
      label: 'Q4 2026 to 2027 (January to March 2027)',
    });
    expect(quarterOf('2026-04-01').short).toBe('2026-27 Q1');
    expect(quartersOverlapping({ from: '2026-03-31', to: '2026-07-01' }).map((q) => q.short)).toEqual([
      '2025-26 Q4',
      '2026-27 Q1',
      '2026-27 Q2',
    ]);
  });
});

describe('quarters the funnel compares', () => {
  it('are whole weeks, each in the quarter of its Thursday, so every column covers the same days', () => {
    // 1 October to 6 December 2026: the week from Monday 28 September has its Thursday in October.
    const weeks = quarterWeeksOf({ from: '2026-10-01', to: '2026-12-06' });
    expect(weeks[0]).toBe('2026-09-28');
    expect(weeks.at(-1)).toBe('2026-11-30');
    const [q3, ...rest] = weekQuarters(weeks);
    expect(rest).toEqual([]);
    expect(q3).toMatchObject({ from: '2026-09-28', to: '2026-12-06' });
    expect(q3!.weeks).toHaveLength(10);
    expect(q3!.label).toBe('Q3 2026 to 2027 (October to December 2026), the 10 weeks from 28 Sep 2026 to 6 Dec 2026');
  });

  it('leave out a week the range only grazes, but keep one when that is all there is', () => {
    // 1 July to 30 September: 13 whole weeks from 29 June; the week of 28 September belongs to October.
    const summer = weekQuarters(quarterWeeksOf({ from: '2026-07-01', to: '2026-09-30' }));
    expect(summer.map((q) => [q.quarter.short, q.weeks.length, q.from, q.to])).toEqual([['2026-27 Q2', 13, '2026-06-29', '2026-09-27']]);
    // One Sunday holds no Thursday: its own week.
    expect(quarterWeeksOf({ from: '2026-12-06', to: '2026-12-06' })).toEqual(['2026-11-30']);
  });

  it('split at each quarter in a long range, with nothing between them', () => {
    const quarters = weekQuarters(quarterWeeksOf({ from: '2025-12-08', to: '2026-12-06' }));
    expect(quarters.map((q) => q.quarter.short)).toEqual(['2025-26 Q3', '2025-26 Q4', '2026-27 Q1', '2026-27 Q2', '2026-27 Q3']);
    for (let i = 1; i < quarters.length; i += 1) expect(quarters[i]!.from).toBe(addDays(quarters[i - 1]!.to, 1));
  });

  it('are cut to the range where counts are daily (client groups), and say so', () => {
    expect(quartersWithin({ from: '2026-10-01', to: '2026-12-06' }).map((q) => [q.short, q.from, q.to, q.whole])).toEqual([
      ['2026-27 Q3', '2026-10-01', '2026-12-06', false],
    ]);
    expect(quartersWithin({ from: '2026-07-01', to: '2026-09-30' }).map((q) => q.whole)).toEqual([true]);
  });
});

describe('chart geometry', () => {
  it('rounds the axis to numbers people read easily', () => {
    expect(niceScale(0)).toEqual({ max: 1, ticks: [0, 1] });
    expect(niceScale(52)).toEqual({ max: 60, ticks: [0, 20, 40, 60] });
    expect(niceScale(7)).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
  });

  it('draws no column or bar for a hidden value, and keeps the target line in view', () => {
    const chart = columnChart(
      [
        { label: 'a', short: 'a', value: 10 },
        { label: 'b', short: 'b', value: null },
      ],
      [{ value: 52, label: 'Target', kind: 'target' }],
    );
    expect(chart.bars[1]!.height).toBe(0);
    expect(chart.lines[0]!.y).toBeGreaterThanOrEqual(chart.plot.top);
    expect(chart.bars[0]!.height).toBeGreaterThan(0);
    const bars = barList([
      { label: 'x', value: 0, text: '0' },
      { label: 'y', value: null, text: 'fewer than 5' },
      { label: 'z', value: 8, text: '8' },
    ]);
    expect(bars.rows.map((r) => r.barWidth)).toEqual([0, 0, 296]);
  });
});
