import { expect, it } from 'vitest';
import { routesByDay } from '../../../src/server/self-assessment/counts.ts';

it('routes each day: completed, handed off, and the rest routed to guidance', () => {
  expect(
    routesByDay([
      { day: '2026-11-25', metric: 'completed', count: 2 },
      { day: '2026-11-24', metric: 'started', count: 9 },
      { day: '2026-11-24', metric: 'completed', count: 7 },
      { day: '2026-11-24', metric: 'route:handoff', count: 3 },
      { day: '2026-11-26', metric: 'route:handoff', count: 1 },
    ]),
  ).toEqual([
    { day: '2026-11-24', completed: 7, handedOff: 3, routedToGuidance: 4 },
    { day: '2026-11-25', completed: 2, handedOff: 0, routedToGuidance: 2 },
    { day: '2026-11-26', completed: 0, handedOff: 1, routedToGuidance: 0 },
  ]);
});
