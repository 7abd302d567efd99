// Ids are made by the application (not by the database), so rows can be written the same way on
// SQLite and PostgreSQL and ids never reveal how many records exist. They are UUID version 7:
// time-ordered, and in order of making within one process, so "newest first" can break a tie of
// equal times by id on either database, the same way.
import { randomBytes, randomInt } from 'node:crypto';

let lastMs = 0;
let sequence = 0;

export function newId(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    sequence = randomInt(0, 0x800);
  } else if (sequence < 0xfff) {
    sequence += 1;
  } else {
    lastMs += 1;
    sequence = 0;
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Now as ISO-8601 text in UTC, the form every date column holds. */
export function isoNow(clock: () => Date = () => new Date()): string {
  return clock().toISOString();
}
