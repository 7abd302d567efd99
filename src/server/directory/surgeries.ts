// The outreach surgeries in the directory: their places are locations of the surgeries' service
// (seeded from content/outreach/surgeries.json), and their sessions are that service's schedules
// at each place, as RFC 5545 rules, for the Open Referral UK API.
import { bankHolidays } from '../../config/calendar.ts';
import { surgeries, type SurgeryPlace } from '../../config/outreach.ts';
import { recurrenceRule } from '../../domain/outreach/sessions.ts';
import { longDate } from '../../domain/time/working-days.ts';
import { orukId } from './oruk-ids.ts';

/** The directory location of an outreach surgery's place. */
export const surgeryLocationId = (placeId: string) => `outreach-${placeId}`;

/** The place behind a directory location, when it is an outreach surgery's. */
export function surgeryAtLocation(serviceId: string, locationId: string): SurgeryPlace | undefined {
  if (serviceId !== surgeries.serviceId) return undefined;
  return surgeries.places.find((p) => surgeryLocationId(p.id) === locationId);
}

/** The cancellations, in words, for a schedule's notes (a bank holiday goes without saying). */
function cancellationNotes(place: SurgeryPlace): string | undefined {
  const coming = place.cancelled.filter((c) => !bankHolidays.has(c.date));
  return coming.length ? coming.map((c) => `Cancelled on ${longDate(c.date)}: ${c.reason}`).join(' ') : undefined;
}

/**
 * The schedules of a surgery's place: one per session pattern, tied to the service at that
 * location. `ids` makes the Open Referral ids of the service and of the service at location.
 */
export function surgerySchedules(
  place: SurgeryPlace,
  ids: { serviceId: string; serviceAtLocationId: string },
): Array<Record<string, string>> {
  const notes = cancellationNotes(place);
  return place.sessions.map((session, i) => {
    const rule = recurrenceRule(session);
    return {
      id: orukId('schedule', `${surgeryLocationId(place.id)}/${i + 1}`),
      service_id: ids.serviceId,
      service_at_location_id: ids.serviceAtLocationId,
      freq: rule.freq,
      byday: rule.byday,
      opens_at: session.opens,
      closes_at: session.closes,
      ...(session.from && { valid_from: session.from }),
      ...(session.until && { valid_to: session.until }),
      attending_type: 'in_person',
      description: `Drop in at ${place.name}${place.room ? ` (${place.room})` : ''}: no appointment needed. No session on bank holidays.`,
      ...(notes && { notes }),
    };
  });
}
