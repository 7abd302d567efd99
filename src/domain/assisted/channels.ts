// How a self-assessment reached the service: the person alone on the website, or with an adviser
// (on the phone, at an outreach surgery, at an office visit). An adviser starting one says who is
// filling it in and that the privacy notice was read to or shown to the person, as CORE's
// declaration and the GOV.UK assisted digital guidance ask (docs: README "Assisted help").
import type { FormError } from '../forms.ts';

export const ASSISTED_CHANNELS = ['phone', 'surgery', 'office'] as const;
export type AssistedChannel = (typeof ASSISTED_CHANNELS)[number];

/** Every channel a hand-off can come by: "web" is the person alone on the website. */
export const CHANNELS = ['web', ...ASSISTED_CHANNELS] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_NAMES: Record<Channel, string> = {
  web: 'Website, on their own',
  phone: 'Assisted by phone',
  surgery: 'Assisted at an outreach surgery',
  office: 'Assisted at an office visit',
};

/** Who has the screen: the person (the adviser beside them), or the adviser typing what the person says. */
export const FILLED_IN_BY = ['person', 'adviser'] as const;
export type FilledInBy = (typeof FILLED_IN_BY)[number];

export const FILLED_IN_BY_NAMES: Record<FilledInBy, string> = {
  person: 'The person, with the adviser beside them',
  adviser: 'The adviser, for the person',
};

export const PRIVACY_NOTICE_GIVEN = ['read-aloud', 'shown'] as const;
export type PrivacyNoticeGiven = (typeof PRIVACY_NOTICE_GIVEN)[number];

export const PRIVACY_NOTICE_NAMES: Record<PrivacyNoticeGiven, string> = {
  'read-aloud': 'Read to them',
  shown: 'Shown to them to read',
};

export interface AssistedStart {
  channel: AssistedChannel;
  /** The outreach surgery's place (content/outreach/surgeries.json), for the surgery channel only. */
  surgeryId: string | null;
  filledInBy: FilledInBy;
  privacyNotice: PrivacyNoticeGiven;
}

export function isChannel(value: string): value is Channel {
  return (CHANNELS as readonly string[]).includes(value);
}

type Form = Record<string, string | string[] | undefined>;
const one = (form: Form, name: string) => {
  const value = form[name];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
};
const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/**
 * Checks the adviser's answers before an assisted self-assessment starts. On the phone the person
 * cannot have the screen, so the adviser fills it in and reads the notice aloud.
 */
export function checkAssistedStart(
  form: Form,
  /** The outreach surgeries' place ids. */
  surgeryIds: ReadonlySet<string>,
): { ok: true; value: AssistedStart } | { ok: false; errors: FormError[] } {
  const errors: FormError[] = [];
  const channel = one(form, 'channel');
  const surgery = one(form, 'surgery');
  const filledInBy = one(form, 'filledInBy');
  const notice = one(form, 'privacyNotice');
  if (!isOneOf(ASSISTED_CHANNELS, channel)) errors.push({ field: 'channel', message: 'Select how you are helping the person' });
  else if (channel === 'surgery' && !surgeryIds.has(surgery))
    errors.push({ field: 'surgery', message: 'Select the outreach surgery you are at' });
  if (!isOneOf(FILLED_IN_BY, filledInBy)) errors.push({ field: 'filledInBy', message: 'Select who is filling in the answers' });
  else if (channel === 'phone' && filledInBy === 'person')
    errors.push({
      field: 'filledInBy',
      message: 'On the phone the person cannot see your screen: select that you are filling it in for them',
    });
  if (!isOneOf(PRIVACY_NOTICE_GIVEN, notice))
    errors.push({
      field: 'privacyNotice',
      message: 'Select how the person was given the privacy notice: it must be read to them or shown to them first',
    });
  else if (channel === 'phone' && notice === 'shown')
    errors.push({ field: 'privacyNotice', message: 'On the phone the privacy notice must be read to the person' });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      channel: channel as AssistedChannel,
      surgeryId: channel === 'surgery' ? surgery : null,
      filledInBy: filledInBy as FilledInBy,
      privacyNotice: notice as PrivacyNoticeGiven,
    },
  };
}
