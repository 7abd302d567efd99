// Text messages, sent through GOV.UK Notify (what councils use for texts): a POST of the number,
// the template and its one placeholder, ((body)), signed with a short-lived token (a JWT, HS256,
// issued by the service id and signed with the key's secret, as Notify's API asks). A message in
// the outbox goes as a text when its address is a UK mobile number; otherwise it is an email.
import { createHmac } from 'node:crypto';
import type { NotifySettings } from '../../config/settings.ts';
import { isUkMobile } from '../../domain/contact/phone.ts';
import type { SendMail } from './outbox.ts';

/** An outbox address that is a UK mobile number (its digits from the 0) is texted, not emailed. */
export function isTextAddress(to: string): boolean {
  return isUkMobile(to);
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** Notify's bearer token: a JWT issued now by the service, signed with the key's secret. */
export function notifyToken(notify: Pick<NotifySettings, 'serviceId' | 'secret'>, now: Date): string {
  const head = base64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }));
  const body = base64url(JSON.stringify({ iss: notify.serviceId, iat: Math.floor(now.getTime() / 1000) }));
  const signature = createHmac('sha256', notify.secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}

/** Sends a text through Notify; a refusal throws with Notify's own words, so it stays in the outbox with them. */
export function notifyTextSender(notify: NotifySettings, fetchImpl: typeof fetch = fetch, clock: () => Date = () => new Date()): SendMail {
  return async ({ to, text }) => {
    const response = await fetchImpl(`${notify.baseUrl}/v2/notifications/sms`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${notifyToken(notify, clock())}` },
      body: JSON.stringify({ phone_number: to, template_id: notify.templateId, personalisation: { body: text } }),
      signal: AbortSignal.timeout(15_000),
    });
    if (!response.ok) throw new Error(`GOV.UK Notify refused the text (${response.status}): ${(await response.text()).slice(0, 300)}`);
  };
}
