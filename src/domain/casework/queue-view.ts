// The hand-off queue as the page and its filter island show it: rows ready to display, and the
// filters as typed. Shared by the server (src/server/casework/queue-page.ts) and the island.
import type { CaseStatus, NeedLevel } from './statuses.ts';
import type { Deadline } from './time-limits.ts';

export interface QueueViewRow {
  id: string;
  reference: string;
  contactName: string;
  needLevel: NeedLevel;
  status: CaseStatus;
  serviceName: string;
  assigneeName: string | null;
  deadline: Deadline | null;
  /** For an emergency waiting for contact: the times it is safe to call, in words, and whether none is in office hours. */
  safeToCall: { times: string[]; noneInOfficeHours: boolean } | null;
  /** "Polish, interpreter needed": how to speak with them, when not English without an interpreter. */
  languageNeed: string | null;
  /** Partner organisations that recorded contact with the person. */
  contactedBy: string[];
  /** Partner organisations that declined a referral on this case. */
  declinedBy: string[];
}

export interface QueueFilterValues {
  /** A reference or part of a name. */
  text: string;
  status: string;
  needLevel: string;
  serviceId: string;
  assignee: string;
  /** 'overdue', or empty for any. */
  due: string;
}
