// A form field's text as a Zod schema: cleaned as src/domain/text/plain-text.ts cleans it (NFC,
// trimmed, one kind of line break) and refused with the same messages (control characters,
// direction overrides, a line break in a one-line field, too long, empty when required). Further
// checks (a minimum length, a pattern) pipe after it.
import { z } from 'zod';
import { cleanField, type FieldTextRules } from './plain-text.ts';

export function cleanTextField(rules: FieldTextRules) {
  return z.string().transform((raw, context) => {
    let refusal: string | undefined;
    const value = cleanField(raw, rules, (message) => {
      refusal ??= message;
    });
    if (refusal === undefined) return value;
    context.addIssue({ code: 'custom', message: refusal });
    return z.NEVER;
  });
}
