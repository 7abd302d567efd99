import { describe, expect, it } from 'vitest';
import profileJson from '../../../content/council.json' with { type: 'json' };
import { council, parseCouncilProfile } from '../../../src/config/council.ts';

const withChanges = (changes: Record<string, unknown>) => ({ ...structuredClone(profileJson), ...changes });

describe('council profile (content/council.json)', () => {
  it('is valid as shipped, with the demo council and its teams', () => {
    expect(council.name).toBe('Harrowmere Borough Council');
    expect(council.teams.map((t) => t.id)).toContain('housing-options');
    expect(council.contacts.emergency.map((c) => c.phone)).toContain('999');
  });

  it('refuses a brand colour that white header text cannot be read on, naming the field', () => {
    expect(() => parseCouncilProfile(withChanges({ brandColour: '#7fb2d9' }))).toThrow(/brandColour: must be dark enough for white text/);
  });

  it('refuses a brand colour that is not #rrggbb', () => {
    expect(() => parseCouncilProfile(withChanges({ brandColour: 'teal' }))).toThrow(/brandColour: must be a colour in #rrggbb form/);
  });

  it('refuses a quick-exit address that is not https', () => {
    expect(() => parseCouncilProfile(withChanges({ quickExitUrl: 'http://example.com' }))).toThrow(/quickExitUrl/);
  });

  it('refuses duplicate team ids and malformed phone numbers', () => {
    const teams = [
      { id: 'a', name: 'A' },
      { id: 'a', name: 'B' },
    ];
    expect(() => parseCouncilProfile(withChanges({ teams }))).toThrow(/teams: team ids must be unique/);
    const contacts = { ...profileJson.contacts, outOfHours: { name: 'Line', phone: 'call us' } };
    expect(() => parseCouncilProfile(withChanges({ contacts }))).toThrow(/contacts\.outOfHours\.phone/);
  });
});
