// Staff passwords are stored only as argon2id hashes (OWASP's recommended settings).
import { hash, verify } from '@node-rs/argon2';

const ARGON2ID_OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID_OPTIONS);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password);
}
