import { describe, expect, it } from 'vitest';
import { normalisePostcode } from '../../../src/domain/contact/postcode.ts';
import { checkPackRequest, MOST_PACKS } from '../../../src/domain/posted-packs/pack-request.ts';

const PACKS = ['eviction-notice', 'rent-arrears', 'domestic-abuse', 'priority-debts', 'disrepair', 'overcrowding', 'leaving-care'];
const GOOD = {
  name: 'Aled Morgan',
  address1: '12 Chapel Row',
  address2: '',
  town: 'Harrowmere',
  postcode: 'hm3 2qt',
  packs: ['rent-arrears'],
  consent: 'yes',
};

describe('postcodes', () => {
  it('are written as Royal Mail prints them, however typed', () => {
    expect(
      ['HM1 1AA', 'hm11aa', '  hm1   1aa ', 'SW1A 2AA', 'sw1a2aa', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT'].map(normalisePostcode),
    ).toEqual(['HM1 1AA', 'HM1 1AA', 'HM1 1AA', 'SW1A 2AA', 'SW1A 2AA', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT']);
  });
  it('are refused when not the shape of one', () => {
    expect(['HM1', '1AA HM1', 'HM1 1A', 'HMM 1AA', '12345', 'HM1 1AA X', ''].map(normalisePostcode)).toEqual(Array(7).fill(null));
  });
});

describe('a request for packs by post', () => {
  it('is kept tidy: the postcode normalised, empty lines dropped, packs in the listed order', () => {
    expect(checkPackRequest({ ...GOOD, packs: ['domestic-abuse', 'eviction-notice', 'not-a-pack'] }, PACKS)).toEqual({
      ok: true,
      value: {
        name: 'Aled Morgan',
        addressLines: ['12 Chapel Row'],
        town: 'Harrowmere',
        postcode: 'HM3 2QT',
        packs: ['eviction-notice', 'domestic-abuse'],
      },
    });
  });

  it('names each field that is wrong, in the order of the page', () => {
    const checked = checkPackRequest({ address2: 'Flat 2\u202e', postcode: 'HM3' }, PACKS);
    expect(checked.ok ? [] : checked.errors).toEqual([
      { field: 'name', message: 'Enter the name to put on the envelope' },
      { field: 'address1', message: 'Enter the first line of the address, like 12 Chapel Row' },
      { field: 'address2', message: 'Address line 2 must not include characters that change the direction of the text' },
      { field: 'town', message: 'Enter the town or city' },
      { field: 'postcode', message: 'Enter a full UK postcode, like HM1 1AA' },
      { field: 'packs', message: 'Select at least one information pack' },
      { field: 'consent', message: 'Select that you agree, so we can post the packs to you' },
    ]);
  });

  it('asks for no more than a letter’s worth of packs', () => {
    const checked = checkPackRequest({ ...GOOD, packs: PACKS }, PACKS);
    expect(checked.ok ? [] : checked.errors).toEqual([{ field: 'packs', message: `Select no more than ${MOST_PACKS} packs` }]);
  });
});
