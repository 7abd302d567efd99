// Messages to staff go into the outbox table in the same transaction as the change they are
// about, so none is lost. When SMTP is configured they are then sent (nodemailer); when it is
// not, they wait in the outbox, where advisers can see them.
import nodemailer from 'nodemailer';
import type { Settings } from '../../config/settings.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { newId } from '../ids.ts';
import type { DbExecutor } from '../db/executor.ts';
import type { DataKeyring } from '../../config/data-keys.ts';
import { openColumns, sealColumns } from '../security/secrets/sealing.ts';
import { OUTBOX_SEALED_COLUMNS } from '../security/secrets/sealed-tables.ts';

export interface OutgoingMessage {
  to: string;
  subject: string;
  body: string;
  relatedType: string;
  relatedId: string;
}

/** Queues a message; its address is sealed under the ring's current key until it is sent. */
export async function queueMessage(trx: DbExecutor, ring: DataKeyring, message: OutgoingMessage, now: Date): Promise<string> {
  const id = newId();
  await trx
    .insertInto('outbox_message')
    .values({
      id,
      ...sealColumns(ring, 'outbox_message', id, { to_address: message.to }),
      subject: message.subject,
      body_text: message.body,
      related_type: message.relatedType,
      related_id: message.relatedId,
      created_at: now.toISOString(),
      sent_at: null,
      last_error: null,
      claimed_by: null,
      claimed_until: null,
    })
    .execute();
  return id;
}

export type SendMail = (message: { from: string; to: string; subject: string; text: string }) => Promise<unknown>;

export function smtpSender(smtp: NonNullable<Settings['smtp']>): SendMail {
  const transport = nodemailer.createTransport(smtp.url);
  return (message) => transport.sendMail(message);
}

/**
 * Makes a message's final body as it is sent, for messages that must not be stored whole (a
 * password link is made only now). Null means the message is no longer wanted: it is not sent.
 */
export type ComposeBody = (message: { relatedType: string; relatedId: string; body: string }) => Promise<string | null>;

export const GAVE_UP = 5;

/** How long one instance holds a message while it sends it; after that another may try. */
const CLAIM_MS = 5 * 60_000;

/**
 * Tries to send every unsent message; failures stay in the outbox with the error noted. Each
 * message is first claimed with one conditional update, so of several instances delivering at
 * once, only one sends it (a portable form of PostgreSQL's FOR UPDATE SKIP LOCKED: the others
 * skip it).
 */
export async function deliverOutbox(
  db: AppDatabase,
  ring: DataKeyring,
  send: SendMail,
  from: string,
  options: { now?: () => Date; compose?: Record<string, ComposeBody> } = {},
): Promise<{ sent: number; failed: number }> {
  const now = options.now ?? (() => new Date());
  const pending = await db
    .selectFrom('outbox_message')
    .selectAll()
    .where('sent_at', 'is', null)
    .where('attempts', '<', GAVE_UP)
    .orderBy('created_at')
    .limit(50)
    .execute();
  let sent = 0;
  let failed = 0;
  const me = newId();
  for (const message of pending) {
    const at = now();
    const claimed = await db
      .updateTable('outbox_message')
      .set({ claimed_by: me, claimed_until: new Date(at.getTime() + CLAIM_MS).toISOString() })
      .where('id', '=', message.id)
      .where('sent_at', 'is', null)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at.toISOString())]))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    try {
      const compose =
        options.compose && Object.hasOwn(options.compose, message.related_type) ? options.compose[message.related_type] : undefined;
      const text = compose
        ? await compose({ relatedType: message.related_type, relatedId: message.related_id, body: message.body_text })
        : message.body_text;
      if (text === null) {
        await db
          .updateTable('outbox_message')
          .set({ attempts: GAVE_UP, last_error: 'Not sent: no longer needed' })
          .where('id', '=', message.id)
          .execute();
        continue;
      }
      const { to_address: to } = openColumns(ring, 'outbox_message', message.id, message, OUTBOX_SEALED_COLUMNS);
      await send({ from, to, subject: message.subject, text });
      await db
        .updateTable('outbox_message')
        .set({ sent_at: now().toISOString(), attempts: message.attempts + 1, last_error: null, claimed_by: null, claimed_until: null })
        .where('id', '=', message.id)
        .execute();
      sent += 1;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await db
        .updateTable('outbox_message')
        .set({ attempts: message.attempts + 1, last_error: reason.slice(0, 500), claimed_by: null, claimed_until: null })
        .where('id', '=', message.id)
        .execute();
      failed += 1;
    }
  }
  return { sent, failed };
}

/** Messages waiting to be sent (or that could not be), newest first, their addresses opened: what an administrator sees. */
export async function unsentMessages(db: AppDatabase, ring: DataKeyring, limit = 100) {
  const rows = await db
    .selectFrom('outbox_message')
    .selectAll()
    .where('sent_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => openColumns(ring, 'outbox_message', row.id, row, OUTBOX_SEALED_COLUMNS));
}
