import { describe, expect, it } from 'vitest';
import { csvRows, showTable, type ReportTable } from '../../../src/domain/reporting/report-table.ts';
import { shownText, suppressBreakdown, suppressOne } from '../../../src/domain/reporting/suppression.ts';
import { toCsv } from '../../../src/domain/reporting/csv.ts';

describe('hiding small numbers', () => {
  it('hides counts from 1 to 4, not 0 or 5', () => {
    expect([0, 1, 4, 5, 12].map((n) => shownText(suppressOne(n)))).toEqual(['0', 'fewer than 5', 'fewer than 5', '5', '12']);
  });

  it('hides the next smallest count when only one is hidden, so the total cannot give it back', () => {
    const { cells, total } = suppressBreakdown([3, 20, 8, 0], 31);
    expect(cells.map((c) => c.suppressed)).toEqual([true, false, true, false]);
    expect(total).toEqual({ value: 31, suppressed: false });
    // Two already hidden: nothing more needs to be.
    expect(suppressBreakdown([3, 2, 8], 13).cells.map((c) => c.suppressed)).toEqual([true, true, false]);
    // Nothing else to hide: the total is hidden instead.
    expect(suppressBreakdown([3, 0], 3).total).toEqual({ value: 3, suppressed: true });
    expect(suppressBreakdown([6, 7], 13)).toEqual({ cells: [suppressOne(6), suppressOne(7)], total: suppressOne(13) });
  });

  it('shows a table, its chart values and its CSV with the same hidden cells', () => {
    const table: ReportTable = {
      id: 'need-levels',
      title: 'Hand-offs by need level',
      counted: 'x',
      headings: ['Need level', 'Hand-offs'],
      kind: 'breakdown',
      rows: [
        { label: 'Emergency', cells: [{ count: 2, cases: 'need:emergency:2026-01-01:2026-12-31' }] },
        { label: 'High', cells: [{ count: 9, cases: 'need:high:2026-01-01:2026-12-31' }] },
        { label: 'Moderate', cells: [{ count: 30 }] },
      ],
      total: { label: 'All', cells: [{ count: 41 }] },
    };
    const shown = showTable(table);
    expect(shown.rows.map((r) => r.cells[0]!.text)).toEqual(['fewer than 5', 'fewer than 5', '30']);
    // A hidden count gives neither its number nor its list of cases.
    expect(shown.rows[0]!.cells[0]).toEqual({ text: 'fewer than 5', value: null, suppressed: true, cases: undefined });
    expect(shown.total!.cells[0]!.text).toBe('41');
    expect(toCsv(csvRows(shown))).toBe('Need level,Hand-offs\r\nEmergency,fewer than 5\r\nHigh,fewer than 5\r\nModerate,30\r\nAll,41\r\n');
  });
});

describe('CSV', () => {
  it('quotes what needs quoting and never hands a spreadsheet a formula', () => {
    expect(
      toCsv([
        ['a,b', 'say "hi"', 'line\nbreak'],
        ['=SUM(A1)', '+1', '-12', '@x', '-'],
      ]),
    ).toBe('"a,b","say ""hi""","line\nbreak"\r\n\'=SUM(A1),\'+1,-12,\'@x,\'-\r\n');
  });
});
