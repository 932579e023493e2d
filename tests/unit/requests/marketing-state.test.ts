import { describe, expect, it } from 'vitest';
import { marketingRequestState } from '@/lib/requests/marketing-state';
import type { DerivedStatus } from '@/lib/requests/record';
import type { ConsentState } from '@/lib/vocabulary';

const request = (type: string, status: DerivedStatus, overdue = false) => ({
  record: { type, createdAt: 1 },
  state: { status, updatedAt: 2 },
  overdue,
  dueDate: '2026-12-01',
});
const choice = (state: ConsentState) => ({ state });

describe('the state beside a popup’s marketing switch', () => {
  it.each([
    ['no choice and no request', null, null, { kind: 'none' }],
    ['allowed, as recorded, with nothing sent', choice('given'), null, { kind: 'none' }],
    [
      'opted out, request received',
      choice('refused'),
      request('marketing_opt_out', 'received'),
      { kind: 'request', type: 'marketing_opt_out', status: 'received' },
    ],
    [
      'opted out, request sent',
      choice('refused'),
      request('marketing_opt_out', 'sent'),
      { kind: 'request', status: 'sent' },
    ],
    [
      'opted out, overdue by law',
      choice('refused'),
      request('marketing_opt_out', 'received', true),
      { kind: 'request', status: 'overdue', dueDate: '2026-12-01' },
    ],
    [
      'opted out, not delivered',
      choice('withdrawn'),
      request('marketing_opt_out', 'failed'),
      { kind: 'request', status: 'failed' },
    ],
    ['opted out with no request (panel never opened)', choice('refused'), null, { kind: 'unsent', state: 'refused' }],
    [
      'opted out after an opt-in request',
      choice('refused'),
      request('marketing_opt_in', 'received'),
      { kind: 'unsent', state: 'refused' },
    ],
    [
      'back on, opt-in received',
      choice('given'),
      request('marketing_opt_in', 'received'),
      { kind: 'request', type: 'marketing_opt_in', status: 'received' },
    ],
    ['a request that is not a marketing one is not shown', null, request('erasure', 'received'), { kind: 'none' }],
  ] as const)('%s', (_label, c, last, expected) => {
    expect(marketingRequestState(c, last)).toMatchObject(expected);
  });
});
