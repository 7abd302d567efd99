// The directory of local services (Open Referral UK's shape).
// Owned by src/server/directory/. Writes from anywhere else are listed, with why, in tests/unit/architecture.test.ts.
import type { ColumnType } from 'kysely';

export interface DirectoryOrganizationTable {
  id: string;
  name: string;
  description: string;
  url: string | null;
  email: string | null;
  updated_at: string;
}

export interface DirectoryServiceTable {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  eligibility: string;
  phone: string | null;
  email: string | null;
  url: string | null;
  referral_self: 0 | 1;
  referral_professional: 0 | 1;
  referral_how: string;
  minimum_age: number | null;
  maximum_age: number | null;
  status: ColumnType<'active' | 'inactive', 'active' | 'inactive' | undefined, 'active' | 'inactive'>;
  last_checked: string;
  updated_at: string;
}

export interface DirectoryLocationTable {
  id: string;
  service_id: string;
  name: string;
  address: string;
  town: string;
  postcode: string;
}

export interface DirectoryScheduleTable {
  id: string;
  service_id: string;
  byday: string;
  opens_at: string;
  closes_at: string;
}

export interface DirectoryTaxonomyTermTable {
  id: string;
  name: string;
  vocabulary: string;
}

export interface DirectoryServiceTaxonomyTable {
  service_id: string;
  term_id: string;
}

/** The tables src/server/directory/ owns, as the database type (../schema.ts) is composed from them. */
export interface DirectoryTables {
  directory_organization: DirectoryOrganizationTable;
  directory_service: DirectoryServiceTable;
  directory_location: DirectoryLocationTable;
  directory_schedule: DirectoryScheduleTable;
  directory_taxonomy_term: DirectoryTaxonomyTermTable;
  directory_service_taxonomy: DirectoryServiceTaxonomyTable;
}
