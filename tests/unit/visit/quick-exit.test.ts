import { describe, expect, it } from 'vitest';
import { cookieNames, quickExit } from '../../../src/server/visit/quick-exit.ts';

describe('quick exit', () => {
  it('redirects to the neutral site with 303, no referrer and no caching', () => {
    const { status, headers } = quickExit(null, 'https://www.bbc.co.uk/weather');
    expect(status).toBe(303);
    expect(headers.get('location')).toBe('https://www.bbc.co.uk/weather');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('cache-control')).toBe('no-store');
    expect(headers.get('clear-site-data')).toBe('"storage"');
    expect(headers.getSetCookie()).toEqual([]);
  });

  it('expires every cookie the browser sent, once each', () => {
    const { headers } = quickExit('ho_draft=abc; staff_session=x.y; ho_draft=again', 'https://example.org/');
    expect(headers.getSetCookie()).toEqual([
      'ho_draft=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax',
      'staff_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax',
    ]);
  });

  it('also expires cookies kept for other paths, which the browser never sends to /exit', () => {
    const { headers } = quickExit('ho_draft=abc', 'https://example.org/', [
      { name: 'ho_staff_session', path: '/staff' },
      { name: 'ho_staff_exit', path: '/exit' },
    ]);
    expect(headers.getSetCookie()).toEqual([
      'ho_draft=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax',
      'ho_staff_session=; Path=/staff; Max-Age=0; HttpOnly; SameSite=Lax',
      'ho_staff_exit=; Path=/exit; Max-Age=0; HttpOnly; SameSite=Lax',
    ]);
  });

  it('expires a scoped cookie the browser did send (the exit copy of a staff token) once, at its own path', () => {
    const { headers } = quickExit('ho_staff_exit=abc.def', 'https://example.org/', [{ name: 'ho_staff_exit', path: '/exit' }]);
    expect(headers.getSetCookie()).toEqual(['ho_staff_exit=; Path=/exit; Max-Age=0; HttpOnly; SameSite=Lax']);
  });

  it('ignores malformed cookie names rather than echoing them into headers', () => {
    expect(cookieNames('good=1; bad name=2; =3; also\r\nbad=4')).toEqual(['good']);
  });
});
