import { describe, expect, it } from 'vitest';
import { daysLeft, deadlineFor, RULES } from '@/lib/deadlines/rules';
import type { RequestType } from '@/lib/vocabulary';
import { REQUEST_TYPES } from '@/lib/vocabulary';

/**
 * Receipts in the last fortnight of 2026, counted into January 2027 on the calendar Labour Code
 * Art. 112 makes by itself (1–8 January holidays, 9–10 January a weekend; 31 December 2026 off by
 * decree No. 1466). Civil Code Art. 191: the count starts the day after receipt; Art. 193: a
 * period ending on a non-working day ends on the next working day.
 */
const DECEMBER = ['2026-12-17', '2026-12-21', '2026-12-25', '2026-12-30', '2026-12-31'] as const;

// type → [due for each receipt in DECEMBER], with the article it rests on.
const RU152: Record<
  Exclude<RequestType, 'marketing_opt_in'>,
  { article: string; due: string[]; extended?: string[]; then?: string[] }
> = {
  // 152-FZ Art. 14(3): 10 working days, +5 with a reasoned notice.
  access: {
    article: '14(3)',
    due: ['2027-01-11', '2027-01-13', '2027-01-19', '2027-01-22', '2027-01-22'],
    extended: ['2027-01-18', '2027-01-20', '2027-01-26', '2027-01-29', '2027-01-29'],
  },
  // No portability in 152-FZ: an access request for the data in a machine-readable form.
  portability: {
    article: '14(3)',
    due: ['2027-01-11', '2027-01-13', '2027-01-19', '2027-01-22', '2027-01-22'],
    extended: ['2027-01-18', '2027-01-20', '2027-01-26', '2027-01-29', '2027-01-29'],
  },
  // Art. 20(3): 7 working days.
  rectification: { article: '20(3)', due: ['2026-12-28', '2026-12-30', '2027-01-14', '2027-01-19', '2027-01-19'] },
  erasure: { article: '20(3)', due: ['2026-12-28', '2026-12-30', '2027-01-14', '2027-01-19', '2027-01-19'] },
  // Art. 21(3): stop within 3 working days; destroy within 10.
  restriction: {
    article: '21(3)',
    due: ['2026-12-22', '2026-12-24', '2026-12-30', '2027-01-13', '2027-01-13'],
    then: ['2027-01-11', '2027-01-13', '2027-01-19', '2027-01-22', '2027-01-22'],
  },
  // Art. 21(5.1): 10 working days, +5.
  objection: {
    article: '21(5.1)',
    due: ['2027-01-11', '2027-01-13', '2027-01-19', '2027-01-22', '2027-01-22'],
    extended: ['2027-01-18', '2027-01-20', '2027-01-26', '2027-01-29', '2027-01-29'],
  },
  // Art. 21(5): 30 days; 16, 24 and 30 January 2027 are weekend days, moved to Monday (Civil Code Art. 193).
  withdraw_consent: { article: '21(5)', due: ['2027-01-18', '2027-01-20', '2027-01-25', '2027-01-29', '2027-02-01'] },
  // Art. 15(2), 38-FZ Art. 18(1): immediately — the day of receipt is the last day.
  marketing_opt_out: { article: '15(2)', due: [...DECEMBER] },
};

describe('152-FZ deadlines per request type, into January 2027', () => {
  for (const [type, expected] of Object.entries(RU152) as [keyof typeof RU152, (typeof RU152)[keyof typeof RU152]][]) {
    it.each(DECEMBER.map((received, i) => [received, i] as const))(
      `${type} (Art. ${expected.article}) received %s`,
      (received, i) => {
        const deadline = deadlineFor({
          regime: 'ru152',
          type,
          receivedAt: `${received}T12:00:00+03:00`,
          extended: true,
        });
        expect(deadline.dueDate).toBe(expected.due[i]);
        expect(deadline.extendedDueDate).toBe(expected.extended?.[i]);
        expect(deadline.thenDueDate).toBe(expected.then?.[i]);
        expect(deadline.rule.source).toContain(`ст. ${expected.article.split('(')[0]}`);
      },
    );
  }

  it('never extends a rule the statute gives no extension', () => {
    for (const type of ['rectification', 'erasure', 'restriction', 'withdraw_consent', 'marketing_opt_out'] as const) {
      expect(
        deadlineFor({ regime: 'ru152', type, receivedAt: '2026-11-02', extended: true }).extendedDueDate,
      ).toBeUndefined();
    }
  });

  it('takes rectification 7 working days across the 4 November holiday', () => {
    expect(deadlineFor({ regime: 'ru152', type: 'rectification', receivedAt: '2026-11-02' }).dueDate).toBe(
      '2026-11-12',
    );
  });

  it('moves a 30-day withdrawal that ends in the New Year holidays to the first working day', () => {
    // 5 December + 30 days = 4 January 2027, a holiday; 5–10 January are holidays and a weekend.
    expect(deadlineFor({ regime: 'ru152', type: 'withdraw_consent', receivedAt: '2026-12-05' }).dueDate).toBe(
      '2027-01-11',
    );
  });

  it('counts from the day after receipt in Moscow: 21:30 UTC is already the next day', () => {
    expect(deadlineFor({ regime: 'ru152', type: 'access', receivedAt: '2026-02-19T21:30:00Z' }).dueDate).toBe(
      '2026-03-10',
    );
    expect(deadlineFor({ regime: 'ru152', type: 'access', receivedAt: '2026-02-19T20:30:00Z' }).dueDate).toBe(
      '2026-03-06',
    );
  });

  it('marks a date counted past what the provisional 2027 calendar makes certain', () => {
    expect(deadlineFor({ regime: 'ru152', type: 'access', receivedAt: '2026-12-17' }).provisional).toBe(false);
    expect(deadlineFor({ regime: 'ru152', type: 'withdraw_consent', receivedAt: '2026-12-31' }).provisional).toBe(true);
    expect(deadlineFor({ regime: 'ru152', type: 'access', receivedAt: '2027-03-01' }).provisional).toBe(true);
    expect(deadlineFor({ regime: 'gdpr', type: 'access', receivedAt: '2027-03-01' }).provisional).toBe(false);
  });
});

describe('GDPR Art. 12(3): one month, extendable by two', () => {
  it.each([
    ['2026-12-17', '2027-01-18', '2027-03-17', '17 January 2027 is a Sunday'],
    ['2026-12-21', '2027-01-21', '2027-03-22', '21 March 2027 is a Sunday'],
    ['2026-12-25', '2027-01-25', '2027-03-25', ''],
    ['2026-12-30', '2027-02-01', '2027-03-30', '30 January 2027 is a Saturday'],
    ['2026-12-31', '2027-02-01', '2027-03-31', '31 January 2027 is a Sunday'],
    ['2027-01-31', '2027-03-01', '2027-04-30', '28 February 2027 is a Sunday'],
    ['2028-01-31', '2028-02-29', '2028-05-01', 'a leap year; 30 April 2028 is a Sunday'],
    ['2026-03-31', '2026-04-30', '2026-06-30', 'no 31 April: the last day of the month'],
  ])('received %s: due %s, extended %s (%s)', (received, due, extended) => {
    for (const type of REQUEST_TYPES.filter((t) => t !== 'marketing_opt_in')) {
      const deadline = deadlineFor({ regime: 'gdpr', type, receivedAt: received, extended: true });
      expect({ type, due: deadline.dueDate, extended: deadline.extendedDueDate }).toEqual({ type, due, extended });
    }
  });

  it('says the law sets no deadline for consent given (a marketing opt-in), under either regime', () => {
    for (const regime of ['ru152', 'gdpr'] as const) {
      const deadline = deadlineFor({ regime, type: 'marketing_opt_in', receivedAt: '2026-12-17' });
      expect(deadline).toMatchObject({
        dueDate: null,
        rule: { id: 'none', period: null },
        promisedDueDate: '2026-12-31',
      });
    }
  });
});

describe('the marketing opt-out: the law’s "immediately" is the deadline, the policy’s ten days a promise', () => {
  it('is due the day it is received under 152-FZ, with Ingroup’s ten business days beside it', () => {
    const deadline = deadlineFor({
      regime: 'ru152',
      type: 'marketing_opt_out',
      receivedAt: '2026-02-20T10:00:00+03:00',
    });
    expect(deadline).toMatchObject({
      dueDate: '2026-02-20',
      promisedDueDate: '2026-03-06',
      rule: { period: { unit: 'immediately' }, cites: ['ru152-15-2', 'ad38-18-1'] },
    });
  });

  it('runs on Art. 12(3)’s month under the GDPR, whose Art. 21(3) has no "immediately"', () => {
    const deadline = deadlineFor({ regime: 'gdpr', type: 'marketing_opt_out', receivedAt: '2026-02-20' });
    expect(deadline).toMatchObject({
      dueDate: '2026-03-20',
      promisedDueDate: '2026-03-06',
      rule: { cites: ['gdpr-12-3', 'gdpr-21-3'] },
    });
  });
});

describe('the rule table', () => {
  it('has a rule, with a source, for every request type in both regimes', () => {
    for (const regime of ['ru152', 'gdpr'] as const) {
      for (const type of REQUEST_TYPES) {
        const rule = RULES[regime][type];
        expect(rule.regime).toBe(regime);
        expect(rule.source.length).toBeGreaterThan(5);
      }
    }
  });
});

describe('daysLeft', () => {
  it.each([
    ['2026-03-10', '2026-02-20', 'ru152', { workingDays: 10, calendarDays: 18, overdue: false }],
    ['2026-03-10', '2026-03-06', 'ru152', { workingDays: 1, calendarDays: 4, overdue: false }],
    ['2026-03-10', '2026-03-10', 'ru152', { workingDays: 0, calendarDays: 0, overdue: false }],
    ['2026-03-10', '2026-03-12', 'ru152', { workingDays: -2, calendarDays: -2, overdue: true }],
    ['2026-03-06', '2026-02-20', 'business', { workingDays: 10, calendarDays: 14, overdue: false }],
    ['2026-03-10', '2026-03-06', 'gdpr', { workingDays: 2, calendarDays: 4, overdue: false }],
    ['2026-12-30', '2027-01-12', 'ru152', { workingDays: -2, calendarDays: -13, overdue: true }],
  ] as const)('due %s, today %s, on the %s calendar', (due, today, regime, expected) => {
    expect(daysLeft(due, today, regime)).toEqual(expected);
  });

  it('reads today as the date in Moscow', () => {
    expect(daysLeft('2026-03-10', new Date('2026-03-10T21:30:00Z'), 'ru152')).toEqual({
      workingDays: -1,
      calendarDays: -1,
      overdue: true,
    });
    expect(daysLeft('2026-03-10', new Date('2026-03-10T20:30:00Z'), 'ru152').overdue).toBe(false);
  });
});
