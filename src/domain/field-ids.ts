// The GOV.UK Design System's id scheme for a form field, in one place: the Astro components,
// the questionnaire island and hand-written staff forms all use it, so the error summary's links
// and aria-describedby always point at elements that exist. Pure: no DOM, no framework.

export interface FieldIds {
  /** The hint's id, when there is a hint. */
  hint: string | undefined;
  /** The inline error's id, when there is an error. */
  error: string | undefined;
  /** aria-describedby for the field or fieldset: hint then error. */
  describedBy: string | undefined;
  /** The id of choice `index` (0-based): the first carries the field's own id, so the error summary lands on it. */
  choice(index: number): string;
  /** The id of choice `index`'s own hint. */
  choiceHint(index: number): string;
}

export function fieldIds(prefix: string, has: { hint?: unknown; error?: unknown }): FieldIds {
  const hint = has.hint ? `${prefix}-hint` : undefined;
  const error = has.error ? `${prefix}-error` : undefined;
  const choice = (index: number) => (index === 0 ? prefix : `${prefix}-${index + 1}`);
  return {
    hint,
    error,
    describedBy: [hint, error].filter(Boolean).join(' ') || undefined,
    choice,
    choiceHint: (index: number) => `${choice(index)}-item-hint`,
  };
}
