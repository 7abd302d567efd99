// Small numbers are not shown: a count from 1 to 4 in any breakdown could point to a person, so
// it reads "fewer than 5", on screen and in CSV. A total must not give one back by subtraction:
// when only one cell of a breakdown is hidden, the next smallest is hidden too (secondary
// suppression), and when nothing else can be hidden, the total is.

export const SUPPRESS_BELOW = 5;
export const SUPPRESSED_TEXT = 'fewer than 5';

export interface Shown {
  value: number;
  suppressed: boolean;
}

const hide = (value: number) => value > 0 && value < SUPPRESS_BELOW;

/** One count on its own (not part of a breakdown with a total). */
export function suppressOne(value: number): Shown {
  return { value, suppressed: hide(value) };
}

/** A breakdown's cells, and its total when one is shown. */
export function suppressBreakdown(values: readonly number[], total?: number): { cells: Shown[]; total: Shown | null } {
  const cells = values.map(suppressOne);
  if (total === undefined) return { cells, total: null };
  const shownTotal = suppressOne(total);
  const hidden = cells.filter((c) => c.suppressed);
  if (hidden.length === 1 && !shownTotal.suppressed) {
    const next = cells.filter((c) => !c.suppressed && c.value > 0).sort((a, b) => a.value - b.value)[0];
    if (next) next.suppressed = true;
    else shownTotal.suppressed = true;
  }
  return { cells, total: shownTotal };
}

const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

export function shownText(shown: Shown): string {
  return shown.suppressed ? SUPPRESSED_TEXT : NUMBER.format(shown.value);
}
