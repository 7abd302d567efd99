// The kinds of failure a page turns into something for the person, rather than a 500: a problem
// they can fix (shown against a field, by the form dispatcher: src/server/web/answer-form.ts), and
// something that is not there or not theirs (the 404 or 403 page, by the middleware). Each
// module's own errors extend one of these; no page catches them by name.
import type { FormError } from '../../domain/forms.ts';

export class UserProblem extends Error {
  override name = 'UserProblem';
  /** The field it is about, when there is one. */
  readonly field: string | undefined;
  /** The status the page answers with (400 unless the problem says otherwise: 409, 429). */
  readonly status: number;
  constructor(message: string, field?: string, status = 400) {
    super(message);
    this.field = field;
    this.status = status;
  }
}

/** Several problems at once, each against its own field (a form checked before its use case runs). */
export class FormProblems extends UserProblem {
  override name = 'FormProblems';
  readonly errors: readonly FormError[];
  constructor(errors: readonly FormError[], status = 400) {
    super(errors[0]?.message ?? 'Check the form', errors[0]?.field, status);
    this.errors = errors;
  }
}

export class NotFound extends Error {
  override name = 'NotFound';
}
