// The shape of every table, as the database driver returns it, composed from each module's own
// tables (src/server/db/schema/<module>.ts, each naming the folder that owns and writes them).
// Portable conventions: text ids made by the app, dates as ISO-8601 text, booleans as 0/1 integers.
import type { StaffTables } from './schema/staff.ts';
import type { SelfAssessmentTables } from './schema/self-assessment.ts';
import type { HandoffsTables } from './schema/handoffs.ts';
import type { CaseworkTables } from './schema/casework.ts';
import type { PartnersTables } from './schema/partners.ts';
import type { JobsTables } from './schema/jobs.ts';
import type { SecurityTables } from './schema/security.ts';
import type { AuditTables } from './schema/audit.ts';
import type { NotifyTables } from './schema/notify.ts';
import type { AnalyticsTables } from './schema/analytics.ts';
import type { DirectoryTables } from './schema/directory.ts';
import type { HomesTables } from './schema/homes.ts';
import type { ReportingTables } from './schema/reporting.ts';
import type { PostedPacksTables } from './schema/posted-packs.ts';
import type { ShareTables } from './schema/share.ts';

export type * from './schema/staff.ts';
export type * from './schema/self-assessment.ts';
export type * from './schema/handoffs.ts';
export type * from './schema/casework.ts';
export type * from './schema/partners.ts';
export type * from './schema/jobs.ts';
export type * from './schema/security.ts';
export type * from './schema/audit.ts';
export type * from './schema/notify.ts';
export type * from './schema/analytics.ts';
export type * from './schema/directory.ts';
export type * from './schema/homes.ts';
export type * from './schema/reporting.ts';
export type * from './schema/posted-packs.ts';
export type * from './schema/share.ts';

export interface Database
  extends
    StaffTables,
    SelfAssessmentTables,
    HandoffsTables,
    CaseworkTables,
    PartnersTables,
    JobsTables,
    SecurityTables,
    AuditTables,
    NotifyTables,
    AnalyticsTables,
    DirectoryTables,
    HomesTables,
    ReportingTables,
    PostedPacksTables,
    ShareTables {}
