// @vitest-environment node
/**
 * Every letter and the complaint, written out in both languages and held to reviewed snapshots
 * (tests/unit/requests/letters/*.txt). Each test's name says the article each claim rests on;
 * a change to a letter shows up here as a diff to read, not as a silent drift.
 */
import { describe, expect, it } from 'vitest';
import type { Regime } from '@/lib/vocabulary';
import { REQUEST_TYPES, type RequestType } from '@/lib/vocabulary';
import { complaintText } from '@/lib/requests/complaint';
import { emailText } from '@/lib/requests/email';
import { requestView } from '@/lib/requests/view';
import { makeBody, makeRecord, sentEvents } from './fixtures';

const ID = '6d3f1c2a-1b2c-4d5e-8f90-0a1b2c3d4e5f';

/** The articles each letter type rests on, by regime: the test names say them. */
const RESTS_ON: Record<Regime, Record<RequestType, string>> = {
  ru152: {
    access: 'Arts. 14(7), 20(1); deadline 14(3); identity and signature 14(3)',
    rectification: 'Arts. 14(1), 20(3) (7 working days); identity 14(3)',
    erasure: 'Arts. 14(1), 20(3): ground "not necessary for the stated purpose"; 7 working days',
    portability: 'Art. 14(7): no portability in 152-FZ, asked as access; deadline 14(3)',
    objection: 'Art. 21(5.1): a demand to stop, 10 working days + 5',
    restriction: 'Arts. 14(1), 21(1), 21(3): block, stop in 3 working days, destroy in 10',
    withdraw_consent: 'Arts. 9(2), 21(5): 30 days',
    marketing_opt_out: 'Art. 15(2) 152-FZ, Art. 18(1) 38-FZ: immediately',
    marketing_opt_in: 'Art. 15(1) 152-FZ, Art. 18(1) 38-FZ: consent, no deadline',
  },
  gdpr: {
    access: 'GDPR Art. 15; deadline Art. 12(3)',
    rectification: 'GDPR Art. 16; deadline Art. 12(3)',
    erasure: 'GDPR Art. 17(1)(a), (b): ground stated; deadline Art. 12(3)',
    portability: 'GDPR Art. 20; deadline Art. 12(3)',
    objection: 'GDPR Art. 21(1); deadline Art. 12(3)',
    restriction: 'GDPR Art. 18; deadline Art. 12(3)',
    withdraw_consent: 'GDPR Art. 7(3); deadline Art. 12(3)',
    marketing_opt_out: 'GDPR Art. 21(2), (3); deadline Art. 12(3), no "immediately"',
    marketing_opt_in: 'GDPR Arts. 6(1)(a), 7: consent, no deadline',
  },
};

function letterRecord(regime: Regime, type: RequestType, identity = true) {
  const body = makeBody({
    id: ID,
    type,
    regime,
    createdAt: '2026-12-17T09:00:00.000Z',
    locale: regime === 'ru152' ? 'ru' : 'en',
    account: { id: 31415926, subdomain: 'demo', host: regime === 'ru152' ? 'demo.amocrm.ru' : 'demo.kommo.com' },
    ...(type === 'rectification' ? { corrections: [{ field: 'admin_phone', value: '+7 900 111-22-33' }] } : {}),
  });
  return makeRecord(sentEvents('2026-12-17T09:00:00Z'), {
    body,
    receipt: {
      id: ID,
      reference: 'IG-2026-000042',
      status: 'received',
      receivedAt: '2026-12-17T09:00:00Z',
      verification: 'none',
    },
    ...(identity ? { identity: { document: 'паспорт 0000 000000, выдан 01.01.2020 (fixture)' } } : {}),
  });
}

describe('letters to Ingroup, reviewed in both languages', () => {
  for (const regime of ['ru152', 'gdpr'] as const) {
    for (const type of REQUEST_TYPES) {
      for (const lang of ['ru', 'en'] as const) {
        it(`${regime} ${type} (${lang}) rests on ${RESTS_ON[regime][type]}`, async () => {
          const mail = emailText(letterRecord(regime, type), lang);
          await expect(`Subject: ${mail.subject}\n\n${mail.body.replaceAll('\r\n', '\n')}\n`).toMatchFileSnapshot(
            `letters/${regime}-${type}.${lang}.txt`,
          );
        });
      }
    }
  }

  it('offers the account as the relationship with Ingroup when the admin typed none, and never an identity document it was not given', () => {
    const body = emailText(letterRecord('ru152', 'access', false), 'ru').body;
    expect(body).toContain('Отношения с оператором: администратор аккаунта amoCRM demo (demo.amocrm.ru, ID 31415926)');
    expect(body).not.toContain('Документ, удостоверяющий личность');
  });

  it('never promises "immediately" in a GDPR opt-out: Art. 21(3) has no such word', () => {
    for (const lang of ['ru', 'en'] as const)
      expect(emailText(letterRecord('gdpr', 'marketing_opt_out'), lang).body).not.toMatch(/immediately|немедленно/i);
  });

  it('asks each 152-FZ request to be answered on its own deadline, not one for all', () => {
    const deadlines = REQUEST_TYPES.map((type) =>
      emailText(letterRecord('ru152', type), 'en')
        .body.split('\r\n')
        .find((l) => l.startsWith('Please')),
    ).filter(Boolean);
    expect(new Set(deadlines).size).toBeGreaterThanOrEqual(6);
  });
});

describe('the complaint, reviewed in both languages', () => {
  for (const regime of ['ru152', 'gdpr'] as const) {
    for (const lang of ['ru', 'en'] as const) {
      const rests =
        regime === 'ru152'
          ? '152-FZ Art. 17(1) (the right to complain), Art. 23(3) (the measures asked)'
          : 'GDPR Art. 77 (the right to complain), Art. 58(2)(c) (the order asked)';
      it(`${regime} (${lang}) rests on ${rests}`, async () => {
        const view = requestView(letterRecord(regime, 'access'), regime, new Date('2027-04-01T09:00:00Z'));
        expect(view.overdue).toBe(true);
        await expect(`${complaintText(view, regime, lang)}\n`).toMatchFileSnapshot(
          `letters/complaint-${regime}.${lang}.txt`,
        );
      });
    }
  }
});
