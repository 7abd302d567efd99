// UK postcodes as people type them: any case, with or without the space, spaces around. Checked
// for the shape every UK postcode has (outward code, then inward code: digit and two letters)
// and written the one way Royal Mail prints them ("HM1 1AA"). Not a check that it exists.

const FULL_POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$/;

/** The postcode written as Royal Mail prints it, or null when it is not the shape of one. */
export function normalisePostcode(typed: string): string | null {
  const squeezed = typed.toUpperCase().replace(/\s+/g, '');
  const match = FULL_POSTCODE.exec(squeezed);
  return match ? `${match[1]} ${match[2]}` : null;
}
