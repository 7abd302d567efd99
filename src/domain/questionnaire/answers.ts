// What a person's answers look like: one value per question id.
// Radios hold one option value, checkboxes a list of option values, number questions a number.
export type AnswerValue = string | string[] | number;
export type Answers = Readonly<Record<string, AnswerValue>>;
