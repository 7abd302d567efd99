import { describe, expect, it } from 'vitest';
import { encode } from 'uqr';
import { enrolmentQrSvg } from '../../../src/server/staff/enrolment-qr.ts';

describe('the second factor QR code', () => {
  it('is an SVG image with a name, drawn from the enrolment link', () => {
    const uri =
      'otpauth://totp/Housing%20Options%20online:priya%40harrowmere.example?secret=JBSWY3DPEHPK3PXP&issuer=Housing%20Options%20online';
    const svg = enrolmentQrSvg(uri);
    expect(svg).toMatch(/^<svg role="img" aria-label="QR code for your authenticator app" width="200" height="200"/);
    expect(svg).not.toContain('<script');
    // The drawing is the QR code of exactly that link: one dark square per dark module.
    const modules = encode(uri, { border: 0, ecc: 'M' }).data.flat().filter(Boolean).length;
    expect(svg.match(/h10v10h-10z/g)?.length).toBe(modules);
    expect(enrolmentQrSvg(`${uri}x`)).not.toBe(svg);
  });
});
