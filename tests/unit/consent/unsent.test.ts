import { describe, expect, it } from 'vitest';
import type { ChoiceRow } from '@/lib/consent/choices';
import { unsentChoice } from '@/lib/consent/unsent';
import type { RequestRecord } from '@/lib/requests/record';

const HOST = 'fixture-agency.amocrm.ru';
const row = (state: ChoiceRow['state']): ChoiceRow => ({
  host: HOST,
  purpose: 'marketing',
  state,
  timestamp: '2026-11-30T10:00:00+03:00',
  seq: 3,
  eventId: 'e',
  policy: { effectiveDate: '2022-01-20', sha256: 'x' },
});
const told = (
  type: 'marketing_opt_in' | 'marketing_opt_out',
  createdAt: number,
  failed = false,
): Pick<RequestRecord, 'type' | 'createdAt' | 'events'> => ({
  type,
  createdAt,
  events: [{ at: createdAt, kind: 'queued' }, ...(failed ? [{ at: createdAt + 1, kind: 'failed' as const }] : [])],
});

describe('imported marketing choices Ingroup has not been told', () => {
  it.each([
    ['an imported refusal, Ingroup told nothing (its default: allowed)', 'import', 'refused', [], true],
    [
      'an imported refusal, Ingroup last told opt-in',
      'import',
      'refused',
      [told('marketing_opt_out', 1), told('marketing_opt_in', 2)],
      true,
    ],
    ['an imported refusal, Ingroup last told opt-out', 'import', 'refused', [told('marketing_opt_out', 2)], false],
    [
      'an imported refusal whose opt-out request failed',
      'import',
      'refused',
      [told('marketing_opt_out', 2, true)],
      true,
    ],
    ['an imported consent, Ingroup told nothing', 'import', 'given', [], false],
    ['an imported consent, Ingroup last told opt-out', 'import', 'given', [told('marketing_opt_out', 2)], true],
    ['a refusal made here (sent as it was made)', 'popup', 'refused', [], false],
  ] as const)('%s: offered = %s', (_label, method, state, requests, offered) => {
    const result = unsentChoice(row(state), { method }, requests);
    expect(result !== null).toBe(offered);
    if (result) expect(result).toEqual({ host: HOST, state, timestamp: '2026-11-30T10:00:00+03:00' });
  });
});
