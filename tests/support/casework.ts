// Test fixtures for the back-office: staff accounts and hand-offs written straight to the database.
import type { Channel } from '../../src/domain/assisted/channels.ts';
import type { AppDatabase } from '../../src/server/db/open-database.ts';
import type { HandoffTable } from '../../src/server/db/schema.ts';
import { PARTNER_TEAM, type Actor, type Role } from '../../src/domain/staff/permissions.ts';
import { serviceRules } from '../../src/config/service-rules.ts';
import { queueColumns } from '../../src/server/handoffs/queue-columns.ts';
import { newReference } from '../../src/server/handoffs/reference.ts';
import { newId } from '../../src/server/ids.ts';
import { sealHandoff } from '../../src/server/handoffs/handoff-sealing.ts';
import { ring } from './keys.ts';
import { hashPassword } from '../../src/server/staff/password-hash.ts';

export async function insertStaff(
  db: AppDatabase,
  role: Role,
  teamId: string,
  options: { email?: string; password?: string; name?: string; organizationId?: string } = {},
): Promise<Actor> {
  const id = newId();
  const now = new Date().toISOString();
  const displayName = options.name ?? `${role} of ${teamId}`;
  await db
    .insertInto('staff_user')
    .values({
      id,
      email: options.email ?? `${id}@council.example`,
      display_name: displayName,
      role,
      team_id: teamId,
      organization_id: options.organizationId ?? null,
      password_hash: await hashPassword(options.password ?? 'a long test password'),
      is_disabled: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, role, teamId, displayName, organizationId: options.organizationId ?? null };
}

export async function insertHandoff(
  db: AppDatabase,
  options: {
    teamId?: string;
    serviceId?: string;
    needLevel?: HandoffTable['need_level'];
    createdAt: Date;
    reference?: string;
    name?: string;
    phone?: string | null;
    email?: string | null;
    /** An emergency's contact-by instant (ISO-8601). */
    urgentContactBy?: string;
    /** The website's language, the contact language and the interpreter need (English, none, by default). */
    language?: string;
    contactLanguage?: string;
    interpreter?: boolean;
    /** How it came (the website alone by default). */
    channel?: Channel;
  },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('handoff')
    .values({
      id,
      reference: options.reference ?? newReference(),
      service_id: options.serviceId ?? 'housing-options',
      team_id: options.teamId ?? 'housing-options',
      need_level: options.needLevel ?? 'high',
      ...sealHandoff(ring, id, {
        answers: JSON.stringify({ danger: 'no', tonight: 'yes', homeType: 'privateRenter', noticeReceived: 'section21' }),
        contact_name: options.name ?? 'Jo Example',
        contact_phone: options.phone === undefined ? '07700 900 123' : options.phone,
        contact_email: options.email ?? null,
        safe_times: JSON.stringify(['morning']),
        safety_notes: 'Withheld number please',
      }),
      plan_step_ids: JSON.stringify(['section-21']),
      domains: JSON.stringify(['housing']),
      questionnaire_version: 1,
      preferred_contact: 'phone',
      voicemail_ok: 0,
      language: options.language ?? 'en',
      contact_language: options.contactLanguage ?? options.language ?? 'en',
      interpreter_needed: options.interpreter ? 1 : 0,
      channel: options.channel ?? 'web',
      consent_text: 'I agree.',
      consented_at: options.createdAt.toISOString(),
      retain_until: new Date(options.createdAt.getTime() + 2 * 365 * 86_400_000).toISOString(),
      acknowledge_by: '2099-01-01',
      urgent_contact_by: options.urgentContactBy ?? null,
      created_at: options.createdAt.toISOString(),
      ...queueColumns(
        {
          status: 'new',
          need_level: options.needLevel ?? 'high',
          created_at: options.createdAt.toISOString(),
          acknowledged_at: null,
          appointment_arranged_at: null,
          information_gathered_at: null,
          urgent_contact_by: options.urgentContactBy ?? null,
        },
        serviceRules,
      ),
    })
    .execute();
  return id;
}

/** A partner organisation's account (content/directory/services.json organisations). */
export function insertPartner(db: AppDatabase, organizationId: string, options: { email?: string } = {}): Promise<Actor> {
  return insertStaff(db, 'partner', PARTNER_TEAM, { ...options, organizationId, name: `Partner at ${organizationId}` });
}
