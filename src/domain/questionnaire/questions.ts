// The one validation used for every answer, in the browser and on the server. Zod is only
// imported for types here, so the browser island does not carry it.
import type { z } from 'zod';
import type { AnswerValue } from './answers.ts';
import type { questionSchema } from './content-schemas.ts';

export type Question = z.infer<typeof questionSchema>;

export type Validation = { ok: true; value: AnswerValue } | { ok: false; error: string };

/**
 * Checks what a person submitted for one question. `raw` is what the form sent: one string for
 * radios and numbers, a list of strings for checkboxes (possibly empty).
 */
export function validateAnswer(
  question: Question,
  raw: string | string[] | undefined,
  /** The message for an "exclusive" option chosen with others, with {option} for its label (in the page's language). */
  exclusiveError = "Select '{option}' on its own, or untick it and select the others",
): Validation {
  const submitted = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((v) => v.trim()).filter((v) => v !== '');
  if (submitted.length === 0) return { ok: false, error: question.errorRequired };

  if (question.kind === 'number') {
    const text = submitted[0]!;
    if (!/^\d+$/.test(text)) return { ok: false, error: question.errorInvalid };
    const value = Number(text);
    if (value < question.min || value > question.max) return { ok: false, error: question.errorRange };
    return { ok: true, value };
  }

  const known = new Set(question.options.map((o) => o.value));
  // A value that is not an option means a tampered or out-of-date form: ask again.
  if (submitted.some((v) => !known.has(v))) return { ok: false, error: question.errorRequired };

  if (question.kind === 'radios') {
    if (submitted.length !== 1) return { ok: false, error: question.errorRequired };
    return { ok: true, value: submitted[0]! };
  }

  const chosen = question.options.filter((o) => submitted.includes(o.value));
  const exclusive = chosen.find((o) => o.exclusive);
  if (exclusive && chosen.length > 1) {
    return { ok: false, error: exclusiveError.replace('{option}', exclusive.label) };
  }
  return { ok: true, value: chosen.map((o) => o.value) };
}

/** The words a person chose, for "check your answers" and "because you said". */
export function answerLabels(question: Question, value: AnswerValue): string[] {
  if (question.kind === 'number') return [`${value}${question.suffix ? ` ${question.suffix}` : ''}`];
  const chosen = Array.isArray(value) ? value : [String(value)];
  return question.options.filter((o) => chosen.includes(o.value)).map((o) => o.label);
}
