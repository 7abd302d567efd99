// Ids are made by the application (not by the database), so rows can be written the same way on
// SQLite and PostgreSQL and ids never reveal how many records exist.
import { randomUUID } from 'node:crypto';

export function newId(): string {
  return randomUUID();
}

/** Now as ISO-8601 text in UTC, the form every date column holds. */
export function isoNow(clock: () => Date = () => new Date()): string {
  return clock().toISOString();
}
