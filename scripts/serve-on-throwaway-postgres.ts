// For the browser tests on PostgreSQL: starts a throwaway PostgreSQL server (or uses
// TEST_DATABASE_URL's server), makes a database on it, and runs the service there
// (scripts/serve.ts) until stopped, then removes the server.
import { createDatabase, startThrowawayPostgres, type ThrowawayPostgres } from '../tests/support/postgres-server.ts';

let throwaway: ThrowawayPostgres | null = null;
const serverUrl = process.env.TEST_DATABASE_URL ?? (throwaway = await startThrowawayPostgres()).url;
process.env.DATABASE_URL = await createDatabase(serverUrl, `ho_e2e_${process.pid}`);

const stop = () => {
  try {
    throwaway?.stop();
  } finally {
    process.exit(0);
  }
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
await import('./serve.ts');
