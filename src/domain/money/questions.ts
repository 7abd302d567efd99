// The public money check's questions, one a page: which pages a household is asked (a page that
// does not apply is skipped), what each page's fields are, how a page's answers are checked (by the
// same reading as the estimate, ./answers.ts, keeping only the page's own problems), and the
// summary the check-your-answers page shows. The answers travel as flat form values.
import type { FormError } from '../forms.ts';
import { COUNCIL_TAX_BANDS, MAX_BEDROOMS, penceFromPounds, readMoneyAnswers, type MoneyAnswers } from './answers.ts';
import { money } from './lines.ts';

/** The answers so far, as the form fields hold them. */
export type CheckAnswers = Record<string, string>;

export interface QuestionOption {
  value: string;
  label: string;
  hint?: string;
}

export interface QuestionField {
  name: string;
  label: string;
  hint?: string;
  kind: 'radios' | 'checkboxes' | 'number' | 'money';
  options?: QuestionOption[];
  /** Asked only when this holds for the answers so far. */
  asked?: (answers: CheckAnswers) => boolean;
  optional?: boolean;
}

export interface QuestionPage {
  id: string;
  /** The page's question, its h1. */
  title: string;
  hint?: string;
  fields: (answers: CheckAnswers) => QuestionField[];
  /** Whether the page is asked at all, given the answers so far. */
  applies: (answers: CheckAnswers) => boolean;
}

export const MAX_CHILDREN = 8;

const yesNo: QuestionOption[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];
const renting = (a: CheckAnswers) => a.home === 'private' || a.home === 'social';
const childCount = (a: CheckAnswers) => Math.min(MAX_CHILDREN, Math.max(0, Number.parseInt(a.childCount ?? '0', 10) || 0));
const couple = (a: CheckAnswers) => a.couple === 'yes';

export interface SharedRateExemption {
  id: string;
  label: string;
}

/** The pages, in order. The shared-rate exemptions are the council's (content/homes/lha.json). */
export function questionPages(exemptions: readonly SharedRateExemption[]): QuestionPage[] {
  return [
    {
      id: 'partner',
      title: 'Do you live with a partner?',
      hint: 'A husband, wife, civil partner, or someone you live with as a couple. Universal Credit is claimed together.',
      applies: () => true,
      fields: () => [{ name: 'couple', label: 'Do you live with a partner?', kind: 'radios', options: yesNo }],
    },
    {
      id: 'ages',
      title: 'How old are you?',
      applies: () => true,
      fields: (a) => [
        { name: 'age', label: couple(a) ? 'Your age' : 'How old are you?', kind: 'number' },
        { name: 'partnerAge', label: "Your partner's age", kind: 'number', asked: couple },
      ],
    },
    {
      id: 'children',
      title: 'How many children live with you?',
      hint: 'Children you are responsible for: under 16, or 16 to 19 and still at school or college. Enter 0 if none.',
      applies: () => true,
      fields: () => [{ name: 'childCount', label: 'How many children live with you?', kind: 'number' }],
    },
    {
      id: 'about-the-children',
      title: 'About the children',
      hint: 'Their ages and sexes decide how many bedrooms the rules say you need.',
      applies: (a) => childCount(a) > 0,
      fields: (a) => [
        ...Array.from({ length: childCount(a) }, (_, i): QuestionField[] => [
          { name: `child-${i + 1}-age`, label: `Child ${i + 1}: age`, kind: 'number' },
          {
            name: `child-${i + 1}-sex`,
            label: `Child ${i + 1}: girl or boy?`,
            kind: 'radios',
            options: [
              { value: 'female', label: 'Girl' },
              { value: 'male', label: 'Boy' },
            ],
          },
        ]).flat(),
        {
          name: 'childrenBornBefore2017',
          label: 'How many of them were born before 6 April 2017?',
          hint: 'It can change the amount for the first child. Enter 0 if none.',
          kind: 'number',
          asked: (answers) =>
            Array.from({ length: childCount(answers) }, (_, i) => Number(answers[`child-${i + 1}-age`] ?? 0)).some((age) => age >= 7),
        },
      ],
    },
    {
      id: 'other-adults',
      title: 'Who else lives with you?',
      hint: 'Other adults in your home, such as grown-up children or relatives. Not your partner, and not lodgers who pay you rent. Enter 0 if none.',
      applies: () => true,
      fields: () => [
        { name: 'youngAdults', label: 'Adults aged 16 to 20', kind: 'number' },
        { name: 'nonDependants', label: 'Adults aged 21 or over', kind: 'number' },
      ],
    },
    {
      id: 'health',
      title: 'Does an illness or disability stop you or your partner from working or preparing for work?',
      hint: 'Say yes if a work capability assessment found this, or if you have a fit note and are waiting for one.',
      applies: () => true,
      fields: () => [
        { name: 'lcwra', label: 'Does an illness or disability stop you working or preparing for work?', kind: 'radios', options: yesNo },
      ],
    },
    {
      id: 'caring',
      title: 'Do you or your partner care for a disabled person for 35 hours a week or more?',
      hint: 'Someone who gets a disability benefit such as PIP (daily living), Attendance Allowance or Disability Living Allowance (middle or highest care).',
      applies: () => true,
      fields: () => [
        { name: 'carer', label: 'Do you care for a disabled person for 35 hours a week or more?', kind: 'radios', options: yesNo },
      ],
    },
    {
      id: 'home',
      title: 'How do you live?',
      applies: () => true,
      fields: () => [
        {
          name: 'home',
          label: 'How do you live?',
          kind: 'radios',
          options: [
            { value: 'private', label: 'I rent from a private landlord or letting agent' },
            { value: 'social', label: 'I rent from the council or a housing association' },
            { value: 'owner', label: 'I own my home, or I am buying it with a mortgage' },
            { value: 'none', label: 'I live with family or friends and do not pay rent' },
          ],
        },
      ],
    },
    {
      id: 'rent',
      title: 'Your rent',
      applies: renting,
      fields: (a) => [
        {
          name: 'rentMonthly',
          label: 'How much rent do you pay a month?',
          hint: 'Include service charges. If you pay weekly, times it by 52 and divide by 12.',
          kind: 'money',
        },
        { name: 'bedrooms', label: 'How many bedrooms does your home have?', kind: 'number', asked: () => a.home === 'social' },
        {
          name: 'sharedRateExemption',
          label: 'Do any of these apply to you?',
          hint: 'Single people under 35 who rent privately usually get help for a room in a shared house, unless one of these applies.',
          kind: 'radios',
          options: [...exemptions.map((e) => ({ value: e.id, label: e.label })), { value: 'none', label: 'None of these' }],
          asked: () => a.home === 'private' && !couple(a) && childCount(a) === 0 && Number(a.age) < 35,
        },
      ],
    },
    {
      id: 'council-tax',
      title: 'What is your council tax band?',
      hint: 'It is on your council tax bill.',
      applies: (a) => a.home !== 'none',
      fields: () => [
        {
          name: 'councilTaxBand',
          label: 'What is your council tax band?',
          kind: 'radios',
          options: [
            ...COUNCIL_TAX_BANDS.map((band) => ({ value: band, label: `Band ${band}` })),
            { value: 'unknown', label: 'I do not know' },
          ],
        },
      ],
    },
    {
      id: 'income',
      title: 'Money coming in each month',
      hint: 'Take-home pay is what reaches your bank after tax, National Insurance and pension. Enter 0 if none.',
      applies: () => true,
      fields: () => [
        { name: 'takeHomeMonthly', label: 'Your take-home pay a month', kind: 'money' },
        { name: 'partnerTakeHomeMonthly', label: "Your partner's take-home pay a month", kind: 'money', asked: couple },
        {
          name: 'otherIncomeMonthly',
          label: 'Other income a month',
          hint: 'Such as a work pension, or contribution-based ESA or JSA. Not Child Benefit, PIP or child maintenance: they are not counted.',
          kind: 'money',
        },
      ],
    },
    {
      id: 'savings',
      title: 'How much do you have in savings?',
      hint: 'Money in the bank, shares, and property other than your home. Enter 0 if none.',
      applies: () => true,
      fields: () => [{ name: 'savings', label: 'How much do you have in savings?', kind: 'money' }],
    },
    {
      id: 'wage',
      title: 'If you worked, what would you be paid an hour?',
      hint: 'For the comparison of working 16, 24 or 30 hours a week. Leave it empty for the National Living Wage for your age.',
      applies: () => true,
      fields: () => [
        { name: 'hourlyWage', label: 'If you worked, what would you be paid an hour? (optional)', kind: 'money', optional: true },
      ],
    },
    {
      id: 'situation',
      title: 'Do any of these apply to you or your partner?',
      hint: 'This check cannot give a figure for these. Select all that apply.',
      applies: () => true,
      fields: () => [
        {
          name: 'situation',
          label: 'Do any of these apply to you or your partner?',
          kind: 'checkboxes',
          options: [
            { value: 'student', label: 'A full-time student' },
            { value: 'fromAbroad', label: 'The right to live in the UK has conditions, such as no recourse to public funds' },
            { value: 'legacyBenefits', label: 'Getting income-related ESA, income-based JSA, Income Support or Housing Benefit now' },
            { value: 'selfEmployed', label: 'Self-employed' },
            { value: 'none', label: 'None of these' },
          ],
        },
      ],
    },
  ];
}

/** The fields of a page that are asked, given the answers so far. */
export function askedFields(page: QuestionPage, answers: CheckAnswers): QuestionField[] {
  return page.fields(answers).filter((f) => !f.asked || f.asked(answers));
}

/** The answers as the estimate reads them (./answers.ts): children as a list, the situation as yes or no. */
export function toRawAnswers(answers: CheckAnswers): Record<string, unknown> {
  const situation = (answers.situation ?? '').split(',');
  const count = childCount(answers);
  return {
    ...answers,
    children: Array.from({ length: count }, (_, i) => ({ age: answers[`child-${i + 1}-age`], sex: answers[`child-${i + 1}-sex`] })),
    childrenBornBefore2017: answers.childrenBornBefore2017 ?? '0',
    sharedRateExemption: answers.sharedRateExemption === 'none' ? '' : answers.sharedRateExemption,
    student: situation.includes('student'),
    fromAbroad: situation.includes('fromAbroad'),
    legacyBenefits: situation.includes('legacyBenefits'),
    selfEmployed: situation.includes('selfEmployed'),
  };
}

/** The estimate's field names for a problem, as the page names its fields. */
function pageFieldOf(problemField: string): string {
  const child = /^children\.(\d+)\.(age|sex)$/.exec(problemField);
  return child ? `child-${Number(child[1]) + 1}-${child[2]}` : problemField;
}

const REQUIRED_MESSAGES: Record<string, string> = {
  couple: 'Select yes if you live with a partner',
  lcwra: 'Select yes if an illness or disability stops you working or preparing for work',
  carer: 'Select yes if you care for a disabled person for 35 hours a week or more',
  home: 'Select how you live',
  councilTaxBand: 'Select your council tax band, or that you do not know',
  sharedRateExemption: 'Select one of these, or none of these',
  situation: 'Select the ones that apply, or none of these',
  childrenBornBefore2017: 'Enter how many of the children were born before 6 April 2017, or 0',
  childCount: 'Enter how many children live with you, or 0',
};

function requiredMessage(field: QuestionField): string {
  const child = /^child-(\d+)-(age|sex)$/.exec(field.name);
  if (child) return child[2] === 'age' ? `Enter the age of child ${child[1]}` : `Select whether child ${child[1]} is a girl or a boy`;
  const label = field.label.replace(/\?$/, '');
  return (
    REQUIRED_MESSAGES[field.name] ??
    (field.kind === 'radios' ? `Select an answer: ${label.toLowerCase()}` : `Enter ${label.charAt(0).toLowerCase()}${label.slice(1)}`)
  );
}

/**
 * A page's answers checked: each asked field must be answered (unless optional), and the estimate's
 * reading of everything so far must find nothing wrong with this page's fields.
 */
export function checkPage(page: QuestionPage, answers: CheckAnswers): FormError[] {
  const fields = askedFields(page, answers);
  const errors: FormError[] = [];
  for (const field of fields) {
    const value = (answers[field.name] ?? '').trim();
    if (value !== '' || field.optional) continue;
    errors.push({ field: field.name, message: requiredMessage(field) });
  }
  if (page.id === 'children' && errors.length === 0) {
    const n = Number(answers.childCount);
    if (!/^\d{1,2}$/.test(answers.childCount ?? '') || n > MAX_CHILDREN)
      errors.push({ field: 'childCount', message: `Enter how many children live with you, a number from 0 to ${MAX_CHILDREN}` });
  }
  if (page.id === 'situation' && errors.length === 0) {
    const chosen = (answers.situation ?? '').split(',');
    if (chosen.includes('none') && chosen.length > 1)
      errors.push({ field: 'situation', message: 'Select the ones that apply, or "None of these", not both' });
  }
  const names = new Set(fields.map((f) => f.name));
  const read = readMoneyAnswers(toRawAnswers(answers));
  if (!read.ok)
    for (const problem of read.problems) {
      const field = pageFieldOf(problem.field);
      if (names.has(field) && !errors.some((e) => e.field === field)) errors.push({ field, message: problem.message });
    }
  return errors;
}

/** The pages asked, given the answers so far. */
export function pagesAsked(pages: readonly QuestionPage[], answers: CheckAnswers): QuestionPage[] {
  return pages.filter((p) => p.applies(answers));
}

/** The page after this one, or null at the end (check your answers). */
export function nextPage(pages: readonly QuestionPage[], answers: CheckAnswers, current: string): QuestionPage | null {
  const asked = pagesAsked(pages, answers);
  const index = asked.findIndex((p) => p.id === current);
  return asked[index + 1] ?? null;
}

/** The page before this one, or null at the first. */
export function previousPage(pages: readonly QuestionPage[], answers: CheckAnswers, current: string): QuestionPage | null {
  const asked = pagesAsked(pages, answers);
  const index = asked.findIndex((p) => p.id === current);
  return index > 0 ? asked[index - 1]! : null;
}

/** The first page asked whose answers are missing or wrong: where a person is sent back to. */
export function firstUnanswered(pages: readonly QuestionPage[], answers: CheckAnswers): QuestionPage | null {
  return pagesAsked(pages, answers).find((p) => checkPage(p, answers).length > 0) ?? null;
}

/** Every answer as the check-your-answers page lists it, with the page to change it on. */
export function answerRows(pages: readonly QuestionPage[], answers: CheckAnswers): Array<{ page: string; label: string; answer: string }> {
  return pagesAsked(pages, answers).flatMap((page) =>
    askedFields(page, answers).map((field) => {
      const value = answers[field.name] ?? '';
      const labelOf = (v: string) => field.options?.find((o) => o.value === v)?.label ?? v;
      const pence = field.kind === 'money' ? penceFromPounds(value) : null;
      const answer =
        field.kind === 'money'
          ? pence === null
            ? 'Not given'
            : money(pence)
          : field.kind === 'checkboxes'
            ? value.split(',').filter(Boolean).map(labelOf).join('; ')
            : labelOf(value);
      return { page: page.id, label: field.label, answer };
    }),
  );
}

/** The answers ready for the estimate, or the first page still to answer. */
export function completeAnswers(
  pages: readonly QuestionPage[],
  answers: CheckAnswers,
): { ok: true; answers: MoneyAnswers } | { ok: false; page: QuestionPage } {
  const missing = firstUnanswered(pages, answers);
  if (missing) return { ok: false, page: missing };
  const read = readMoneyAnswers(toRawAnswers(answers));
  if (!read.ok) return { ok: false, page: pagesAsked(pages, answers)[0]! };
  return { ok: true, answers: read.answers };
}

/** Every field some page can ask (with every answer that widens a page given), and its kind: nothing else can ride along in the answers. */
export function knownFields(pages: readonly QuestionPage[]): ReadonlyMap<string, QuestionField['kind']> {
  const widest: CheckAnswers = { couple: 'yes', home: 'social', childCount: String(MAX_CHILDREN), age: '20' };
  for (let i = 1; i <= MAX_CHILDREN; i += 1) widest[`child-${i}-age`] = '10';
  return new Map(pages.flatMap((p) => p.fields(widest).map((f) => [f.name, f.kind] as const)));
}

const HOME_TYPES: Record<string, string> = {
  privateRenter: 'private',
  councilTenant: 'social',
  housingAssociation: 'social',
  ownerMortgage: 'owner',
  ownerOutright: 'owner',
  familyOrFriends: 'none',
};

/**
 * The self-assessment's answers that the money check asks too, as its answers: the home, the
 * children, the bedrooms, a single adult living alone (not a couple), and no pay for someone not working. The
 * self-assessment asks no rent or pay amounts, so those are the person's to give. Each can be changed.
 */
export function fromSelfAssessment(answers: Record<string, unknown>): CheckAnswers {
  const known: CheckAnswers = {};
  const home = typeof answers.homeType === 'string' ? HOME_TYPES[answers.homeType] : undefined;
  if (home) known.home = home;
  const children = Number(answers.children);
  if (Number.isInteger(children) && children >= 0 && children <= MAX_CHILDREN) known.childCount = String(children);
  // One adult in the home is no couple; two or more could be a couple or not, so that is asked.
  if (Number(answers.adults) === 1) known.couple = 'no';
  if (answers.work === 'notWorking' || answers.work === 'cannotWork') known.takeHomeMonthly = '0';
  // The bedrooms the home has (asked of council and housing association tenants here): the same question.
  const bedrooms = Number(answers.bedrooms);
  if (Number.isInteger(bedrooms) && bedrooms >= 1 && bedrooms <= MAX_BEDROOMS) known.bedrooms = String(bedrooms);
  return known;
}
