// A share code's check as it is kept: a SHA-256 of the row's id, the kind of check and its value
// written one way, so the same date of birth or postcode never hashes alike for two codes.
import type { CheckKind } from '../../domain/share/share-code.ts';
import { sha256Hex } from '../crypto.ts';

export const checkHash = (id: string, kind: CheckKind, value: string) => sha256Hex(`${id}\n${kind}\n${value}`);
