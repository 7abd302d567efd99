import { describe, expect, it } from 'vitest';
import { checkAssistedStart } from '../../../src/domain/assisted/channels.ts';

const surgeries = new Set(['eastgate-library']);

describe('starting an assisted self-assessment', () => {
  it('accepts each channel with who has the screen and how the notice was given', () => {
    expect(
      checkAssistedStart({ channel: 'phone', filledInBy: 'adviser', privacyNotice: 'read-aloud', surgery: 'eastgate-library' }, surgeries),
    ).toEqual({
      ok: true,
      value: { channel: 'phone', surgeryId: null, filledInBy: 'adviser', privacyNotice: 'read-aloud' },
    });
    expect(
      checkAssistedStart({ channel: 'surgery', surgery: 'eastgate-library', filledInBy: 'person', privacyNotice: 'shown' }, surgeries),
    ).toEqual({
      ok: true,
      value: { channel: 'surgery', surgeryId: 'eastgate-library', filledInBy: 'person', privacyNotice: 'shown' },
    });
  });

  it('names each field that is missing or does not fit', () => {
    const fields = (form: Record<string, string>) => {
      const checked = checkAssistedStart(form, surgeries);
      return checked.ok ? [] : checked.errors.map((e) => e.field);
    };
    expect(fields({})).toEqual(['channel', 'filledInBy', 'privacyNotice']);
    expect(fields({ channel: 'email', filledInBy: 'adviser', privacyNotice: 'shown' })).toEqual(['channel']);
    expect(fields({ channel: 'surgery', surgery: 'nowhere', filledInBy: 'adviser', privacyNotice: 'shown' })).toEqual(['surgery']);
    // On the phone the person cannot have the screen, and the notice is read to them.
    expect(fields({ channel: 'phone', filledInBy: 'person', privacyNotice: 'shown' })).toEqual(['filledInBy', 'privacyNotice']);
    expect(fields({ channel: 'office', filledInBy: 'person', privacyNotice: 'skipped' })).toEqual(['privacyNotice']);
  });
});
