// Only what is safe to advertise is shown: an advert is public while it is live and open for
// interest, its landlord's accreditation is current, and the home's gas safety certificate (if it
// has gas), electrical report (EICR) and energy certificate are in date, rated E or better. The
// moment one lapses it leaves the listing by itself; officers see why. The listing's SQL applies
// the same rules (src/server/homes/listing.ts), and a test checks the two agree.
import { longDate } from '../time/working-days.ts';

export const ADVERT_STATES = ['draft', 'live', 'closed', 'let', 'withdrawn'] as const;
export type AdvertState = (typeof ADVERT_STATES)[number];

export const ACCREDITATION_STATUSES = ['applied', 'accredited', 'suspended', 'lapsed'] as const;
export type AccreditationStatus = (typeof ACCREDITATION_STATUSES)[number];

export const EPC_RATINGS = ['A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;
export type EpcRating = (typeof EPC_RATINGS)[number];
/** The lowest rating a let home may have (the minimum energy efficiency standard). */
export const LOWEST_LETTABLE_EPC: EpcRating = 'E';
export const LETTABLE_EPC = EPC_RATINGS.slice(0, EPC_RATINGS.indexOf(LOWEST_LETTABLE_EPC) + 1);

export interface AdvertStanding {
  state: AdvertState;
  /** The last day interest is taken (YYYY-MM-DD). */
  closesOn: string;
  accreditationStatus: AccreditationStatus;
  accreditationExpiresOn: string | null;
  hasGas: boolean;
  gasSafetyExpiresOn: string | null;
  eicrExpiresOn: string;
  epcExpiresOn: string;
  epcRating: EpcRating;
}

const STATE_WORDS: Record<AdvertState, string> = {
  draft: 'The advert is a draft, waiting for approval',
  live: '',
  closed: 'The advert is closed',
  let: 'The home has been let',
  withdrawn: 'The advert was withdrawn',
};

/** Why the advert is not shown to the public today; empty when it is shown. */
export function whyHidden(advert: AdvertStanding, today: string): string[] {
  const reasons: string[] = [];
  if (advert.state !== 'live') reasons.push(STATE_WORDS[advert.state]);
  if (advert.state === 'live' && advert.closesOn < today) reasons.push(`Interest closed on ${longDate(advert.closesOn)}`);
  if (advert.accreditationStatus !== 'accredited')
    reasons.push(
      `The landlord's accreditation is ${advert.accreditationStatus === 'applied' ? 'not yet approved' : advert.accreditationStatus}`,
    );
  else if (!advert.accreditationExpiresOn || advert.accreditationExpiresOn < today)
    reasons.push(
      `The landlord's accreditation expired on ${advert.accreditationExpiresOn ? longDate(advert.accreditationExpiresOn) : 'an unknown date'}`,
    );
  if (advert.hasGas && (!advert.gasSafetyExpiresOn || advert.gasSafetyExpiresOn < today))
    reasons.push(
      advert.gasSafetyExpiresOn
        ? `The gas safety certificate expired on ${longDate(advert.gasSafetyExpiresOn)}`
        : 'There is no gas safety certificate',
    );
  if (advert.eicrExpiresOn < today) reasons.push(`The electrical safety report (EICR) expired on ${longDate(advert.eicrExpiresOn)}`);
  if (advert.epcExpiresOn < today) reasons.push(`The energy performance certificate expired on ${longDate(advert.epcExpiresOn)}`);
  if (!(LETTABLE_EPC as readonly string[]).includes(advert.epcRating))
    reasons.push(`The energy rating is ${advert.epcRating}: a let home must be rated ${LOWEST_LETTABLE_EPC} or better`);
  return reasons;
}
