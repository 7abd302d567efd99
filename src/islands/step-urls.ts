// Where each page of the self-assessment lives. Shared by the server pages and the island.
export const SELF_ASSESSMENT_PATH = '/self-assessment';

const SPECIAL: Record<string, string> = {
  checkAnswers: 'check-answers',
  result: 'result',
  emergency: 'emergency',
};

export function stepUrl(step: string, options: { changing?: boolean } = {}): string {
  const slug = SPECIAL[step] ?? step;
  return `${SELF_ASSESSMENT_PATH}/${slug}${options.changing ? '?change=1' : ''}`;
}

/** The question id in a question page's path, or null. */
export function questionFromPath(pathname: string): string | null {
  const match = new RegExp(`^${SELF_ASSESSMENT_PATH}/([a-zA-Z0-9]+)$`).exec(pathname);
  return match && !Object.values(SPECIAL).includes(match[1]!) ? match[1]! : null;
}
