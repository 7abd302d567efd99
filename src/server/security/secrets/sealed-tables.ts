// Every table that holds sealed columns, and which: the one list the owners seal and open by,
// key rotation walks, and the encryption-at-rest test checks. A table that starts to hold
// something sealed is added here. Columns worked out from the plain values (keyed hashes) are
// rewritten with them when every row is rotated (`npm run keys:rotate -- --all`).
import type { DataKeyring } from '../../../config/data-keys.ts';
import { contactLookups, interestPersonLookup } from './lookups.ts';

type Plain = Record<string, string | null>;

export const HANDOFF_SEALED_COLUMNS = ['answers', 'contact_name', 'contact_phone', 'contact_email', 'safe_times', 'safety_notes'] as const;
export const DRAFT_SEALED_COLUMNS = ['state'] as const;
export const INTEREST_SEALED_COLUMNS = ['name', 'phone', 'email', 'safe_times'] as const;
/** A member of staff's second-factor key (base64url of its bytes). */
export const STAFF_SEALED_COLUMNS = ['totp_key'] as const;
/** The address an email waiting to be sent goes to. */
export const OUTBOX_SEALED_COLUMNS = ['to_address'] as const;
/** A case's timeline entry: notes, and the reasons and answers copied onto it, can say anything about the person. */
export const CASE_EVENT_SEALED_COLUMNS = ['summary', 'detail'] as const;
/** A version of a case's plan: its goals and actions (JSON). */
export const PLAN_SEALED_COLUMNS = ['items'] as const;
/** A referral to a partner: why, and what the partner or adviser said came of it. */
export const REFERRAL_SEALED_COLUMNS = ['reason', 'decline_reason', 'result'] as const;
/** What was learnt at a follow-up. */
export const FOLLOW_UP_SEALED_COLUMNS = ['notes'] as const;
/** An income maximisation health check: the answers it was worked out from, and the adviser's notes. */
export const HEALTH_CHECK_SEALED_COLUMNS = ['answers', 'notes'] as const;
/** Packs asked for by post: who and where to send them. */
export const POSTED_PACK_SEALED_COLUMNS = ['name', 'address', 'postcode'] as const;
/** A share code's summary (the answers and plan the person chose to share), and the code while an email with it waits. */
export const SHARE_CODE_SEALED_COLUMNS = ['summary', 'code_for_sending'] as const;
/** Who a viewer of a shared summary said they were. */
export const SHARE_VIEW_SEALED_COLUMNS = ['viewer'] as const;

export interface SealedTable {
  table:
    | 'handoff'
    | 'assessment_draft'
    | 'advert_interest'
    | 'staff_user'
    | 'outbox_message'
    | 'case_event'
    | 'case_plan_version'
    | 'referral'
    | 'follow_up'
    | 'health_check'
    | 'posted_pack_request'
    | 'share_code'
    | 'share_view';
  columns: readonly string[];
  /** Columns worked out from the plain values (keyed hashes), rewritten with them. */
  derived?: (ring: DataKeyring, plain: Plain) => Plain;
}

export const SEALED_TABLES: readonly SealedTable[] = [
  {
    table: 'handoff',
    columns: HANDOFF_SEALED_COLUMNS,
    derived: (ring, plain) => contactLookups(ring, plain as Parameters<typeof contactLookups>[1]),
  },
  { table: 'assessment_draft', columns: DRAFT_SEALED_COLUMNS },
  {
    table: 'advert_interest',
    columns: INTEREST_SEALED_COLUMNS,
    derived: (ring, plain) => ({ person_key: interestPersonLookup(ring, { email: plain.email ?? null, phone: plain.phone ?? null }) }),
  },
  { table: 'staff_user', columns: STAFF_SEALED_COLUMNS },
  { table: 'outbox_message', columns: OUTBOX_SEALED_COLUMNS },
  { table: 'case_event', columns: CASE_EVENT_SEALED_COLUMNS },
  { table: 'case_plan_version', columns: PLAN_SEALED_COLUMNS },
  { table: 'referral', columns: REFERRAL_SEALED_COLUMNS },
  { table: 'follow_up', columns: FOLLOW_UP_SEALED_COLUMNS },
  { table: 'health_check', columns: HEALTH_CHECK_SEALED_COLUMNS },
  { table: 'posted_pack_request', columns: POSTED_PACK_SEALED_COLUMNS },
  { table: 'share_code', columns: SHARE_CODE_SEALED_COLUMNS },
  { table: 'share_view', columns: SHARE_VIEW_SEALED_COLUMNS },
];

export type SealedTableName = SealedTable['table'];
