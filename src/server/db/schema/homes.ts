// Landlords and their accreditation, homes, adverts, certificates, photos, interest and tenancies.
// Owned by src/server/homes/. Writes from anywhere else are listed, with why, in tests/unit/architecture.test.ts.
import type { AccreditationStatus, AdvertState, EpcRating } from '../../../domain/homes/advert-standing.ts';
import type { CertificateKind } from '../../../domain/homes/certificates.ts';
import type { HomeType } from '../../../domain/homes/home-types.ts';
import type { ColumnType } from 'kysely';

export interface LandlordTable {
  id: string;
  kind: 'person' | 'company';
  name: string;
  contact_name: string;
  email: string;
  phone: string;
  address: string;
  /** JSON array of the council's area names. */
  areas: string;
  accreditation_status: AccreditationStatus;
  membership_number: string | null;
  accredited_from: string | null;
  accreditation_expires_on: string | null;
  /** The expiry date a renewal reminder was sent for (so each is sent once). */
  renewal_reminded_for: ColumnType<string | null, string | null | undefined, string | null>;
  applied_at: string;
  updated_at: string;
}

export interface LandlordAccreditationEventTable {
  id: string;
  landlord_id: string;
  at: string;
  staff_id: string | null;
  from_status: AccreditationStatus | null;
  to_status: AccreditationStatus;
  expires_on: string | null;
  reason: string;
}

export type { HomeType };

export interface HomeTable {
  id: string;
  landlord_id: string;
  /** The full address: officers only. */
  address: string;
  street: string;
  area: string;
  postcode: string;
  type: HomeType;
  bedrooms: number;
  bed_spaces: number;
  floor: number;
  has_lift: 0 | 1;
  step_free: 0 | 1;
  furnished: 'furnished' | 'part' | 'unfurnished';
  shared: 0 | 1;
  heating: string;
  garden: 0 | 1;
  parking: 0 | 1;
  pets: 0 | 1;
  housing_costs_help: 0 | 1;
  epc_rating: EpcRating;
  epc_expires_on: string;
  has_gas: 0 | 1;
  gas_safety_expires_on: string | null;
  eicr_expires_on: string;
  empty_home_returned: 0 | 1;
  created_at: string;
  updated_at: string;
}

export interface AdvertTable {
  id: string;
  home_id: string;
  /** Pence a calendar month. */
  rent_pcm: number;
  /** Pence. */
  deposit: number;
  available_from: string;
  closes_on: string;
  description: string;
  state: AdvertState;
  published_at: string | null;
  /** Since when a landlord's new or changed advert has waited for an officer to check it (null when not waiting). */
  awaiting_approval_since: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  updated_at: string;
}

export type CertificateStatus = 'waiting' | 'accepted' | 'returned' | 'replaced';

/** A certificate sent for a home: the document itself, kept privately, and what an officer decided. */
export interface CertificateSubmissionTable {
  id: string;
  home_id: string;
  kind: CertificateKind;
  expires_on: string;
  /** The energy rating, for an energy certificate only. */
  epc_rating: EpcRating | null;
  content_type: 'application/pdf' | 'image/jpeg';
  byte_size: number;
  /** The PDF as sent, or the photo turned upright and re-encoded without its metadata. */
  document: Uint8Array;
  status: CertificateStatus;
  submitted_by: string;
  submitted_at: string;
  decided_by: string | null;
  decided_at: string | null;
  return_reason: string | null;
}

export type InterestStatus = 'interested' | 'viewing' | 'offered' | 'refused' | 'let' | 'not_chosen';

export interface AdvertInterestTable {
  id: string;
  advert_id: string;
  reference: string;
  /** Sealed, like phone, email and safe_times, under `data_key_id`. */
  name: string;
  phone: string | null;
  email: string | null;
  preferred_contact: 'phone' | 'email';
  voicemail_ok: 0 | 1;
  /** When it is safe to contact them, in their words. */
  safe_times: string | null;
  /** The key the sealed columns are sealed under; null: written plainly before encryption. */
  data_key_id: string | null;
  household_size: number;
  needs_step_free: 0 | 1;
  /** The person's hand-off, when they gave its reference: their assessment comes with them. */
  handoff_id: string | null;
  consent_text: string;
  /** HMAC of the person's email or phone: one expression of interest per person per advert. */
  person_key: string;
  /** SHA-256 of the id of the form that made it, so Back to that form shows the confirmation (src/server/homes/interest-form.ts). */
  form_id_hash: ColumnType<string | null, string | null | undefined, string | null>;
  status: InterestStatus;
  status_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface TenancyTable {
  id: string;
  advert_id: string;
  interest_id: string;
  handoff_id: string | null;
  starts_on: string;
  rent_pcm: number;
  created_by: string;
  created_at: string;
}

export interface AdvertPhotoTable {
  id: string;
  advert_id: string;
  /** 1 to 8: the order they are shown in; 1 is on the advert's card. */
  position: number;
  alt_text: string;
  content_type: 'image/jpeg';
  width: number;
  height: number;
  /** The JPEG, resized and without metadata (Buffer from both drivers). */
  bytes: Uint8Array;
  created_at: string;
}

/** The tables src/server/homes/ owns, as the database type (../schema.ts) is composed from them. */
export interface HomesTables {
  landlord: LandlordTable;
  landlord_accreditation_event: LandlordAccreditationEventTable;
  home: HomeTable;
  advert: AdvertTable;
  certificate_submission: CertificateSubmissionTable;
  advert_interest: AdvertInterestTable;
  tenancy: TenancyTable;
  advert_photo: AdvertPhotoTable;
}
