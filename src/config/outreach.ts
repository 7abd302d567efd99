// Outreach surgeries and packs by post, from content/outreach/, checked when the site builds: a
// session with its times the wrong way round, a cancellation on a day with no session, or two
// places with one id stops the build, naming it.
import { z } from 'zod';
import surgeriesJson from '../../content/outreach/surgeries.json' with { type: 'json' };
import packsByPostJson from '../../content/outreach/packs-by-post.json' with { type: 'json' };
import { fallsOn, RECURRENCES, WEEKDAYS, type SurgeryTimetable } from '../domain/outreach/sessions.ts';
import { normalisePostcode } from '../domain/contact/postcode.ts';
import { parseContent } from './parse-content.ts';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time like 09:30' });
const line = z.string().min(1).max(120);

const placeSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: line,
  room: line.optional(),
  address: line,
  town: line,
  postcode: z.string().refine((p) => normalisePostcode(p) === p, { error: 'must be a full UK postcode written like HM1 1AA' }),
  accessibility: z.array(line).min(1, { error: 'say how accessible the place is' }),
  bring: z.array(line).default([]),
  sessions: z
    .array(
      z
        .object({
          every: z.enum(RECURRENCES),
          day: z.enum(WEEKDAYS),
          opens: time,
          closes: time,
          from: z.iso.date().optional(),
          until: z.iso.date().optional(),
        })
        .refine((s) => s.opens < s.closes, { error: 'a session must close after it opens' }),
    )
    .min(1),
  cancelled: z.array(z.object({ date: z.iso.date(), reason: line })).default([]),
});

export const surgeriesSchema = z
  .object({ serviceId: z.string().regex(/^[a-z0-9-]+$/), places: z.array(placeSchema).min(1) })
  .superRefine((content, ctx) => {
    const ids = new Set<string>();
    for (const [i, place] of content.places.entries()) {
      if (ids.has(place.id)) ctx.addIssue({ code: 'custom', path: ['places', i, 'id'], message: `"${place.id}" is used twice` });
      ids.add(place.id);
      for (const [j, off] of place.cancelled.entries())
        if (!place.sessions.some((s) => fallsOn(s, off.date)))
          ctx.addIssue({
            code: 'custom',
            path: ['places', i, 'cancelled', j, 'date'],
            message: `no session of ${place.name} falls on ${off.date}`,
          });
    }
  });

export type Surgeries = z.infer<typeof surgeriesSchema>;
export type SurgeryPlace = Surgeries['places'][number];

export const surgeries: Surgeries = parseContent('content/outreach/surgeries.json', surgeriesSchema, surgeriesJson);

/** Each place's timetable, for the session rules. */
export const surgeryTimetables: readonly SurgeryTimetable[] = surgeries.places;

export const surgeryIds: ReadonlySet<string> = new Set(surgeries.places.map((p) => p.id));

export function surgeryById(id: string | null | undefined): SurgeryPlace | undefined {
  return surgeries.places.find((p) => p.id === id);
}

export const packsByPostSchema = z.object({
  keepDays: z.number().int().min(1).max(365),
  postWithinWorkingDays: z.number().int().min(1).max(30),
});

export const packsByPost = parseContent('content/outreach/packs-by-post.json', packsByPostSchema, packsByPostJson);
