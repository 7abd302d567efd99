// What moving to a smaller home would gain a social tenant with bedrooms they do not need: the
// under-occupancy deduction they pay now if they claim help with rent (the money rules' 14% or
// 25%), the lower rent and bills of a home of the size they need (the council's estimates, said
// to be estimates), and the council's incentive for each bedroom released. Every line says why.
// Offered, never pressed: with no spare bedroom there is nothing to say.
import { describeRoom, roomsNeeded, type Household, type Room } from '../homes/bedroom-entitlement.ts';
import { money, percent } from '../money/lines.ts';
import { bedroomsWords } from './chain.ts';

/** The council's incentive scheme and estimates (content/downsizing/scheme.json), amounts in pence. */
export interface DownsizingScheme {
  incentive: {
    /** For the first bedroom released, and each one after it; never more than `mostPence` in all. */
    firstBedroomPence: number;
    eachFurtherBedroomPence: number;
    mostPence: number;
  };
  /** Estimates a week by the home's bedrooms ("1" to "5"): the council's average social rent, and energy bills. */
  weeklyRentPence: Readonly<Record<string, number>>;
  weeklyEnergyPence: Readonly<Record<string, number>>;
}

/** The under-occupancy deduction's rates (src/domain/money/rates.ts, in force on the day). */
export interface DeductionRates {
  oneSpareBedroomRate: number;
  twoOrMoreSpareBedroomsRate: number;
}

export interface Situation {
  bedroomsNow: number;
  /** Who lives there: the social size criteria say how many bedrooms they need. */
  household: Household;
  /** Their rent a week, if they said (pence); else the council's average for a home of that size. */
  weeklyRentPence: number | null;
  /** They get Universal Credit or Housing Benefit towards the rent, and are of working age. */
  helpWithRent: boolean;
}

export interface GainLine {
  id: 'deduction' | 'rent' | 'energy';
  weeklyPence: number;
  /** An estimate from the council's averages, not their own figures. */
  estimate: boolean;
  /**
   * Money in the person's own pocket. A lower rent is not, while help with rent pays it: the help
   * falls with the rent, so only the deduction they pay now is theirs to gain. Left out of the total.
   */
  toYou: boolean;
  /** The figures it comes from: the deduction's rate and the rent it is taken from, or the weekly cost now and in a home the size they need. */
  rate?: number;
  fromPence: number;
  toPence?: number;
  because: string;
}

export type DownsizingGain =
  | { kind: 'no-spare-bedroom'; bedroomsNeeded: number; reasons: string[]; rooms: Room[] }
  | {
      kind: 'gain';
      bedroomsNeeded: number;
      spareBedrooms: number;
      /** Why they need that many (one line a bedroom), and the same as data, for a page to say in its language. */
      reasons: string[];
      rooms: Room[];
      lines: GainLine[];
      /** The lines that are money in their pocket, a week. */
      weeklyPence: number;
      incentivePence: number;
      incentiveBecause: string;
    };

/** How many bedrooms the household needs under the social size criteria (no shared-room rate, no cap). */
export function bedroomsNeeded(household: Household): { bedrooms: number; reasons: string[]; rooms: Room[] } {
  const rooms = roomsNeeded(household);
  return { bedrooms: Math.max(1, rooms.length), reasons: rooms.map(describeRoom), rooms };
}

/** The incentive for releasing this many bedrooms: the first, then each further one, up to the most. */
export function incentiveFor(scheme: DownsizingScheme, released: number): number {
  if (released <= 0) return 0;
  const { firstBedroomPence, eachFurtherBedroomPence, mostPence } = scheme.incentive;
  return Math.min(mostPence, firstBedroomPence + eachFurtherBedroomPence * (released - 1));
}

/** The council's estimate for a home with this many bedrooms (the largest listed for bigger homes). */
function estimateFor(table: Readonly<Record<string, number>>, bedrooms: number): number {
  const sizes = Object.keys(table)
    .map(Number)
    .sort((a, b) => a - b);
  const size = sizes.filter((s) => s <= bedrooms).at(-1) ?? sizes[0]!;
  return table[String(size)]!;
}

/** `rates` null: the deduction's rates for the day are not known, so it is left out rather than guessed. */
export function downsizingGain(situation: Situation, scheme: DownsizingScheme, rates: DeductionRates | null): DownsizingGain {
  const need = bedroomsNeeded(situation.household);
  const spare = Math.max(0, Math.floor(situation.bedroomsNow) - need.bedrooms);
  if (spare === 0) return { kind: 'no-spare-bedroom', bedroomsNeeded: need.bedrooms, reasons: need.reasons, rooms: need.rooms };
  const lines: GainLine[] = [];
  const rentNow = situation.weeklyRentPence ?? estimateFor(scheme.weeklyRentPence, situation.bedroomsNow);
  const rentOwn = situation.weeklyRentPence !== null;
  if (situation.helpWithRent && rates) {
    const rate = spare === 1 ? rates.oneSpareBedroomRate : rates.twoOrMoreSpareBedroomsRate;
    lines.push({
      id: 'deduction',
      weeklyPence: Math.round(rentNow * rate),
      estimate: !rentOwn,
      toYou: true,
      rate,
      fromPence: rentNow,
      because: `You said you get help with your rent and your home has ${bedroomsWords(situation.bedroomsNow)} for a household that needs ${bedroomsWords(need.bedrooms)}, so ${percent(rate)} of your rent (${money(rentNow)} a week${rentOwn ? '' : ', the council’s average for a home your size'}) is taken off your help for ${spare === 1 ? 'the spare bedroom' : `${spare} spare bedrooms`}. In a home your size it is not.`,
    });
  }
  const rentSmaller = estimateFor(scheme.weeklyRentPence, need.bedrooms);
  const rentSaving = Math.max(0, rentNow - rentSmaller);
  if (rentSaving > 0)
    lines.push({
      id: 'rent',
      weeklyPence: rentSaving,
      estimate: true,
      toYou: !situation.helpWithRent,
      fromPence: rentNow,
      toPence: rentSmaller,
      because: `A ${bedroomsWords(need.bedrooms)} home rents for about ${money(rentSmaller)} a week on average here, against ${money(rentNow)} for yours${rentOwn ? ' (what you said you pay)' : ' (the average for a home your size)'}.${situation.helpWithRent ? ' While help with rent pays your rent, the saving goes mostly to that help, not to you.' : ''}`,
    });
  const energyNow = estimateFor(scheme.weeklyEnergyPence, situation.bedroomsNow);
  const energySmaller = estimateFor(scheme.weeklyEnergyPence, need.bedrooms);
  if (energyNow > energySmaller)
    lines.push({
      id: 'energy',
      weeklyPence: energyNow - energySmaller,
      estimate: true,
      toYou: true,
      fromPence: energyNow,
      toPence: energySmaller,
      because: `Heating and lighting a ${bedroomsWords(need.bedrooms)} home costs about ${money(energySmaller)} a week, against about ${money(energyNow)} for a home with ${bedroomsWords(situation.bedroomsNow)}.`,
    });
  const incentive = incentiveFor(scheme, spare);
  const { firstBedroomPence, eachFurtherBedroomPence, mostPence } = scheme.incentive;
  return {
    kind: 'gain',
    bedroomsNeeded: need.bedrooms,
    spareBedrooms: spare,
    reasons: need.reasons,
    rooms: need.rooms,
    lines,
    weeklyPence: lines.reduce((sum, l) => sum + (l.toYou ? l.weeklyPence : 0), 0),
    incentivePence: incentive,
    incentiveBecause: `The council pays ${money(firstBedroomPence)} for the first bedroom you give up${spare > 1 ? ` and ${money(eachFurtherBedroomPence)} for each one after it` : ''}, up to ${money(mostPence)}: ${bedroomsWords(spare)} released.`,
  };
}
