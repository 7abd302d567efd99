// Every count on the reports that stands for cases carries a key: the figure (a metric kept by
// the `report-figures` job) and the dates. The list of cases behind the count is that figure in
// those dates, so it is always exactly the cases counted. Keys are checked here: nothing in one
// reaches the database but a known figure and real dates.
import { NEED_LEVELS } from '../../domain/casework/statuses.ts';
import { FUNNEL_STAGES, FUNNEL_TITLES, type FunnelStage } from '../../domain/reporting/funnel.ts';
import type { Target } from '../../domain/reporting/target-definition.ts';
import type { KnownCodes } from '../../config/targets.ts';
import type { DateWindow } from './case-figures.ts';
import { CONTACT_LANGUAGE_CODES, contactLanguageName } from '../../config/contact-languages.ts';
import { isLocale, LANGUAGES } from '../../domain/language/locales.ts';
import { CHANNEL_NAMES, isChannel } from '../../domain/assisted/channels.ts';
import { FREED_SIZES, INCENTIVE_BAND_NAMES, INCENTIVE_BANDS, type IncentiveBand } from '../../domain/downsizing/chain.ts';

export interface KeyedCount {
  title: string;
  metric: string;
  window: DateWindow;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function countKey(metric: string, window: DateWindow): string {
  return `${metric}:${window.from}:${window.to}`;
}

function realDate(date: string): boolean {
  if (!DATE.test(date)) return false;
  const parsed = new Date(`${date}T12:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

/** What a key counts, or null when it is not one the reports make. */
export function resolveCountKey(key: string, known: KnownCodes, targets: readonly Target[]): KeyedCount | null {
  const parts = key.split(':');
  if (parts.length !== 4) return null;
  const [kind, id, from, to] = parts as [string, string, string, string];
  if (!realDate(from) || !realDate(to) || from > to) return null;
  const window = { from, to };
  const metric = `${kind}:${id}`;
  switch (kind) {
    case 'target': {
      const target = targets.find((t) => t.id === id);
      if (target?.definition?.count !== 'cases') return null;
      return { title: `${target.label}: ${target.wording}`, metric, window };
    }
    case 'need':
      return (NEED_LEVELS as readonly string[]).includes(id) ? { title: `Hand-offs with need level ${id}`, metric, window } : null;
    case 'service':
      return known.services.has(id) ? { title: `Hand-offs to ${known.services.get(id)}`, metric, window } : null;
    case 'outcome':
      if (id === 'any') return { title: 'Cases with any outcome recorded', metric, window };
      return known.outcomes.has(id) ? { title: `Cases with the outcome “${known.outcomes.get(id)}”`, metric, window } : null;
    case 'funnel':
      return (FUNNEL_STAGES as readonly string[]).includes(id)
        ? { title: `${FUNNEL_TITLES[id as FunnelStage]}, from the hand-offs sent in the period`, metric, window }
        : null;
    case 'group':
      return known.clientGroups.has(id)
        ? { title: `Cases closed in the client group “${known.clientGroups.get(id)}”`, metric, window }
        : null;
    case 'site-language':
      return isLocale(id) ? { title: `Hand-offs sent from the website in ${LANGUAGES[id].englishName}`, metric, window } : null;
    case 'contact-language':
      return CONTACT_LANGUAGE_CODES.has(id) ? { title: `Hand-offs to be contacted in ${contactLanguageName(id)}`, metric, window } : null;
    case 'interpreter':
      return CONTACT_LANGUAGE_CODES.has(id)
        ? { title: `Hand-offs needing a ${contactLanguageName(id)} interpreter`, metric, window }
        : null;
    case 'relet-size':
      return (FREED_SIZES as readonly string[]).includes(id)
        ? { title: `Downsizings whose freed ${id}-bedroom home has been re-let`, metric, window }
        : null;
    case 'relet-incentive':
      return (INCENTIVE_BANDS as readonly string[]).includes(id)
        ? { title: `Downsizings re-let, incentive paid: ${INCENTIVE_BAND_NAMES[id as IncentiveBand].toLowerCase()}`, metric, window }
        : null;
    case 'channel':
      return isChannel(id) ? { title: `Hand-offs that came ${CHANNEL_NAMES[id].toLowerCase()}`, metric, window } : null;
    case 'channel-outcome':
      return isChannel(id) ? { title: `Cases with an outcome that came ${CHANNEL_NAMES[id].toLowerCase()}`, metric, window } : null;
    default:
      return null;
  }
}
