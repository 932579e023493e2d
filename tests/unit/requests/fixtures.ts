/** Invented test data: the account, admin and widget codes are fixtures, not real ones. */
import type { RequestEvent, RequestRecord } from '@/lib/requests/record';
import type { RequestBody } from '@/lib/requests/types';

export const POLICY = {
  effectiveDate: '2022-01-20',
  sha256: '798bbae77da8aa56e178355f301f576cf58522a3576f63124604e15ec86abafb',
};

/** A consent ledger head as a request carries it (an invented hash). */
export const LEDGER_HEAD = { headHash: '5d2c9e0f'.repeat(8), events: 3 };

export function makeBody(overrides: Partial<RequestBody> = {}): RequestBody {
  return {
    id: crypto.randomUUID(),
    type: 'access',
    createdAt: '2026-03-02T09:00:00.000Z',
    locale: 'ru',
    regime: 'ru152',
    account: { id: 31000001, subdomain: 'fixture-agency', host: 'fixture-agency.amocrm.ru' },
    requester: { userId: 7001, name: 'Ирина Тестова', email: 'irina@fixture.example', phone: '+7 900 000-00-00' },
    widgets: ['fixture_ingroup_calls', 'fixture_ingroup_forms'],
    policy: POLICY,
    ledger: LEDGER_HEAD,
    client: { name: 'ingroup-privacy-amocrm', version: '0.1.0' },
    ...overrides,
  };
}

export function makeRecord(events: RequestEvent[], overrides: Partial<RequestRecord> = {}): RequestRecord {
  const body = overrides.body ?? makeBody();
  return {
    id: body.id,
    host: body.account.host,
    type: body.type,
    channel: 'endpoint',
    body,
    createdAt: Date.parse(body.createdAt),
    attempts: 0,
    events,
    ...overrides,
  };
}

export const REQUEST_ID = '3f0c6c1e-8a57-4c1f-9a51-0d9a7a5b2c11';

/** A request to demo.amocrm.ru with the given events, received by Ingroup at `receivedAt` when given. */
export function requestRecord(
  events: RequestEvent[],
  receivedAt?: string,
  type: RequestRecord['type'] = 'access',
): RequestRecord {
  const body = makeBody({
    id: REQUEST_ID,
    type,
    createdAt: '2026-11-02T09:00:00.000Z',
    account: { id: 31415926, subdomain: 'demo', host: 'demo.amocrm.ru' },
  });
  return makeRecord(events, {
    body,
    attempts: 1,
    openSince: Date.parse(body.createdAt),
    ...(receivedAt
      ? {
          receipt: {
            id: REQUEST_ID,
            reference: 'IG-2026-000001',
            status: 'received',
            receivedAt,
            verification: 'none',
          },
        }
      : {}),
  });
}

/** Queued, sent and received at `at`. */
export function sentEvents(at: string): RequestEvent[] {
  return [
    { at: Date.parse(at) - 1000, kind: 'queued' },
    { at: Date.parse(at), kind: 'sent' },
    { at: Date.parse(at), kind: 'received', reference: 'IG-2026-000001' },
  ];
}
