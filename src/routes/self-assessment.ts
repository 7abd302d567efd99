// Where each page of the self-assessment lives. Shared by the server, its pages and the island;
// like every file in src/routes, it imports nothing.
export const SELF_ASSESSMENT_PATH = '/self-assessment';

/** The hand-off's pages, in order. */
export const HANDOFF_PAGES = {
  service: '/self-assessment/contact',
  details: '/self-assessment/contact/details',
  safety: '/self-assessment/contact/safety',
  consent: '/self-assessment/contact/consent',
  sent: '/self-assessment/contact/sent',
} as const;

export type HandoffPage = keyof typeof HANDOFF_PAGES;

const SPECIAL: Record<string, string> = {
  checkAnswers: 'check-answers',
  result: 'result',
  emergency: 'emergency',
};

export function stepUrl(step: string, options: { changing?: boolean } = {}): string {
  const slug = Object.hasOwn(SPECIAL, step) ? SPECIAL[step]! : step;
  return `${SELF_ASSESSMENT_PATH}/${slug}${options.changing ? '?change=1' : ''}`;
}

/** The question id in a question page's path, or null. */
export function questionFromPath(pathname: string): string | null {
  const match = new RegExp(`^${SELF_ASSESSMENT_PATH}/([a-zA-Z0-9]+)$`).exec(pathname);
  return match && !Object.values(SPECIAL).includes(match[1]!) ? match[1]! : null;
}
