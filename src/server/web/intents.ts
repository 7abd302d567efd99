// A page with several forms: each posts an `intent` naming what to do. One table maps the
// intent to its handler and to the field a problem belongs to, so every such page reads alike.
import type { FormError } from '../../domain/forms.ts';
import { ZodError } from 'zod';
import { field, lookupOwn, zodFieldErrors, type FormValues } from './forms.ts';
import { UserProblem } from './problems.ts';

export interface Intent<C> {
  /** The field a problem with this form is shown against. */
  field: (form: FormValues) => string;
  /** Does it; says what happened, for the page to redirect on (an anchor to go back to, or an outcome). */
  run: (context: C, form: FormValues) => Promise<string>;
}

export type IntentResult = { ok: true; result: string; intent: string } | { ok: false; errors: FormError[] };

/**
 * Runs the intent the form names. A UserProblem becomes an error against its field, a Zod
 * validation error an error against each field it names; anything else is thrown.
 */
export async function handleIntents<C>(form: FormValues, intents: Record<string, Intent<C>>, context: C): Promise<IntentResult> {
  const name = field(form, 'intent');
  const intent = lookupOwn(intents, name);
  if (!intent) return { ok: false, errors: [{ field: 'actions', message: 'That action is not known. Reload the page and try again.' }] };
  try {
    return { ok: true, result: await intent.run(context, form), intent: name };
  } catch (error) {
    if (error instanceof UserProblem) return { ok: false, errors: [{ field: error.field ?? intent.field(form), message: error.message }] };
    if (error instanceof ZodError) return { ok: false, errors: zodFieldErrors(error) };
    throw error;
  }
}
