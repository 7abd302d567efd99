// A hand-off as the rest of the service reads it: the stored row mapped to names, and the
// hand-off services (content/self-assessment/handoff-services.json) by id. A hand-off becomes a
// "case" once the back office works it: one row, table `handoff`, worked by src/server/casework.
import type { Channel, FilledInBy, PrivacyNoticeGiven } from '../../domain/assisted/channels.ts';
import type { Selectable } from 'kysely';
import { selfAssessment, type HandoffService } from '../../config/self-assessment.ts';
import type { Answers } from '../../domain/questionnaire/answers.ts';
import type { AppDatabase } from '../db/open-database.ts';
import type { HandoffStatus, HandoffTable } from '../db/schema.ts';
import { parseReference } from './reference.ts';
import { openHandoff } from './handoff-sealing.ts';
import type { DataKeyring } from '../../config/data-keys.ts';

export function serviceById(id: string | undefined): HandoffService | undefined {
  return selfAssessment.services.find((s) => s.id === id);
}

/** How to reach the person: what the case and a partner with the person's agreement both show. */
export interface HandoffContact {
  name: string;
  phone: string | null;
  email: string | null;
  preferred: 'phone' | 'email';
  /** The language they asked to be contacted in (a code), and whether they need an interpreter. */
  language: string;
  interpreter: boolean;
}

export interface Handoff {
  id: string;
  reference: string;
  serviceId: string;
  teamId: string;
  needLevel: HandoffTable['need_level'];
  status: HandoffStatus;
  answers: Answers;
  planStepIds: string[];
  domains: string[];
  questionnaireVersion: number;
  contact: HandoffContact;
  /** The website's language they did the self-assessment in. */
  siteLanguage: string;
  /** How it came (the website, or with an adviser), and for an assisted one who helped and where. */
  channel: Channel;
  assisted: {
    staffId: string | null;
    surgeryId: string | null;
    filledInBy: FilledInBy | null;
    privacyNotice: PrivacyNoticeGiven | null;
  } | null;
  safety: { voicemailOk: boolean; safeTimes: string[]; notes: string | null };
  consentText: string;
  consentedAt: string;
  retainUntil: string;
  acknowledgeBy: string;
  urgentContactBy: string | null;
  createdAt: string;
}

/** The stored row as names, its sealed columns opened with `ring`. */
export function toHandoff(sealedRow: Selectable<HandoffTable>, ring: DataKeyring): Handoff {
  const row = openHandoff(ring, sealedRow.id, sealedRow);
  return {
    id: row.id,
    reference: row.reference,
    serviceId: row.service_id,
    teamId: row.team_id,
    needLevel: row.need_level,
    status: row.status,
    answers: JSON.parse(row.answers) as Answers,
    planStepIds: JSON.parse(row.plan_step_ids) as string[],
    domains: JSON.parse(row.domains) as string[],
    questionnaireVersion: row.questionnaire_version,
    contact: {
      name: row.contact_name,
      phone: row.contact_phone,
      email: row.contact_email,
      preferred: row.preferred_contact,
      language: row.contact_language,
      interpreter: row.interpreter_needed === 1,
    },
    siteLanguage: row.language,
    channel: row.channel,
    assisted:
      row.channel === 'web'
        ? null
        : { staffId: row.assisted_by, surgeryId: row.surgery_id, filledInBy: row.filled_in_by, privacyNotice: row.privacy_notice },
    safety: { voicemailOk: row.voicemail_ok === 1, safeTimes: JSON.parse(row.safe_times) as string[], notes: row.safety_notes },
    consentText: row.consent_text,
    consentedAt: row.consented_at,
    retainUntil: row.retain_until,
    acknowledgeBy: row.acknowledge_by,
    urgentContactBy: row.urgent_contact_by,
    createdAt: row.created_at,
  };
}

/** The id of the hand-off with this reference (already parsed), or null: how another module links to one. */
export async function handoffIdByReference(db: AppDatabase, reference: string): Promise<string | null> {
  const row = await db.selectFrom('handoff').select('id').where('reference', '=', reference).executeTakeFirst();
  return row?.id ?? null;
}

/** A hand-off by its reference, typed any way (used by tests; staff reach hand-offs through src/server/casework). */
export async function getHandoffByReference(db: AppDatabase, reference: string, ring: DataKeyring): Promise<Handoff | null> {
  const row = await db
    .selectFrom('handoff')
    .selectAll()
    .where('reference', '=', parseReference(reference) ?? '')
    .executeTakeFirst();
  return row ? toHandoff(row, ring) : null;
}
