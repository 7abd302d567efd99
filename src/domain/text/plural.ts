// A count with its noun, singular or plural as English has it: "1 week", "2 weeks", "1 person".

/** "1 week", "13 weeks"; give the plural when it is not the singular with an "s". */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? singular : plural}`;
}

/** How long a limited person must wait, in whole minutes and at least one: "1 minute", "12 minutes". */
export function minutesToWait(seconds: number): string {
  return countOf(Math.max(1, Math.ceil(seconds / 60)), 'minute');
}
