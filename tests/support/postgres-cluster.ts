// Vitest's global set-up: a PostgreSQL server for the integration tests, which run on SQLite and
// on PostgreSQL. TEST_DATABASE_URL points at an existing server (the tests create databases on
// it); otherwise a throwaway one is started and removed afterwards. If PostgreSQL cannot be had,
// the run says so and fails: it never skips silently.
import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from './postgres-server.ts';

export default async function setup(project: TestProject): Promise<() => void> {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('postgresUrl', process.env.TEST_DATABASE_URL);
    return () => {};
  }
  const server = await startThrowawayPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
