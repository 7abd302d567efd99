// Casework codes the council configures (content/casework/outcomes.json): outcomes, client
// groups and reasons for closing, checked at start-up.
import { z } from 'zod';
import outcomesJson from '../../content/casework/outcomes.json' with { type: 'json' };
import { parseContent } from './parse-content.ts';

const code = z.string().regex(/^[a-z0-9-]+$/);

const caseworkSchema = z.object({
  outcomes: z
    .array(
      z.object({
        code,
        label: z.string().min(1),
        group: z.enum(['housing', 'money', 'work', 'training']),
        hclic: z.string().min(1).nullable(),
        detail: z.object({ question: z.string().min(1), options: z.array(z.string().min(1)).min(2) }).optional(),
      }),
    )
    .min(1)
    .refine((list) => new Set(list.map((o) => o.code)).size === list.length, { error: 'outcome codes must be unique' }),
  clientGroups: z
    .array(z.object({ code, label: z.string().min(1) }))
    .min(1)
    .refine((list) => new Set(list.map((o) => o.code)).size === list.length, { error: 'client group codes must be unique' }),
  closeReasons: z.array(z.string().min(1)).min(1),
});

export type CaseworkCodes = z.infer<typeof caseworkSchema>;
export type OutcomeCode = CaseworkCodes['outcomes'][number];

export function parseCaseworkCodes(input: unknown): CaseworkCodes {
  return parseContent('content/casework/outcomes.json', caseworkSchema, input);
}

export const casework: CaseworkCodes = parseCaseworkCodes(outcomesJson);
