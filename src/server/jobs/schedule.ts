// Runs every job on its own timer in the server process (started by scripts/serve.ts, with its
// own database connection), with the clock read at each run. A job that fails is logged and tried again at its next turn.
import type { Settings } from '../../config/settings.ts';
import type { ServiceRules } from '../../domain/council/service-rules.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { JOBS, type JobName } from './registry.ts';

export async function runJob(name: JobName, context: Omit<Parameters<(typeof JOBS)[JobName]['run']>[0], 'now'>, now: Date): Promise<string> {
  return JOBS[name].run({ ...context, now });
}

export function scheduleJobs(db: AppDatabase, settings: Settings, rules: ServiceRules): { stop(): void } {
  const timers = (Object.keys(JOBS) as JobName[]).map((name) =>
    setInterval(() => {
      runJob(name, { db, settings, rules }, new Date())
        .catch((error: unknown) => console.error(`Job ${name} failed:`, error instanceof Error ? error.message : error));
    }, JOBS[name].everyMinutes * 60_000).unref(),
  );
  return { stop: () => timers.forEach((timer) => clearInterval(timer)) };
}
