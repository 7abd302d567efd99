// WCAG 2.2 contrast ratio between two sRGB colours written as #rrggbb.
// Used to refuse a council brand colour that white header text cannot be read on.

const HEX_COLOUR = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i;

export function isHexColour(value: string): boolean {
  return HEX_COLOUR.test(value);
}

function channel(hex: string): number {
  const value = Number.parseInt(hex, 16) / 255;
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance as WCAG defines it, from 0 (black) to 1 (white). */
export function relativeLuminance(colour: string): number {
  const match = HEX_COLOUR.exec(colour);
  if (!match) throw new Error(`"${colour}" is not a colour in #rrggbb form`);
  const [, r, g, b] = match as unknown as [string, string, string, string];
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** Contrast ratio from 1 (none) to 21 (black on white). */
export function contrastRatio(first: string, second: string): number {
  const a = relativeLuminance(first);
  const b = relativeLuminance(second);
  const [lighter, darker] = a > b ? [a, b] : [b, a];
  return (lighter + 0.05) / (darker + 0.05);
}

/** WCAG 2.2 AA asks for 4.5:1 for normal text. */
export const AA_NORMAL_TEXT = 4.5;
