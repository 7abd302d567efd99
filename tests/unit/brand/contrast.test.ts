import { describe, expect, it } from 'vitest';
import { AA_NORMAL_TEXT, contrastRatio, isHexColour, relativeLuminance } from '../../../src/domain/brand/contrast.ts';

describe('contrast ratio (WCAG 2.2)', () => {
  it('is 21:1 for black on white and 1:1 for a colour on itself', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#00606b', '#00606B')).toBeCloseTo(1, 5);
  });

  it('gives the same answer whichever colour comes first', () => {
    expect(contrastRatio('#ffffff', '#1d70b8')).toBeCloseTo(contrastRatio('#1d70b8', '#ffffff'), 10);
  });

  it('puts GOV.UK blue above AA and mid-grey #777777 just below it', () => {
    expect(contrastRatio('#1d70b8', '#ffffff')).toBeGreaterThan(AA_NORMAL_TEXT);
    // #777777 on white is 4.48:1, the classic near miss.
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(AA_NORMAL_TEXT);
  });

  it('knows the luminance of the extremes', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#FFFFFF')).toBe(1);
  });

  it('refuses colours that are not #rrggbb', () => {
    expect(isHexColour('#abc')).toBe(false);
    expect(isHexColour('teal')).toBe(false);
    expect(() => relativeLuminance('rgb(0,0,0)')).toThrow('not a colour in #rrggbb form');
  });
});
