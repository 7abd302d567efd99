import { describe, expect, it } from 'vitest';
import { UnreadableForm, field, fieldValues, readForm } from '../../../src/server/web/forms.ts';

function formPost(body: string, type = 'application/x-www-form-urlencoded'): Request {
  return new Request('http://localhost/form', { method: 'POST', headers: { 'content-type': type }, body });
}

describe('readForm', () => {
  it('reads odd field names as plain fields', async () => {
    const values = await readForm(formPost('__proto__=a&constructor=b&name=c&name=d'));
    expect(field(values, '__proto__')).toBe('a');
    expect(field(values, 'constructor')).toBe('b');
    expect(fieldValues(values, 'name')).toEqual(['c', 'd']);
    expect(field(values, 'toString')).toBe('');
  });

  it('reads the body once per request, and leaves it for the page to use', async () => {
    const request = formPost('code=ABCD-1234');
    const first = readForm(request);
    const second = readForm(request);
    expect(second).toBe(first);
    expect(field(await second, 'code')).toBe('ABCD-1234');
    expect(request.bodyUsed).toBe(false);
    expect(await request.text()).toBe('code=ABCD-1234');
  });

  it('refuses a body that is not a form with 415, and says what was sent', async () => {
    const refusal = await readForm(formPost('{"a":1}', 'application/json')).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(UnreadableForm);
    expect((refusal as UnreadableForm).status).toBe(415);
    expect((refusal as UnreadableForm).message).toContain('application/json');
  });

  it('refuses a broken multipart body with 400, every time it is asked', async () => {
    const request = formPost('--x\r\nbroken', 'multipart/form-data; boundary=x');
    for (let i = 0; i < 2; i++) {
      const refusal = await readForm(request).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(UnreadableForm);
      expect((refusal as UnreadableForm).status).toBe(400);
    }
  });
});

describe('firstValues', () => {
  it('takes each field’s first value, cut to length, with odd names as plain data', async () => {
    const { firstValues } = await import('../../../src/server/web/forms.ts');
    const values = Object.create(null) as Record<string, string[]>;
    values.a = ['one', 'two'];
    values['__proto__'] = ['x'];
    values.long = ['y'.repeat(3000)];
    const first = firstValues(values);
    expect(first.a).toBe('one');
    expect(Object.hasOwn(first, '__proto__')).toBe(true);
    expect(first.long).toHaveLength(2000);
  });
});
