// The self-assessment as one XState machine, used by the server (no-JavaScript forms) and by the
// browser island alike. States are pages: one per question, then "check your answers", then a
// result. Guards are the branching. Context holds the answers. No DOM, no Astro, no wording:
// question wording lives in content/self-assessment/questions.json.
import { and, assign, createMachine } from 'xstate';
import type { AnswerValue, Answers } from './answers.ts';
import { holds, type Condition } from './conditions.ts';

/** Bump when a change would make saved drafts replay differently. */
export const QUESTIONNAIRE_VERSION = 2;

export type AnswerEvent = {
  type: 'ANSWER';
  question: string;
  value: AnswerValue;
};
export type QuestionnaireEvent = AnswerEvent | { type: 'CONFIRM' };

export interface QuestionnaireContext {
  answers: Answers;
}

/** Answers so far plus the one being given now: what the guards decide on. */
function withAnswer(context: QuestionnaireContext, event: QuestionnaireEvent): Answers {
  return event.type === 'ANSWER' ? { ...context.answers, [event.question]: event.value } : context.answers;
}

// The branching, as conditions over answers (see conditions.ts).
const when = {
  inDanger: { q: 'danger', is: 'yes' },
  nowhereTonight: { q: 'tonight', is: 'no' },
  courtOrBailiff: { q: 'courtOrBailiff', in: ['bailiff', 'court'] },
  leavingInstitution: { q: 'homeType', is: 'leavingInstitution' },
  // No home that a notice, arrears or repairs could be about.
  noHomeToLose: { q: 'homeType', in: ['noSettledHome', 'leavingInstitution'] },
  // Where the person pays rent or a mortgage of their own.
  paysForHome: {
    q: 'homeType',
    in: ['privateRenter', 'councilTenant', 'housingAssociation', 'ownerMortgage', 'supportedOrTemporary'],
  },
  hasNotice: { q: 'noticeReceived', notIn: ['none'] },
  // Household size is only needed to work out bedrooms: for a home that is the wrong size, and for a
  // council or housing association tenant, whose spare bedrooms cost them (and free a home if they move).
  socialTenant: { q: 'homeType', in: ['councilTenant', 'housingAssociation'] },
  householdMatters: {
    any: [
      { q: 'homeProblems', in: ['tooBig', 'overcrowded'] },
      { q: 'homeType', in: ['councilTenant', 'housingAssociation'] },
    ],
  },
  canWork: { q: 'work', notIn: ['cannotWork'] },
  wantsWorkHelp: { q: 'workHelp', notIn: ['none'] },
} satisfies Record<string, Condition>;

type GuardName = keyof typeof when;

const guards = Object.fromEntries(
  Object.entries(when).map(([name, condition]) => [
    name,
    ({ context, event }: { context: QuestionnaireContext; event: QuestionnaireEvent }) => holds(condition, withAnswer(context, event)),
  ]),
) as Record<GuardName, (args: { context: QuestionnaireContext; event: QuestionnaireEvent }) => boolean>;

/** The conditions behind each guard, for tests that check them against the content. */
export const guardConditions: Readonly<Record<GuardName, Condition>> = when;

type Target = { target: string; guard?: GuardName };

/**
 * A question page: an answer to this question (and only this one) is recorded, and the first
 * target whose guard holds is next.
 */
function question(id: string, targets: Target[]) {
  const isForThis = { type: 'isFor', params: { question: id } } as const;
  return {
    on: {
      ANSWER: targets.map((t) => ({
        target: t.target,
        guard: t.guard ? and([isForThis, t.guard]) : isForThis,
        actions: 'record' as const,
      })),
    },
    meta: { question: id },
  };
}

export const questionnaireMachine = createMachine(
  {
    types: {} as {
      context: QuestionnaireContext;
      events: QuestionnaireEvent;
      guards: { type: 'isFor'; params: { question: string } } | { type: GuardName; params: undefined };
      actions: { type: 'record'; params: undefined };
    },
    id: 'selfAssessment',
    initial: 'danger',
    context: () => ({ answers: {} }),
    states: {
      // Safety and urgency first: any of these goes straight to the emergency result.
      danger: question('danger', [{ target: 'emergency', guard: 'inDanger' }, { target: 'tonight' }]),
      tonight: question('tonight', [{ target: 'emergency', guard: 'nowhereTonight' }, { target: 'courtOrBailiff' }]),
      courtOrBailiff: question('courtOrBailiff', [{ target: 'emergency', guard: 'courtOrBailiff' }, { target: 'homeType' }]),

      // Home now.
      homeType: question('homeType', [
        { target: 'leavingWhere', guard: 'leavingInstitution' },
        { target: 'incomeDrop', guard: 'noHomeToLose' },
        { target: 'noticeReceived' },
      ]),
      leavingWhere: question('leavingWhere', [{ target: 'incomeDrop' }]),

      // Risk of losing it.
      noticeReceived: question('noticeReceived', [{ target: 'leaveBy', guard: 'hasNotice' }, { target: 'homeProblems' }]),
      leaveBy: question('leaveBy', [{ target: 'homeProblems' }]),

      // Is the home right (household size only when it matters).
      homeProblems: question('homeProblems', [{ target: 'adults', guard: 'householdMatters' }, { target: 'arrearsOrDebts' }]),
      adults: question('adults', [{ target: 'children' }]),
      children: question('children', [{ target: 'bedrooms', guard: 'socialTenant' }, { target: 'arrearsOrDebts' }]),
      bedrooms: question('bedrooms', [{ target: 'arrearsOrDebts' }]),
      // Rent or mortgage arrears only where the person pays for their home.
      arrearsOrDebts: {
        always: [{ target: 'arrears', guard: 'paysForHome' }, { target: 'otherDebts' }],
      },
      arrears: question('arrears', [{ target: 'otherDebts' }]),

      // Money.
      otherDebts: question('otherDebts', [{ target: 'incomeDrop' }]),
      incomeDrop: question('incomeDrop', [{ target: 'benefits' }]),
      benefits: question('benefits', [{ target: 'moneyHelp' }]),
      moneyHelp: question('moneyHelp', [{ target: 'work' }]),

      // Work and training.
      work: question('work', [{ target: 'workHelp', guard: 'canWork' }, { target: 'supportNeeds' }]),
      workHelp: question('workHelp', [{ target: 'workBarriers', guard: 'wantsWorkHelp' }, { target: 'supportNeeds' }]),
      workBarriers: question('workBarriers', [{ target: 'supportNeeds' }]),

      // Support needs.
      supportNeeds: question('supportNeeds', [{ target: 'checkAnswers' }]),

      checkAnswers: { on: { CONFIRM: 'result' } },
      result: { type: 'final' },
      emergency: { type: 'final' },
    },
  },
  // createMachine with implementations (rather than setup()) keeps XState's unused built-in
  // action helpers out of the browser bundle: about 0.8 KB gzipped.
  {
    guards: {
      ...guards,
      /** An answer is only taken for the question on screen. */
      isFor: ({ event }: { event: QuestionnaireEvent }, params: { question: string }) =>
        event.type === 'ANSWER' && event.question === params.question,
    },
    actions: {
      record: assign({
        answers: ({ context, event }: { context: QuestionnaireContext; event: QuestionnaireEvent }) => withAnswer(context, event),
      }),
    },
  },
);

export type StepId = string;

/** Question ids in the order the machine can ask them. */
export const QUESTION_STEPS: readonly string[] = Object.entries(questionnaireMachine.config.states ?? {})
  .filter(([, state]) => (state as { meta?: { question?: string } }).meta?.question)
  .map(([id]) => id);

export const RESULT_STEPS = ['result', 'emergency'] as const;
