// The two kinds of failure a page turns into something for the person, rather than a 500:
// a problem they can fix (shown against a field), and something that is not there (the 404 or
// the back office's not-found page). Each module's own errors extend one of these.
export class UserProblem extends Error {
  override name = 'UserProblem';
  /** The field it is about, when there is one. */
  readonly field: string | undefined;
  constructor(message: string, field?: string) {
    super(message);
    this.field = field;
  }
}

export class NotFound extends Error {
  override name = 'NotFound';
}
