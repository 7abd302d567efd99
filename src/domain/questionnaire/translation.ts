// The self-assessment's words in another language. The English content files hold the rules and
// the words; a translation holds only words, as a flat catalogue keyed by where each one sits
// ("questions.danger.title", "plan.steps.stay-safe.actions.0"), so the completeness check that
// guards the message files guards these too, and a translator never touches a rule.
import type { Catalogue } from '../language/catalogue.ts';
import type { NeedLevelRules } from './need-level.ts';
import type { PlanContent } from './plan.ts';
import type { Question } from './questions.ts';

export interface TranslatableContent {
  questions: Question[];
  needLevels: NeedLevelRules;
  plan: PlanContent;
  services: Array<{ id: string; name: string; whoContacts: string; description: string }>;
}

/** Every word of the content a person reads, keyed by where it sits. */
export function wordsOf(content: TranslatableContent): Record<string, string> {
  const words: Record<string, string> = {};
  const put = (key: string, text: string | undefined) => {
    if (text !== undefined) words[key] = text;
  };
  for (const q of content.questions) {
    const at = `questions.${q.id}`;
    put(`${at}.title`, q.title);
    put(`${at}.hint`, q.hint);
    put(`${at}.errorRequired`, q.errorRequired);
    put(`${at}.summaryLabel`, q.summaryLabel);
    put(`${at}.why`, q.reason.why);
    if (q.kind === 'number') {
      put(`${at}.suffix`, q.suffix);
      put(`${at}.errorInvalid`, q.errorInvalid);
      put(`${at}.errorRange`, q.errorRange);
    } else {
      for (const o of q.options) {
        put(`${at}.options.${o.value}.label`, o.label);
        put(`${at}.options.${o.value}.hint`, o.hint);
      }
    }
  }
  for (const rule of content.needLevels.levels) {
    put(`needLevels.${rule.level}.label`, rule.label);
    put(`needLevels.${rule.level}.explanation`, rule.explanation);
  }
  put('needLevels.low.label', content.needLevels.low.label);
  put('needLevels.low.explanation', content.needLevels.low.explanation);
  for (const [domain, text] of Object.entries(content.plan.domains)) put(`plan.domains.${domain}`, text);
  for (const [priority, text] of Object.entries(content.plan.priorities)) put(`plan.priorities.${priority}`, text);
  for (const step of content.plan.steps) {
    const at = `plan.steps.${step.id}`;
    put(`${at}.title`, step.title);
    step.actions.forEach((action, i) => put(`${at}.actions.${i}`, action));
    step.links?.forEach((link, i) => put(`${at}.links.${i}`, link.text));
  }
  for (const s of content.services) {
    put(`services.${s.id}.name`, s.name);
    put(`services.${s.id}.whoContacts`, s.whoContacts);
    put(`services.${s.id}.description`, s.description);
  }
  return words;
}

/**
 * The content with its words replaced by the translation's. The translation must be complete
 * (catalogueProblems against wordsOf finds nothing): a word it lacks would be left in English.
 */
export function translateContent<T extends TranslatableContent>(content: T, words: Catalogue): T {
  const w = (key: string, english: string) => words[key] ?? english;
  const maybe = (key: string, english: string | undefined) => (english === undefined ? undefined : w(key, english));
  return {
    ...content,
    questions: content.questions.map((q) => {
      const at = `questions.${q.id}`;
      const common = {
        title: w(`${at}.title`, q.title),
        hint: maybe(`${at}.hint`, q.hint),
        errorRequired: w(`${at}.errorRequired`, q.errorRequired),
        summaryLabel: w(`${at}.summaryLabel`, q.summaryLabel),
        reason: { ...q.reason, why: w(`${at}.why`, q.reason.why) },
      };
      if (q.kind === 'number')
        return {
          ...q,
          ...common,
          suffix: maybe(`${at}.suffix`, q.suffix),
          errorInvalid: w(`${at}.errorInvalid`, q.errorInvalid),
          errorRange: w(`${at}.errorRange`, q.errorRange),
        };
      const options = q.options.map((o) => ({
        ...o,
        label: w(`${at}.options.${o.value}.label`, o.label),
        hint: maybe(`${at}.options.${o.value}.hint`, o.hint),
      }));
      return { ...q, ...common, options };
    }),
    needLevels: {
      levels: content.needLevels.levels.map((rule) => ({
        ...rule,
        label: w(`needLevels.${rule.level}.label`, rule.label),
        explanation: w(`needLevels.${rule.level}.explanation`, rule.explanation),
      })),
      low: {
        label: w('needLevels.low.label', content.needLevels.low.label),
        explanation: w('needLevels.low.explanation', content.needLevels.low.explanation),
      },
    },
    plan: {
      domains: Object.fromEntries(Object.entries(content.plan.domains).map(([d, text]) => [d, w(`plan.domains.${d}`, text)])),
      priorities: Object.fromEntries(Object.entries(content.plan.priorities).map(([p, text]) => [p, w(`plan.priorities.${p}`, text)])),
      steps: content.plan.steps.map((step) => {
        const at = `plan.steps.${step.id}`;
        return {
          ...step,
          title: w(`${at}.title`, step.title),
          actions: step.actions.map((action, i) => w(`${at}.actions.${i}`, action)),
          links: step.links?.map((link, i) => ({ ...link, text: w(`${at}.links.${i}`, link.text) })),
        };
      }),
    } as PlanContent,
    services: content.services.map((s) => ({
      ...s,
      name: w(`services.${s.id}.name`, s.name),
      whoContacts: w(`services.${s.id}.whoContacts`, s.whoContacts),
      description: w(`services.${s.id}.description`, s.description),
    })),
  };
}
