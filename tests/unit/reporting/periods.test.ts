import { describe, expect, it } from 'vitest';
import { niceScale } from '../../../src/domain/reporting/chart-scale.ts';
import { barList, columnChart } from '../../../src/domain/reporting/chart-layout.ts';
import { defaultRange, quarterOf, quartersOverlapping, rangeFrom } from '../../../src/domain/reporting/periods.ts';

const params = (p: Record<string, string>) => new URLSearchParams(p);

describe('the range a report covers', () => {
  it('is the last 52 weeks unless dates are given', () => {
    expect(defaultRange('2026-12-05')).toEqual({ from: '2025-12-08', to: '2026-12-05' });
    expect(rangeFrom(params({}), '2026-12-05')).toEqual({ range: defaultRange('2026-12-05'), problems: [] });
    expect(rangeFrom(params({ 'from-day': '1', 'from-month': '4', 'from-year': '2026', 'to-day': '30', 'to-month': '11', 'to-year': '2026' }), '2026-12-05').range).toEqual({ from: '2026-04-01', to: '2026-11-30' });
  });

  it('names each problem with the dates, as the GOV.UK date input asks', () => {
    const problems = (p: Record<string, string>) => rangeFrom(params(p), '2026-12-05').problems.map((x) => x.message);
    expect(problems({ 'from-day': '1', 'from-month': '4' })).toEqual(['The start date must include a year', 'The end date is missing']);
    expect(problems({ 'from-day': '31', 'from-month': '2', 'from-year': '2026', 'to-day': '1', 'to-month': '3', 'to-year': '2026' })).toEqual(['The start date must be a real date']);
    expect(problems({ 'from-day': '2', 'from-month': '3', 'from-year': '2026', 'to-day': '1', 'to-month': '3', 'to-year': '2026' })).toEqual(['The end date must be the same as or after the start date']);
    expect(problems({ 'from-day': '1', 'from-month': '1', 'from-year': '2026', 'to-day': '1', 'to-month': '1', 'to-year': '2027' })).toEqual(['The end date must be today or in the past']);
    expect(problems({ 'from-day': '1', 'from-month': '1', 'from-year': '2020', 'to-day': '1', 'to-month': '1', 'to-year': '2026' })).toEqual(['The start date must be no more than 3 years before the end date']);
    // A problem still shows the default range meanwhile.
    expect(rangeFrom(params({ 'from-day': 'x' }), '2026-12-05').range).toEqual(defaultRange('2026-12-05'));
  });

  it('splits into the council’s financial quarters', () => {
    expect(quarterOf('2026-12-05')).toMatchObject({ start: '2026-10-01', end: '2026-12-31', short: '2026-27 Q3' });
    expect(quarterOf('2027-02-28')).toMatchObject({ start: '2027-01-01', end: '2027-03-31', short: '2026-27 Q4', label: 'Q4 2026 to 2027 (January to March 2027)' });
    expect(quarterOf('2026-04-01').short).toBe('2026-27 Q1');
    expect(quartersOverlapping({ from: '2026-03-31', to: '2026-07-01' }).map((q) => q.short)).toEqual(['2025-26 Q4', '2026-27 Q1', '2026-27 Q2']);
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
