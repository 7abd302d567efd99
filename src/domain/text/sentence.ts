// Words said in the middle of a sentence ("the Housing Options team", "a debt adviser") put at
// the start of one.

/** "the Housing Options team" → "The Housing Options team"; a name stays as it is. */
export function atSentenceStart(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}
