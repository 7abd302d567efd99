// Behind proxies, only what trusted proxies wrote into X-Forwarded-For is believed, counted from
// the right; with none trusted (the default) the header is ignored, whatever a client writes.
import { describe, expect, it } from 'vitest';
import { forwardedClientAddress } from '../../../src/server/web/client-address.ts';

describe('the address a request came from', () => {
  it('is the connection with no trusted proxy, whatever X-Forwarded-For says', () => {
    expect(forwardedClientAddress('203.0.113.9', '198.51.100.1', 0)).toBe('203.0.113.9');
    expect(forwardedClientAddress('203.0.113.9', null, 0)).toBe('203.0.113.9');
    expect(forwardedClientAddress(undefined, null, 0)).toBe('unknown');
  });

  it('is the entry the one trusted proxy appended: the rightmost, not what the client wrote before it', () => {
    // nginx's $proxy_add_x_forwarded_for: what the client sent, then the address nginx saw.
    expect(forwardedClientAddress('127.0.0.1', '10.9.9.9, 1.2.3.4, 198.51.100.7', 1)).toBe('198.51.100.7');
    expect(forwardedClientAddress('127.0.0.1', '198.51.100.7', 1)).toBe('198.51.100.7');
  });

  it('counts two trusted proxies (a load balancer, then nginx) from the right', () => {
    expect(forwardedClientAddress('10.0.0.2', 'spoofed, 198.51.100.7, 10.0.0.1', 2)).toBe('198.51.100.7');
  });

  it('takes the furthest entry when there are fewer than the trusted proxies, and ignores empty entries', () => {
    expect(forwardedClientAddress('10.0.0.2', '198.51.100.7', 3)).toBe('198.51.100.7');
    expect(forwardedClientAddress('10.0.0.2', ' , ,198.51.100.7 ,', 1)).toBe('198.51.100.7');
    expect(forwardedClientAddress('10.0.0.2', '', 1)).toBe('10.0.0.2');
  });
});
