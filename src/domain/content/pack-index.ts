// Information packs by topic tag. The packs are Markdown in content/packs/ (a content collection);
// a plan step whose tags have no pack yet simply links to none: never a broken link.
export interface PackLink {
  slug: string;
  title: string;
  tags: string[];
}

/** Packs for the given tags, in the order of the tags (most urgent first), each once. */
export function packsFor(tags: string[], index: PackLink[]): PackLink[] {
  const found: PackLink[] = [];
  for (const tag of tags) {
    for (const pack of index) if (pack.tags.includes(tag) && !found.includes(pack)) found.push(pack);
  }
  return found;
}
