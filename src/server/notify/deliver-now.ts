// Sending what waits in the outbox, through the mail set up in the settings: SMTP, or a folder
// of message files for trying the service locally (MAIL_DROP_DIR). With neither, messages wait.
import { describeFailure, log } from '../log.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Settings } from '../../config/settings.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { newId } from '../ids.ts';
import { PASSWORD_LINK_MESSAGES, passwordLinkBody } from '../staff/accounts.ts';
import { shareCodeEmailBody } from '../share/share-codes.ts';
import { deliverOutbox, smtpSender, type ComposeBody, type SendMail } from './outbox.ts';

/** Writes each message to its own file in `dir` (development and tests only). */
export function folderSender(dir: string): SendMail {
  return async (message) => {
    await mkdir(dir, { recursive: true });
    const text = `From: ${message.from}\nTo: ${message.to}\nSubject: ${message.subject}\n\n${message.text}\n`;
    await writeFile(path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${newId()}.txt`), text, { mode: 0o600 });
  };
}

function configuredSender(config: Settings): { send: SendMail; from: string } | null {
  if (config.smtp) return { send: smtpSender(config.smtp), from: config.smtp.from };
  if (config.mailDropDir) return { send: folderSender(config.mailDropDir), from: 'no-reply@localhost' };
  return null;
}

/**
 * Sends the outbox now if mail is set up (false when it is not); failures stay in the outbox and
 * are logged, never thrown.
 */
export async function deliverNow(db: AppDatabase, config: Settings): Promise<boolean> {
  const mail = configuredSender(config);
  if (!mail) return false;
  const passwordLink: ComposeBody = (message) =>
    passwordLinkBody(
      db,
      { ...message, relatedType: message.relatedType as keyof typeof PASSWORD_LINK_MESSAGES },
      config.siteUrl,
      new Date(),
    );
  const shareCode: ComposeBody = (message) => shareCodeEmailBody(db, config.dataKeys, message, new Date());
  const compose = { ...Object.fromEntries(Object.keys(PASSWORD_LINK_MESSAGES).map((type) => [type, passwordLink])), share_code: shareCode };
  try {
    await deliverOutbox(db, config.dataKeys, mail.send, mail.from, { compose });
  } catch (error) {
    log.error({ failure: describeFailure(error) }, 'outbox delivery failed');
  }
  return true;
}
