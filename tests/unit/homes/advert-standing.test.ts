import { describe, expect, it } from 'vitest';
import { whyHidden, type AdvertStanding } from '../../../src/domain/homes/advert-standing.ts';

const advert: AdvertStanding = {
  state: 'live',
  closesOn: '2026-12-20',
  accreditationStatus: 'accredited',
  accreditationExpiresOn: '2027-06-30',
  hasGas: true,
  gasSafetyExpiresOn: '2026-12-10',
  eicrExpiresOn: '2030-01-01',
  epcExpiresOn: '2031-01-01',
  epcRating: 'C',
};

describe('what may be advertised', () => {
  it('shows a live advert while everything is in date, and hides it the day after a certificate lapses', () => {
    expect(whyHidden(advert, '2026-12-10')).toEqual([]);
    expect(whyHidden(advert, '2026-12-11')).toEqual(['The gas safety certificate expired on Thursday 10 December 2026']);
    expect(whyHidden({ ...advert, hasGas: false, gasSafetyExpiresOn: null }, '2026-12-11')).toEqual([]);
  });

  it('hides it when the accreditation lapses or is suspended, the closing date passes, or the energy rating is below E', () => {
    expect(whyHidden(advert, '2026-12-21')).toContain('Interest closed on Sunday 20 December 2026');
    expect(whyHidden({ ...advert, accreditationExpiresOn: '2026-12-01' }, '2026-12-02')).toContain(
      "The landlord's accreditation expired on Tuesday 1 December 2026",
    );
    expect(whyHidden({ ...advert, accreditationStatus: 'suspended' }, '2026-12-02')).toEqual(["The landlord's accreditation is suspended"]);
    expect(whyHidden({ ...advert, epcRating: 'F' }, '2026-12-02')).toEqual([
      'The energy rating is F: a let home must be rated E or better',
    ]);
    expect(whyHidden({ ...advert, epcRating: 'E' }, '2026-12-02')).toEqual([]);
    expect(whyHidden({ ...advert, state: 'draft' }, '2026-12-02')).toEqual(['The advert is a draft, waiting for approval']);
  });

  it('gives every reason at once, so an officer sees all that needs putting right', () => {
    const many = whyHidden({ ...advert, eicrExpiresOn: '2026-01-01', epcExpiresOn: '2026-02-01', gasSafetyExpiresOn: null }, '2026-12-02');
    expect(many).toHaveLength(3);
  });
});
