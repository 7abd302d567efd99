// Rows read straight from a test server's database, with their sealed columns (answers, contact
// details, safety notes: src/server/security/secrets/) opened, so a test can check what
// was really stored. Test servers run on the development keys, as this process does.
import { SEALED_TABLES } from '../../src/server/security/secrets/sealed-tables.ts';
import { openColumns } from '../../src/server/security/secrets/sealing.ts';
import { ring } from '../support/keys.ts';

/** The row as it was written: sealed columns opened when its table has any. */
export function readableRow(table: string, row: Record<string, unknown>): Record<string, unknown> {
  const spec = SEALED_TABLES.find((s) => s.table === table);
  if (!spec) return row;
  return openColumns(ring, table, String(row.id), row as Record<string, unknown> & { data_key_id: string | null }, spec.columns);
}
