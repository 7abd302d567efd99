// The rates a money check uses, as dated data (content/money/rates-*.json): each value says when it
// applies from and where it comes from. A calculation takes the rates in force on its date: for
// every value, the one with the latest date on or before it, from whichever year's file holds it.

export interface Source {
  title: string;
  url: string;
}

export interface Dated<T> {
  value: T;
  /** ISO date it applies from. */
  from: string;
  sources: Source[];
}

type DatedTree<T> = { [K in keyof T]: T[K] extends number | null ? Dated<T[K]> : DatedTree<T[K]> };

/** The rates themselves (money in pence; `Rate` a fraction; `Monthly`, `Annual`, `Hourly` say per what). */
export interface Rates {
  universalCredit: {
    standardAllowance: {
      singleUnder25Monthly: number;
      single25OrOverMonthly: number;
      coupleBothUnder25Monthly: number;
      couple25OrOverMonthly: number;
    };
    childElement: {
      firstChildBornBefore6April2017Monthly: number;
      eachChildMonthly: number;
      /** How many children the child element is paid for (older ones born before 6 April 2017 aside); null when there is no limit. */
      childLimit: number | null;
    };
    lcwraElementMonthly: number;
    carerElementMonthly: number;
    workAllowance: { withHousingMonthly: number; withoutHousingMonthly: number };
    taperRate: number;
    capital: { upperLimit: number; lowerLimit: number; tariffStep: number; tariffIncomeMonthly: number };
    housing: {
      nonDependantDeductionMonthly: number;
      nonDependantMinimumAge: number;
      oneSpareBedroomRate: number;
      twoOrMoreSpareBedroomsRate: number;
    };
    benefitCap: {
      singleOutsideLondonMonthly: number;
      familyOutsideLondonMonthly: number;
      singleInLondonMonthly: number;
      familyInLondonMonthly: number;
      earningsExemptionMonthly: number;
    };
  };
  /** Counted towards the benefit cap (Child Benefit itself is not counted as income by Universal Credit). */
  childBenefit: { eldestWeekly: number; eachOtherWeekly: number };
  minimumWage: { age21OrOverHourly: number; age18To20Hourly: number; under18Hourly: number };
  incomeTax: { personalAllowanceAnnual: number; basicRateBandAnnual: number; basicRate: number; higherRate: number };
  nationalInsurance: { primaryThresholdMonthly: number; upperEarningsLimitMonthly: number; mainRate: number; additionalRate: number };
  statePensionAge: number;
}

/** One year's file: every rate with its date and sources. */
export type RatesFile = DatedTree<Rates> & { year: string };

/** The rates in force on a date, each with the date and sources of the value taken (by its path, like `universalCredit.taperRate`). */
export interface RatesOn {
  date: string;
  rates: Rates;
  /** Where each value came from: its path to its dated entry. */
  provenance: Map<string, Dated<number | null>>;
  /** The years whose files gave at least one value. */
  years: string[];
}

export class NoRatesFor extends Error {
  override name = 'NoRatesFor';
}

const isDated = (node: unknown): node is Dated<number | null> =>
  typeof node === 'object' && node !== null && 'value' in node && 'from' in node && 'sources' in node;

function leaves(node: unknown, path: string[] = []): Array<[string, Dated<number | null>]> {
  if (isDated(node)) return [[path.join('.'), node]];
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, child]) => (key === 'year' || key.startsWith('$') ? [] : leaves(child, [...path, key])));
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys.at(-1)!] = value;
}

/**
 * The rates in force on `date` (YYYY-MM-DD): for each value, the entry with the latest `from` on or
 * before the date across the files. Refused, naming what is missing, when a value has no entry yet.
 */
export function ratesOn(files: readonly RatesFile[], date: string): RatesOn {
  const chosen = new Map<string, { entry: Dated<number | null>; year: string }>();
  const paths = new Set<string>();
  for (const file of files)
    for (const [path, entry] of leaves(file)) {
      paths.add(path);
      if (entry.from > date) continue;
      const current = chosen.get(path);
      // On the same date, the later year's file wins (it restates the value for its year).
      if (!current || current.entry.from < entry.from || (current.entry.from === entry.from && current.year < file.year))
        chosen.set(path, { entry, year: file.year });
    }
  const missing = [...paths].filter((path) => !chosen.has(path));
  if (paths.size === 0 || missing.length > 0)
    throw new NoRatesFor(`There are no rates for ${date}: ${missing.length > 0 ? missing.join(', ') : 'no rates files'} start later.`);
  const rates: Record<string, unknown> = {};
  for (const [path, { entry }] of chosen) setPath(rates, path, entry.value);
  return {
    date,
    rates: rates as unknown as Rates,
    provenance: new Map([...chosen].map(([path, { entry }]) => [path, entry])),
    years: [...new Set([...chosen.values()].map((c) => c.year))].sort(),
  };
}

/**
 * The dates the files cover: from the first day every value has an entry, to the end of the last
 * year's file (5 April after its tax year starts). A check outside them is refused, not guessed.
 */
export function ratesCoverage(files: readonly RatesFile[]): { from: string; to: string } {
  let known = coverages.get(files);
  if (!known) coverages.set(files, (known = coverageOf(files)));
  return known;
}

/** Worked out once for each set of files (they are loaded once, at start-up). */
const coverages = new WeakMap<readonly RatesFile[], { from: string; to: string }>();

function coverageOf(files: readonly RatesFile[]): { from: string; to: string } {
  const earliest = new Map<string, string>();
  for (const file of files)
    for (const [path, entry] of leaves(file)) if (!earliest.has(path) || entry.from < earliest.get(path)!) earliest.set(path, entry.from);
  const from = [...earliest.values()].sort().at(-1)!;
  const lastYear = Math.max(...files.map((file) => Number(file.year.slice(0, 4))));
  return { from, to: `${lastYear + 1}-04-05` };
}
