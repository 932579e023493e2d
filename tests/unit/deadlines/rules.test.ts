import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { daysLeft, deadlineFor, POLICY_PROMISE, RULES, type Period } from '@/lib/deadlines/rules';
import { POLICY_TEXT_FILE, POLICY_VERSION } from '@/lib/policy/version';
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

  it('marks a deadline provisional when only its extension or its second step runs past what is certain', () => {
    // 15 January 2027 + 10 working days = 29 January, still certain; +5 more = 5 February, not.
    const access = deadlineFor({ regime: 'ru152', type: 'access', receivedAt: '2027-01-15' });
    const extended = deadlineFor({ regime: 'ru152', type: 'access', receivedAt: '2027-01-15', extended: true });
    expect(access).toMatchObject({ dueDate: '2027-01-29', provisional: false });
    expect(extended).toMatchObject({ dueDate: '2027-01-29', extendedDueDate: '2027-02-05', provisional: true });
    // Restriction: stop by 25 January (certain), destroy by 3 February (not).
    expect(deadlineFor({ regime: 'ru152', type: 'restriction', receivedAt: '2027-01-20' })).toMatchObject({
      dueDate: '2027-01-25',
      thenDueDate: '2027-02-03',
      provisional: true,
    });
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
        provisional: false,
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

/** How a label writes a period, in each language. */
const SAID: Record<'ru' | 'en', (period: Period) => RegExp> = {
  ru: (p) =>
    p.unit === 'immediately'
      ? /^Немедленно/
      : p.unit === 'months'
        ? [/^$/, /^Один месяц/, /ещё на два месяца/][p.count]!
        : new RegExp(`${p.count} ${p.unit === 'working_days' ? 'рабочих дн' : 'дней'}`),
  en: (p) =>
    p.unit === 'immediately'
      ? /^Immediately/
      : p.unit === 'months'
        ? [/^$/, /^One month/, /two further months/][p.count]!
        : new RegExp(`${p.count} ${p.unit === 'working_days' ? 'working days' : 'days'}`),
};

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

  for (const regime of ['ru152', 'gdpr'] as const) {
    for (const type of REQUEST_TYPES) {
      const rule = RULES[regime][type];
      it(`${regime} ${type}: the label states the rule's period, extension and second step in both languages`, () => {
        for (const lang of ['ru', 'en'] as const) {
          if (!rule.period) {
            expect(rule.label[lang]).toMatch(
              lang === 'ru' ? /^Закон не устанавливает срок/ : /^The law sets no deadline/,
            );
            continue;
          }
          expect(rule.label[lang]).toMatch(SAID[lang](rule.period));
          if (rule.extension) expect(rule.label[lang]).toMatch(SAID[lang](rule.extension));
          if (rule.then) {
            expect(rule.label[lang]).toMatch(SAID[lang](rule.then.period));
            expect(rule.then.label[lang]).toMatch(lang === 'ru' ? /уничтожить/ : /destroy/);
          }
        }
      });
    }
  }

  it('gives each 152-FZ rule its own id; every GDPR request runs on the one-month rule; a rule with no period is "none"', () => {
    const rules = new Set(['ru152', 'gdpr'].flatMap((r) => Object.values(RULES[r as 'ru152' | 'gdpr'])));
    const ids = [...rules].filter((r) => r.period && r.regime === 'ru152').map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of rules) {
      if (!rule.period) expect(rule.id).toBe('none');
      else if (rule.regime === 'ru152') expect(rule.id).toMatch(/^ru152-[a-z]+$/);
      else expect(rule.id).toBe('gdpr-one-month');
    }
    expect(RULES.ru152.access.id).toBe('ru152-access');
    expect(RULES.ru152.rectification.id).not.toBe(RULES.ru152.erasure.id);
  });

  it('counts days left on its regime’s calendar: Russian working days for 152-FZ, Monday to Friday for the GDPR', () => {
    // 9 March 2026 is a day off (8 March fell on a Sunday): a Russian working day fewer.
    for (const regime of ['ru152', 'gdpr'] as const) {
      for (const type of REQUEST_TYPES) {
        const rule = RULES[regime][type];
        expect({ type, left: daysLeft('2026-03-13', '2026-03-05', rule.counting).workingDays }).toEqual({
          type,
          left: regime === 'ru152' ? 5 : 6,
        });
      }
    }
  });
});

describe('Ingroup’s own promise (policy §5.3), beside the law’s deadline', () => {
  const policy = readFileSync(POLICY_TEXT_FILE, 'utf8');
  const section = policy.slice(policy.indexOf('5.3 Opting out'), policy.indexOf('6. Third-Party Services'));

  it('is the policy’s "up to ten (10) business days", in both languages, citing the section and the policy’s date', () => {
    const [, words, count] = /up to (\w+) \((\d+)\) business days/.exec(section) ?? [];
    expect(POLICY_PROMISE.period).toEqual({ unit: 'working_days', count: Number(count) });
    expect(words).toBe('ten');
    expect(POLICY_PROMISE.label.en).toMatch(
      /^Ingroup promises up to ten business days \(Mon–Fri\); .*not the legal deadline$/,
    );
    expect(POLICY_PROMISE.label.ru).toMatch(/^Ingroup обещает до десяти рабочих дней \(пн–пт\); .*не срок закона$/);
    expect(POLICY_PROMISE.source).toBe(`Ingroup privacy policy of ${POLICY_VERSION.effectiveDate}, §5.3`);
  });

  it('is made only for marketing changes', () => {
    for (const type of REQUEST_TYPES) {
      const promised = deadlineFor({ regime: 'ru152', type, receivedAt: '2026-02-20' }).promisedDueDate;
      expect({ type, promised }).toEqual({
        type,
        promised: type === 'marketing_opt_out' || type === 'marketing_opt_in' ? '2026-03-06' : undefined,
      });
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
