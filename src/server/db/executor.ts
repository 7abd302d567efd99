// One name for "the database, or a transaction on it": what a function takes when it may run on
// its own or inside a caller's transaction.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

export type DbExecutor = Kysely<Database> | Transaction<Database>;
