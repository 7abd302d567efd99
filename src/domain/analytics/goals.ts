// The goals the service counts where they happen, on the server: so a person with JavaScript off
// counts the same as one with it on, and nothing is counted twice. Each is a number per day, with
// nothing about the person. ("Routed to guidance" is completed minus handed off.)

import type { Locale } from '../language/locales.ts';
import type { AssistedChannel } from '../assisted/channels.ts';

export const NEED_LEVELS = ['emergency', 'high', 'moderate', 'low'] as const;
export const DOMAINS = ['housing', 'money', 'work', 'support'] as const;

export type Goal =
  | 'started'
  | 'completed'
  | 'emergency_result'
  | `need_level:${(typeof NEED_LEVELS)[number]}`
  | `domain:${(typeof DOMAINS)[number]}`
  | `language:${Locale}`
  | 'route:handoff'
  | 'saved_for_later'
  | 'resumed'
  | 'pack_viewed'
  | 'homes_searched'
  | 'interest_expressed'
  | `assisted:${AssistedChannel}`
  | 'packs_requested_by_post'
  | 'packs_posted';

/** What each goal means, for the reports. */
export const GOAL_LABELS: Record<Goal, string> = {
  started: 'Self-assessment started',
  completed: 'Self-assessment completed',
  emergency_result: 'Emergency result shown',
  'need_level:emergency': 'Need level reached: emergency',
  'need_level:high': 'Need level reached: high',
  'need_level:moderate': 'Need level reached: moderate',
  'need_level:low': 'Need level reached: low',
  'domain:housing': 'Housing problem flagged',
  'domain:money': 'Money problem flagged',
  'domain:work': 'Work problem flagged',
  'domain:support': 'Support need flagged',
  'language:en': 'Self-assessment completed in English',
  'language:pl': 'Self-assessment completed in Polish',
  'language:ur': 'Self-assessment completed in Urdu',
  'route:handoff': 'Hand-off sent',
  saved_for_later: 'Answers saved for later',
  resumed: 'Saved answers picked up again',
  pack_viewed: 'Information pack viewed',
  homes_searched: 'Homes to rent searched',
  interest_expressed: 'Interest in a home expressed',
  'assisted:phone': 'Self-assessment completed with an adviser by phone',
  'assisted:surgery': 'Self-assessment completed with an adviser at an outreach surgery',
  'assisted:office': 'Self-assessment completed with an adviser at an office visit',
  packs_requested_by_post: 'Information packs asked for by post',
  packs_posted: 'Information packs posted',
};

export function isGoal(value: string): value is Goal {
  return Object.hasOwn(GOAL_LABELS, value);
}
