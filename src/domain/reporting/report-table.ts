// A report's table as data: what the page shows, what the chart beside it draws, and what its CSV
// holds are the same rows, with small numbers hidden the same way in all three.
import { shownText, suppressBreakdown, suppressOne, type Shown } from './suppression.ts';

/** A cell: a count (hidden when small), or text. `cases` opens the list of cases behind a count. */
export type Cell = { count: number; cases?: string } | { text: string };

export interface TableRow {
  label: string;
  cells: Cell[];
}

export interface ReportTable {
  /** Its address: /staff/reports/<id>.csv. */
  id: string;
  title: string;
  /** How every figure in it is counted, in a line. */
  counted: string;
  /** The first column's heading, then one per cell. */
  headings: string[];
  rows: TableRow[];
  /**
   * 'breakdown': the rows split one whole, with `total` shown: small counts are hidden and so is
   * whatever would give one back. 'cells': each count stands alone.
   */
  kind: 'breakdown' | 'cells';
  total?: TableRow;
}

export type ShownCell = { text: string; value: number | null; suppressed: boolean; cases?: string };

export interface ShownTable extends Omit<ReportTable, 'rows' | 'total'> {
  rows: Array<{ label: string; cells: ShownCell[] }>;
  total?: { label: string; cells: ShownCell[] };
}

const asShown = (cell: Cell, shown?: Shown): ShownCell =>
  'text' in cell
    ? { text: cell.text, value: null, suppressed: false }
    : {
        text: shownText(shown!),
        value: shown!.suppressed ? null : cell.count,
        suppressed: shown!.suppressed,
        cases: shown!.suppressed ? undefined : cell.cases,
      };

/** The table as people may see it: counts from 1 to 4 hidden, and any total that would reveal them. */
export function showTable(table: ReportTable): ShownTable {
  const columns = table.headings.length - 1;
  const rows = table.rows.map((row) => ({ label: row.label, cells: [] as ShownCell[] }));
  const total = table.total ? { label: table.total.label, cells: [] as ShownCell[] } : undefined;
  for (let c = 0; c < columns; c++) {
    const column = table.rows.map((r) => r.cells[c]!);
    const counts = column.map((cell) => ('count' in cell ? cell.count : 0));
    const totalCell = table.total?.cells[c];
    if (table.kind === 'breakdown' && totalCell && 'count' in totalCell) {
      const { cells, total: shownTotal } = suppressBreakdown(counts, totalCell.count);
      column.forEach((cell, r) => rows[r]!.cells.push(asShown(cell, cells[r])));
      total!.cells.push(asShown(totalCell, shownTotal!));
    } else {
      column.forEach((cell, r) => rows[r]!.cells.push(asShown(cell, 'count' in cell ? suppressOne(cell.count) : undefined)));
      if (totalCell) total!.cells.push(asShown(totalCell, 'count' in totalCell ? suppressOne(totalCell.count) : undefined));
    }
  }
  return { ...table, rows, total };
}

const csvCell = (c: ShownCell) => (c.value !== null ? String(c.value) : c.text);

/** The shown table as CSV rows: headings, then each row (and the total); hidden counts read "fewer than 5" here too. */
export function csvRows(table: ShownTable): string[][] {
  return [
    table.headings,
    ...table.rows.map((r) => [r.label, ...r.cells.map(csvCell)]),
    ...(table.total ? [[table.total.label, ...table.total.cells.map(csvCell)]] : []),
  ];
}
