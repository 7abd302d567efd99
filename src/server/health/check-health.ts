// Health of the service for load balancers and monitoring: is the database answering?
import { sql, type Kysely } from 'kysely';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  database: 'reachable' | 'unreachable';
  checkedAt: string;
}

export async function checkHealth(getDatabase: () => Promise<Kysely<any>>, clock: () => Date = () => new Date()): Promise<HealthReport> {
  const checkedAt = clock().toISOString();
  try {
    const db = await getDatabase();
    // Read a real table (not just `select 1`, which never touches the file): this proves the
    // file is readable and migrated. kysely_migration exists on every dialect Kysely supports.
    await sql`select count(*) from kysely_migration`.execute(db);
    return { status: 'ok', database: 'reachable', checkedAt };
  } catch {
    // The reason is not sent: a public endpoint should not describe the server's insides.
    return { status: 'unavailable', database: 'unreachable', checkedAt };
  }
}
