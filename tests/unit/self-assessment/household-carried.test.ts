import { describe, expect, it } from 'vitest';
import { resultFor } from '../../../src/server/self-assessment/result.ts';

describe('the household a result carries to the homes', () => {
  it('is the adults and children they said live with them, when they were asked', () => {
    const asked = resultFor({
      danger: 'no',
      tonight: 'yes',
      courtOrBailiff: 'no',
      homeType: 'privateRenter',
      noticeReceived: 'no',
      homeProblems: ['tooSmall'],
      adults: 2,
      children: 3,
    });
    expect(asked.household).toEqual({ adults: 2, children: 3 });
    expect(resultFor({ danger: 'no', tonight: 'yes' }).household).toEqual({ adults: null, children: null });
  });
});
