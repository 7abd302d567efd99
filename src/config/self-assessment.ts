// The self-assessment's content: questions, need-level rules, plan steps and hand-off services,
// from content/self-assessment/. Checked against their schemas and against each other when the
// site builds, so a typo in a content file stops the build with a message saying where.
import type { z } from 'zod';
import questionsJson from '../../content/self-assessment/questions.json' with { type: 'json' };
import needLevelsJson from '../../content/self-assessment/need-levels.json' with { type: 'json' };
import planJson from '../../content/self-assessment/plan-steps.json' with { type: 'json' };
import servicesJson from '../../content/self-assessment/handoff-services.json' with { type: 'json' };
import { optionValuesIn, questionsIn, type Condition } from '../domain/questionnaire/conditions.ts';
import {
  handoffServicesSchema,
  needLevelContentSchema,
  planContentSchema,
  questionContentSchema,
} from '../domain/questionnaire/content-schemas.ts';
import { guardConditions, QUESTION_STEPS } from '../domain/questionnaire/machine.ts';
import type { NeedLevelRules } from '../domain/questionnaire/need-level.ts';
import type { PlanContent } from '../domain/questionnaire/plan.ts';
import type { Question } from '../domain/questionnaire/questions.ts';
import { council } from './council.ts';
import { parseContent } from './parse-content.ts';

export type HandoffService = z.infer<typeof handoffServicesSchema>['services'][number];

export interface SelfAssessmentContent {
  questions: Question[];
  needLevels: NeedLevelRules;
  plan: PlanContent;
  services: HandoffService[];
}

function parse<T>(file: string, schema: z.ZodType<T>, input: unknown): T {
  return parseContent(`content/self-assessment/${file}`, schema, input);
}

/** Every way the files can disagree with each other or with the machine, as readable messages. */
export function contentProblems(content: SelfAssessmentContent, teamIds: string[]): string[] {
  const problems: string[] = [];
  const byId = new Map(content.questions.map((q) => [q.id, q]));
  for (const step of QUESTION_STEPS)
    if (!byId.has(step)) problems.push(`questions.json has no question "${step}", which the questionnaire asks`);
  for (const q of content.questions)
    if (!QUESTION_STEPS.includes(q.id)) problems.push(`questions.json: "${q.id}" is never asked by the questionnaire`);

  const checkCondition = (where: string, condition: Condition) => {
    for (const id of questionsIn(condition)) if (!byId.has(id)) problems.push(`${where}: no question "${id}"`);
    for (const [id, value] of optionValuesIn(condition)) {
      const question = byId.get(id);
      if (question && question.kind !== 'number' && !question.options.some((o) => o.value === value)) {
        problems.push(`${where}: question "${id}" has no option "${value}"`);
      }
    }
  };
  for (const [name, condition] of Object.entries(guardConditions)) checkCondition(`machine guard ${name}`, condition);
  for (const rule of content.needLevels.levels) checkCondition(`need-levels.json (${rule.level})`, rule.when);

  for (const step of content.plan.steps) checkCondition(`plan-steps.json (${step.id})`, step.when);
  for (const service of content.services) {
    if (!teamIds.includes(service.teamId))
      problems.push(`handoff-services.json (${service.id}): no team "${service.teamId}" in content/council.json`);
    for (const need of service.onlyForNeeds ?? [])
      if (!content.plan.steps.some((step) => step.id === need))
        problems.push(`handoff-services.json (${service.id}): onlyForNeeds names "${need}", which is not a plan step`);
  }
  return problems;
}

export function loadSelfAssessmentContent(files: {
  questions: unknown;
  needLevels: unknown;
  plan: unknown;
  services: unknown;
}): SelfAssessmentContent {
  const content: SelfAssessmentContent = {
    questions: parse('questions.json', questionContentSchema, files.questions).questions as Question[],
    needLevels: parse('need-levels.json', needLevelContentSchema, files.needLevels),
    plan: parse('plan-steps.json', planContentSchema, files.plan),
    services: parse('handoff-services.json', handoffServicesSchema, files.services).services,
  };
  const problems = contentProblems(
    content,
    council.teams.map((t) => t.id),
  );
  if (problems.length > 0) throw new Error(`The self-assessment content does not fit together:\n  - ${problems.join('\n  - ')}`);
  return content;
}

export const selfAssessment: SelfAssessmentContent = loadSelfAssessmentContent({
  questions: questionsJson,
  needLevels: needLevelsJson,
  plan: planJson,
  services: servicesJson,
});

export function questionById(id: string): Question | undefined {
  return selfAssessment.questions.find((q) => q.id === id);
}
