import { describe, expect, it } from 'vitest';
import { keyOf, translator, type Translate } from '@/lib/i18n';
import { ANSWER_KINDS, DERIVED_STATUSES } from '@/lib/requests/record';
import { CONSENT_METHODS, CONSENT_STATES, LANGS } from '@/lib/vocabulary';

describe('words for every value of a finite set', () => {
  it('builds the key from its prefix and the value', () => {
    expect(keyOf('requests.status', 'overdue')).toBe('requests.status.overdue');
  });

  it.each(LANGS)('has %s words for every request status, answer, consent state and method', (lang) => {
    const t = translator(lang);
    const keys = [
      ...DERIVED_STATUSES.map((s) => keyOf('requests.status', s)),
      ...ANSWER_KINDS.map((a) => keyOf('requests.answer', a)),
      ...CONSENT_STATES.map((s) => keyOf('consent.state', s)),
      ...CONSENT_METHODS.map((m) => keyOf('consent.method', m)),
    ];
    for (const key of keys) {
      const words = t(key);
      expect(words, key).toBeTruthy();
      expect(words, key).not.toBe(key);
    }
  });

  it('makes a value without words a type error, not a blank in the page', () => {
    const t: Translate = translator('en');
    const status = 'lost' as (typeof DERIVED_STATUSES)[number] | 'lost';
    // @ts-expect-error: there are no words for a request status 'lost', so the key is not a MessageKey.
    expect(t(keyOf('requests.status', status))).toBeUndefined();
    // @ts-expect-error: a plain string could be anything; only a finite set is checked against the dictionaries.
    expect(() => t(keyOf('requests.status', String(status)))).not.toThrow();
  });
});
