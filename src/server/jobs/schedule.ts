// Runs every job on its own timer in the server process (started by scripts/serve.ts, with its
// own database connection), with the clock read at each run. A job that fails is logged and tried
// again at its next turn. With several instances, each job runs once at a time across them all:
// whoever takes the job's lease runs it, and the others skip that turn.
import { describeFailure, log } from '../log.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { newId } from '../ids.ts';
import { JOBS, type JobContext, type JobName } from './registry.ts';

export const SKIPPED = 'skipped: another instance is running it';

/** Takes the job's lease (one conditional upsert) for as long as its interval; false when someone holds it. */
export async function takeLease(db: AppDatabase, name: JobName, holder: string, now: Date): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + Math.max(JOBS[name].everyMinutes, 1) * 60_000).toISOString();
  const result = await db
    .insertInto('job_lease')
    .values({ name, holder, expires_at: expiresAt })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet({ holder, expires_at: expiresAt }).where('job_lease.expires_at', '<=', now.toISOString()),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function runJob(name: JobName, context: Omit<JobContext, 'now'>, now: Date): Promise<string> {
  const holder = newId();
  if (!(await takeLease(context.db, name, holder, now))) return SKIPPED;
  try {
    return await JOBS[name].run({ ...context, now });
  } finally {
    await context.db.deleteFrom('job_lease').where('name', '=', name).where('holder', '=', holder).execute();
  }
}

export function scheduleJobs(context: Omit<JobContext, 'now'>): { stop(): void } {
  const timers = (Object.keys(JOBS) as JobName[]).map((name) =>
    setInterval(() => {
      runJob(name, context, new Date()).catch((error: unknown) => log.error({ job: name, failure: describeFailure(error) }, 'job failed'));
    }, JOBS[name].everyMinutes * 60_000).unref(),
  );
  return { stop: () => timers.forEach((timer) => clearInterval(timer)) };
}
