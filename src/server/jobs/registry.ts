// Scheduled work, as named jobs. Each takes the clock and what it needs as arguments, so it runs
// the same from the server's timers (src/server/jobs/schedule.ts), from the command line
// (`npm run jobs -- <name>`) and in tests. Each is safe to run twice, or on several instances
// at once: it only deletes what has expired, or marks what it has done.
import type { Settings } from '../../config/settings.ts';
import type { ServiceRules } from '../../domain/council/service-rules.ts';
import { localDate } from '../../domain/time/working-days.ts';
import { remindFollowUpsDue } from '../casework/follow-ups.ts';
import { refreshQueueColumns } from '../handoffs/queue-columns.ts';
import { accreditationHousekeeping } from '../homes/accreditation.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { deliverNow } from '../notify/deliver-now.ts';
import { forgetEndedWeeks } from '../analytics/salts.ts';
import type { ReportSettings } from '../../config/targets.ts';
import { metricDefinitions, refreshCaseMetrics } from '../reporting/case-metrics.ts';
import { purgeExpiredDrafts } from '../self-assessment/drafts.ts';
import { deleteExpiredSessions } from '../staff/sessions.ts';
import { purgeFullBuckets } from '../security/shared-buckets.ts';
import { SIGN_IN_LIMITS } from '../staff/sign-in.ts';
import { RESUME_LIMIT } from '../self-assessment/resume-limit.ts';
import { SHARE_LIMITS } from '../share/open-share-code.ts';
import { perHour } from '../security/public-limits.ts';
import { applyRetention } from '../retention/retention.ts';

/** The slowest bucket to fill again: any bucket older than this is full (the public limits all fill in an hour). */
const LONGEST_REFILL = [
  SIGN_IN_LIMITS.account,
  SIGN_IN_LIMITS.address,
  RESUME_LIMIT,
  SHARE_LIMITS.address,
  SHARE_LIMITS.code,
  perHour(1),
].reduce((a, b) => (a.size * a.refillSeconds >= b.size * b.refillSeconds ? a : b));

export interface JobContext {
  db: AppDatabase;
  now: Date;
  settings: Settings;
  rules: ServiceRules;
  /** The targets and outcomes the managers' figures are worked out from. */
  reports: Pick<ReportSettings, 'targets' | 'casework'>;
}

export interface Job {
  /** What it does, for `npm run jobs` and the logs. */
  description: string;
  /** How often the server runs it. */
  everyMinutes: number;
  /** Does the work; says what it did in a few words. */
  run(context: JobContext): Promise<string>;
}

export const JOBS = {
  'purge-drafts': {
    description: 'Delete self-assessment answers past their expiry (idle, or saved with a code and not used in time)',
    everyMinutes: 15,
    run: async ({ db, now }) => `${await purgeExpiredDrafts(db, now)} expired drafts deleted`,
  },
  'purge-sessions': {
    description: 'Delete back-office sessions that have been idle too long or reached their absolute limit',
    everyMinutes: 15,
    run: async ({ db, now, settings }) =>
      `${await deleteExpiredSessions(db, now, { idleMinutes: settings.staffIdleMinutes, absoluteHours: settings.staffSessionHours })} expired sessions deleted`,
  },
  'purge-rate-limits': {
    description: 'Delete rate-limit buckets that have filled up again (they no longer mean anything)',
    everyMinutes: 60,
    run: async ({ db, now }) => `${await purgeFullBuckets(db, now, LONGEST_REFILL)} full rate-limit buckets deleted`,
  },
  'follow-ups-due': {
    description: 'Tell each team how many follow-ups have fallen due (once each, no personal details)',
    everyMinutes: 60,
    run: async ({ db, now, settings }) => `${await remindFollowUpsDue(db, settings.dataKeys, now, localDate(now))} follow-ups reminded`,
  },
  'queue-columns': {
    description: "Work out again each open hand-off's stage deadline (after the council's bank holidays or time limits change)",
    everyMinutes: 24 * 60,
    run: async ({ db, rules }) => `${await refreshQueueColumns(db, rules, 'open')} hand-offs' deadlines changed`,
  },
  accreditation: {
    description: 'Lapse landlord accreditation past its expiry, and send each renewal reminder once, some days before',
    everyMinutes: 60,
    run: async ({ db, now, settings }) => {
      const { lapsed, reminded } = await accreditationHousekeeping(db, settings.dataKeys, now);
      return `${lapsed} accreditations lapsed, ${reminded} renewal reminders queued`;
    },
  },
  'analytics-weeks': {
    description:
      "Delete the visitor salt and hashes of every week that is over (only the week's count stays), so past visitors can never be traced",
    everyMinutes: 15,
    run: async ({ db, now }) => {
      const { salts, visitors } = await forgetEndedWeeks(db, now);
      return `${salts} ended weeks' salts and ${visitors} visitor hashes deleted`;
    },
  },
  retention: {
    description:
      'Delete closed cases whose retention date has come (leaving a tombstone and the anonymous counts), sent email, old password links, and share codes past their 30 days',
    everyMinutes: 60,
    run: async ({ db, now, rules }) => {
      const done = await applyRetention(db, now, rules);
      return `${done.cases} cases, ${done.sentMessages} sent messages, ${done.resetLinks} password links, ${done.packRequests} requests for packs by post and ${done.shareCodes} expired share codes deleted`;
    },
  },
  'report-figures': {
    description: "Bring the managers' case figures up to date: every case changed since the last run (or all, when the targets change)",
    everyMinutes: 5,
    run: async ({ db, now, settings, reports: { targets, casework } }) => {
      const { cases, everything } = await refreshCaseMetrics(
        db,
        settings.dataKeys,
        now,
        metricDefinitions(
          targets,
          casework.outcomes.map((o) => o.code),
        ),
      );
      return `${cases} cases' figures worked out${everything ? ' (all of them: the definitions changed)' : ''}`;
    },
  },
  'deliver-outbox': {
    description: 'Send email waiting in the outbox, when SMTP (or MAIL_DROP_DIR) is set up',
    everyMinutes: 5,
    run: async ({ db, settings }) =>
      (await deliverNow(db, settings)) ? 'outbox delivered' : 'no mail set up: messages wait in the outbox',
  },
} satisfies Record<string, Job>;

export type JobName = keyof typeof JOBS;

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOBS, name);
}
