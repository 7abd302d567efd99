// UK phone numbers, the one set of rules every form, search and page uses. Read as people write
// them (+44, 0044, a 0 in brackets after the country code, spaces, dashes, dots, brackets) and
// kept as the digits from the leading 0; matched by those digits; and shown as a person reads and
// taps them: in the groups UK numbers are spoken in (Ofcom's numbering plan: 020 and 023 to 029
// area codes are 3-4-4, 011x and 01x1 area codes 4-3-4, other geographic numbers 5-6 as 5-3-3,
// mobiles 5-3-3, 03, 08 and 09 numbers 4-3-4), and as a tel: address with the digits only. A
// number written with spaces already is shown as written.

/**
 * The digits of a phone number with +44, 0044 or +44 (0) written as the leading 0 people usually
 * type: "+44 (0)7700 900457" and "0044 7700 900457" are both 07700900457. Whatever else is in it
 * is dropped, so this is for matching (a search box), not for checking a form: see ukPhoneNumber.
 */
export function phoneDigits(phone: string): string {
  let digits = phone.replace(/\D/g, '');
  if (digits.startsWith('0044')) digits = digits.slice(2);
  // "+44 (0)7700 900457": the 0 written in brackets after the country code.
  if (digits.startsWith('440')) return digits.slice(2);
  if (digits.startsWith('44') && (digits.length === 11 || digits.length === 12)) return `0${digits.slice(2)}`;
  return digits;
}

/**
 * A UK phone number as typed into a form, checked: its digits from the leading 0 (10 or 11 of
 * them), or null when it is not one (letters, too few or too many digits, another country's code).
 */
export function ukPhoneNumber(input: string): string | null {
  const written = input.trim();
  if (written === '' || written.length > 30 || !/^\+?[\d\s().-]+$/.test(written)) return null;
  const digits = phoneDigits(written);
  return /^0\d{9,10}$/.test(digits) ? digits : null;
}

/** A UK mobile number, as ukPhoneNumber gives its digits (07 and 9 more): the only numbers a text can go to. */
export function isUkMobile(digits: string): boolean {
  return /^07\d{9}$/.test(digits);
}

/**
 * A service's phone number in the directory: a UK number as ukPhoneNumber reads it, or one of the
 * short numbers services use (999, 101, 111, 119 and the 116 helplines such as 116 123). Its
 * digits, or null.
 */
export function servicePhoneNumber(input: string): string | null {
  const written = input.trim();
  if (/^(999|101|105|111|119)$/.test(written)) return written;
  if (/^116 ?\d{3}$/.test(written)) return written.replace(' ', '');
  return ukPhoneNumber(written);
}

/** "01632960100" → "01632 960 100"; "0808 2000 247" stays as it is; "999" stays "999". */
export function spacedPhone(phone: string): string {
  const written = phone.trim().replace(/\s+/g, ' ');
  if (written.includes(' ')) return written;
  const digits = written.replace(/[^\d+]/g, '');
  const local = digits.startsWith('+44') ? `0${digits.slice(3)}` : digits;
  if (!/^0\d{10}$/.test(local)) return written;
  const groups = (...sizes: number[]) => {
    const parts: string[] = [];
    let at = 0;
    for (const size of sizes) {
      parts.push(local.slice(at, at + size));
      at += size;
    }
    return parts.join(' ');
  };
  if (/^02/.test(local)) return groups(3, 4, 4);
  if (/^01(1\d|\d1)/.test(local)) return groups(4, 3, 4);
  if (/^0[389]/.test(local)) return groups(4, 3, 4);
  return groups(5, 3, 3);
}

/** The tel: address of a number: its digits (and a leading +). */
export function telHref(phone: string): string {
  return `tel:${phone.trim().replace(/(?!^\+)[^\d]/g, '')}`;
}

/** A UK number written in text: 999 or 111, or 0 and 9 or 10 more digits, spaced or not. */
const PHONE_IN_TEXT = /\b(?:999|111)\b|\b0\d{2,4}(?: ?\d){6,8}\b/g;

/** Text cut into its words and the phone numbers in it, so each number can be made tappable. */
export function splitPhones(text: string): Array<{ text: string } | { phone: string }> {
  const parts: Array<{ text: string } | { phone: string }> = [];
  let at = 0;
  for (const match of text.matchAll(PHONE_IN_TEXT)) {
    const digits = match[0].replace(/\s/g, '');
    if (digits.length !== 3 && digits.length !== 11) continue;
    if (match.index > at) parts.push({ text: text.slice(at, match.index) });
    parts.push({ phone: match[0] });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}
