// The outcome of a set of answers, from the council's content: need level, plan, flagged domains,
// information pack tags and suggested services. Used by the result page, the download and the hand-off.
import { selfAssessment, type HandoffService, type SelfAssessmentContent } from '../../config/self-assessment.ts';
import type { Answers } from '../../domain/questionnaire/answers.ts';
import { assessNeed, offersHandoff, type NeedAssessment } from '../../domain/questionnaire/need-level.ts';
import { pathways } from '../../config/pathways.ts';
import { suggestedHandoffs } from '../../domain/directory/pathways.ts';
import { buildPlan, flaggedDomains, packTagsFor, type Domain, type PlanStep } from '../../domain/questionnaire/plan.ts';
import { serviceById } from '../handoffs/handoff-record.ts';
import { certainSpareBedrooms } from '../../domain/questionnaire/conditions.ts';
import { downsizingGain, type DownsizingGain } from '../../domain/downsizing/gain.ts';
import { deductionRatesOn, downsizingScheme } from '../../config/downsizing.ts';

/** What moving to a smaller home could gain a council or housing association tenant, as the plan shows it. */
export interface DownsizingOffer {
  gain: Extract<DownsizingGain, { kind: 'gain' }>;
  scheme: string;
  bedroomsNow: number;
  people: number;
}

/**
 * For a council or housing association tenant whose home certainly has a spare bedroom (a bedroom
 * counted for every person, the most the size criteria could give them): what moving could gain,
 * on the day's rates; otherwise null. Their own rent is not asked, so the council's averages stand in.
 */
export function downsizingOfferFor(answers: Answers, date: string): DownsizingOffer | null {
  if (answers.homeType !== 'councilTenant' && answers.homeType !== 'housingAssociation') return null;
  if (!certainSpareBedrooms(answers)) return null;
  const people = (answers.adults as number) + (answers.children as number);
  const bedroomsNow = answers.bedrooms as number;
  const gain = downsizingGain(
    { bedroomsNow, household: { adults: people, couple: false, children: [], under35: false }, weeklyRentPence: null, helpWithRent: true },
    downsizingScheme,
    deductionRatesOn(date),
  );
  return gain.kind === 'gain' ? { gain, scheme: downsizingScheme.name, bedroomsNow, people } : null;
}

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
  const stepIds = plan.map((step) => step.id);
  // A hand-off of its own kind (help to move to a smaller home) is offered only for its need, and then first.
  const ownKind = content.services.filter((s) => s.onlyForNeeds?.some((id) => stepIds.includes(id)));
  const general = content.services.filter((s) => !s.onlyForNeeds);
  const suggested = [...ownKind.map((s) => s.id), ...suggestedHandoffs(pathways, stepIds, general)];
  // A partner organisation's service (the local domestic abuse service) is offered only to those
  // whose needs lead to it; the council's own teams are always offered.
  const services = [
    ...suggested.map((id) => content.services.find((s) => s.id === id) ?? serviceById(id)!),
    ...general.filter((s) => !suggested.includes(s.id) && !s.partnerServiceId),
  ].map((service) => ({ ...service, suggested: suggested.includes(service.id) }));
  const count = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) ? value : null);
  return {
    need,
    plan,
    domains: flaggedDomains(plan),
    packTags: packTagsFor(plan),
    services,
    // A hand-off of its own kind is there to be asked for, whatever the need level.
    offersHandoff: offersHandoff(need.level) || ownKind.length > 0,
    household: { adults: count(answers.adults), children: count(answers.children) },
  };
}
