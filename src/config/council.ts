// The council's profile: name, areas, contacts, opening hours, teams, brand. It is content
// (content/council.json), checked here so a mistake in the file stops the build with a clear
// message instead of showing a broken page.
import { z } from 'zod';
import profileJson from '../../content/council.json' with { type: 'json' };
import { AA_NORMAL_TEXT, contrastRatio, isHexColour } from '../domain/brand/contrast.ts';
import { parseContent } from './parse-content.ts';

const phone = z.string().regex(/^[0-9 ]{3,20}$/, { error: 'must be digits and spaces, like "01632 960 100"' });

const contact = z.object({
  name: z.string().min(1),
  phone,
  email: z.email().optional(),
  address: z.string().optional(),
  description: z.string().optional(),
});

export const councilProfileSchema = z.object({
  name: z.string().min(1),
  shortName: z.string().min(1),
  /** The county (or region) the council is in: addresses in the Open Referral UK API carry it. */
  county: z.string().min(1),
  /** In a London borough: the higher benefit cap applies to the money check. */
  inLondon: z.boolean(),
  serviceName: z.string().min(1),
  websiteUrl: z.url(),
  brandColour: z
    .string()
    .refine(isHexColour, { error: 'must be a colour in #rrggbb form' })
    .refine((colour) => !isHexColour(colour) || contrastRatio(colour, '#ffffff') >= AA_NORMAL_TEXT, {
      error: `must be dark enough for white text (contrast of at least ${AA_NORMAL_TEXT}:1)`,
    }),
  logo: z.object({ file: z.string().regex(/^[\w-]+\.svg$/), alt: z.string().min(1) }),
  areas: z.array(z.string().min(1)).min(1),
  contacts: z.object({
    housingOptions: contact.extend({ email: z.email(), address: z.string().min(1) }),
    outOfHours: contact,
    /** Who to call in an emergency; those marked `firstScreen` are on the home page's first screen, before "Start now". */
    emergency: z
      .array(contact.extend({ firstScreen: z.boolean().optional() }))
      .min(1)
      .refine((list) => list.some((c) => c.firstScreen), {
        error: 'must mark at least one contact "firstScreen": true (such as 999), for the top of the home page',
      }),
  }),
  /** When the office is open (closed on other days and on bank holidays): emergency time limits count only these hours. */
  openingHours: z
    .array(
      z
        .object({
          byday: z.string().regex(/^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$/, { error: 'must be days like "MO,TU,WE"' }),
          opensAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time like "09:00"' }),
          closesAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time like "17:00"' }),
        })
        .refine((row) => row.opensAt < row.closesAt, { error: 'closesAt must be after opensAt' }),
    )
    .min(1)
    .refine(
      (rows) => {
        const days = rows.flatMap((r) => r.byday.split(','));
        return new Set(days).size === days.length;
      },
      { error: 'each day may appear in only one row' },
    ),
  teams: z
    .array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/), name: z.string().min(1) }))
    .min(1)
    .refine((teams) => new Set(teams.map((t) => t.id)).size === teams.length, { error: 'team ids must be unique' }),
  quickExitUrl: z.url({ protocol: /^https$/ }),
  feedbackEmail: z.email(),
  accessibilityContact: z.email(),
  dataProtectionOfficer: z.email(),
  statementReviewed: z.iso.date(),
  handoff: z.object({
    /** The promise made to a person who asks to be contacted. */
    acknowledgeWithinWorkingDays: z.number().int().min(1).max(10),
    /**
     * The promise to someone in an emergency (danger, nowhere to sleep tonight, bailiffs): contact
     * within this many office hours, counted only while the office is open.
     */
    emergencyContactWithinOfficeHours: z.number().min(0.5).max(8),
    /** After acknowledging: arrange an appointment within this many working days. */
    appointmentWithinWorkingDays: z.number().int().min(1).max(10),
    /** After the appointment is arranged: gather information from other agencies within this many. */
    informationWithinWorkingDays: z.number().int().min(1).max(20),
    /** How long a hand-off's personal details are kept, told to the person before they consent. */
    retentionMonths: z.number().int().min(1).max(120),
  }),
  /** Closing a case schedules a follow-up this many months later, for each entry (sustainment). */
  followUpMonths: z.array(z.union([z.literal(3), z.literal(6)])).min(1),
  /** Who reads the managers' reports besides managers: administrators too, when the council says so. */
  reports: z.object({ administratorsMayRead: z.boolean() }).default({ administratorsMayRead: false }),
});

export type CouncilProfile = z.infer<typeof councilProfileSchema>;

export function parseCouncilProfile(input: unknown): CouncilProfile {
  return parseContent('content/council.json', councilProfileSchema, input);
}

export const council: CouncilProfile = parseCouncilProfile(profileJson);
