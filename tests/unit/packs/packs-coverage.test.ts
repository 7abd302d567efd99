// Every topic the self-assessment can flag leads to at least one real pack and at least one
// directory service (issue 4's "done when"). Reads the packs' front matter tags directly.
import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { demoDirectory } from '../../../src/config/directory.ts';
import { servicesForNeed } from '../../../src/config/pathways.ts';
import { selfAssessment } from '../../../src/config/self-assessment.ts';

function packTags(): Map<string, string[]> {
  const packs = new Map<string, string[]>();
  for (const file of readdirSync('content/packs').filter((f) => f.endsWith('.md'))) {
    const frontMatter = readFileSync(`content/packs/${file}`, 'utf8').split('---')[1] ?? '';
    const line = /^tags:\s*\[(.*)\]\s*$/m.exec(frontMatter);
    packs.set(file.replace(/\.md$/, ''), line ? line[1]!.split(',').map((t) => t.trim()) : []);
  }
  return packs;
}

it('every need the self-assessment can flag has a pack and a directory service', () => {
  const tagsWithPacks = new Set([...packTags().values()].flat());
  const directoryIds = new Set(demoDirectory.organizations.flatMap((o) => o.services.map((s) => s.id)));
  for (const step of selfAssessment.plan.steps) {
    expect(
      step.packTags.some((tag) => tagsWithPacks.has(tag)),
      `${step.id}: no pack for any of ${step.packTags.join(', ')}`,
    ).toBe(true);
    expect(
      servicesForNeed(step.id).some((id) => directoryIds.has(id)),
      `${step.id}: no directory service`,
    ).toBe(true);
  }
});

it('there are at least 18 packs, each naming only directory services that exist', () => {
  const packs = packTags();
  expect(packs.size).toBeGreaterThanOrEqual(18);
  const directoryIds = new Set(demoDirectory.organizations.flatMap((o) => o.services.map((s) => s.id)));
  for (const file of packs.keys()) {
    const frontMatter = readFileSync(`content/packs/${file}.md`, 'utf8').split('---')[1] ?? '';
    const services = /^services:\s*\[(.*)\]\s*$/m
      .exec(frontMatter)![1]!
      .split(',')
      .map((s) => s.trim());
    for (const id of services) expect(directoryIds, `${file} -> ${id}`).toContain(id);
  }
});
