// Texts through GOV.UK Notify: the API key read from the settings (its service id and secret),
// the request Notify's API asks for (the number, the template, ((body)), a bearer JWT signed with
// the secret and issued now), a refusal kept with Notify's words, and which outbox addresses are texts.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../../src/config/settings.ts';
import { isTextAddress, notifyTextSender, notifyToken } from '../../../src/server/notify/text-messages.ts';

const SERVICE = '26785a09-ab16-4eb0-8407-a37497a57506';
const SECRET = '3d844edf-8d35-48ac-975b-e847b4f122b0';
const TEMPLATE = 'f33517ff-2a88-4f6e-b855-c550268ce08a';

describe('GOV.UK Notify texts', () => {
  it('reads the API key and the template from the settings, and says what is wrong', () => {
    const s = readSettings({ NOTIFY_API_KEY: `housing_options-${SERVICE}-${SECRET}`, NOTIFY_TEXT_TEMPLATE_ID: TEMPLATE });
    expect(s.notify).toEqual({
      serviceId: SERVICE,
      secret: SECRET,
      templateId: TEMPLATE,
      baseUrl: 'https://api.notifications.service.gov.uk',
    });
    expect(readSettings({}).notify).toBeNull();
    expect(() => readSettings({ NOTIFY_API_KEY: 'not-a-key' })).toThrow('NOTIFY_API_KEY must be a GOV.UK Notify API key');
    expect(() => readSettings({ NOTIFY_API_KEY: `k-${SERVICE}-${SECRET}` })).toThrow('NOTIFY_TEXT_TEMPLATE_ID must be set');
  });

  it('signs a token issued now by the service, with the secret', () => {
    const token = notifyToken({ serviceId: SERVICE, secret: SECRET }, new Date('2026-12-07T10:00:00Z'));
    const [head, body, signature] = token.split('.');
    expect(JSON.parse(Buffer.from(head!, 'base64url').toString())).toEqual({ typ: 'JWT', alg: 'HS256' });
    expect(JSON.parse(Buffer.from(body!, 'base64url').toString())).toEqual({ iss: SERVICE, iat: 1796637600 });
    expect(signature).toBe(createHmac('sha256', SECRET).update(`${head}.${body}`).digest('base64url'));
  });

  it('posts the number, the template and the body; a refusal throws with what Notify said', async () => {
    const seen: Array<{ url: string; init: RequestInit }> = [];
    const answer = { status: 201, text: '{}' };
    const fakeFetch = (async (url: string, init: RequestInit) => {
      seen.push({ url, init });
      return new Response(answer.text, { status: answer.status });
    }) as unknown as typeof fetch;
    const notify = { serviceId: SERVICE, secret: SECRET, templateId: TEMPLATE, baseUrl: 'https://notify.test' };
    const send = notifyTextSender(notify, fakeFetch, () => new Date('2026-12-07T10:00:00Z'));
    await send({ from: 'x', to: '07700900982', subject: 'ignored', text: 'Your share code is K7Q-M2X-9PW' });
    expect(seen[0]!.url).toBe('https://notify.test/v2/notifications/sms');
    expect(JSON.parse(seen[0]!.init.body as string)).toEqual({
      phone_number: '07700900982',
      template_id: TEMPLATE,
      personalisation: { body: 'Your share code is K7Q-M2X-9PW' },
    });
    expect((seen[0]!.init.headers as Record<string, string>).Authorization).toBe(
      `Bearer ${notifyToken(notify, new Date('2026-12-07T10:00:00Z'))}`,
    );
    Object.assign(answer, {
      status: 400,
      text: '{"errors":[{"error":"ValidationError","message":"phone_number Not a UK mobile number"}]}',
    });
    await expect(send({ from: 'x', to: '07700900982', subject: '', text: 'x' })).rejects.toThrow(
      'GOV.UK Notify refused the text (400): {"errors":[{"error":"ValidationError","message":"phone_number Not a UK mobile number"}]}',
    );
  });

  it('texts an outbox address that is a UK mobile number, and emails the rest', () => {
    expect(isTextAddress('07700900982')).toBe(true);
    for (const to of ['person@example.com', '01632960100', '7700900982', '+447700900982']) expect(isTextAddress(to), to).toBe(false);
  });
});
