// A Prettier plugin for `.astro` files that formats what Prettier can format without changing
// what a page shows: the frontmatter (between the `---` fences) as TypeScript. The template is kept
// exactly as written, because prettier-plugin-astro (0.14 and 1.1.2, even with strict whitespace)
// adds or moves whitespace in inline text, which changes the rendered page ("last hour , so", a
// reference shown as "EI  - NNMR"). It does check the template: a line longer than `printWidth`
// is an error naming the line, to be wrapped by hand between attributes or at a space in text,
// where a line break renders exactly as the space did.

import { doc } from 'prettier';

const { hardline, join, literalline } = doc.builders;
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n?---(?:\r?\n|$)/;

/** @typedef {{ type: 'astro-file', frontmatter: string | null, template: string, end: number }} AstroFile */

/** @returns {AstroFile} */
function parse(text, options) {
  const match = FRONTMATTER.exec(text);
  const frontmatter = match ? match[1] : null;
  const template = match ? text.slice(match[0].length) : text;
  const templateStartLine = match ? match[0].split('\n').length : 1;
  const width = options.printWidth;
  const lines = template.split('\n');
  const tooWide = lines.map((line, index) => ({ line: index + templateStartLine, length: line.length })).filter((l) => l.length > width);
  if (tooWide.length > 0) {
    const listed = tooWide.map((l) => `line ${l.line} (${l.length})`).join(', ');
    const error = new SyntaxError(
      `template lines longer than ${width} characters: ${listed}. The template is kept as written: break the line between ` +
        'attributes or at a space in text (never inside an attribute value or next to an {expression} without a space).',
    );
    error.loc = { start: { line: tooWide[0].line, column: width + 1 } };
    throw error;
  }
  return { type: 'astro-file', frontmatter, template, end: text.length };
}

/** Prints the template line by line with literal line breaks, so Prettier neither indents nor joins it. */
function printTemplate(template) {
  const lines = template.replace(/\s+$/, '').split('\n');
  return lines.length === 1 && lines[0] === '' ? '' : [join(literalline, lines), literalline];
}

export const languages = [{ name: 'Astro (frontmatter only)', parsers: ['astro-frontmatter'], extensions: ['.astro'] }];

export const parsers = {
  'astro-frontmatter': { parse, astFormat: 'astro-frontmatter', locStart: () => 0, locEnd: (node) => node.end },
};

export const printers = {
  'astro-frontmatter': {
    print(path) {
      return printTemplate(path.node.template);
    },
    embed(path) {
      const node = path.node;
      if (node.frontmatter === null) return undefined;
      return async (textToDoc) => {
        const template = printTemplate(node.template);
        const body = node.frontmatter.trim() === '' ? [] : [await textToDoc(node.frontmatter, { parser: 'typescript' }), hardline];
        return ['---', hardline, ...body, '---', hardline, template];
      };
    },
  },
};
