// The one way a page answers a form post (src/server/web/answer-form.ts): what each kind of
// outcome becomes, read from a real Request as Astro hands it over.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { answerForm } from '../../../src/server/web/answer-form.ts';
import { FormProblems, NotFound, UserProblem } from '../../../src/server/web/problems.ts';

const post = (fields: Record<string, string>) => ({
  request: new Request('http://localhost/page', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  }),
  response: { status: 200 },
});

describe('answerForm', () => {
  it('does nothing for a GET: no errors, nothing typed', async () => {
    const page = { request: new Request('http://localhost/page'), response: { status: 200 } };
    expect(await answerForm(page, { run: async () => '/elsewhere' })).toMatchObject({ posted: false, errors: [], values: {} });
  });

  it('redirects (303) where the action says after success', async () => {
    const answer = await answerForm(post({ name: 'Jo' }), { run: async (form) => `/done?name=${form.name![0]}` });
    expect(answer).toBeInstanceOf(Response);
    expect((answer as Response).status).toBe(303);
    expect((answer as Response).headers.get('location')).toBe('/done?name=Jo');
  });

  it('turns a person’s mistake into an error against its field, keeping everything typed, with the problem’s status', async () => {
    const page = post({ name: 'Jo', reason: '' });
    const answer = await answerForm(page, {
      field: 'name',
      run: async () => Promise.reject(new UserProblem('Enter the reason', 'reason')),
    });
    expect(answer).toMatchObject({
      posted: true,
      errors: [{ field: 'reason', message: 'Enter the reason' }],
      values: { name: ['Jo'], reason: [''] },
    });
    expect(page.response.status).toBe(400);
    const limited = post({ code: '1234' });
    expect(
      await answerForm(limited, { field: 'code', run: async () => Promise.reject(new UserProblem('Wait a minute', undefined, 429)) }),
    ).toMatchObject({ errors: [{ field: 'code', message: 'Wait a minute' }] });
    expect(limited.response.status).toBe(429);
  });

  it('shows several problems at once, and a validation error against each field it names', async () => {
    const many = await answerForm(post({}), {
      run: async () =>
        Promise.reject(
          new FormProblems([
            { field: 'email', message: 'Enter your email' },
            { field: 'password', message: 'Enter your password' },
          ]),
        ),
    });
    expect(many).toMatchObject({ errors: [{ field: 'email' }, { field: 'password' }] });
    const zodError = z.object({ age: z.number({ error: 'Enter your age' }) }).safeParse({}).error!;
    expect(await answerForm(post({}), { run: async () => Promise.reject(zodError) })).toMatchObject({
      errors: [{ field: 'age', message: 'Enter your age' }],
    });
  });

  it('runs the intent the form names, and refuses one it does not know without running anything', async () => {
    const ran: string[] = [];
    const actions = {
      claim: { run: async () => (ran.push('claim'), '/claimed') },
      close: { run: async () => (ran.push('close'), '/closed') },
    };
    expect(((await answerForm(post({ intent: 'close' }), actions)) as Response).headers.get('location')).toBe('/closed');
    for (const intent of ['constructor', '__proto__', 'toString', 'nonsense', '']) {
      const page = post({ intent });
      expect(await answerForm(page, actions), intent).toMatchObject({
        errors: [{ field: 'actions', message: 'That action is not known. Reload the page and try again.' }],
      });
      expect(page.response.status).toBe(400);
    }
    expect(ran).toEqual(['close']);
  });

  it('shows what an action shows in answer to the post (a one-time code), or passes its own response on', async () => {
    expect(await answerForm<{ code: string }>(post({}), { run: async () => ({ show: { code: 'ABCD-EFGH' } }) })).toMatchObject({
      posted: true,
      errors: [],
      shown: { code: 'ABCD-EFGH' },
    });
    const json = Response.json({ ok: true });
    expect(await answerForm(post({}), { run: async () => json })).toBe(json);
  });

  it('leaves a refusal (not there, not allowed) and a failure to the middleware', async () => {
    await expect(answerForm(post({}), { run: async () => Promise.reject(new NotFound('no such case')) })).rejects.toBeInstanceOf(NotFound);
    await expect(answerForm(post({}), { run: async () => Promise.reject(new Error('disk full')) })).rejects.toThrow('disk full');
  });
});
