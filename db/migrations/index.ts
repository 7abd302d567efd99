// Every migration, by name, in the order they run. Listed statically (rather than read from the
// folder at run time) so they travel inside the server bundle. Add new files at the end.
import type { Migration } from 'kysely/migration';
import * as staffAccounts from './2026-11-24-001-staff-accounts.ts';
import * as selfAssessment from './2026-11-24-002-self-assessment.ts';
import * as directory from './2026-11-24-003-directory.ts';
import * as backOffice from './2026-11-24-004-back-office.ts';
import * as returnCodeOnce from './2026-11-25-005-return-code-once.ts';
import * as urgentContact from './2026-11-25-006-urgent-contact.ts';
import * as partners from './2026-11-25-007-partners.ts';
import * as followUpReminders from './2026-11-25-008-follow-up-reminders.ts';
import * as rateLimits from './2026-11-25-009-rate-limits.ts';
import * as leases from './2026-11-25-010-leases.ts';
import * as queueOrder from './2026-11-25-011-queue-order.ts';
import * as homes from './2026-11-25-012-homes.ts';
import * as interest from './2026-11-25-013-interest.ts';
import * as advertPhotos from './2026-11-25-014-advert-photos.ts';
import * as landlordAccounts from './2026-11-25-015-landlord-accounts.ts';
import * as analytics from './2026-12-05-016-analytics.ts';
import * as encryptionAtRest from './2026-12-05-017-encryption-at-rest.ts';
import * as partnerContact from './2026-12-06-018-partner-contact.ts';
import * as certificates from './2026-12-06-019-certificates.ts';
import * as interestFormId from './2026-12-06-020-interest-form-id.ts';
import * as sealedStaffKeys from './2026-12-06-021-sealed-staff-keys.ts';
import * as sealedOutboxAddress from './2026-12-06-022-sealed-outbox-address.ts';
import * as sealedCasework from './2026-12-06-023-sealed-casework.ts';
import * as healthChecks from './2026-12-06-024-health-checks.ts';
import * as languages from './2026-12-07-025-languages.ts';
import * as assistedHelp from './2026-12-07-026-assisted-help.ts';
import * as downsizing from './2026-12-07-027-downsizing.ts';
import * as shareCodes from './2026-12-07-028-share-codes.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-24-001-staff-accounts': staffAccounts,
  '2026-11-24-002-self-assessment': selfAssessment,
  '2026-11-24-003-directory': directory,
  '2026-11-24-004-back-office': backOffice,
  '2026-11-25-005-return-code-once': returnCodeOnce,
  '2026-11-25-006-urgent-contact': urgentContact,
  '2026-11-25-007-partners': partners,
  '2026-11-25-008-follow-up-reminders': followUpReminders,
  '2026-11-25-009-rate-limits': rateLimits,
  '2026-11-25-010-leases': leases,
  '2026-11-25-011-queue-order': queueOrder,
  '2026-11-25-012-homes': homes,
  '2026-11-25-013-interest': interest,
  '2026-11-25-014-advert-photos': advertPhotos,
  '2026-11-25-015-landlord-accounts': landlordAccounts,
  '2026-12-05-016-analytics': analytics,
  '2026-12-05-017-encryption-at-rest': encryptionAtRest,
  '2026-12-06-018-partner-contact': partnerContact,
  '2026-12-06-019-certificates': certificates,
  '2026-12-06-020-interest-form-id': interestFormId,
  '2026-12-06-021-sealed-staff-keys': sealedStaffKeys,
  '2026-12-06-022-sealed-outbox-address': sealedOutboxAddress,
  '2026-12-06-023-sealed-casework': sealedCasework,
  '2026-12-06-024-health-checks': healthChecks,
  '2026-12-07-025-languages': languages,
  '2026-12-07-026-assisted-help': assistedHelp,
  '2026-12-07-027-downsizing': downsizing,
  '2026-12-07-028-share-codes': shareCodes,
};
