// A self-assessment's answers that reach a moderate need and offer a hand-off: a private renter
// with a section 21 notice, repairs needed, Council Tax owed and fewer hours at work. By option
// value, so the same answers serve every language.
export const MODERATE_RENTER: Array<[step: string, raw: string | string[]]> = [
  ['danger', 'no'],
  ['tonight', 'yes'],
  ['courtOrBailiff', 'no'],
  ['homeType', 'privateRenter'],
  ['noticeReceived', 'section21'],
  ['leaveBy', 'later'],
  ['homeProblems', ['disrepair']],
  ['arrears', 'no'],
  ['otherDebts', ['councilTax']],
  ['incomeDrop', 'fewerHours'],
  ['benefits', 'yes'],
  ['moneyHelp', ['incomeCheck']],
  ['work', 'partTime'],
  ['workHelp', ['findWork']],
  ['workBarriers', ['childcare']],
  ['supportNeeds', ['none']],
];
