// What a self-assessment draft holds on the server between requests. Anonymous until the person
// asks to be contacted: answers, progress, a one-time error to show, and the hand-off in progress.
import type { ContactDetails } from '../../domain/handoff/contact-details.ts';
import type { FormError } from '../../domain/forms.ts';
import type { Answers } from '../../domain/questionnaire/answers.ts';
import type { AssistedStart } from '../../domain/assisted/channels.ts';

export interface HandoffInProgress {
  serviceId?: string;
  contact?: ContactDetails;
  safety?: { voicemailOk: boolean; safeTimes: string[]; notes: string };
}

/** A money check the person added to their plan: its figures, never its answers. */
export interface MoneyCheckInPlan {
  /** The day it was worked out (YYYY-MM-DD). */
  date: string;
  universalCreditMonthly: number;
  councilTaxReductionMonthly: number;
  /** Better off a week working 16 hours, when the comparison could be made. */
  betterOff16Weekly: number | null;
}

export interface DraftState {
  answers: Answers;
  confirmed: boolean;
  /** For a self-assessment an adviser takes someone through: how (the draft's row names the adviser). */
  assisted?: AssistedStart;
  /** "completed" has been counted for this draft (a reload does not count it again). */
  completionCounted?: boolean;
  /** Shown once on the next page view (Post/Redirect/Get), then cleared. */
  flash?: { page: string; errors: FormError[]; submitted: Record<string, string | string[]> };
  handoff?: HandoffInProgress;
  /** The money check's figures, when the person chose to add them to the plan. */
  money?: MoneyCheckInPlan;
  /** Once a hand-off is made: what the confirmation page shows. The answers have gone with it. */
  handedOff?: {
    reference: string;
    /** Absent on drafts from before it was kept. */
    serviceId?: string;
    serviceName: string;
    /** Who will contact them, in the middle of a sentence ("a debt adviser"); absent on drafts from before it was kept. */
    whoContacts?: string;
    acknowledgeBy: string;
    /** For an emergency: when contact is due (ISO-8601), and when the request was sent. */
    urgentContactBy?: string | null;
    /** For an emergency whose safe times to call (these) all fall outside office hours. */
    safeTimesOutsideOfficeHours?: string[];
    sentAt?: string;
  };
}

export const EMPTY_DRAFT_STATE: DraftState = { answers: {}, confirmed: false };

export function parseDraftState(json: string): DraftState {
  const value = JSON.parse(json) as Partial<DraftState>;
  if (typeof value !== 'object' || value === null || typeof value.answers !== 'object' || typeof value.confirmed !== 'boolean') {
    throw new Error('Stored self-assessment draft is not in the expected shape');
  }
  return value as DraftState;
}
