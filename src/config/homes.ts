// Local Housing Allowance rates and the shared-rate exemptions (content/homes/lha.json), checked
// at start-up. Rates are weekly, in pence.
import { z } from 'zod';
import lhaJson from '../../content/homes/lha.json' with { type: 'json' };
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
