import { expect, it } from 'vitest';
import { packsFor, type PackLink } from '../../../src/domain/content/pack-index.ts';

const index: PackLink[] = [
  { slug: 'rent-arrears', title: 'Behind with your rent', tags: ['rent-arrears'] },
  { slug: 'priority-debts', title: 'Priority debts', tags: ['priority-debts', 'rent-arrears'] },
];

it('finds packs by tag in the order of the tags, each once, and nothing for tags with no pack', () => {
  expect(packsFor(['priority-debts', 'rent-arrears'], index).map((p) => p.slug)).toEqual(['priority-debts', 'rent-arrears']);
  expect(packsFor(['rent-arrears'], index).map((p) => p.slug)).toEqual(['rent-arrears', 'priority-debts']);
  expect(packsFor(['downsizing'], index)).toEqual([]);
});
