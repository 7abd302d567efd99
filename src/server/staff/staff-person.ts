// A `staff_user` row read as the person it describes. The account list and every signed-in
// request read the same columns, so they map them here, once.
import type { Actor, Role } from '../../domain/staff/permissions.ts';

/** The columns of `staff_user` that say who a person is. */
export interface StaffPersonRow {
  id: string;
  email: string;
  display_name: string;
  role: string;
  team_id: string;
  organization_id: string | null;
  landlord_id: string | null;
  totp_key: string | null;
}

/** A member of staff, a partner or a landlord, as the code acting for them sees them. */
export interface StaffPerson extends Actor {
  email: string;
  organizationId: string | null;
  landlordId: string | null;
  hasSecondFactor: boolean;
}

export function staffPersonOf(row: StaffPersonRow): StaffPerson {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as Role,
    teamId: row.team_id,
    organizationId: row.organization_id,
    landlordId: row.landlord_id,
    hasSecondFactor: row.totp_key !== null,
  };
}
