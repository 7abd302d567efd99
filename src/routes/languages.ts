// Which of the site's pages exist in other languages than English (their English paths). The
// rest are English only: in another language's address they say so and offer the English page.
// Like every file in src/routes, it imports nothing.
const TRANSLATED: RegExp[] = [
  /^\/$/,
  /^\/self-assessment(\/[a-zA-Z0-9.-]+)*$/,
  /^\/(privacy|cookies|contact|exit|404|500|request-problem|too-many-requests|service-busy|not-translated|talk-to-someone-in-person|moving-to-a-smaller-home)$/,
  /^\/information\/by-post$/,
];

/** A path (without query) the site has in every language; `packs` are the information packs translated. */
export function isTranslatedPath(path: string, packs: ReadonlySet<string>): boolean {
  const bare = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (TRANSLATED.some((pattern) => pattern.test(bare))) return true;
  const pack = /^\/information\/([a-z0-9-]+)$/.exec(bare);
  return pack !== null && packs.has(pack[1]!);
}

export const NOT_TRANSLATED_PATH = '/not-translated';
