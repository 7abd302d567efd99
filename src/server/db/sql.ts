// SQL fragments more than one module needs, written once so they read the same on every database.
import { sql, type RawBuilder } from 'kysely';

/**
 * "column contains text", ignoring case: lower() on both sides (LIKE ignores case on SQLite
 * only), with %, _ and \ in the text matched literally.
 */
export function containsText(column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
