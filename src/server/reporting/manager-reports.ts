// The managers' reports: one read-only use case that gathers every figure for a date range, each
// as a table that says how it is counted (src/domain/reporting/report-table.ts). Every figure is
// a sum of daily counts: the case figures kept by the `report-figures` job, the site's rollups
// kept as visits arrive. So its cost grows with the days shown, not with cases or visits. Only
// people holding 'reports:read' (managers) may read it.
import { GOAL_LABELS, type Goal } from '../../domain/analytics/goals.ts';
import { weekStartOfDate } from '../../domain/analytics/weeks.ts';
import { NEED_LEVELS } from '../../domain/casework/statuses.ts';
import {
  quarterOf,
  quarterWeeksOf,
  quartersWithin,
  shortDate,
  weekQuarters,
  weeksOf,
  type Quarter,
  type ReportRange,
} from '../../domain/reporting/periods.ts';
import { showTable, type Cell, type ReportTable, type ShownTable } from '../../domain/reporting/report-table.ts';
import { describeDefinition, type Target, type TargetsFile, type Vocabulary } from '../../domain/reporting/target-definition.ts';
import {
  STATUS_WORDS,
  quarterStanding,
  targetStanding,
  trendOf,
  type QuarterStatus,
  type TargetStatus,
  type Trend,
} from '../../domain/reporting/target-status.ts';
import { authorise, type Actor } from '../../domain/staff/permissions.ts';
import { zonedInstant } from '../../domain/time/office-hours.ts';
import { addDays, longDate } from '../../domain/time/working-days.ts';
import { money } from '../../domain/money/lines.ts';
import { SUPPRESS_BELOW, SUPPRESSED_TEXT } from '../../domain/reporting/suppression.ts';
import type { CaseworkCodes } from '../../config/casework.ts';
import type { KnownCodes } from '../../config/targets.ts';
import type { DbExecutor } from '../db/executor.ts';
import { countOf } from '../db/sql.ts';
import { FUNNEL_STAGES, FUNNEL_TITLES } from '../../domain/reporting/funnel.ts';
import { metricBuckets, metricsStartingWith, metricTotals, type DateWindow } from './case-figures.ts';
import { caseFiguresAsOf } from './case-metrics.ts';
import { countKey } from './count-keys.ts';
import { contactLanguages } from '../../config/contact-languages.ts';
import { ASSISTED_CHANNELS, CHANNEL_NAMES, CHANNELS } from '../../domain/assisted/channels.ts';
import {
  FREED_SIZES,
  INCENTIVE_BAND_NAMES,
  INCENTIVE_BANDS,
  freedSize,
  incentiveBand,
  type FreedSize,
  type IncentiveBand,
} from '../../domain/downsizing/chain.ts';
import { LANGUAGES, LOCALES } from '../../domain/language/locales.ts';
import { rollupByBucket, rollupTotals, weeklyVisitors } from './site-figures.ts';

export interface ReportSettings {
  targets: TargetsFile;
  known: KnownCodes;
  words: Vocabulary;
  casework: CaseworkCodes;
}

export interface TargetFigure {
  target: Target;
  planName: string;
  counted: string;
  /** The dates the actual covers. */
  window: DateWindow | null;
  actual: number | null;
  expected: number | null;
  status: TargetStatus | null;
  trend: Trend | null;
  /** The last 13 weeks and the 13 before, for the trend. */
  recent: [number, number] | null;
  /** This quarter (the one `asOf` is in), as far as it has gone: its actual and standing. */
  quarter: TargetQuarter | null;
}

export interface TargetQuarter {
  /** "2026-27 Q3". */
  short: string;
  /** The days its actual covers (for weekly visitors: the complete weeks so far; none yet is null). */
  window: DateWindow | null;
  actual: number | null;
  status: QuarterStatus | null;
  expected: number | null;
}

export interface ManagerReports {
  range: ReportRange;
  /** Targets are worked out as they stood on this day (the range's end). */
  asOf: string;
  weeks: string[];
  targetFigures: TargetFigure[];
  /** When the case figures were last brought up to date (ISO), or null if never. */
  caseFiguresAt: string | null;
  /** Target 10's line for the weekly visitors chart, when a visitors target is set. */
  visitorsTarget: { baseline: number; target: number | null; label: string } | null;
  tables: Record<TableId, ShownTable>;
}

export const TABLE_IDS = [
  'weekly-visitors',
  'targets',
  'funnel-quarters',
  'funnel-weeks',
  'need-levels',
  'services',
  'languages',
  'contact-languages',
  'channels',
  'packs-by-post',
  'downsizing-sizes',
  'downsizing-incentives',
  'outcomes',
  'client-groups',
  'homes',
  'money-found',
  'site-pages',
  'site-sources',
  'site-devices',
  'site-javascript',
  'site-goals',
] as const;
export type TableId = (typeof TABLE_IDS)[number];

export function isTableId(value: string): value is TableId {
  return (TABLE_IDS as readonly string[]).includes(value);
}

const NEED_WORDS: Record<(typeof NEED_LEVELS)[number], string> = { emergency: 'Emergency', high: 'High', moderate: 'Moderate', low: 'Low' };
const TREND_WORDS: Record<Trend, string> = { up: 'Up', down: 'Down', level: 'Level' };
const weekLabel = (monday: string) => `Week from ${shortDate(monday)}`;
const earlier = (a: string, b: string) => (a < b ? a : b);

/** The last `weeks` complete weeks (Mondays) before the week `asOf` falls in. */
function completeWeeksBefore(asOf: string, weeks: number): string[] {
  const thisWeek = weekStartOfDate(asOf);
  return Array.from({ length: weeks }, (_, i) => addDays(thisWeek, -7 * (weeks - i)));
}

async function homesLet(db: DbExecutor, window: DateWindow, emptyHomesOnly: boolean): Promise<number> {
  let query = db.selectFrom('tenancy as t').where('t.starts_on', '>=', window.from).where('t.starts_on', '<=', window.to);
  if (emptyHomesOnly)
    query = query
      .innerJoin('advert as a', 'a.id', 't.advert_id')
      .innerJoin('home as h', 'h.id', 'a.home_id')
      .where('h.empty_home_returned', '=', 1);
  return countOf(query);
}

/**
 * Income maximisation health checks recorded in the range (days in England): how many people had
 * one, how many had debts referred, and the weekly value found (each person's latest check in the
 * range, so a check done again is not counted twice).
 */
async function moneyFound(db: DbExecutor, window: DateWindow): Promise<{ people: number; debtsReferred: number; weeklyGainPence: number }> {
  // Summed in the database (a year can hold tens of thousands): every check in the window, less
  // those a later version in the window replaced. Versions are made one after another, so a check
  // is replaced within the window exactly when its next version was made before the window ends.
  const start = zonedInstant(window.from, '00:00').toISOString();
  const end = zonedInstant(addDays(window.to, 1), '00:00').toISOString();
  const totals = (row: { people: number | string; debts: number | string | null; gain: number | string | null }) => ({
    people: Number(row.people),
    debtsReferred: Number(row.debts ?? 0),
    weeklyGainPence: Number(row.gain ?? 0),
  });
  const [all, replaced] = await Promise.all([
    db
      .selectFrom('health_check')
      .where('created_at', '>=', start)
      .where('created_at', '<', end)
      .select((eb) => [
        eb.fn.countAll<number | string>().as('people'),
        eb.fn.sum<number | string | null>('debts_referred').as('debts'),
        eb.fn.sum<number | string | null>('weekly_gain_pence').as('gain'),
      ])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('health_check as next')
      .innerJoin('health_check as replaced', (join) =>
        join.onRef('replaced.handoff_id', '=', 'next.handoff_id').on('replaced.version', '=', (eb) => eb('next.version', '-', 1)),
      )
      .where('next.version', '>', 1)
      .where('next.created_at', '>=', start)
      .where('next.created_at', '<', end)
      .where('replaced.created_at', '>=', start)
      .select((eb) => [
        eb.fn.countAll<number | string>().as('people'),
        eb.fn.sum<number | string | null>('replaced.debts_referred').as('debts'),
        eb.fn.sum<number | string | null>('replaced.weekly_gain_pence').as('gain'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  const [sum, less] = [totals(all), totals(replaced)];
  return {
    people: sum.people - less.people,
    debtsReferred: sum.debtsReferred - less.debtsReferred,
    weeklyGainPence: sum.weeklyGainPence - less.weeklyGainPence,
  };
}

/** A target's own days within this quarter: from the later start to `asOf` (or the day before its date). */
function quarterWindow(target: Target, quarter: Quarter, asOf: string): DateWindow | null {
  const from = quarter.start > target.from ? quarter.start : target.from;
  const to = earlier(asOf, addDays(target.by, -1));
  return from <= to ? { from, to } : null;
}

/** Where a target stands this quarter, as far as it has gone. */
async function targetQuarter(db: DbExecutor, target: Target, asOf: string): Promise<TargetQuarter | null> {
  const definition = target.definition;
  if (!definition) return null;
  const quarter = quarterOf(asOf);
  const blank = { short: quarter.short, window: null, actual: null, expected: null };
  if (definition.count === 'weekly-visitors') {
    // The quarter's complete weeks so far (a level, averaged like the target's own figure).
    const weeks = completeWeeksBefore(asOf, 14).filter((w) => w >= quarter.start);
    if (weeks.length === 0) return { ...blank, status: null };
    const counts = await weeklyVisitors(db, weeks);
    const actual = Math.round((counts.reduce((a, b) => a + b, 0) / counts.length) * 10) / 10;
    const standing = quarterStanding(target, actual, quarter.start, asOf, 'level');
    return { short: quarter.short, window: { from: weeks[0]!, to: addDays(weeks.at(-1)!, 6) }, actual, ...standing };
  }
  const window = quarterWindow(target, quarter, asOf);
  if (!window) return { ...blank, ...quarterStanding(target, 0, quarter.start, asOf, 'count'), expected: null };
  const actual =
    definition.count === 'homes-let'
      ? await homesLet(db, window, definition.emptyHomesOnly ?? false)
      : (await metricTotals(db, [`target:${target.id}`], [window])).get(`target:${target.id}`)![0]!;
  return { short: quarter.short, window, actual, ...quarterStanding(target, actual, quarter.start, asOf, 'count') };
}

async function targetFigure(db: DbExecutor, target: Target, asOf: string, settings: ReportSettings): Promise<TargetFigure> {
  const figure = await targetToDate(db, target, asOf, settings);
  return { ...figure, quarter: await targetQuarter(db, target, asOf) };
}

async function targetToDate(
  db: DbExecutor,
  target: Target,
  asOf: string,
  settings: ReportSettings,
): Promise<Omit<TargetFigure, 'quarter'>> {
  const planName = settings.targets.plans.find((p) => p.id === target.plan)?.name ?? target.plan;
  const definition = target.definition;
  const blank = { planName, target, window: null, actual: null, expected: null, status: null, trend: null, recent: null };
  if (!definition) return { ...blank, counted: `Not counted: ${target.missingData}` };
  const counted = describeDefinition(definition, settings.words);
  const last = { from: addDays(asOf, -90), to: asOf };
  const before = { from: addDays(asOf, -181), to: addDays(asOf, -91) };
  if (asOf < target.from) return { ...blank, counted, status: 'not-started' };
  const window = { from: target.from, to: earlier(asOf, addDays(target.by, -1)) };
  let actual: number;
  let recent: [number, number];
  if (definition.count === 'weekly-visitors') {
    const weeks = completeWeeksBefore(asOf, definition.averageOverWeeks * 2);
    const counts = await weeklyVisitors(db, weeks);
    const average = (list: number[]) => Math.round((list.reduce((a, b) => a + b, 0) / list.length) * 10) / 10;
    const n = definition.averageOverWeeks;
    actual = average(counts.slice(n));
    recent = [actual, average(counts.slice(0, n))];
    const averaged = { from: weeks[n]!, to: addDays(weeks.at(-1)!, 6) };
    const standing = targetStanding(target, actual, asOf);
    return {
      planName,
      target,
      counted,
      window: averaged,
      actual,
      expected: standing.expected,
      status: standing.status,
      trend: trendOf(recent[0], recent[1]),
      recent,
    };
  } else if (definition.count === 'homes-let') {
    const only = definition.emptyHomesOnly ?? false;
    actual = await homesLet(db, window, only);
    recent = [await homesLet(db, last, only), await homesLet(db, before, only)];
  } else {
    const [main, lastCount, beforeCount] = (await metricTotals(db, [`target:${target.id}`], [window, last, before])).get(
      `target:${target.id}`,
    )!;
    actual = main!;
    recent = [lastCount!, beforeCount!];
  }
  const standing = targetStanding(target, actual, asOf);
  return {
    planName,
    target,
    counted,
    window,
    actual,
    expected: standing.expected,
    status: standing.status,
    trend: trendOf(recent[0], recent[1]),
    recent,
  };
}

function targetsTable(figures: TargetFigure[]): ReportTable {
  return {
    id: 'targets',
    title: 'Targets',
    counted:
      'Each target is counted as its own line says, from its start date to the end of the range (or its own end date). "Expected" is where a straight line from the baseline to the target would be by then. The trend compares the last 13 weeks with the 13 before.',
    headings: ['Target', 'Wording', 'Actual', 'Target value', 'Target date', 'Expected by now', 'Status', 'Trend'],
    kind: 'cells',
    rows: figures.map((f) => ({
      label: f.target.label,
      cells: [
        { text: f.target.wording },
        f.actual === null
          ? { text: 'Not counted' }
          : {
              count: f.actual,
              cases: f.target.definition?.count === 'cases' && f.window ? countKey(`target:${f.target.id}`, f.window) : undefined,
            },
        { text: f.target.target === null ? 'None set' : String(f.target.target) },
        { text: longDate(f.target.by) },
        { text: f.expected === null ? '' : String(Math.round(f.expected * 10) / 10) },
        { text: f.status ? STATUS_WORDS[f.status] : 'Not counted' },
        { text: f.trend ? TREND_WORDS[f.trend] : '' },
      ],
    })),
  };
}

export async function readManagerReports(
  db: DbExecutor,
  actor: Actor,
  range: ReportRange,
  settings: ReportSettings,
): Promise<ManagerReports> {
  authorise(actor, 'reports:read');
  const asOf = range.to;
  const weeks = weeksOf(range);
  const weekEnd = addDays(weeks.at(-1)!, 6);
  // The funnel's quarters are whole weeks (each in the quarter of its Thursday), so every column of a row covers the same days.
  const quarters = weekQuarters(quarterWeeksOf(range));
  const quarterStarts = quarters.map((q) => q.from);
  const quarterEnd = quarters.at(-1)!.to;
  // Client groups are counted on days, each quarter cut to the range.
  const groupQuarters = quartersWithin(range);

  // Each target's two small queries at once: on PostgreSQL they share the pool instead of waiting in turn.
  const targetFigures: TargetFigure[] = await Promise.all(
    settings.targets.targets.map((target) => targetFigure(db, target, asOf, settings)),
  );
  const visitorTarget = settings.targets.targets.find((t) => t.definition?.count === 'weekly-visitors');

  // Weekly visitors and the funnel's site steps.
  const visitors = await weeklyVisitors(db, weeks);
  const started = await rollupByBucket(db, 'goal', 'started', weeks, weekEnd);
  const completed = await rollupByBucket(db, 'goal', 'completed', weeks, weekEnd);
  const quarterVisitors = await Promise.all(quarters.map(async (q) => (await weeklyVisitors(db, q.weeks)).reduce((sum, n) => sum + n, 0)));
  const quarterStarted = await rollupByBucket(db, 'goal', 'started', quarterStarts, quarterEnd);
  const quarterCompleted = await rollupByBucket(db, 'goal', 'completed', quarterStarts, quarterEnd);
  // The reach beyond the website beside it: self-assessments done with an adviser, and packs asked for by post.
  const assistedByWeek = await Promise.all(
    ASSISTED_CHANNELS.map((channel) => rollupByBucket(db, 'goal', `assisted:${channel}`, weeks, weekEnd)),
  );
  const assistedWeekly = weeks.map((_, i) => assistedByWeek.reduce((sum, counts) => sum + counts[i]!, 0));
  const packsAskedWeekly = await rollupByBucket(db, 'goal', 'packs_requested_by_post', weeks, weekEnd);
  // By quarter too: a week's packs are too few to show (fewer than 5 is never shown).
  const packsAskedQuarterly = await rollupByBucket(db, 'goal', 'packs_requested_by_post', quarterStarts, quarterEnd);
  const packsPostedQuarterly = await rollupByBucket(db, 'goal', 'packs_posted', quarterStarts, quarterEnd);

  const stages = FUNNEL_STAGES;
  const stageKeys = stages.map((stage) => `funnel:${stage}`);
  const byWeek = await metricBuckets(db, stageKeys, weeks, weekEnd);
  const byQuarter = await metricBuckets(db, stageKeys, quarterStarts, quarterEnd);
  const weekStages = stageKeys.map((k) => byWeek.get(k)!);
  const quarterStages = stageKeys.map((k) => byQuarter.get(k)!);
  const funnelHeadings = [
    'Period',
    'Unique visitors',
    'Self-assessments started',
    'Self-assessments completed',
    ...stages.map((s) => FUNNEL_TITLES[s]),
  ];
  const funnelCounted =
    'Each quarter is whole weeks (a week is in the quarter its Thursday is in, and the range holds the weeks whose Thursday it holds), so visitors, self-assessments and cases in a row cover the same days. Visitors are unique in each week (a quarter adds up its weeks, so someone who came in two weeks counts twice). Self-assessments are counted on the day they were started or completed. The case steps follow the hand-offs sent in each period, each step keeping the one before: of those sent, how many were contacted within the time promised; of those, how many have an outcome; of those, how many were prevented from or relieved of homelessness; and of those, how many were still housed at the 6-month follow-up. (Every outcome, however late the contact, is in the outcomes table.)';

  // Hand-offs by need level and by service, outcomes, client groups: over the range.
  const needCounts = await metricsStartingWith(db, 'need:', range);
  const serviceCounts = await metricsStartingWith(db, 'service:', range);
  const outcomeCounts = await metricsStartingWith(db, 'outcome:', range);
  // Languages: self-assessments finished in each of the website's languages (counted as they
  // finish), hand-offs sent from each, and the languages people asked to be contacted in.
  const siteLanguageCounts = await metricsStartingWith(db, 'site-language:', range);
  const contactLanguageCounts = await metricsStartingWith(db, 'contact-language:', range);
  const interpreterCounts = await metricsStartingWith(db, 'interpreter:', range);
  // Downsizing (Target 5): counted once the home freed is re-let; those waiting at the range's end, beside.
  const reletBySize = await metricsStartingWith(db, 'relet-size:', range);
  const reletByIncentive = await metricsStartingWith(db, 'relet-incentive:', range);
  const waitingMoves = await db
    .selectFrom('downsizing_move')
    .select(['bedrooms_left', 'incentive_paid_pence'])
    .where('moved_on', '<=', range.to)
    .where((eb) => eb.or([eb('relet_on', 'is', null), eb('relet_on', '>', range.to)]))
    .execute();
  const waitingBySize = (size: FreedSize) => waitingMoves.filter((m) => freedSize(Number(m.bedrooms_left)) === size).length;
  const waitingByIncentive = (band: IncentiveBand) =>
    waitingMoves.filter((m) => incentiveBand(Number(m.incentive_paid_pence)) === band).length;
  const reletTotal = [...reletBySize.values()].reduce((sum, n) => sum + n, 0);
  const downsizingCounted =
    'A downsizing counts only once the home the person left has been re-let (Stoke Target 5), on the day of the re-let: re-let in the range. Waiting: moved by the end of the range, the home they left not re-let by then (the officers’ list has them). 3- and 4-bedroom homes are shown apart.';
  // Channels: how each self-assessment and case came (the website alone, or with an adviser).
  const channelCounts = await metricsStartingWith(db, 'channel:', range);
  const channelOutcomeCounts = await metricsStartingWith(db, 'channel-outcome:', range);
  const handoffTotal = [...needCounts.values()].reduce((sum, n) => sum + n, 0);
  const groupKeys = settings.casework.clientGroups.map((g) => `group:${g.code}`);
  const byGroup = await metricBuckets(
    db,
    groupKeys,
    groupQuarters.map((q) => q.from),
    range.to,
  );
  const groupCounts = groupKeys.map((k) => byGroup.get(k)!);

  // Landlords and homes.
  const accreditedNow = await countOf(
    db.selectFrom('landlord').where('accreditation_status', '=', 'accredited').where('accreditation_expires_on', '>=', asOf),
  );
  const accreditedInRange = await countOf(
    db.selectFrom('landlord').where('accredited_from', '>=', range.from).where('accredited_from', '<=', range.to),
  );
  const let_ = await homesLet(db, range, false);
  const emptyLet = await homesLet(db, range, true);
  const found = await moneyFound(db, range);

  // The site.
  const pages = await rollupTotals(db, 'page', range);
  const sources = await rollupTotals(db, 'source', range);
  const devices = await rollupTotals(db, 'device', range);
  const scripts = await rollupTotals(db, 'script', range);
  const goals = await rollupTotals(db, 'goal', range);
  const total = (list: { count: number }[]) => list.reduce((sum, r) => sum + r.count, 0);
  const topPages = pages.slice(0, 20);
  const otherPages = pages.slice(20);

  const hclic = new Map(settings.casework.outcomes.map((o) => [o.code, o.hclic ?? 'Not an H-CLIC category']));
  const key = (kind: string, id: string, window: DateWindow = range) => countKey(`${kind}:${id}`, window);

  const goalTotal = (goal: string) => goals.find((g) => g.value === goal)?.count ?? 0;
  const completedIn = LOCALES.map((locale) => goals.find((g) => g.value === `language:${locale}`)?.count ?? 0);
  const tables: Record<TableId, ReportTable> = {
    'weekly-visitors': {
      id: 'weekly-visitors',
      title: 'Unique visitors each week',
      counted:
        'A visitor is one browser on one connection in one week (Monday to Sunday), counted without cookies, with JavaScript on or off; staff, robots and prefetches are not counted. The weeks shown are those the range touches.',
      headings: ['Week', 'Unique visitors', 'Self-assessments with an adviser', 'Packs asked for by post'],
      kind: 'cells',
      rows: weeks.map((w, i) => ({
        label: weekLabel(w),
        cells: [{ count: visitors[i]! }, { count: assistedWeekly[i]! }, { count: packsAskedWeekly[i]! }],
      })),
    },
    targets: targetsTable(targetFigures),
    'funnel-quarters': {
      id: 'funnel-quarters',
      title: 'Early intervention, by quarter',
      counted: funnelCounted,
      headings: funnelHeadings,
      kind: 'cells',
      rows: quarters.map((q, i) => ({
        label: q.label,
        cells: [
          { count: quarterVisitors[i]! },
          { count: quarterStarted[i]! },
          { count: quarterCompleted[i]! },
          ...stages.map((s, j) => ({ count: quarterStages[j]![i]!, cases: key('funnel', s, { from: q.from, to: q.to }) })),
        ],
      })),
    },
    'funnel-weeks': {
      id: 'funnel-weeks',
      title: 'Early intervention, by week',
      counted: funnelCounted,
      headings: funnelHeadings,
      kind: 'cells',
      rows: weeks.map((w, i) => ({
        label: weekLabel(w),
        cells: [
          { count: visitors[i]! },
          { count: started[i]! },
          { count: completed[i]! },
          ...stages.map((s, j) => ({ count: weekStages[j]![i]!, cases: key('funnel', s, { from: w, to: addDays(w, 6) }) })),
        ],
      })),
    },
    'need-levels': {
      id: 'need-levels',
      title: 'Hand-offs by need level',
      counted: 'Hand-offs sent in the range, by the need level the self-assessment worked out.',
      headings: ['Need level', 'Hand-offs'],
      kind: 'breakdown',
      rows: NEED_LEVELS.map((level) => ({
        label: NEED_WORDS[level],
        cells: [{ count: needCounts.get(level) ?? 0, cases: key('need', level) }],
      })),
      total: { label: 'All hand-offs', cells: [{ count: handoffTotal }] },
    },
    services: {
      id: 'services',
      title: 'Hand-offs by service',
      counted: 'Hand-offs sent in the range, by the service the person was handed to.',
      headings: ['Service', 'Hand-offs'],
      kind: 'breakdown',
      rows: [...settings.known.services.entries()].map(([id, name]) => ({
        label: name,
        cells: [{ count: serviceCounts.get(id) ?? 0, cases: key('service', id) }] as Cell[],
      })),
      total: { label: 'All hand-offs', cells: [{ count: handoffTotal }] },
    },
    languages: {
      id: 'languages',
      title: 'Self-assessments and hand-offs by the website’s language',
      counted:
        'Self-assessments finished in the range, and hand-offs sent in it, by the language of the website the person used (its address: /pl/ for Polish, /ur/ for Urdu).',
      headings: ['Language', 'Self-assessments completed', 'Hand-offs'],
      kind: 'breakdown',
      rows: LOCALES.map((locale, i) => ({
        label: LANGUAGES[locale].englishName,
        cells: [{ count: completedIn[i]! }, { count: siteLanguageCounts.get(locale) ?? 0, cases: key('site-language', locale) }] as Cell[],
      })),
      total: { label: 'All', cells: [{ count: completedIn.reduce((a, b) => a + b, 0) }, { count: handoffTotal }] },
    },
    'contact-languages': {
      id: 'contact-languages',
      title: 'Hand-offs by the language to contact them in',
      counted:
        'Hand-offs sent in the range, by the language the person asked to be contacted in, and how many of them need an interpreter. Languages nobody asked for are left out.',
      headings: ['Language', 'Hand-offs', 'Interpreter needed'],
      kind: 'breakdown',
      rows: contactLanguages
        .filter((l) => (contactLanguageCounts.get(l.code) ?? 0) > 0)
        .map((l) => ({
          label: l.english,
          cells: [
            { count: contactLanguageCounts.get(l.code) ?? 0, cases: key('contact-language', l.code) },
            { count: interpreterCounts.get(l.code) ?? 0, cases: key('interpreter', l.code) },
          ] as Cell[],
        })),
      total: {
        label: 'All hand-offs',
        cells: [{ count: handoffTotal }, { count: [...interpreterCounts.values()].reduce((sum, n) => sum + n, 0) }],
      },
    },
    channels: {
      id: 'channels',
      title: 'Self-assessments, hand-offs and cases by channel',
      counted:
        'How people came, in the range: on the website on their own, or with an adviser by phone, at an outreach surgery or at an office visit. Self-assessments are counted on the day they were finished (one done with an adviser counts here, not in the website’s own figures); hand-offs on the day sent or opened by the adviser; cases with an outcome on the day the first outcome was recorded.',
      headings: ['Channel', 'Self-assessments completed', 'Hand-offs', 'Cases with an outcome'],
      kind: 'breakdown',
      rows: CHANNELS.map((channel) => ({
        label: CHANNEL_NAMES[channel],
        cells: [
          { count: channel === 'web' ? goalTotal('completed') : goalTotal(`assisted:${channel}`) },
          { count: channelCounts.get(channel) ?? 0, cases: key('channel', channel) },
          { count: channelOutcomeCounts.get(channel) ?? 0, cases: key('channel-outcome', channel) },
        ] as Cell[],
      })),
      total: {
        label: 'All',
        cells: [
          { count: CHANNELS.reduce((sum, c) => sum + (c === 'web' ? goalTotal('completed') : goalTotal(`assisted:${c}`)), 0) },
          { count: handoffTotal },
          { count: [...channelOutcomeCounts.values()].reduce((sum, n) => sum + n, 0) },
        ],
      },
    },
    'packs-by-post': {
      id: 'packs-by-post',
      title: 'Information packs by post, by quarter',
      counted:
        'Requests for information packs by post made in each quarter, and requests marked as posted in it (one asked for at the end of a quarter may be posted in the next). Quarters are whole weeks, as in the early intervention tables.',
      headings: ['Quarter', 'Asked for', 'Posted'],
      kind: 'cells',
      rows: quarters.map((q, i) => ({ label: q.label, cells: [{ count: packsAskedQuarterly[i]! }, { count: packsPostedQuarterly[i]! }] })),
    },
    'downsizing-sizes': {
      id: 'downsizing-sizes',
      title: 'Downsizing: homes freed, by size',
      counted: downsizingCounted,
      headings: ['Home freed', 'Re-let (counted)', 'Waiting to be re-let'],
      kind: 'breakdown',
      rows: FREED_SIZES.map((size) => ({
        label: `${size} bedroom${size === '1' ? '' : 's'}`,
        cells: [{ count: reletBySize.get(size) ?? 0, cases: key('relet-size', size) }, { count: waitingBySize(size) }] as Cell[],
      })),
      total: { label: 'All', cells: [{ count: reletTotal }, { count: waitingMoves.length }] },
    },
    'downsizing-incentives': {
      id: 'downsizing-incentives',
      title: 'Downsizing: by incentive paid',
      counted: downsizingCounted,
      headings: ['Incentive paid', 'Re-let (counted)', 'Waiting to be re-let'],
      kind: 'breakdown',
      rows: INCENTIVE_BANDS.map((band) => ({
        label: INCENTIVE_BAND_NAMES[band],
        cells: [
          { count: reletByIncentive.get(band) ?? 0, cases: key('relet-incentive', band) },
          { count: waitingByIncentive(band) },
        ] as Cell[],
      })),
      total: { label: 'All', cells: [{ count: reletTotal }, { count: waitingMoves.length }] },
    },
    outcomes: {
      id: 'outcomes',
      title: 'Outcomes',
      counted:
        'Cases whose outcome was first recorded in the range, and the category of England’s homelessness case-level return (H-CLIC) it lines up with. A case with two outcomes counts in both rows, and once in the total.',
      headings: ['Outcome', 'H-CLIC category', 'Cases'],
      kind: 'breakdown',
      rows: settings.casework.outcomes.map((o) => ({
        label: o.label,
        cells: [{ text: hclic.get(o.code)! }, { count: outcomeCounts.get(o.code) ?? 0, cases: key('outcome', o.code) }],
      })),
      total: {
        label: 'Cases with any outcome',
        cells: [{ text: '' }, { count: outcomeCounts.get('any') ?? 0, cases: key('outcome', 'any') }],
      },
    },
    'client-groups': {
      id: 'client-groups',
      title: 'Cases closed by client group, each quarter',
      counted:
        'Cases closed in each quarter, by the client groups the adviser recorded when closing; a quarter the range cuts short says from and to when. A person can be in more than one group, so the rows do not add up to a total.',
      headings: [
        'Client group',
        ...groupQuarters.map((q) => (q.whole ? q.short : `${q.short} (${shortDate(q.from)} to ${shortDate(q.to)})`)),
      ],
      kind: 'cells',
      rows: settings.casework.clientGroups.map((g, i) => ({
        label: g.label,
        cells: groupQuarters.map((q, j) => ({ count: groupCounts[i]![j]!, cases: key('group', g.code, { from: q.from, to: q.to }) })),
      })),
    },
    homes: {
      id: 'homes',
      title: 'Accredited landlords and homes let',
      counted: `Landlords accredited on ${longDate(asOf)}, and those accredited in the range; homes whose tenancy started through the homes listing in the range.`,
      headings: ['What', 'Number'],
      kind: 'cells',
      rows: [
        { label: 'Landlords accredited now', cells: [{ count: accreditedNow }] },
        { label: 'Landlords newly accredited in the range', cells: [{ count: accreditedInRange }] },
        { label: 'Homes let', cells: [{ count: let_ }] },
        { label: 'Empty homes brought back into use and let', cells: [{ count: emptyLet }] },
      ],
    },
    'money-found': {
      id: 'money-found',
      title: 'Income maximisation health checks',
      counted:
        'People whose income maximisation health check was recorded in the range, those whose debts were referred for advice, and what their checks found they could gain each week (each person’s latest check in the range). The total is not shown when fewer than 5 people had a check.',
      headings: ['What', 'Number'],
      kind: 'cells',
      rows: [
        { label: 'People given a health check', cells: [{ count: found.people }] },
        { label: 'Debts referred for advice', cells: [{ count: found.debtsReferred }] },
        {
          label: 'Weekly value found, all together',
          cells: [{ text: found.people >= SUPPRESS_BELOW ? money(found.weeklyGainPence) : found.people === 0 ? '£0' : SUPPRESSED_TEXT }],
        },
      ],
    },
    'site-pages': {
      id: 'site-pages',
      title: 'Most viewed pages',
      counted: 'Page views in the range, by page address (never its query). The 20 most viewed are listed; the rest are added together.',
      headings: ['Page', 'Views'],
      kind: 'breakdown',
      rows: [
        ...topPages.map((p) => ({ label: p.value, cells: [{ count: p.count }] as Cell[] })),
        ...(otherPages.length ? [{ label: `Other pages (${otherPages.length})`, cells: [{ count: total(otherPages) }] }] : []),
      ],
      total: { label: 'All page views', cells: [{ count: total(pages) }] },
    },
    'site-sources': {
      id: 'site-sources',
      title: 'Where visits came from',
      counted:
        'Visits that began in the range (a page reached from another site, or from nowhere), by the other site. Visits with JavaScript off that began on a page built ahead of time are not known and not counted here.',
      headings: ['Came from', 'Visits'],
      kind: 'breakdown',
      rows: sources.map((s) => ({ label: s.value, cells: [{ count: s.count }] })),
      total: { label: 'All visits', cells: [{ count: total(sources) }] },
    },
    'site-devices': {
      id: 'site-devices',
      title: 'Devices',
      counted:
        'Visits that began in the range, by screen width: mobile (under 576 pixels), tablet (under 992), laptop (under 1,440) or desktop. With JavaScript off the width is not known.',
      headings: ['Device', 'Visits'],
      kind: 'breakdown',
      rows: devices.map((d) => ({ label: d.value, cells: [{ count: d.count }] })),
      total: { label: 'All visits', cells: [{ count: total(devices) }] },
    },
    'site-javascript': {
      id: 'site-javascript',
      title: 'Page views with JavaScript on and off',
      counted:
        'Page views in the range counted by the tracker (JavaScript on) or by the image the page shows when JavaScript is off. Each view counts once, one way or the other.',
      headings: ['JavaScript', 'Views'],
      kind: 'breakdown',
      rows: (['on', 'off'] as const).map((v) => ({
        label: v === 'on' ? 'On' : 'Off',
        cells: [{ count: scripts.find((s) => s.value === v)?.count ?? 0 }],
      })),
      total: { label: 'All page views', cells: [{ count: total(scripts) }] },
    },
    'site-goals': {
      id: 'site-goals',
      title: 'Goals',
      counted:
        'Counted on the server when each happens in the range (so with JavaScript on or off alike): a number a day, with nothing about the person.',
      headings: ['Goal', 'Times'],
      kind: 'cells',
      rows: (Object.keys(GOAL_LABELS) as Goal[]).map((goal) => ({
        label: GOAL_LABELS[goal],
        cells: [{ count: goals.find((g) => g.value === goal)?.count ?? 0 }],
      })),
    },
  };

  return {
    range,
    asOf,
    weeks,
    targetFigures,
    caseFiguresAt: await caseFiguresAsOf(db),
    visitorsTarget: visitorTarget ? { baseline: visitorTarget.baseline, target: visitorTarget.target, label: visitorTarget.label } : null,
    tables: Object.fromEntries(Object.entries(tables).map(([id, table]) => [id, showTable(table)])) as Record<TableId, ShownTable>,
  };
}
