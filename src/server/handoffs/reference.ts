// A hand-off's reference, quoted on the phone: "HO-7K3M-Q9PW". Made here, and read back here
// however a person or adviser types it ("ho 7k3m q9pw").
import { randomCode } from '../crypto.ts';

/** A reference to read aloud: the prefix and 8 characters that cannot be mistaken for each other, in two fours. */
export function spokenReference(prefix: string): string {
  return `${prefix}-${randomCode(8).replace(/(.{4})(.{4})/, '$1-$2')}`;
}

/** A new hand-off reference: "HO-7K3M-Q9PW". */
export function newReference(): string {
  return spokenReference('HO');
}

/** "ho 7kq2 m9xa" and "HO-7KQ2-M9XA" are the same reference; null when the text is not one. */
export function parseReference(text: string): string | null {
  const compact = text.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return /^HO[A-Z0-9]{8}$/.test(compact) ? `HO-${compact.slice(2, 6)}-${compact.slice(6)}` : null;
}
