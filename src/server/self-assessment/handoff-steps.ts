// The hand-off's pages in order, and which of them a draft may see: each needs the one before.
import { HANDOFF_PAGES, type HandoffPage } from '../../routes/self-assessment.ts';
import type { DraftRecord } from './drafts.ts';
import { progressOf } from './questionnaire.ts';
import { resultFor } from './result.ts';

/** Where a draft should be instead of `page`, or null if it may see it. */
export function handoffRedirect(draft: DraftRecord | null, page: HandoffPage): string | null {
  if (!draft) return '/self-assessment';
  if (draft.state.handedOff) return page === 'sent' ? null : HANDOFF_PAGES.sent;
  if (page === 'sent') return HANDOFF_PAGES.service;
  const progress = progressOf(draft.state);
  if (progress.current !== 'result' && progress.current !== 'emergency') return '/self-assessment';
  if (!resultFor(progress.answers).offersHandoff) return '/self-assessment/result';
  const pending = draft.state.handoff ?? {};
  if (page === 'details' && !pending.serviceId) return HANDOFF_PAGES.service;
  if (page === 'safety' && !pending.contact) return pending.serviceId ? HANDOFF_PAGES.details : HANDOFF_PAGES.service;
  if (page === 'consent' && !pending.safety) return pending.contact ? HANDOFF_PAGES.safety : HANDOFF_PAGES.details;
  return null;
}
