// The queue's search box: what was typed is read as a reference, an email address, a phone number
// or words of a name, each matched exactly (contact details are encrypted at rest).
import { describe, expect, it } from 'vitest';
import { nameWords, readCaseSearch } from '../../../src/domain/casework/case-search.ts';
import { phoneDigits } from '../../../src/domain/contact/phone.ts';
import { parseReference } from '../../../src/server/handoffs/reference.ts';

const read = (text: string) => readCaseSearch(text, parseReference);

describe('reading a case search', () => {
  it('knows a reference, an email address and a phone number however they are typed', () => {
    expect(read(' ho 7kq2 m9xa ')).toEqual({ kind: 'reference', reference: 'HO-7KQ2-M9XA' });
    expect(read(' Zoe@Mail.Example')).toEqual({ kind: 'email', email: 'zoe@mail.example' });
    expect(read('+44 (7700) 900-457')).toEqual({ kind: 'phone', digits: '07700900457' });
    expect(read('0044 7700 900457')).toEqual({ kind: 'phone', digits: '07700900457' });
  });

  it('reads anything else as whole words of a name, without case or accents', () => {
    expect(read('Zoë O’Neill')).toEqual({ kind: 'name', words: ['zoe', 'o', 'neill'] });
    expect(read('Flat 12')).toEqual({ kind: 'name', words: ['flat', '12'] });
    // Too few digits for a phone number: a word.
    expect(read('12345')).toEqual({ kind: 'name', words: ['12345'] });
    expect(read('%_!')).toEqual({ kind: 'nothing' });
    expect(read('   ')).toBeNull();
  });

  it('normalises names and numbers the one way, stored and searched', () => {
    expect(nameWords('ÁLVARO  álvaro-Núñez')).toEqual(['alvaro', 'nunez']);
    expect(nameWords('Ольга Şahin 李')).toEqual(['ольга', 'sahin', '李']);
    expect(phoneDigits('447700900457')).toBe('07700900457');
    expect(phoneDigits('07700 900 457')).toBe('07700900457');
    expect(phoneDigits('+44 (0) 7700 900457')).toBe('07700900457');
    expect(phoneDigits('0044 (0)7700 900457')).toBe('07700900457');
  });
});
