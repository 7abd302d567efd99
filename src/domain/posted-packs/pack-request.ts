// A request to have information packs posted: who to address it to, where, which packs, and the
// person's agreement that the council keeps the name and address until the packs are sent and
// then for the time it says. Each rule gives a specific message against its field.
import type { FormError } from '../forms.ts';
import { normalisePostcode } from '../contact/postcode.ts';
import { cleanField, ENGLISH_TEXT_PROBLEMS, type TextProblemWords } from '../text/plain-text.ts';

export interface PackRequest {
  name: string;
  /** The address's lines before the town: one or two. */
  addressLines: string[];
  town: string;
  postcode: string;
  /** Pack ids (content/packs), in the order the packs are listed. */
  packs: string[];
}

/** What the checks say, in the page's language. */
export interface PackRequestWords {
  nameLabel: string;
  nameRequired: string;
  address1Label: string;
  address1Required: string;
  address2Label: string;
  townLabel: string;
  townRequired: string;
  postcodeRequired: string;
  postcodeInvalid: string;
  packsRequired: string;
  packsTooMany: string;
  consentRequired: string;
  textProblems: TextProblemWords;
  locale: string;
}

export const ENGLISH_PACK_REQUEST_WORDS: PackRequestWords = {
  nameLabel: 'Name',
  nameRequired: 'Enter the name to put on the envelope',
  address1Label: 'Address line 1',
  address1Required: 'Enter the first line of the address, like 12 Chapel Row',
  address2Label: 'Address line 2',
  townLabel: 'Town or city',
  townRequired: 'Enter the town or city',
  postcodeRequired: 'Enter the postcode',
  postcodeInvalid: 'Enter a full UK postcode, like HM1 1AA',
  packsRequired: 'Select at least one information pack',
  packsTooMany: 'Select no more than {max} packs',
  consentRequired: 'Select that you agree, so we can post the packs to you',
  textProblems: ENGLISH_TEXT_PROBLEMS,
  locale: 'en-GB',
};

/** The most packs one request may ask for: a letter's worth of paper. */
export const MOST_PACKS = 6;

type Form = Record<string, string | string[] | undefined>;
const one = (form: Form, name: string) => {
  const value = form[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
};

export function checkPackRequest(
  form: Form,
  /** The packs that may be posted, in the order they are listed. */
  packIds: readonly string[],
  words: PackRequestWords = ENGLISH_PACK_REQUEST_WORDS,
): { ok: true; value: PackRequest } | { ok: false; errors: FormError[] } {
  const errors: FormError[] = [];
  const refuse = (field: string) => (message: string) => errors.push({ field, message });
  const inWords = { words: words.textProblems, locale: words.locale };
  const name = cleanField(
    one(form, 'name'),
    { label: words.nameLabel, maxLength: 100, required: words.nameRequired, ...inWords },
    refuse('name'),
  );
  const line1 = cleanField(
    one(form, 'address1'),
    { label: words.address1Label, maxLength: 100, required: words.address1Required, ...inWords },
    refuse('address1'),
  );
  const line2 = cleanField(one(form, 'address2'), { label: words.address2Label, maxLength: 100, ...inWords }, refuse('address2'));
  const town = cleanField(
    one(form, 'town'),
    { label: words.townLabel, maxLength: 60, required: words.townRequired, ...inWords },
    refuse('town'),
  );
  const typedPostcode = one(form, 'postcode').trim();
  const postcode = typedPostcode === '' ? null : normalisePostcode(typedPostcode);
  if (typedPostcode === '') errors.push({ field: 'postcode', message: words.postcodeRequired });
  else if (!postcode) errors.push({ field: 'postcode', message: words.postcodeInvalid });
  const raw = form['packs'];
  const chosen = new Set((Array.isArray(raw) ? raw : raw ? [raw] : []).filter((id) => packIds.includes(id)));
  const packs = packIds.filter((id) => chosen.has(id));
  if (packs.length === 0) errors.push({ field: 'packs', message: words.packsRequired });
  else if (packs.length > MOST_PACKS) errors.push({ field: 'packs', message: words.packsTooMany.replace('{max}', String(MOST_PACKS)) });
  if (one(form, 'consent') !== 'yes') errors.push({ field: 'consent', message: words.consentRequired });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { name, addressLines: [line1, line2].filter(Boolean), town, postcode: postcode!, packs } };
}
