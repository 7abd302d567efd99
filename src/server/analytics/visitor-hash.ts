// Who counts as "one visitor" in a week, without cookies: a keyed hash (HMAC-SHA256) of the week's
// random salt over the network address, the browser's user agent and the site. The same browser
// on the same connection gives the same hash all week; once the salt is deleted nobody, the
// council included, can work out whose hash it was or link it to another week's.
import { createHmac, type KeyObject } from 'node:crypto';

/** 32 hex characters (128 bits): enough that two visitors in a week never share one. */
export function visitorHash(salt: Uint8Array | KeyObject, address: string, userAgent: string, site: string): string {
  return createHmac('sha256', salt).update(`${address}\u0000${userAgent}\u0000${site}`).digest('hex').slice(0, 32);
}
