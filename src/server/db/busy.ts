// Whether an error means the database was too busy to answer in time (another writer held the
// lock past the wait), as opposed to a fault: the caller can tell the person to try again shortly
// (503 with Retry-After) instead of showing a failure.

/** SQLite (better-sqlite3) and PostgreSQL (SQLSTATE) codes for "busy, try again". */
const BUSY_CODES = new Set([
  'SQLITE_BUSY',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_BUSY_TIMEOUT',
  'SQLITE_LOCKED',
  '55P03', // lock_not_available
  '57014', // query_canceled (statement_timeout)
  '40P01', // deadlock_detected
  '53300', // too_many_connections
]);

/** How long to ask a browser to wait before trying again, in seconds. */
export const BUSY_RETRY_AFTER_SECONDS = 10;

export function isDatabaseBusy(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    if (typeof current !== 'object') return false;
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && BUSY_CODES.has(code)) return true;
    // pg-pool, when every connection stays in use past connectionTimeoutMillis.
    if (typeof message === 'string' && message.includes('timeout exceeded when trying to connect')) return true;
    current = cause;
  }
  return false;
}
