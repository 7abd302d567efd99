// The shape of every table, as the database driver returns it. Portable conventions:
// text ids made by the app, dates as ISO-8601 text, booleans as 0/1 integers.
import type { Selectable, Insertable, Updateable } from 'kysely';

export type StaffRole = 'adviser' | 'private_sector_officer' | 'manager' | 'administrator';

export interface StaffUserTable {
  id: string;
  email: string;
  display_name: string;
  role: StaffRole;
  team_id: string;
  password_hash: string;
  is_disabled: 0 | 1;
  created_at: string;
  updated_at: string;
}

export interface Database {
  staff_user: StaffUserTable;
}

export type StaffUserRow = Selectable<StaffUserTable>;
export type NewStaffUserRow = Insertable<StaffUserTable>;
export type StaffUserUpdate = Updateable<StaffUserTable>;
