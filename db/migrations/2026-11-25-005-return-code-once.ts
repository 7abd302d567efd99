// A return code works once: using it moves the answers to the new browser and ends the code.
// The used code's hash is kept with the draft so a second try can be told the code was used on
// another device, rather than that it does not exist.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('assessment_draft').addColumn('used_return_code_hash', 'text').execute();
  await db.schema.createIndex('assessment_draft_used_return_code_hash').on('assessment_draft').column('used_return_code_hash').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('assessment_draft_used_return_code_hash').execute();
  await db.schema.alterTable('assessment_draft').dropColumn('used_return_code_hash').execute();
}
