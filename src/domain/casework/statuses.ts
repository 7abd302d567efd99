// Names of a hand-off's statuses and need levels as staff read them.

export const CASE_STATUSES = ['new', 'acknowledged', 'appointment_arranged', 'in_progress', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const STATUS_NAMES: Record<CaseStatus, string> = {
  new: 'New',
  acknowledged: 'Acknowledged',
  appointment_arranged: 'Appointment arranged',
  in_progress: 'In progress',
  closed: 'Closed',
};

export const NEED_LEVELS = ['emergency', 'high', 'moderate', 'low'] as const;
export type NeedLevel = (typeof NEED_LEVELS)[number];

export const NEED_NAMES: Record<NeedLevel, string> = { emergency: 'Emergency', high: 'High', moderate: 'Moderate', low: 'Low' };

/** GOV.UK tag colours: the more urgent, the stronger. */
export const NEED_TAG_CLASS: Record<NeedLevel, string> = {
  emergency: 'govuk-tag--red',
  high: 'govuk-tag--orange',
  moderate: 'govuk-tag--yellow',
  low: 'govuk-tag--grey',
};
