// Reads a V8 CPU profile (node --cpu-prof) and says where the time went: self time grouped by
// area (a package, Node's own internals, the built app, garbage collection), largest first.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function areaOf(node: ProfileNode): string | null {
  const { url, functionName } = node.callFrame;
  if (functionName === '(idle)') return null;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(program)') return 'V8 and native code outside JavaScript';
  if (url.startsWith('node:')) return `Node internals (${url.replace(/^node:(internal\/)?/, '').split('/')[0]})`;
  const packaged = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packaged) return packaged[1]!;
  const built = /dist\/server\/(.+)$/.exec(url);
  if (built) return `built server: ${built[1]!.replace(/_[A-Za-z0-9-]{8}\.mjs$/, '.mjs')}`;
  const source = /\/(src|scripts)\/(.+)$/.exec(url);
  if (source) return `${source[1]}/${source[2]!.split('/').slice(0, 2).join('/')}`;
  return url === '' ? `native: ${functionName || '(anonymous)'}` : url;
}

/** [area, share of the non-idle CPU time], largest first. */
export function summariseProfile(profile: CpuProfile): Array<[string, number]> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const time = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const area = areaOf(byId.get(id)!);
    if (!area) return;
    const delta = profile.timeDeltas[index] ?? 0;
    time.set(area, (time.get(area) ?? 0) + delta);
    total += delta;
  });
  return [...time.entries()].map(([area, t]): [string, number] => [area, total ? t / total : 0]).sort((a, b) => b[1] - a[1]);
}
