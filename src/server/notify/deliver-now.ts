// Sending what waits in the outbox, through the mail set up in the settings: SMTP, or a folder
// of message files for trying the service locally (MAIL_DROP_DIR); texts through GOV.UK Notify
// (or the same folder). With none, messages wait.
import { describeFailure, log } from '../log.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Settings } from '../../config/settings.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { newId } from '../ids.ts';
import { PASSWORD_LINK_MESSAGES, passwordLinkBody } from '../staff/accounts.ts';
import { forgetSentShareCodes, shareCodeEmailBody } from '../share/make-share-code.ts';
import { isTextAddress, notifyTextSender } from './text-messages.ts';
import { deliverOutbox, smtpSender, type ComposeBody, type SendMail } from './outbox.ts';

/** Writes each message to its own file in `dir` (development and tests only). */
export function folderSender(dir: string): SendMail {
  return async (message) => {
    await mkdir(dir, { recursive: true });
    const text = `From: ${message.from}\nTo: ${message.to}\nSubject: ${message.subject}\n\n${message.text}\n`;
    await writeFile(path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${newId()}.txt`), text, { mode: 0o600 });
  };
}

function configuredMail(config: Settings): { send: SendMail; from: string } | null {
  if (config.smtp) return { send: smtpSender(config.smtp), from: config.smtp.from };
  if (config.mailDropDir) return { send: folderSender(config.mailDropDir), from: 'no-reply@localhost' };
  return null;
}

function configuredTexts(config: Settings): SendMail | null {
  if (config.notify) return notifyTextSender(config.notify);
  if (config.mailDropDir) return folderSender(config.mailDropDir);
  return null;
}

/**
 * Email through the mail set up, texts (to a mobile number) through GOV.UK Notify; a message
 * whose kind has nothing set up fails with why, and waits in the outbox where staff see it.
 */
function configuredSender(config: Settings): { send: SendMail; from: string } | null {
  const mail = configuredMail(config);
  const texts = configuredTexts(config);
  if (!mail && !texts) return null;
  const send: SendMail = async (message) => {
    if (isTextAddress(message.to)) {
      if (!texts) throw new Error('No text message service is set up: set NOTIFY_API_KEY and NOTIFY_TEXT_TEMPLATE_ID');
      return texts(message);
    }
    if (!mail) throw new Error('No mail is set up: set SMTP_URL and SMTP_FROM');
    return mail.send(message);
  };
  return { send, from: mail?.from ?? 'no-reply@localhost' };
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
    await forgetSentShareCodes(db);
  } catch (error) {
    log.error({ failure: describeFailure(error) }, 'outbox delivery failed');
  }
  return true;
}
