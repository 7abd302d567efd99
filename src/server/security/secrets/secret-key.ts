// A key's bytes as Node's KeyObject, made once per key. Handing createCipheriv or createHmac the
// bytes makes a KeyObject on every call, which was three quarters of the cost of opening a value
// (22 µs against 5 µs on the bench machine); a queue page opens about a hundred.
import { createSecretKey, type KeyObject } from 'node:crypto';

const made = new WeakMap<Buffer, KeyObject>();

export function secretKey(bytes: Buffer): KeyObject {
  let key = made.get(bytes);
  if (!key) {
    key = createSecretKey(bytes);
    made.set(bytes, key);
  }
  return key;
}
