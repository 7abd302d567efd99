// The outcome of a set of answers, from the council's content: need level, plan, flagged domains,
// information pack tags and suggested services. Used by the result page, the download and the hand-off.
import { selfAssessment, type HandoffService, type SelfAssessmentContent } from '../../config/self-assessment.ts';
import type { Answers } from '../../domain/questionnaire/answers.ts';
import { assessNeed, offersHandoff, type NeedAssessment } from '../../domain/questionnaire/need-level.ts';
import { pathways } from '../../config/pathways.ts';
import { suggestedHandoffs } from '../../domain/directory/pathways.ts';
import { buildPlan, flaggedDomains, packTagsFor, type Domain, type PlanStep } from '../../domain/questionnaire/plan.ts';
import { serviceById } from '../handoffs/handoff-record.ts';

export interface AssessmentResult {
  need: NeedAssessment;
  plan: PlanStep[];
  domains: Domain[];
  packTags: string[];
  /** Hand-off services to offer: those the plan's referral pathways suggest, first, then the council's other teams. */
  services: Array<HandoffService & { suggested: boolean }>;
  offersHandoff: boolean;
  /** How many adults and children they said live with them (asked only when the home's size matters), or null. */
  household: { adults: number | null; children: number | null };
}

/** The result in the words of `content` (the self-assessment in the person's language; English by default). */
export function resultFor(answers: Answers, content: SelfAssessmentContent = selfAssessment): AssessmentResult {
  const need = assessNeed(content.needLevels, answers);
  const plan = buildPlan(content.plan, answers);
  const suggested = suggestedHandoffs(
    pathways,
    plan.map((step) => step.id),
    content.services,
  );
  // A partner organisation's service (the local domestic abuse service) is offered only to those
  // whose needs lead to it; the council's own teams are always offered.
  const services = [
    ...suggested.map((id) => content.services.find((s) => s.id === id) ?? serviceById(id)!),
    ...content.services.filter((s) => !suggested.includes(s.id) && !s.partnerServiceId),
  ].map((service) => ({ ...service, suggested: suggested.includes(service.id) }));
  const count = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) ? value : null);
  return {
    need,
    plan,
    domains: flaggedDomains(plan),
    packTags: packTagsFor(plan),
    services,
    offersHandoff: offersHandoff(need.level),
    household: { adults: count(answers.adults), children: count(answers.children) },
  };
}
