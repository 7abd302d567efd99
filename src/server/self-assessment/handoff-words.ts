// What the hand-off's checks say, in the language of the page the person is on.
import { translator, type Translate } from '../../config/languages.ts';
import type { ContactCheckWords } from '../../domain/handoff/contact-details.ts';
import type { ConsentWords } from '../../domain/handoff/consent.ts';
import type { Locale } from '../../domain/language/locales.ts';
import type { TextProblemWords } from '../../domain/text/plain-text.ts';

export function textProblemWords(t: Translate): TextProblemWords {
  return { control: t('text.control'), direction: t('text.direction'), 'line-break': t('text.lineBreak'), 'too-long': t('text.tooLong') };
}

export function contactCheckWords(locale: Locale): ContactCheckWords {
  const t = translator(locale);
  return {
    nameLabel: t('handoff.nameLabel'),
    nameRequired: t('handoff.nameRequired'),
    emailLabel: t('handoff.emailShortLabel'),
    phoneInvalid: t('handoff.phoneInvalid'),
    emailInvalid: t('handoff.emailInvalid'),
    preferredRequired: t('handoff.preferredRequired'),
    phoneMissing: t('handoff.phoneMissing'),
    emailMissing: t('handoff.emailMissing'),
    notesLabel: t('handoff.notesShortLabel'),
    voicemailRequired: t('handoff.voicemailRequired'),
    safeTimesRequired: t('handoff.safeTimesRequired'),
    languageRequired: t('handoff.languageRequired'),
    textProblems: textProblemWords(t),
    locale: locale === 'en' ? 'en-GB' : locale,
  };
}

export function consentWords(locale: Locale): ConsentWords {
  const t = translator(locale);
  return {
    agree: t('consent.agree'),
    agreePartner: t('consent.agreePartner'),
    use: t('consent.use'),
    kept: t('consent.kept'),
    months: (count) => t.count('count.months', count),
  };
}
