// Information packs by topic tag. The packs themselves are written as content (issue 4); until a
// pack exists for a tag, results simply do not link to one: they never show a broken link.
export interface PackLink {
  slug: string;
  title: string;
  tags: string[];
}

/** Every published pack. Filled from the packs content collection once it exists. */
export const packIndex: PackLink[] = [];

/** Packs for the given tags, in the order of the tags (most urgent first), each once. */
export function packsFor(tags: string[], index: PackLink[] = packIndex): PackLink[] {
  const found: PackLink[] = [];
  for (const tag of tags) {
    for (const pack of index) if (pack.tags.includes(tag) && !found.includes(pack)) found.push(pack);
  }
  return found;
}
