// A person's self-assessment walked over HTTP alone (no browser): for specs that need many of
// them quickly, or a server of their own.
import { expect, type APIRequestContext } from '@playwright/test';

const post = (person: APIRequestContext, base: string, page: string, form: Record<string, string>) =>
  person.post(page, { form, headers: { Origin: base }, maxRedirects: 0 });

/**
 * Starts a self-assessment and answers each question with a plain answer ("no", the last choice,
 * or 1; "yes" to having nowhere to stay tonight, so a hand-off is offered) until the answers are
 * checked.
 */
export async function answerEveryQuestion(person: APIRequestContext, base: string): Promise<void> {
  const started = await post(person, base, '/self-assessment/start', {});
  expect(started.status(), 'starting a self-assessment').toBe(303);
  let next = started.headers()['location'] ?? '';
  for (let step = 0; step < 40 && next && !next.endsWith('/check-answers'); step += 1) {
    const html = await (await person.get(next)).text();
    const choices = [...html.matchAll(/<input[^>]*type="(radio|checkbox)"[^>]*value="([^"]*)"/g)].map((m) => m[2]!);
    const answer = next.endsWith('/tonight')
      ? 'yes'
      : choices.includes('no')
        ? 'no'
        : choices.length > 0
          ? choices[choices.length - 1]!
          : '1';
    const response = await post(person, base, next, { answer });
    expect(response.status(), `answering ${next}`).toBe(303);
    next = response.headers()['location'] ?? '';
  }
  expect(next, 'the plain answers reach the check-answers page').toMatch(/\/check-answers$/);
}

/** Answers everything, then chooses the first service and gives contact details, up to the consent page. */
export async function readyToConsent(person: APIRequestContext, base: string, name = 'Jo Example'): Promise<void> {
  await answerEveryQuestion(person, base);
  expect((await post(person, base, '/self-assessment/check-answers', {})).status(), 'confirming the answers').toBe(303);
  const html = await (await person.get('/self-assessment/contact')).text();
  const service = /name="service"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="service"/.exec(html);
  const steps: Array<[string, Record<string, string>]> = [
    ['/self-assessment/contact', { service: service?.[1] ?? service?.[2] ?? '' }],
    ['/self-assessment/contact/details', { name, phone: '07700 900 982', preferred: 'phone' }],
    ['/self-assessment/contact/safety', { voicemail: 'no', safeTimes: 'morning' }],
  ];
  for (const [page, form] of steps) {
    const response = await post(person, base, page, form);
    expect(response.headers()['location'], `the answer on ${page} is taken`).not.toBe(page);
  }
}
