import { describe, expect, it } from 'vitest';
import { parsePlausibleEvent } from '../../../src/domain/analytics/plausible-event.ts';

const good = { n: 'pageview', u: 'https://housing.example/homes?x=1', d: 'housing.example', r: 'https://search.example/', w: 390 };

describe("reading Plausible's events API body", () => {
  it('reads the short names the tracker sends, and the long names of the API', () => {
    const short = parsePlausibleEvent(JSON.stringify(good));
    expect(short.ok && short.event).toMatchObject({
      name: 'pageview',
      domain: 'housing.example',
      referrer: 'https://search.example/',
      screenWidth: 390,
    });
    const long = parsePlausibleEvent(
      JSON.stringify({
        name: 'Signup',
        url: 'http://housing.example/',
        domain: 'Housing.Example',
        referrer: null,
        props: { plan: 'a', n: 2, ok: true },
      }),
    );
    expect(long.ok).toBe(true);
    if (long.ok) {
      expect(long.event.domain).toBe('housing.example');
      expect(long.event.referrer).toBeNull();
      expect([...long.event.props]).toEqual([
        ['plan', 'a'],
        ['n', '2'],
        ['ok', 'true'],
      ]);
    }
    // Fields it does not use (v, i, h, e, sd, $) are ignored, not refused.
    expect(parsePlausibleEvent(JSON.stringify({ ...good, v: 36, i: false, h: 1, sd: 40, $: { amount: 1 } })).ok).toBe(true);
  });

  it('says exactly what is wrong with a bad body, and never throws', () => {
    const cases: Array<[string, string]> = [
      ['', 'request'],
      ['not json', 'request'],
      ['[1,2]', 'request'],
      ['"pageview"', 'request'],
      ['null', 'request'],
      [JSON.stringify({ ...good, n: '' }), 'name'],
      [JSON.stringify({ ...good, n: 'x'.repeat(121) }), 'name'],
      [JSON.stringify({ ...good, u: undefined }), 'url'],
      [JSON.stringify({ ...good, u: 'data:text/html,hi' }), 'url'],
      [JSON.stringify({ ...good, u: 'javascript:alert(1)' }), 'url'],
      [JSON.stringify({ ...good, u: `https://a.example/${'x'.repeat(2000)}` }), 'url'],
      [JSON.stringify({ ...good, d: 3 }), 'domain'],
      [JSON.stringify({ ...good, r: 12 }), 'referrer'],
      [JSON.stringify({ ...good, w: -1 }), 'screenWidth'],
      [JSON.stringify({ ...good, w: 1.5 }), 'screenWidth'],
      [JSON.stringify({ ...good, p: [1] }), 'props'],
      [JSON.stringify({ ...good, p: { a: { nested: 1 } } }), 'props'],
      [JSON.stringify({ ...good, p: Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`k${i}`, 'v'])) }), 'props'],
    ];
    for (const [body, field] of cases) {
      const parsed = parsePlausibleEvent(body);
      expect(parsed.ok, body.slice(0, 60)).toBe(false);
      if (!parsed.ok) expect(Object.keys(parsed.errors), body.slice(0, 60)).toContain(field);
    }
  });

  it('is not fooled by odd field names', () => {
    // __proto__ and constructor as keys are read as plain data, never as the object's prototype.
    const parsed = parsePlausibleEvent('{"__proto__":{"n":"pageview"},"constructor":1,"u":"https://a.example/","d":"a.example"}');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.name).toMatch(/required/);
    const props = parsePlausibleEvent('{"n":"x","u":"https://a.example/","d":"a.example","p":{"__proto__":"y","toString":"z"}}');
    expect(props.ok && [...props.event.props.keys()]).toEqual(['__proto__', 'toString']);
    expect(({} as Record<string, unknown>).y).toBeUndefined();
  });
});
