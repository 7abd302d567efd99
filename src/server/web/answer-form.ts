// The one way a page answers a form post. The page names what each form does (one action, or a
// table of them keyed by the form's `intent`); this reads the form once, runs the action, and
// answers: after success, a redirect (Post/Redirect/Get) or the action's own response; a
// UserProblem becomes the form's errors, against their fields, with everything typed kept for the
// page to show again. NotFound and NotAllowed are left to the middleware, which shows the 404 or
// 403 page; anything else fails as it would have.
import { ZodError } from 'zod';
import type { FormError } from '../../domain/forms.ts';
import { field, lookupOwn, readForm, zodFieldErrors, type FormValues } from './forms.ts';
import { FormProblems, UserProblem } from './problems.ts';
import { seeOther } from './responses.ts';

/**
 * What an action answers with: where to go next (a 303 redirect), a response of its own (JSON for
 * an island), or `{ show }`: something the page shows in answer to the post itself, because it
 * must not travel in an address (a one-time code).
 */
export type Answer<S = never> = string | Response | { show: S };

export interface FormAction<S = never> {
  /** The field a problem is shown against when it names none (the first field of the form). */
  field?: string | ((form: FormValues) => string);
  run: (form: FormValues) => Promise<Answer<S>>;
}

export type FormActions<S = never> = FormAction<S> | Record<string, FormAction<S>>;

/** What the page shows after a post that did not redirect (or before any post). */
export interface FormState<S = never> {
  posted: boolean;
  /** The form's `intent` (empty for a page with one form). */
  intent: string;
  /** Everything the person sent, to show again. */
  values: FormValues;
  errors: FormError[];
  /** What the action showed in answer to the post. */
  shown?: S;
}

/** The parts of Astro's page context it needs. */
export interface PostedPage {
  request: Request;
  response: { status?: number };
}

const NOTHING_POSTED: FormState<never> = Object.freeze({
  posted: false,
  intent: '',
  values: Object.freeze({}) as FormValues,
  errors: [] as FormError[],
});

const isSingle = <S>(actions: FormActions<S>): actions is FormAction<S> => typeof (actions as FormAction<S>).run === 'function';

export async function answerForm<S = never>(page: PostedPage, actions: FormActions<S>): Promise<Response | FormState<S>> {
  if (page.request.method !== 'POST') return NOTHING_POSTED;
  const values = await readForm(page.request);
  const intent = isSingle(actions) ? '' : field(values, 'intent');
  const action = isSingle(actions) ? actions : lookupOwn(actions, intent);
  const refused = (errors: FormError[], status: number): FormState<S> => {
    page.response.status = status;
    return { posted: true, intent, values, errors };
  };
  if (!action) return refused([{ field: 'actions', message: 'That action is not known. Reload the page and try again.' }], 400);
  let answer: Answer<S>;
  try {
    answer = await action.run(values);
  } catch (error) {
    if (error instanceof FormProblems) return refused([...error.errors], error.status);
    if (error instanceof UserProblem) {
      const fallback = typeof action.field === 'function' ? action.field(values) : (action.field ?? 'actions');
      return refused([{ field: error.field ?? fallback, message: error.message }], error.status);
    }
    if (error instanceof ZodError) return refused(zodFieldErrors(error), 400);
    throw error;
  }
  if (typeof answer === 'string') return seeOther(answer);
  if (answer instanceof Response) return answer;
  return { posted: true, intent, values, errors: [], shown: answer.show };
}
