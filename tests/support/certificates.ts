// Certificates as a landlord or officer sends them in the tests: the form's fields, and the
// smallest documents that are really a PDF and a photo.
import type { CertificateForm, CertificateKind } from '../../src/domain/homes/certificates.ts';

/** A whole (if empty) PDF: it starts and ends as a PDF must. */
export const TINY_PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);

/** A 1 by 1 pixel PNG. */
export const TINY_PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64'),
);

export function certificateForm(kind: CertificateKind | string, expires: string, rating = ''): CertificateForm {
  const [year = '', month = '', day = ''] = expires.split('-');
  return { kind, 'expires-day': String(Number(day)), 'expires-month': String(Number(month)), 'expires-year': year, 'epc-rating': rating };
}
