// Homes content, checked at start-up: Local Housing Allowance rates and the shared-rate exemptions
// (content/homes/lha.json; rates weekly, in pence) and the accreditation scheme (scheme.json).
import { z } from 'zod';
import lhaJson from '../../content/homes/lha.json' with { type: 'json' };
import schemeJson from '../../content/homes/scheme.json' with { type: 'json' };
import type { LhaRates } from '../domain/homes/affordability.ts';
import { parseContent } from './parse-content.ts';

const pence = z.number().int().positive();

const lhaSchema = z.object({
  area: z.string().min(1),
  from: z.iso.date(),
  demo: z.boolean(),
  weekly: z.object({ shared: pence, 1: pence, 2: pence, 3: pence, 4: pence }),
  sharedRateExemptions: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/), label: z.string().min(1) })),
});

export type LhaContent = z.infer<typeof lhaSchema> & LhaRates;

export function parseLha(input: unknown): LhaContent {
  return parseContent('content/homes/lha.json', lhaSchema, input);
}

export const lha: LhaContent = parseLha(lhaJson);

const schemeSchema = z.object({
  name: z.string().min(1),
  membershipPrefix: z.string().regex(/^[A-Z]{2,6}$/),
  accreditationYears: z.number().int().min(1).max(10),
  reminderDaysBefore: z.number().int().min(1).max(120),
  membersAtStart: z.number().int().min(0),
  targetNewMembers: z.number().int().min(0),
});

export type AccreditationScheme = z.infer<typeof schemeSchema>;

export const accreditationScheme: AccreditationScheme = parseContent('content/homes/scheme.json', schemeSchema, schemeJson);
