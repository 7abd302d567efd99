// What a person types, made safe to keep and to show to someone else: one Unicode form (NFC),
// one kind of line break, trimmed; and refused, with a reason, when it holds characters that can
// hide or disguise what it says (control characters, direction overrides), or breaks a line that
// must be one line. Text of nothing but invisible characters counts as empty.

export type TextProblem = 'control' | 'direction' | 'line-break' | 'too-long';

export interface TextRules {
  /** Line breaks allowed (notes); otherwise the text must be one line (a name, an address). */
  multiline?: boolean;
  /** The most characters allowed, counted as a person would (code points, after NFC). */
  maxLength: number;
}

export type CleanText = { ok: true; value: string } | { ok: false; problem: TextProblem; value: string };

// C0 and C1 controls except tab and line breaks (handled apart), and DEL.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
// Embeddings, overrides and isolates: they reorder how text shows ("Trojan Source").
const DIRECTION = /[\u202A-\u202E\u2066-\u2069]/u;
// Characters with no width: text made only of these (and spaces) is empty.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/gu;
const EDGES = /^[\s\u200B-\u200D\u2060\uFEFF\u00AD]+|[\s\u200B-\u200D\u2060\uFEFF\u00AD]+$/gu;

export function cleanText(raw: string, rules: TextRules): CleanText {
  // Trimmed of spaces and of invisible characters at either end.
  const value = raw.normalize('NFC').replace(/\r\n?/g, '\n').replace(EDGES, '');
  if (value.replace(INVISIBLE, '').trim() === '') return { ok: true, value: '' };
  if (CONTROL.test(value) || (!rules.multiline && value.includes('\t'))) return { ok: false, problem: 'control', value };
  if (DIRECTION.test(value)) return { ok: false, problem: 'direction', value };
  if (!rules.multiline && value.includes('\n')) return { ok: false, problem: 'line-break', value };
  if ([...value].length > rules.maxLength) return { ok: false, problem: 'too-long', value };
  return { ok: true, value };
}

/** The messages for refused text in a language, with {label} for the field and {max} for the limit. */
export type TextProblemWords = Record<TextProblem, string>;

export const ENGLISH_TEXT_PROBLEMS: TextProblemWords = {
  control: '{label} must not include hidden control characters',
  direction: '{label} must not include characters that change the direction of the text',
  'line-break': '{label} must be on one line',
  'too-long': '{label} must be {max} characters or fewer',
};

/** The message for a refused text, naming the field as the page does ("Your name"). */
export function textProblemMessage(
  label: string,
  problem: TextProblem,
  maxLength: number,
  words: TextProblemWords = ENGLISH_TEXT_PROBLEMS,
  locale = 'en-GB',
): string {
  return words[problem].replace('{label}', label).replace('{max}', maxLength.toLocaleString(locale));
}

/**
 * The cleaned text, or the refusal thrown as the caller's own kind of problem (a case, a
 * referral), with the message naming the field ("The note").
 */
export function cleanTextOrThrow(raw: string, label: string, rules: TextRules, problem: (message: string) => Error): string {
  const checked = cleanText(raw, rules);
  if (!checked.ok) throw problem(textProblemMessage(label, checked.problem, rules.maxLength));
  return checked.value;
}

export interface FieldTextRules extends TextRules {
  /** The field's name in messages, as the page shows it ("Your name"). */
  label: string;
  /** When the field must not be empty: the message for an empty one. */
  required?: string;
  /** The refusals' wording in the page's language (English by default). */
  words?: TextProblemWords;
  locale?: string;
}

/**
 * One form field's text, cleaned. A refusal (or an empty required field) is passed to `refuse`
 * with its message, so each form collects its errors its own way; the cleaned text is returned
 * either way, to keep or to show again.
 */
export function cleanField(raw: string, rules: FieldTextRules, refuse: (message: string) => void): string {
  const checked = cleanText(raw, rules);
  if (!checked.ok) refuse(textProblemMessage(rules.label, checked.problem, rules.maxLength, rules.words, rules.locale));
  else if (checked.value === '' && rules.required) refuse(rules.required);
  return checked.value;
}
