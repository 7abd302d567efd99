// Schemas for the self-assessment's content files, checked when the site builds and in tests.
// Server-side only: the browser island never imports this module.
import { z } from 'zod';
import type { Condition } from './conditions.ts';

const option = z.object({
  value: z.string().regex(/^[a-zA-Z0-9]+$/),
  label: z.string().min(1),
  hint: z.string().optional(),
  exclusive: z.boolean().optional(),
});

const reason = z.object({
  use: z.enum(['routing', 'plan', 'guidance', 'handoff']),
  why: z.string().min(10),
});

const common = {
  id: z.string().regex(/^[a-zA-Z0-9]+$/),
  title: z.string().min(1),
  hint: z.string().optional(),
  errorRequired: z.string().min(1),
  summaryLabel: z.string().min(1),
  reason,
};

export const questionSchema = z.discriminatedUnion('kind', [
  z.object({ ...common, kind: z.literal('radios'), options: z.array(option).min(2) }),
  z.object({ ...common, kind: z.literal('checkboxes'), options: z.array(option).min(2) }),
  z.object({
    ...common,
    kind: z.literal('number'),
    min: z.number().int(),
    max: z.number().int(),
    suffix: z.string().optional(),
    errorInvalid: z.string().min(1),
    errorRange: z.string().min(1),
  }),
]);

export const questionContentSchema = z.object({
  questions: z
    .array(questionSchema)
    .min(1)
    .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, { error: 'question ids must be unique' }),
});

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ q: z.string(), is: z.string() }).strict(),
    z.object({ q: z.string(), in: z.array(z.string()).min(1) }).strict(),
    z.object({ q: z.string(), notIn: z.array(z.string()).min(1) }).strict(),
    z.object({ q: z.string(), atLeast: z.number() }).strict(),
    z.object({ spareBedroomsAtLeast: z.number().int().min(1) }).strict(),
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
    z.object({ not: conditionSchema }).strict(),
  ]),
);

export const needLevelContentSchema = z.object({
  levels: z.array(
    z.object({
      level: z.enum(['emergency', 'high', 'moderate']),
      label: z.string().min(1),
      explanation: z.string().min(1),
      when: conditionSchema,
    }),
  ),
  low: z.object({ label: z.string().min(1), explanation: z.string().min(1) }),
});

export const DOMAINS = ['housing', 'money', 'work', 'support'] as const;

export const planContentSchema = z.object({
  domains: z.record(z.enum(DOMAINS), z.string().min(1)),
  priorities: z.record(z.enum(['1', '2', '3']), z.string().min(1)),
  steps: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9-]+$/),
        domain: z.enum(DOMAINS),
        priority: z.union([z.literal(1), z.literal(2), z.literal(3)]),
        when: conditionSchema,
        title: z.string().min(1),
        actions: z.array(z.string().min(1)).min(1),
        /** Tools on this website that help with the step, such as the money check: a path here, never another site. */
        links: z
          .array(
            z.object({
              text: z.string().min(1),
              href: z.string().regex(/^\/[a-z0-9/-]*$/, { error: 'must be a path on this website, like /money-check' }),
            }),
          )
          .optional(),
        packTags: z.array(z.string().regex(/^[a-z0-9-]+$/)),
      }),
    )
    .refine((steps) => new Set(steps.map((s) => s.id)).size === steps.length, { error: 'step ids must be unique' }),
});

export const handoffServicesSchema = z.object({
  services: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9-]+$/),
        name: z.string().min(1),
        /** Who will contact the person, as the subject of a sentence: "the Housing Options team", "a debt adviser". */
        whoContacts: z.string().min(1),
        description: z.string().min(1),
        teamId: z.string().min(1),
        notifyEmail: z.email(),
        directoryServiceIds: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1),
        /** Offered only when the plan has one of these steps (plan step ids), and then first: a hand-off of its own kind. */
        onlyForNeeds: z
          .array(z.string().regex(/^[a-z0-9-]+$/))
          .min(1)
          .optional(),
        /** A partner organisation's service that receives the hand-off as a referral, alongside the council team. */
        partnerServiceId: z
          .string()
          .regex(/^[a-z0-9-]+$/)
          .optional(),
      }),
    )
    .min(1),
});
